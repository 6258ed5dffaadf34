import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** One import of one file: who, when, what, and what it did. */
export const incidentImports = pgTable("incident_imports", {
  id: uuid().primaryKey().defaultRandom(),
  fileName: text().notNull(),
  format: text().notNull(),
  importedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  /** Who, as text: the user's email, or "command line". Kept when the user is deleted. */
  importedByLabel: text().notNull(),
  total: integer().notNull(),
  newCount: integer().notNull(),
  updatedCount: integer().notNull(),
  unchangedCount: integer().notNull(),
  /** Invalid records the user chose to skip: `{index, id?, reasons}[]`, every one of them. */
  skippedRecords: jsonb().notNull().default(sql`'[]'::jsonb`),
  /** Objects that were not incidents (scheduled maintenances): `{index, id?, reasons}[]`. */
  ignoredRecords: jsonb().notNull().default(sql`'[]'::jsonb`),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The current state of each record, with the columns that filters and search need. The record
 * itself (as imported) lives in incident_versions; `version` points at the current one.
 * `search` is a stored, weighted tsvector (title A, summary and root cause B, the rest C and D)
 * generated from the search_* texts, with a GIN index: ts_rank reads it without re-parsing.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: text().primaryKey(),
    version: integer().notNull(),
    contentHash: text().notNull(),
    title: text().notNull(),
    status: text(),
    severity: text(),
    organization: text(),
    services: text().array().notNull().default(sql`'{}'::text[]`),
    regions: text().array().notNull().default(sql`'{}'::text[]`),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    customersAffected: bigint({ mode: "number" }),
    searchA: text().notNull().default(""),
    searchB: text().notNull().default(""),
    searchC: text().notNull().default(""),
    searchD: text().notNull().default(""),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('english', search_a), 'A') || setweight(to_tsvector('english', search_b), 'B') || setweight(to_tsvector('english', search_c), 'C') || setweight(to_tsvector('english', search_d), 'D')`,
    ),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("incidents_search_idx").using("gin", t.search),
    index("incidents_started_idx").on(t.startedAt.desc(), t.id.desc()),
    index("incidents_org_idx").on(t.organization, t.startedAt.desc()),
    index("incidents_services_idx").using("gin", t.services),
    index("incidents_regions_idx").using("gin", t.regions),
    index("incidents_tags_idx").using("gin", t.tags),
    index("incidents_severity_idx").on(t.severity),
  ],
);

/** Every version of every record, exactly as imported, with its raw source and content hash. */
export const incidentVersions = pgTable(
  "incident_versions",
  {
    incidentId: text()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    record: jsonb().notNull(),
    raw: jsonb(),
    sourceFormat: text().notNull(),
    contentHash: text().notNull(),
    changedFields: text().array().notNull().default(sql`'{}'::text[]`),
    importId: uuid()
      .notNull()
      .references(() => incidentImports.id),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.version] }), index().on(t.importId)],
);

/** An uploaded file waiting for the user to confirm its preview; removed on import or after a day. */
export const incidentUploads = pgTable("incident_uploads", {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  fileName: text().notNull(),
  format: text(),
  /** The CSV column mapping the preview used, so that the confirm reads the file the same way. */
  csvMapping: jsonb(),
  content: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A saved CSV column mapping: how one tool's CSV export maps onto the canonical fields, kept by
 * name for the whole workspace so that the next export of that tool imports in one step.
 */
export const csvMappings = pgTable("csv_mappings", {
  name: text().primaryKey(),
  /** `{ "<column in the file>": "<canonical field>" | null }`; null leaves the column out. */
  mapping: jsonb().notNull(),
  updatedBy: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
