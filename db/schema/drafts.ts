import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DRAFT_KINDS, DRAFT_STATES } from "../../app/domain/workflow";
import { users } from "./auth";
import { cases } from "./cases";

export const draftStateEnum = pgEnum("draft_state", DRAFT_STATES);
export const draftKindEnum = pgEnum("draft_kind", DRAFT_KINDS);

/**
 * A statement (or holding statement) a case answers with. Its text lives in draft_versions;
 * `currentVersionId` points at the latest. Review and publication keep their own tables.
 */
export const drafts = pgTable(
  "drafts",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: draftKindEnum().notNull().default("statement"),
    title: text().notNull(),
    state: draftStateEnum().notNull().default("draft"),
    /** The latest version (no foreign key, to keep the two tables free of a cycle). */
    currentVersionId: uuid(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.caseId)],
);

/**
 * Every save of a draft: immutable, numbered 1, 2, 3… per draft. The unique (draft_id, number)
 * index is what makes optimistic concurrency safe across processes: two saves based on the same
 * version both try the same number, and only one insert succeeds.
 */
export const draftVersions = pgTable(
  "draft_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    draftId: uuid()
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    /** Markdown with citation markers such as [^c3]. */
    body: text().notNull(),
    /** SHA-256 (hex) of body. */
    hash: text().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    basedOnVersionId: uuid(),
    /** Citation markers resolved: [{ marker, claimId, evidenceLinkIds, incidentIds }]. */
    citations: jsonb().notNull().default(sql`'[]'::jsonb`),
    /** Passages inserted from snippets: [{ snippetId, hash, approvedBy, approvedAt, start, end }]. */
    snippetRefs: jsonb().notNull().default(sql`'[]'::jsonb`),
    /** The checks computed on save: { flags: [...], counts }. */
    checks: jsonb().notNull().default(sql`'{}'::jsonb`),
    /** Claims left out of a generated draft, with why. */
    notReady: jsonb().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [uniqueIndex().on(t.draftId, t.number)],
);

/** Pre-approved language: holding statements and standard sentences legal approves once. */
export const snippets = pgTable("snippets", {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  /** "holding" or "sentence": only a label for the library. */
  category: text().notNull().default("sentence"),
  body: text().notNull(),
  /** SHA-256 (hex) of body; an edit changes it and clears the approval. */
  hash: text().notNull(),
  approvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  approvedAt: timestamp({ withTimezone: true }),
  archivedAt: timestamp({ withTimezone: true }),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The wording the generator uses, as data comms can edit. One row per key. */
export const draftTemplates = pgTable("draft_templates", {
  key: text().primaryKey(),
  /** { headline, intro, ... } strings with {placeholders}. */
  body: jsonb().notNull(),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A check flag a person waived with a written reason, for one draft. */
export const draftFlagWaivers = pgTable(
  "draft_flag_waivers",
  {
    id: uuid().primaryKey().defaultRandom(),
    draftId: uuid()
      .notNull()
      .references(() => drafts.id, { onDelete: "cascade" }),
    /** The flag's stable key: kind, rule and the flagged text (not its offset, which moves). */
    flagKey: text().notNull(),
    reason: text().notNull(),
    waivedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    waivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.draftId, t.flagKey)],
);
