/**
 * Incident records: all-or-nothing import with versions, search, detail and export.
 * Import parses and validates the whole file first (domain), then writes everything in one
 * transaction in batches; a record whose content hash is unchanged gets no new version.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client";
import { queryRows } from "#db/client";
import { csvMappings, incidentImports, incidents, incidentUploads, incidentVersions } from "#db/schema";
import {
  contentHash,
  diffIncidents,
  incidentSearchText,
  parseIncidentFile,
  type CsvMapping,
  type ImportError,
  type Incident,
  type IncidentFileFormat,
  type SkippedRecord,
} from "~/domain/incidents";
import { recordEvent } from "./audit.server";
import { orderIncidentKeys } from "~/domain/incidents/order";

const BATCH = 1000;

export interface ImportActor {
  userId?: string;
  /** The user's email, or "command line". */
  label: string;
}

export interface ImportCounts {
  total: number;
  new: number;
  updated: number;
  unchanged: number;
}

export type ImportOutcome =
  | ({
      ok: true;
      importId: string | null;
      format: IncidentFileFormat;
      /** Invalid records left out by the user's choice, each with its reasons. */
      skipped: SkippedRecord[];
      /** Objects that are not incidents (scheduled maintenances), left out. */
      ignored: SkippedRecord[];
    } & ImportCounts)
  | {
      ok: false;
      format?: IncidentFileFormat;
      errors: ImportError[];
      truncated?: boolean;
      /** Set when only records are invalid and some are valid: the user may import those. */
      skippable?: { valid: number; invalid: number };
      ignored?: SkippedRecord[];
    };

/** How to read a file: a forced format, a CSV column mapping, and whether to skip invalid records. */
export interface ReadOptions {
  format?: IncidentFileFormat;
  csvMapping?: CsvMapping;
  skipInvalid?: boolean;
}

/** Called after each batch; a returned promise is awaited, which lets a streaming response flush on the embedded database. */
export type ProgressFn = (done: number, total: number) => void | Promise<void>;

interface Existing {
  id: string;
  version: number;
  contentHash: string;
}

async function existingFor(db: Db, ids: string[]): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  for (let i = 0; i < ids.length; i += BATCH * 5) {
    const slice = ids.slice(i, i + BATCH * 5);
    const rows = await db
      .select({ id: incidents.id, version: incidents.version, contentHash: incidents.contentHash })
      .from(incidents)
      .where(inArray(incidents.id, slice));
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

function classify(records: Incident[], hashes: string[], existing: Map<string, Existing>): ImportCounts {
  const counts: ImportCounts = { total: records.length, new: 0, updated: 0, unchanged: 0 };
  records.forEach((record, i) => {
    const before = existing.get(record.id);
    if (!before) counts.new++;
    else if (before.contentHash === hashes[i]) counts.unchanged++;
    else counts.updated++;
  });
  return counts;
}

/** The incidents-table row for a record version (also used by the benchmark's COPY reference). */
export function toIncidentRow(record: Incident, hash: string, version: number) {
  const text = incidentSearchText(record);
  return {
    id: record.id,
    version,
    contentHash: hash,
    title: record.title,
    status: record.status ?? null,
    severity: record.severity ?? null,
    organization: record.organization ?? null,
    services: record.services ?? [],
    regions: record.regions ?? [],
    tags: [...new Set((record.contributingFactors ?? []).map((f) => f.tag))],
    startedAt: new Date(record.startedAt),
    resolvedAt: record.resolvedAt ? new Date(record.resolvedAt) : null,
    customersAffected: record.customersAffected ?? null,
    searchA: text.a,
    searchB: text.b,
    searchC: text.c,
    searchD: text.d,
    updatedAt: new Date(),
  };
}

/** Parses and validates a file and says what importing it would do, writing nothing. */
export async function previewImport(db: Db, text: string, options: IncidentFileFormat | ReadOptions = {}): Promise<ImportOutcome> {
  const read = typeof options === "string" ? { format: options } : options;
  const parsed = parseIncidentFile(text, read);
  if (!parsed.ok) return parsed;
  const hashes = parsed.records.map(contentHash);
  const existing = await existingFor(db, parsed.records.map((r) => r.id));
  return {
    ok: true,
    importId: null,
    format: parsed.format,
    skipped: parsed.invalid,
    ignored: parsed.ignored,
    ...classify(parsed.records, hashes, existing),
  };
}

/**
 * Imports a file: every record or none. Re-importing an id adds a version (with the fields that
 * changed) unless the content is identical. Progress is reported after each batch.
 */
export async function importIncidents(
  db: Db,
  input: { text: string; fileName: string; actor: ImportActor; onProgress?: ProgressFn } & ReadOptions,
): Promise<ImportOutcome> {
  const parsed = parseIncidentFile(input.text, { format: input.format, csvMapping: input.csvMapping, skipInvalid: input.skipInvalid });
  if (!parsed.ok) return parsed;
  const { records, raws, format, invalid, ignored } = parsed;
  const hashes = records.map(contentHash);
  const total = records.length;

  return db.transaction(async (tx) => {
    const existing = await existingFor(tx as unknown as Db, records.map((r) => r.id));
    const counts = classify(records, hashes, existing);
    const [importRow] = await tx
      .insert(incidentImports)
      .values({
        fileName: input.fileName,
        format,
        importedBy: input.actor.userId ?? null,
        importedByLabel: input.actor.label,
        total,
        newCount: counts.new,
        updatedCount: counts.updated,
        unchangedCount: counts.unchanged,
        skippedRecords: invalid,
        ignoredRecords: ignored,
      })
      .returning({ id: incidentImports.id });

    for (let start = 0; start < total; start += BATCH) {
      const end = Math.min(start + BATCH, total);
      const changedIdx: number[] = [];
      for (let i = start; i < end; i++) {
        const before = existing.get(records[i].id);
        if (!before || before.contentHash !== hashes[i]) changedIdx.push(i);
      }
      if (changedIdx.length) {
        const updatedIds = changedIdx.map((i) => records[i].id).filter((id) => existing.has(id));
        const previous = await previousRecords(tx as unknown as Db, updatedIds, existing);
        const rows = changedIdx.map((i) => toIncidentRow(records[i], hashes[i], (existing.get(records[i].id)?.version ?? 0) + 1));
        await upsertIncidentRows(tx as unknown as Db, rows);
        await insertVersionRows(
          tx as unknown as Db,
          changedIdx.map((i) => {
            const before = previous.get(records[i].id);
            return {
              incident_id: records[i].id,
              version: (existing.get(records[i].id)?.version ?? 0) + 1,
              record: records[i],
              raw: raws[i] ?? null,
              source_format: format,
              content_hash: hashes[i],
              changed_fields: before ? diffIncidents(before, records[i]) : [],
              import_id: importRow.id,
            };
          }),
        );
      }
      await input.onProgress?.(end, total);
    }
    await recordEvent(tx as unknown as Db, { id: input.actor.userId ?? null, label: input.actor.label }, {
      action: "incidents.imported",
      entityType: "incident_import",
      entityId: importRow.id,
      data: {
        fileName: input.fileName,
        format,
        ...counts,
        skipped: invalid.map((record) => ({ index: record.index, id: record.id ?? null, reasons: record.reasons })),
        ignored: ignored.length,
      },
    });
    return { ok: true as const, importId: importRow.id, format, skipped: invalid, ignored, ...counts };
  });
}

/**
 * Bulk writes pass one batch as a single JSON parameter expanded by jsonb_to_recordset: one
 * statement, one parameter, far cheaper to send and plan than a thousand-row VALUES list.
 */
async function upsertIncidentRows(db: Db, rows: ReturnType<typeof toIncidentRow>[]) {
  const payload = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      version: r.version,
      content_hash: r.contentHash,
      title: r.title,
      status: r.status,
      severity: r.severity,
      organization: r.organization,
      services: r.services,
      regions: r.regions,
      tags: r.tags,
      started_at: r.startedAt.toISOString(),
      resolved_at: r.resolvedAt?.toISOString() ?? null,
      customers_affected: r.customersAffected,
      search_a: r.searchA,
      search_b: r.searchB,
      search_c: r.searchC,
      search_d: r.searchD,
    })),
  );
  await db.execute(sql`
    insert into incidents (id, version, content_hash, title, status, severity, organization, services, regions, tags,
                           started_at, resolved_at, customers_affected, search_a, search_b, search_c, search_d, updated_at)
    select id, version, content_hash, title, status, severity, organization, services, regions, tags,
           started_at, resolved_at, customers_affected, search_a, search_b, search_c, search_d, now()
    from jsonb_to_recordset(${payload}::jsonb) as x(id text, version int, content_hash text, title text, status text,
         severity text, organization text, services text[], regions text[], tags text[], started_at timestamptz,
         resolved_at timestamptz, customers_affected bigint, search_a text, search_b text, search_c text, search_d text)
    on conflict (id) do update set
      version = excluded.version, content_hash = excluded.content_hash, title = excluded.title, status = excluded.status,
      severity = excluded.severity, organization = excluded.organization, services = excluded.services,
      regions = excluded.regions, tags = excluded.tags, started_at = excluded.started_at, resolved_at = excluded.resolved_at,
      customers_affected = excluded.customers_affected, search_a = excluded.search_a, search_b = excluded.search_b,
      search_c = excluded.search_c, search_d = excluded.search_d, updated_at = excluded.updated_at`);
}

async function insertVersionRows(db: Db, rows: Record<string, unknown>[]) {
  await db.execute(sql`
    insert into incident_versions (incident_id, version, record, raw, source_format, content_hash, changed_fields, import_id)
    select incident_id, version, record, raw, source_format, content_hash, changed_fields, import_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(incident_id text, version int, record jsonb, raw jsonb,
         source_format text, content_hash text, changed_fields text[], import_id uuid)`);
}

async function previousRecords(db: Db, ids: string[], existing: Map<string, Existing>): Promise<Map<string, Incident>> {
  const out = new Map<string, Incident>();
  if (!ids.length) return out;
  const rows = await db
    .select({ id: incidentVersions.incidentId, version: incidentVersions.version, record: incidentVersions.record })
    .from(incidentVersions)
    .where(inArray(incidentVersions.incidentId, ids));
  for (const row of rows) if (existing.get(row.id)?.version === row.version) out.set(row.id, row.record as Incident);
  return out;
}

/** Every current record in the canonical format, exactly as imported, in id order, a batch at a time. */
export async function* exportIncidents(db: Db): AsyncGenerator<Incident> {
  let after = "";
  for (;;) {
    const rows = await db
      .select({ id: incidents.id, record: incidentVersions.record })
      .from(incidents)
      .innerJoin(incidentVersions, and(eq(incidentVersions.incidentId, incidents.id), eq(incidentVersions.version, incidents.version)))
      .where(sql`${incidents.id} > ${after}`)
      .orderBy(asc(incidents.id))
      .limit(BATCH);
    for (const row of rows) yield orderIncidentKeys(row.record as Incident);
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

export interface IncidentFilters {
  q?: string;
  organization?: string;
  service?: string;
  region?: string;
  severity?: string;
  tag?: string;
  /** YYYY-MM-DD, inclusive, on startedAt (UTC). */
  from?: string;
  to?: string;
  page?: number;
}

export const PAGE_SIZE = 25;

export interface IncidentListItem {
  id: string;
  title: string;
  severity: string | null;
  status: string | null;
  organization: string | null;
  services: string[];
  regions: string[];
  tags: string[];
  startedAt: string;
  resolvedAt: string | null;
  /** ts_headline of the summary and root cause, with <b> marks (escaped text otherwise). */
  snippet: string | null;
  rank: number | null;
}

function filterConditions(f: IncidentFilters): SQL[] {
  const where: SQL[] = [];
  if (f.organization) where.push(eq(incidents.organization, f.organization));
  if (f.service) where.push(sql`${incidents.services} @> array[${f.service}]::text[]`);
  if (f.region) where.push(sql`${incidents.regions} @> array[${f.region}]::text[]`);
  if (f.tag) where.push(sql`${incidents.tags} @> array[${f.tag}]::text[]`);
  if (f.severity) where.push(eq(incidents.severity, f.severity));
  if (f.from) where.push(gte(incidents.startedAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) where.push(lte(incidents.startedAt, new Date(`${f.to}T23:59:59.999Z`)));
  return where;
}

/**
 * The incident list: filters, and with `q` full-text search ranked by relevance over the stored
 * weighted tsvector, with highlighted snippets for the page shown.
 */
export async function searchIncidents(db: Db, f: IncidentFilters): Promise<{ items: IncidentListItem[]; total: number; page: number; pages: number }> {
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const where = filterConditions(f);
  const q = f.q?.trim();
  const query = q ? sql`websearch_to_tsquery('english', ${q})` : null;
  if (query) where.push(sql`${incidents.search} @@ ${query}`);
  const whereSql = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;

  // The count and the page are independent: on PostgreSQL they run on two connections at once.
  const counting = queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${incidents} ${whereSql}`);
  const offset = (page - 1) * PAGE_SIZE;
  const order = query
    ? sql`order by ts_rank(${incidents.search}, ${query}) desc, ${incidents.startedAt} desc, ${incidents.id}`
    : sql`order by ${incidents.startedAt} desc, ${incidents.id} desc`;
  const rankSql = query ? sql`ts_rank(${incidents.search}, ${query})` : sql`null::real`;
  const paging = queryRows<{
    id: string;
    title: string;
    severity: string | null;
    status: string | null;
    organization: string | null;
    services: string[];
    regions: string[];
    tags: string[];
    started_at: Date | string;
    resolved_at: Date | string | null;
    rank: number | null;
    search_b: string;
  }>(
    db,
    sql`select id, title, severity, status, organization, services, regions, tags, started_at, resolved_at, search_b, ${rankSql} as rank
        from ${incidents} ${whereSql} ${order} limit ${PAGE_SIZE} offset ${offset}`,
  );
  const [[{ total }], rows] = await Promise.all([counting, paging]);
  const snippets = query && rows.length ? await headlines(db, rows.map((r) => ({ id: r.id, text: r.search_b })), q!) : new Map();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      status: r.status,
      organization: r.organization,
      services: r.services,
      regions: r.regions,
      tags: r.tags,
      startedAt: new Date(r.started_at).toISOString(),
      resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
      snippet: snippets.get(r.id) ?? null,
      rank: r.rank === null ? null : Number(r.rank),
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** Highlighted snippets for one page of results only: ts_headline re-parses text, so never for every match. */
async function headlines(db: Db, rows: { id: string; text: string }[], q: string): Promise<Map<string, string>> {
  const values = sql.join(
    rows.map((r) => sql`(${r.id}, ${r.text})`),
    sql`, `,
  );
  const result = await queryRows<{ id: string; snippet: string }>(
    db,
    sql`select v.id, ts_headline('english', v.body, websearch_to_tsquery('english', ${q}),
          'StartSel=<<<, StopSel=>>>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
        from (values ${values}) as v(id, body)`,
  );
  return new Map(result.map((r) => [r.id, r.snippet]));
}

/** The values present, for the list's filter selects. */
export async function incidentFacets(db: Db) {
  const [row] = await queryRows<{ organizations: string[] | null; services: string[] | null; regions: string[] | null; severities: string[] | null; tags: string[] | null }>(
    db,
    sql`select
      (select array_agg(distinct organization order by organization) from ${incidents} where organization is not null) as organizations,
      (select array_agg(distinct s order by s) from ${incidents}, unnest(services) s) as services,
      (select array_agg(distinct r order by r) from ${incidents}, unnest(regions) r) as regions,
      (select array_agg(distinct severity order by severity) from ${incidents} where severity is not null) as severities,
      (select array_agg(distinct t order by t) from ${incidents}, unnest(tags) t) as tags`,
  );
  return {
    organizations: row.organizations ?? [],
    services: row.services ?? [],
    regions: row.regions ?? [],
    severities: row.severities ?? [],
    tags: row.tags ?? [],
  };
}

export interface IncidentVersionSummary {
  version: number;
  contentHash: string;
  changedFields: string[];
  sourceFormat: string;
  importedAt: string;
  importedBy: string;
  fileName: string;
}

/** The current record with its version history, or null. */
export async function getIncident(db: Db, id: string) {
  const [current] = await db
    .select({ version: incidents.version, contentHash: incidents.contentHash })
    .from(incidents)
    .where(eq(incidents.id, id));
  if (!current) return null;
  const versions = await db
    .select({
      version: incidentVersions.version,
      contentHash: incidentVersions.contentHash,
      changedFields: incidentVersions.changedFields,
      sourceFormat: incidentVersions.sourceFormat,
      importedAt: incidentVersions.importedAt,
      importedBy: incidentImports.importedByLabel,
      fileName: incidentImports.fileName,
    })
    .from(incidentVersions)
    .innerJoin(incidentImports, eq(incidentImports.id, incidentVersions.importId))
    .where(eq(incidentVersions.incidentId, id))
    .orderBy(desc(incidentVersions.version));
  const record = await getIncidentVersion(db, id, current.version);
  return {
    record: record!.record,
    raw: record!.raw,
    version: current.version,
    contentHash: current.contentHash,
    versions: versions.map((v) => ({ ...v, importedAt: v.importedAt.toISOString() })) as IncidentVersionSummary[],
  };
}

export async function getIncidentVersion(db: Db, id: string, version: number) {
  const [row] = await db
    .select({ record: incidentVersions.record, raw: incidentVersions.raw, contentHash: incidentVersions.contentHash })
    .from(incidentVersions)
    .where(and(eq(incidentVersions.incidentId, id), eq(incidentVersions.version, version)));
  return row ? { record: row.record as Incident, raw: row.raw, contentHash: row.contentHash } : null;
}

export async function countIncidents(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents);
  return row.n;
}

/** Keeps an uploaded file until its preview is confirmed. */
export async function stageUpload(
  db: Db,
  input: { userId: string; fileName: string; format?: string; content: string; csvMapping?: CsvMapping },
) {
  await db.delete(incidentUploads).where(sql`${incidentUploads.createdAt} < now() - interval '1 day'`);
  const [row] = await db
    .insert(incidentUploads)
    .values({
      userId: input.userId,
      fileName: input.fileName,
      format: input.format ?? null,
      content: input.content,
      csvMapping: input.csvMapping ?? null,
    })
    .returning({ id: incidentUploads.id });
  return row.id;
}

export async function takeUpload(db: Db, id: string, userId: string) {
  const [row] = await db
    .select()
    .from(incidentUploads)
    .where(and(eq(incidentUploads.id, id), eq(incidentUploads.userId, userId)));
  return row ? { ...row, csvMapping: (row.csvMapping ?? undefined) as CsvMapping | undefined } : null;
}

/** Every saved CSV mapping, by name. */
export async function listCsvMappings(db: Db): Promise<{ name: string; mapping: CsvMapping }[]> {
  const rows = await db.select({ name: csvMappings.name, mapping: csvMappings.mapping }).from(csvMappings).orderBy(asc(csvMappings.name));
  return rows.map((row) => ({ name: row.name, mapping: row.mapping as CsvMapping }));
}

export async function getCsvMapping(db: Db, name: string): Promise<CsvMapping | null> {
  const [row] = await db.select({ mapping: csvMappings.mapping }).from(csvMappings).where(eq(csvMappings.name, name));
  return row ? (row.mapping as CsvMapping) : null;
}

/** Saves a mapping under its name for the whole workspace, replacing one of the same name, with its audit event. */
export async function saveCsvMapping(db: Db, input: { name: string; mapping: CsvMapping; actor: ImportActor }) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ mapping: csvMappings.mapping }).from(csvMappings).where(eq(csvMappings.name, input.name)).for("update");
    await tx
      .insert(csvMappings)
      .values({ name: input.name, mapping: input.mapping, updatedBy: input.actor.label })
      .onConflictDoUpdate({ target: csvMappings.name, set: { mapping: input.mapping, updatedBy: input.actor.label, updatedAt: new Date() } });
    await recordEvent(tx as unknown as Db, { id: input.actor.userId ?? null, label: input.actor.label }, {
      action: before ? "csv_mapping.updated" : "csv_mapping.created",
      entityType: "csv_mapping",
      entityId: input.name,
      data: { mapping: input.mapping, ...(before ? { before: before.mapping } : {}) },
    });
  });
}

export async function dropUpload(db: Db, id: string) {
  await db.delete(incidentUploads).where(eq(incidentUploads.id, id));
}

// ---------------------------------------------------------------------------------------------
// For the incident pages (routes/_app.incidents.*): appended by the pages' author; the code above
// belongs to the import and search work.
// ---------------------------------------------------------------------------------------------

export interface ImportSummary {
  id: string;
  fileName: string;
  format: string;
  importedBy: string;
  total: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Invalid records the user chose to skip, with their reasons. */
  skipped: SkippedRecord[];
  /** Objects that were not incidents, left out. */
  ignored: SkippedRecord[];
  createdAt: string;
}

/** What one import did, for the list page's "Imported: …" banner; null for an unknown id. */
export async function getImportSummary(db: Db, importId: string): Promise<ImportSummary | null> {
  const [row] = await db
    .select({
      id: incidentImports.id,
      fileName: incidentImports.fileName,
      format: incidentImports.format,
      importedBy: incidentImports.importedByLabel,
      total: incidentImports.total,
      new: incidentImports.newCount,
      updated: incidentImports.updatedCount,
      unchanged: incidentImports.unchangedCount,
      skipped: incidentImports.skippedRecords,
      ignored: incidentImports.ignoredRecords,
      createdAt: incidentImports.createdAt,
    })
    .from(incidentImports)
    .where(eq(incidentImports.id, importId));
  return row
    ? { ...row, skipped: row.skipped as SkippedRecord[], ignored: row.ignored as SkippedRecord[], createdAt: row.createdAt.toISOString() }
    : null;
}

/**
 * The `internalOnly` field names of each current record, for one page of list results: the list
 * leaves those fields out, so it needs them without loading every record in full.
 */
export async function getInternalOnlyFields(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ id: incidents.id, internalOnly: sql<string[] | null>`${incidentVersions.record} -> 'internalOnly'` })
    .from(incidents)
    .innerJoin(incidentVersions, and(eq(incidentVersions.incidentId, incidents.id), eq(incidentVersions.version, incidents.version)))
    .where(inArray(incidents.id, ids));
  for (const row of rows) out.set(row.id, Array.isArray(row.internalOnly) ? row.internalOnly : []);
  return out;
}
