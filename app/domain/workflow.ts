/**
 * The enumerations of the case workflow, shared by the database schema (as pgEnums) and the UI.
 */

export const CASE_STATUSES = ["open", "responding", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Where a claim is in checking. */
export const CLAIM_STATUSES = ["new", "checking", "checked"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Whether comms kept the claim: extraction proposes, a person accepts or dismisses. */
export const CLAIM_REVIEWS = ["proposed", "accepted", "dismissed"] as const;
export type ClaimReview = (typeof CLAIM_REVIEWS)[number];

export const VERDICT_LABELS = ["accurate", "inaccurate", "misleading", "unverifiable"] as const;
export type VerdictLabelValue = (typeof VERDICT_LABELS)[number];

export const STANCES = ["supports", "contradicts", "context"] as const;
export type Stance = (typeof STANCES)[number];

export const SOURCE_FORMATS = ["text", "markdown", "html"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * Where a draft is. Drafting owns "draft"; review (fact check, legal, comms approval) and
 * publication move it through the rest.
 */
export const DRAFT_STATES = [
  "draft",
  "fact_check",
  "legal_review",
  "comms_approval",
  "approved",
  "published",
  "retracted",
  "superseded",
] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** A full statement, or a holding statement written before the facts are confirmed. */
export const DRAFT_KINDS = ["statement", "holding"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
