/**
 * The analysis of an article against the workspace's incident records: extract the claims
 * (domain), retrieve each claim's candidate pool from PostgreSQL (full-text, window, cause tags,
 * organisations), then rank, check and suggest verdicts (domain). The app and `factdesk analyze`
 * both come through here.
 *
 * Retrieval is bounded so that a claim costs a few milliseconds at 100k records: the full-text
 * match uses only the claim's selective words (estimated from a sample of the index, cached per
 * import), every other source is an index walk with a limit, and each claim's query returns ids
 * only; the records of all the article's pools are read once, together.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client";
import { queryRows } from "#db/client";
import { articleWindow, extractClaims, type ExtractedClaim } from "~/domain/claims";
import { analyzeClaims, type AnalysisContext, type AnalyzedClaim, type PoolEntry } from "~/domain/evidence";
import { readClaim, type ClaimReading } from "~/domain/evidence/claim-reading";
import { organizationMatches, regionMatches, serviceMatches } from "~/domain/evidence/scope";
import { textMentions } from "~/domain/evidence/text";
import type { Incident } from "~/domain/incidents";

/** How many records each source of the pool contributes at most. */
const LIMITS = {
  text: 20,
  /** The window's own records, in start order, and those just before and after it. */
  windowAny: 25,
  windowNear: 10,
  /** Records near the window with everything the claim names, and with each named thing on its own. */
  windowScope: 80,
  windowDimension: 30,
  tagged: 20,
  organization: 20,
};
/** Days either side of the claim's window that still count as near. */
const NEAR_DAYS = 7;
/** With a window, full-text looks this many days either side of it (a claim's date is rarely further off). */
const TEXT_MARGIN_DAYS = 14;
/** A record that started this many days before the near margin can still reach into the window. */
const LONGEST_INCIDENT_DAYS = 14;
/** The full-text lookup should read at most this many index entries… */
const TEXT_READ_BUDGET = 6000;
/** …and rank about this many records… */
const TEXT_BUDGET = 400;
/** …and never more than this many (the estimates are from a sample). */
const TEXT_CAP = 800;
/** Up to this many records, every word of the claim is matched: no estimate is needed. */
const SMALL_WORKSPACE = 3000;
/** Records read to estimate how common each indexed word is. */
const SAMPLE_ROWS = 2000;

/** What the analysis needs to know about the records as a whole; recomputed after each import. */
interface Workspace {
  key: string;
  total: number;
  vocabulary: { organizations: string[]; services: string[]; regions: string[] };
  /** Share of records containing each word, from a sample; null for small workspaces. */
  wordShare: Map<string, number> | null;
  sampleSize: number;
  /** Days from the first record's start to the last one's. */
  spanDays: number;
}

const workspaces = new WeakMap<Db, Workspace>();

/** Imports are the only writes to incident records, so the latest import names the records' state. */
const WORKSPACE_KEY = sql`(select count(*)::text || '/' || coalesce(max(created_at)::text, '') from incident_imports)`;

async function workspaceKey(db: Db): Promise<string> {
  const [row] = await queryRows<{ key: string }>(db, sql`select ${WORKSPACE_KEY} as key`);
  return row.key;
}

async function workspaceFor(db: Db, knownKey?: string): Promise<Workspace> {
  const key = knownKey ?? (await workspaceKey(db));
  const cached = workspaces.get(db);
  if (cached?.key === key) return cached;
  const [vocab] = await queryRows<{ organizations: string[] | null; services: string[] | null; regions: string[] | null; total: number; span: number | null }>(
    db,
    sql`with recursive orgs as (
          select min(organization) as name from incidents
          union all
          select (select min(organization) from incidents where organization > orgs.name) from orgs where orgs.name is not null
        )
        select (select array_agg(name order by name) from orgs where name is not null) as organizations,
               (select array_agg(distinct s order by s) from incidents, unnest(services) s) as services,
               (select array_agg(distinct r order by r) from incidents, unnest(regions) r) as regions,
               (select count(*)::int from incidents) as total,
               (select extract(epoch from max(started_at) - min(started_at)) / 86400 from incidents)::float8 as span`,
  );
  const total = Number(vocab.total);
  let wordShare: Map<string, number> | null = null;
  let sampleSize = 0;
  if (total > SMALL_WORKSPACE) {
    const percent = Math.min(100, Math.ceil((SAMPLE_ROWS / total) * 1000) / 10);
    const sample = `select search from incidents tablesample system (${percent}) repeatable (7)`;
    const [{ n }] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from (${sample}) s`));
    const words = await queryRows<{ word: string; ndoc: number }>(db, sql`select word, ndoc from ts_stat(${sample})`);
    sampleSize = Math.max(1, Number(n));
    wordShare = new Map(words.map((w) => [w.word, Number(w.ndoc) / sampleSize]));
  }
  const workspace: Workspace = {
    key,
    total,
    vocabulary: { organizations: vocab.organizations ?? [], services: vocab.services ?? [], regions: vocab.regions ?? [] },
    wordShare,
    sampleSize,
    spanDays: Math.max(1, Number(vocab.span ?? 1)),
  };
  workspaces.set(db, workspace);
  return workspace;
}

/** A PostgreSQL text[] literal, passed as one parameter (drizzle would spread a JS array). */
function textArray(values: string[], options: { unique?: boolean } = { unique: true }): string {
  const list = options.unique ? [...new Set(values)] : values;
  return `{${list.map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
}

function tsLexeme(word: string): string {
  return `'${word.replace(/'/g, "''")}'`;
}

/**
 * The indexed words of each claim, as the english configuration reads them, and (in the same
 * round trip) the workspace key that says whether the cached vocabulary still holds.
 */
async function claimWords(db: Db, texts: string[]): Promise<{ key: string; words: string[][] }> {
  const rows = await queryRows<{ key: string; words: string[][] | null }>(
    db,
    sql`select ${WORKSPACE_KEY} as key,
               (select coalesce(jsonb_agg(to_jsonb(array(select lexeme from unnest(to_tsvector('english', x.t)))) order by x.i), '[]'::jsonb)
                from unnest(${textArray(texts, { unique: false })}::text[]) with ordinality as x(t, i)) as words`,
  );
  const words = typeof rows[0].words === "string" ? (JSON.parse(rows[0].words) as string[][]) : (rows[0].words ?? []);
  return { key: rows[0].key, words: texts.map((_, i) => words[i] ?? []) };
}

/**
 * The full-text queries for a claim: `rank` is the OR of all its words (what a record is scored
 * by); `match` is the part selective enough to look up. A lookup costs the length of each
 * word's posting list (`share` × `total` records) and returns the records of the searched range
 * (`inRange`, a share of all records) that hold a word; rare words go in while both stay within
 * budget. When every word is common, the two rarest must occur together.
 */
export function textQueries(
  words: string[],
  share: (word: string) => number | null,
  total: number,
  inRange = 1,
): { rank: string; match: string } | null {
  if (!words.length) return null;
  const rank = words.map(tsLexeme).join(" | ");
  // "eu-west" is indexed as eu-west, eu and west: the parts add only cost to the lookup.
  const parts = new Set(words.filter((w) => w.includes("-")).flatMap((w) => w.split("-")));
  const estimates = words.filter((w) => !parts.has(w)).map((w) => ({ w, share: share(w) }));
  if (estimates.some((e) => e.share === null)) return { rank, match: rank };
  const sorted = estimates.map((e) => ({ w: e.w, n: e.share! * total })).sort((a, b) => a.n - b.n || (a.w < b.w ? -1 : 1));
  const rare: string[] = [];
  let read = 0;
  for (const e of sorted) {
    if (read + e.n > TEXT_READ_BUDGET || (read + e.n) * inRange > TEXT_BUDGET) break;
    rare.push(tsLexeme(e.w));
    read += e.n;
  }
  if (rare.length) return { rank, match: rare.join(" | ") };
  const together = sorted.slice(0, 2).map((e) => tsLexeme(e.w));
  return { rank, match: together.join(" & ") };
}

/** The recorded organisations, services and regions a claim speaks of, spelled as the records spell them. */
function scopeValues(reading: ClaimReading, claimText: string, ws: Workspace) {
  const { organizations, services, regions } = ws.vocabulary;
  return {
    organizations: organizations.filter(
      (o) => reading.organizations.some((c) => organizationMatches(c, o)) || textMentions(claimText, o),
    ),
    services: services.filter((s) => reading.services.some((c) => serviceMatches(c, [s])) || (s.length >= 4 && textMentions(claimText, s))),
    regions: regions.filter((r) => reading.regions.some((c) => regionMatches(c, r)) || textMentions(claimText, r)),
  };
}

interface PoolIds {
  ids: { id: string; rank: number }[];
}

/**
 * The ids of the records that may bear on one claim, with their raw full-text rank. Four
 * bounded sources: full-text (selective words, ranked by all of them), the claim's window and
 * the days near it (records in the claim's scope or with its causes first), the latest records
 * with the asserted cause tags, and the latest records of the organisations it names.
 */
async function poolIds(db: Db, ws: Workspace, claim: ExtractedClaim, context: AnalysisContext, words: string[]): Promise<PoolIds> {
  const reading = readClaim(claim, context);
  const tagList = reading.causes.filter((c) => !c.negated).map((c) => c.tag);
  const scope = scopeValues(reading, claim.text, ws);
  const window = reading.window;
  const from = window ? sql`${`${window.from}T00:00:00Z`}::timestamptz` : null;
  const to = window ? sql`${`${window.to}T23:59:59.999Z`}::timestamptz` : null;
  const published = reading.publishedDay ? `${reading.publishedDay}T23:59:59.999Z` : null;
  // Records pulled by tag or organisation alone: the latest up to the window's near edge, else up to publication.
  const upper = to ? sql`${to} + make_interval(days => ${NEAR_DAYS})` : published ? sql`${published}::timestamptz + interval '1 day'` : sql`'infinity'::timestamptz`;
  const branches: SQL[] = [];

  // Full-text: the claim's selective words, with a window only within TEXT_MARGIN_DAYS of it,
  // ranked by all of its words.
  const inRange = window ? Math.min(1, (window.toDay - window.fromDay + 1 + 2 * TEXT_MARGIN_DAYS) / ws.spanDays) : 1;
  const queries = textQueries(words, (w) => (ws.wordShare ? (ws.wordShare.get(w) ?? 0.5 / ws.sampleSize) : null), ws.total, inRange);
  const textRange = window
    ? sql`and started_at >= ${from} - make_interval(days => ${TEXT_MARGIN_DAYS}) and started_at <= ${to} + make_interval(days => ${TEXT_MARGIN_DAYS})`
    : sql``;
  const textHits = queries
    ? sql`select id, ts_rank(search, ${queries.rank}::tsquery, 32) as rank
          from (select id, search from incidents where search @@ ${queries.match}::tsquery ${textRange} limit ${TEXT_CAP}) m
          order by rank desc limit ${LIMITS.text}`
    : sql`select null::text as id, 0::real as rank where false`;

  if (window) {
    // The window and the days near it. The window's own records in start order (an index-only
    // walk), then the records in the claim's scope or with its causes: all of them together
    // first, then each on its own, each branch bounded so that no branch visits thousands of rows.
    const lower = sql`${from} - make_interval(days => ${NEAR_DAYS})`;
    const near = sql`started_at >= ${lower} - make_interval(days => ${LONGEST_INCIDENT_DAYS}) and started_at <= ${to} + make_interval(days => ${NEAR_DAYS}) and coalesce(resolved_at, started_at) >= ${lower}`;
    branches.push(sql`(select id from incidents where started_at >= ${from} and started_at <= ${to} order by started_at, id limit ${LIMITS.windowAny})`);
    branches.push(sql`(select id from incidents where started_at >= ${lower} and started_at < ${from} order by started_at desc nulls last, id desc nulls last limit ${LIMITS.windowNear})`);
    branches.push(sql`(select id from incidents where started_at > ${to} and started_at <= ${to} + make_interval(days => ${NEAR_DAYS}) order by started_at, id limit ${LIMITS.windowNear})`);
    // Regions are broad (a region holds a large share of all records): they narrow the
    // organisation or service a claim names rather than stand on their own beside it.
    const dims: SQL[] = [];
    if (scope.organizations.length) dims.push(sql`organization = any(${textArray(scope.organizations)}::text[])`);
    if (scope.services.length) dims.push(sql`services && ${textArray(scope.services)}::text[]`);
    if (tagList.length) dims.push(sql`tags && ${textArray(tagList)}::text[]`);
    const regionDim = scope.regions.length ? sql`regions && ${textArray(scope.regions)}::text[]` : null;
    if (regionDim && !scope.organizations.length && !scope.services.length) dims.push(regionDim);
    const together = regionDim && dims.length && !dims.includes(regionDim) ? [...dims, regionDim] : dims;
    if (together.length > 1) {
      branches.push(sql`(select id from incidents where ${near} and ${sql.join(together, sql` and `)} limit ${LIMITS.windowScope})`);
    }
    for (const dim of dims) branches.push(sql`(select id from incidents where ${near} and ${dim} limit ${LIMITS.windowDimension})`);
  }
  // The latest records with the asserted causes: a claim's window already holds its own; without
  // one (or for "the worst ever", measured against the past) they are the candidates.
  if (tagList.length && (!window || reading.superlative)) {
    branches.push(sql`(select id from incidents where tags && ${textArray(tagList)}::text[] and started_at <= ${upper}
                       order by started_at desc nulls last, id desc nulls last limit ${LIMITS.tagged})`);
  }
  if (scope.organizations.length) {
    branches.push(sql`(select x.id from unnest(${textArray(scope.organizations)}::text[]) as o(name),
                       lateral (select id from incidents where organization = o.name and started_at <= ${upper}
                                order by started_at desc nulls last limit ${LIMITS.organization}) x)`);
  }

  const rows = await queryRows<{ id: string; rank: number }>(
    db,
    sql`with text_hits as (${textHits}),
        pool as (select id from text_hits${branches.length ? sql` union ${sql.join(branches, sql` union `)}` : sql``})
        select p.id, coalesce(t.rank, 0)::float8 as rank from pool p left join text_hits t on t.id = p.id`,
  );
  if (!rows.length && ws.total > 0) {
    // Nothing matched by words, window, scope or cause: the latest records up to publication, so
    // that the claim is still shown its nearest records (as weak matches) rather than none.
    const latest = await queryRows<{ id: string }>(
      db,
      sql`select id from incidents where started_at <= ${upper} order by started_at desc nulls last, id desc nulls last limit ${LIMITS.organization}`,
    );
    return { ids: latest.map((r) => ({ id: r.id, rank: 0 })) };
  }
  return { ids: rows.map((r) => ({ id: r.id, rank: Number(r.rank) })) };
}

/** The current version of each record, read in one query. */
async function currentRecords(db: Db, ids: string[]): Promise<Map<string, Incident>> {
  const out = new Map<string, Incident>();
  if (!ids.length) return out;
  const rows = await queryRows<{ id: string; record: Incident }>(
    db,
    sql`select i.id, v.record from incidents i
        join incident_versions v on v.incident_id = i.id and v.version = i.version
        where i.id = any(${textArray(ids)}::text[])`,
  );
  for (const row of rows) out.set(row.id, typeof row.record === "string" ? (JSON.parse(row.record) as Incident) : row.record);
  return out;
}

/** The pool in id order, so that both drivers (whose union order differs) give the same analysis. */
function toPool(ids: PoolIds, records: Map<string, Incident>): PoolEntry[] {
  const best = Math.max(0, ...ids.ids.map((r) => r.rank));
  const sorted = [...ids.ids].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.flatMap((r) => {
    const incident = records.get(r.id);
    return incident ? [{ incident, textScore: best > 0 ? r.rank / best : 0 }] : [];
  });
}

/**
 * The records that may bear on one claim, each with its full-text score normalised to 0..1
 * (the best text match in the pool is 1).
 */
export async function candidatePool(db: Db, claim: ExtractedClaim, context: AnalysisContext): Promise<PoolEntry[]> {
  const { key, words } = await claimWords(db, [claim.text]);
  const ws = await workspaceFor(db, key);
  const ids = await poolIds(db, ws, claim, context, words[0]);
  return toPool(ids, await currentRecords(db, ids.ids.map((r) => r.id)));
}

/** Where the time of one analysis went, for the benchmark. */
export interface AnalysisTimings {
  /** Each claim's own retrieval query, ms. */
  retrieval: number[];
  /** Everything shared by the article's claims (vocabulary, words, records, ranking and checks), ms. */
  shared: number;
}

/**
 * Rank, check and judge already-extracted claims (an article's, or a case's stored claims)
 * against the current records.
 */
export async function analyzeExtractedClaims(
  db: Db,
  claims: ExtractedClaim[],
  context: AnalysisContext,
  timings?: AnalysisTimings,
): Promise<AnalyzedClaim[]> {
  const started = performance.now();
  const { key, words } = await claimWords(db, claims.map((c) => c.text));
  const ws = await workspaceFor(db, key);
  context = { ...context, knownServices: context.knownServices ?? ws.vocabulary.services };
  const ids: PoolIds[] = [];
  // Each claim's new records are read while the next claim's pool is retrieved (on PostgreSQL,
  // on another connection of the pool); PGlite simply runs them in turn.
  const requested = new Set<string>();
  const reads: Promise<Map<string, Incident>>[] = [];
  let retrieval = 0;
  for (const [i, claim] of claims.entries()) {
    const t = performance.now();
    const pool = await poolIds(db, ws, claim, context, words[i]);
    const ms = performance.now() - t;
    retrieval += ms;
    timings?.retrieval.push(ms);
    ids.push(pool);
    const fresh = pool.ids.map((r) => r.id).filter((id) => !requested.has(id));
    for (const id of fresh) requested.add(id);
    if (fresh.length) reads.push(currentRecords(db, fresh));
  }
  const records = new Map<string, Incident>();
  for (const part of await Promise.all(reads)) for (const [id, record] of part) records.set(id, record);
  const pools = new Map(claims.map((claim, i) => [claim, toPool(ids[i], records)]));
  const analyzed = analyzeClaims(claims, context, (claim) => pools.get(claim) ?? []);
  if (timings) timings.shared += performance.now() - started - retrieval;
  return analyzed;
}

export interface AnalysisResult {
  claims: AnalyzedClaim[];
  /** Below-threshold sentences, kept one click away in the app. */
  others: ExtractedClaim[];
}

/** The words the workspace's records use for organisations, services and regions, for extraction. */
export async function extractionVocabulary(db: Db): Promise<Workspace["vocabulary"]> {
  return (await workspaceFor(db)).vocabulary;
}

/** The whole analysis of one article against every record in the workspace. */
export async function analyzeArticle(
  db: Db,
  input: { text: string; publishedAt?: string },
  timings?: AnalysisTimings,
): Promise<AnalysisResult> {
  const started = performance.now();
  const ws = await workspaceFor(db);
  const extracted = extractClaims(input.text, { publishedAt: input.publishedAt, vocabulary: ws.vocabulary });
  const claims = extracted.filter((c) => !c.belowThreshold);
  const context: AnalysisContext = {
    publishedAt: input.publishedAt,
    articleWindow: articleWindow(input.text, input.publishedAt) ?? undefined,
  };
  if (timings) timings.shared += performance.now() - started;
  return {
    claims: await analyzeExtractedClaims(db, claims, context, timings),
    others: extracted.filter((c) => c.belowThreshold),
  };
}
