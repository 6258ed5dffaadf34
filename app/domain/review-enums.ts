/**
 * The enumerations of review and publication, shared by the database schema (as pgEnums), the
 * domain rules and the UI.
 */

/** What an approval means; each stage of review gives one. */
export const APPROVAL_MEANINGS = ["facts_confirmed", "legal_accuracy", "release"] as const;
export type ApprovalMeaning = (typeof APPROVAL_MEANINGS)[number];

export const APPROVAL_MEANING_LABELS: Record<ApprovalMeaning, string> = {
  facts_confirmed: "Facts confirmed",
  legal_accuracy: "Approved for legal accuracy",
  release: "Approved for release",
};

/** A reviewer's decision on a version. */
export const REVIEW_DECISIONS = ["approved", "changes_requested"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** What a comment thread is about: a passage of a draft version, or a claim or its verdict before any draft. */
export const COMMENT_TARGETS = ["passage", "claim", "verdict"] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

export const THREAD_STATUSES = ["open", "resolved"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Where a published statement stands. */
export const PUBLICATION_STATES = ["published", "retracted", "superseded"] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** The correction log of a published statement. */
export const PUBLICATION_LOG_KINDS = ["published", "retracted", "superseded", "claimreview_on", "claimreview_off"] as const;
export type PublicationLogKind = (typeof PUBLICATION_LOG_KINDS)[number];

/** A correction request to an outlet, and what came of it. */
export const CORRECTION_STATUSES = ["sent", "acknowledged", "corrected", "declined"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
