import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CASE_STATUSES, CLAIM_REVIEWS, CLAIM_STATUSES, SOURCE_FORMATS, STANCES, VERDICT_LABELS } from "../../app/domain/workflow";
import { users } from "./auth";
import { incidents } from "./incidents";

export const caseStatusEnum = pgEnum("case_status", CASE_STATUSES);
export const claimStatusEnum = pgEnum("claim_status", CLAIM_STATUSES);
export const claimReviewEnum = pgEnum("claim_review", CLAIM_REVIEWS);
export const verdictEnum = pgEnum("verdict", VERDICT_LABELS);
export const stanceEnum = pgEnum("stance", STANCES);
export const sourceFormatEnum = pgEnum("source_format", SOURCE_FORMATS);

/** One press story the company must answer. */
export const cases = pgTable(
  "cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    dueAt: timestamp({ withTimezone: true }),
    status: caseStatusEnum().notNull().default("open"),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The new-case form's idempotency key: a second submit of the same form finds this case instead of making another. */
    idempotencyKey: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.status, t.dueAt), index().on(t.ownerId), uniqueIndex().on(t.idempotencyKey)],
);

/** An article in a case. `body` is stored exactly as given (readable text for HTML); claims point into it by offsets. */
export const sources = pgTable(
  "sources",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    title: text().notNull().default(""),
    outlet: text().notNull().default(""),
    author: text().notNull().default(""),
    url: text().notNull().default(""),
    publishedAt: date(),
    format: sourceFormatEnum().notNull(),
    body: text().notNull(),
    /** The uploaded HTML, kept for reference; never rendered. */
    originalHtml: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The add-source form's idempotency key: a second submit of the same form adds nothing. */
    idempotencyKey: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId), uniqueIndex().on(t.caseId, t.idempotencyKey)],
);

/**
 * A claim to check. The same assertion in several articles (or an earlier case) is one claim
 * with several appearances. `text` is the wording people edit; each appearance keeps the exact quote.
 */
export const claims = pgTable(
  "claims",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    text: text().notNull(),
    /** Normalised text for finding the same claim elsewhere. */
    fingerprint: text().notNull(),
    kind: text().notNull(),
    checkWorthiness: real().notNull(),
    belowThreshold: boolean().notNull().default(false),
    facts: jsonb().notNull(),
    review: claimReviewEnum().notNull().default("proposed"),
    status: claimStatusEnum().notNull().default("new"),
    assigneeId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The latest suggestion: { suggested, basis, candidates, checks }. */
    suggestion: jsonb(),
    verdict: verdictEnum(),
    verdictNote: text(),
    verdictSetBy: uuid().references(() => users.id, { onDelete: "set null" }),
    verdictSetAt: timestamp({ withTimezone: true }),
    /** The suggestion the person saw when they set the verdict. */
    verdictFromSuggestion: jsonb(),
    /** Links to the same claim in an earlier case. */
    sameAsClaimId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId), index().on(t.fingerprint), index().on(t.assigneeId)],
);

/** Where a claim appears: a span of one source's body. */
export const claimAppearances = pgTable(
  "claim_appearances",
  {
    id: uuid().primaryKey().defaultRandom(),
    claimId: uuid()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    sourceId: uuid()
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    start: integer().notNull(),
    end: integer().notNull(),
    quote: text().notNull(),
  },
  (t) => [index().on(t.claimId), uniqueIndex().on(t.sourceId, t.start, t.end)],
);

/**
 * A record (or a field or excerpt of it) linked to a claim as evidence. A confirmation names the
 * record version it was made on; when the record has moved on, the confirmation is stale.
 */
export const evidenceLinks = pgTable(
  "evidence_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    claimId: uuid()
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    incidentId: text()
      .notNull()
      .references(() => incidents.id, { onDelete: "restrict" }),
    field: text(),
    excerpt: text(),
    stance: stanceEnum().notNull(),
    note: text().notNull().default(""),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    confirmedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    confirmedAt: timestamp({ withTimezone: true }),
    confirmedVersion: integer(),
    confirmedHash: text(),
  },
  (t) => [index().on(t.claimId), index().on(t.incidentId)],
);

/**
 * The audit trail: every step, hash-chained (each event's hash covers the previous one's), so
 * that a removed or altered event breaks verification.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    caseId: uuid(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    data: jsonb().notNull().default(sql`'{}'::jsonb`),
    prevHash: text().notNull(),
    hash: text().notNull(),
    /** The actor's name and roles when they acted, and the address they acted from. */
    actorName: text(),
    actorRole: text(),
    ip: text(),
    /** The SHA-256 of the draft version the step was taken on, when there is one. */
    versionHash: text(),
  },
  (t) => [index().on(t.caseId, t.seq), index().on(t.actorId, t.seq), index().on(t.action, t.seq)],
);
