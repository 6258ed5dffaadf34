import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import {
  APPROVAL_MEANINGS,
  COMMENT_TARGETS,
  CORRECTION_STATUSES,
  PUBLICATION_LOG_KINDS,
  PUBLICATION_STATES,
  REVIEW_DECISIONS,
  THREAD_STATUSES,
} from "../../app/domain/review-enums";
import { users } from "./auth";
import { cases, claims, sources } from "./cases";
import { drafts, draftVersions } from "./drafts";

export const approvalMeaningEnum = pgEnum("approval_meaning", APPROVAL_MEANINGS);
export const reviewDecisionEnum = pgEnum("review_decision", REVIEW_DECISIONS);
export const commentTargetEnum = pgEnum("comment_target", COMMENT_TARGETS);
export const threadStatusEnum = pgEnum("thread_status", THREAD_STATUSES);
export const publicationStateEnum = pgEnum("publication_state", PUBLICATION_STATES);
export const publicationLogKindEnum = pgEnum("publication_log_kind", PUBLICATION_LOG_KINDS);
export const correctionStatusEnum = pgEnum("correction_status", CORRECTION_STATUSES);

/**
 * A reviewer's decision on one exact version: its id and SHA-256 hash. Rows are never updated;
 * only each reviewer's latest decision on the draft's current version counts, so a new version
 * dismisses every earlier approval without touching them.
 */
export const approvals = pgTable(
  "approvals",
  {
    id: uuid().primaryKey().defaultRandom(),
    draftId: uuid()
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    versionId: uuid()
      .notNull()
      .references(() => draftVersions.id, { onDelete: "cascade" }),
    versionHash: text().notNull(),
    reviewerId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The reviewer's name and role as they were when they decided. */
    reviewerName: text().notNull(),
    reviewerRole: text().notNull(),
    meaning: approvalMeaningEnum().notNull(),
    decision: reviewDecisionEnum().notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.draftId, t.createdAt), index().on(t.versionId)],
);

/**
 * A comment thread: on a passage of a draft version (its quote and position when opened), or on
 * a claim or its verdict before any draft exists. Later versions re-anchor it by its quote.
 */
export const commentThreads = pgTable(
  "comment_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    target: commentTargetEnum().notNull(),
    draftId: uuid().references(() => drafts.id, { onDelete: "cascade" }),
    versionId: uuid().references(() => draftVersions.id, { onDelete: "set null" }),
    claimId: uuid().references(() => claims.id, { onDelete: "cascade" }),
    quote: text(),
    start: integer(),
    end: integer(),
    status: threadStatusEnum().notNull().default("open"),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.draftId), index().on(t.caseId), index().on(t.claimId)],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => commentThreads.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    authorName: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.threadId, t.createdAt)],
);

/**
 * A published statement: the approved version's text as published, under a public slug. One per
 * draft; retracting or superseding changes its state and adds to its correction log.
 */
export const publications = pgTable(
  "publications",
  {
    id: uuid().primaryKey().defaultRandom(),
    draftId: uuid()
      .notNull()
      .references(() => drafts.id, { onDelete: "restrict" }),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "restrict" }),
    slug: text().notNull(),
    versionId: uuid()
      .notNull()
      .references(() => draftVersions.id, { onDelete: "restrict" }),
    versionHash: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** The claims the statement answers, frozen at publication: [{ claimId, text, verdict, appearances: [{ url, outlet, publishedAt }] }]. */
    claimsAnswered: jsonb().notNull().default(sql`'[]'::jsonb`),
    state: publicationStateEnum().notNull().default("published"),
    /** ClaimReview JSON-LD on the public page; off by default. */
    claimReview: boolean().notNull().default(false),
    supersededBy: text(),
    publishedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.slug), uniqueIndex().on(t.draftId), index().on(t.caseId)],
);

/** What happened to a published statement, shown on its public page as the correction log. */
export const publicationLog = pgTable(
  "publication_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: "cascade" }),
    kind: publicationLogKindEnum().notNull(),
    reason: text().notNull().default(""),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.publicationId, t.at)],
);

/** A request to an outlet that carried a claim to correct it, and its outcome with dates. */
export const correctionRequests = pgTable(
  "correction_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    publicationId: uuid().references(() => publications.id, { onDelete: "set null" }),
    outlet: text().notNull(),
    status: correctionStatusEnum().notNull().default("sent"),
    note: text().notNull().default(""),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    correctedAt: timestamp({ withTimezone: true }),
    declinedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.sourceId), index().on(t.caseId)],
);
