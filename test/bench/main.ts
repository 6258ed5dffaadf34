/**
 * `npm run bench [-- --records N] [-- --only import|search|analyze]`: import and search at scale on
 * PGlite and PostgreSQL, with PostgreSQL's own COPY of the same rows as the reference, and the
 * analysis of an ~8-claim article (test/bench/article.md) against 1k, 10k and N records. Not a
 * test: it prints figures. PostgreSQL is BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the
 * local server.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { createDb, type DbHandle } from "../../db/client";
import { migrateDb } from "../../db/migrate";
import { createMemoryDb } from "../../db/template";
import { contentHash, type Incident } from "../../app/domain/incidents";
import { analyzeArticle, type AnalysisTimings } from "../../app/models/analysis.server";
import { importIncidents, searchIncidents, toIncidentRow, type IncidentFilters } from "../../app/models/incident.server";
import { generateIncidents, rng } from "./generate";

const { values } = parseArgs({
  options: { records: { type: "string", default: "100000" }, only: { type: "string" } },
  allowPositionals: true,
});
const N = Number(values.records);
const ONLY = values.only as string | undefined;
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const fmt = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 1 });

/**
 * 200 varied queries as people type them: one to three words from the records' vocabulary
 * (services, symptoms, causes, regions), half of them with filters, and filter-only browsing
 * several pages deep.
 */
function searchQueries(count: number): IncidentFilters[] {
  const r = rng(7);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const services = ["checkout", "search", "storefront", "payments", "images", "cart", "object storage", "compute", "load balancer", "dns", "iam", "queues", "card auth", "settlement", "fraud scoring", "payouts", "ledger", "routing", "tracking", "warehouse", "dispatch", "login", "sso", "mfa", "password reset", "ios app", "android app", "push notifications", "api gateway", "feature flags"];
  const symptoms = ["timeouts", "error rates", "latency", "partial outage", "stale data", "unavailability", "incorrect results", "misconfiguration", "suspicious traffic", "lost writes"];
  const causes = ["configuration change", "connection pool", "canary regression", "network partition", "third-party provider", "cache invalidation", "disk controller", "outdated runbook", "AI coding assistant", "AI assistant guidance", "credential stuffing", "failover"];
  const regions = ["eu-west", "eu-central", "us-east", "us-west", "ap-south", "ap-northeast", "sa-east"];
  const orgs = ["retail", "cloud", "payments", "logistics", "identity", "mobile"];
  const tags = ["deployment", "capacity", "network", "third_party", "human_error", "ai_generated_code", "security"];
  const out: IncidentFilters[] = [];
  for (let i = 0; i < count; i++) {
    const words = [pick(services), pick(symptoms), pick(causes), pick(regions)];
    const q = [words[0], ...(r() < 0.7 ? [pick(words.slice(1))] : [])].join(" ");
    switch (i % 4) {
      case 0:
        out.push({ q });
        break;
      case 1:
        out.push({ q: pick([pick(symptoms), pick(causes), pick(services)]) });
        break;
      case 2:
        out.push({ q, organization: pick(orgs), from: "2025-06-01", to: "2026-03-31" });
        break;
      default:
        out.push({ organization: pick(orgs), tag: pick(tags), severity: r() < 0.5 ? "SEV2" : undefined, page: 1 + Math.floor(r() * 10) });
    }
  }
  return out;
}

async function benchSearch(label: string, handle: DbHandle) {
  const queries = searchQueries(200);
  for (const q of queries.slice(0, 10)) await searchIncidents(handle.db, q); // warm caches
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await searchIncidents(handle.db, q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`search  ${label.padEnd(10)} ${N} records, 200 queries: p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms, max ${fmt(times[times.length - 1])} ms`);
}

async function benchImport(label: string, handle: DbHandle, text: string): Promise<number> {
  const t = performance.now();
  const outcome = await importIncidents(handle.db, { text, fileName: "bench.json", actor: { label: "bench" } });
  const seconds = (performance.now() - t) / 1000;
  if (!outcome.ok) throw new Error(`bench import failed: ${outcome.errors[0]?.message}`);
  console.log(`import  ${label.padEnd(10)} ${N} records in ${fmt(seconds)} s: ${fmt(N / seconds)} records/s`);
  return seconds;
}

/** COPY text format: \N for null, backslash escapes for the rest; arrays as {…} literals. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  let s: string;
  if (v instanceof Date) s = v.toISOString();
  else if (Array.isArray(v)) s = `{${v.map((x) => `"${String(x).replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
  else if (typeof v === "object") s = JSON.stringify(v);
  else s = String(v);
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

const INCIDENT_COLUMNS = ["id", "version", "content_hash", "title", "status", "severity", "organization", "services", "regions", "tags", "started_at", "resolved_at", "customers_affected", "search_a", "search_b", "search_c", "search_d", "updated_at"];
const VERSION_COLUMNS = ["incident_id", "version", "record", "raw", "source_format", "content_hash", "changed_fields", "import_id"];

async function benchCopy(url: string, records: Incident[]): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`truncate incidents, incident_versions, incident_imports cascade`;
  const [{ id: importId }] = await sql`insert into incident_imports (file_name, format, imported_by_label, total, new_count, updated_count, unchanged_count) values ('copy', 'json', 'bench', 0, 0, 0, 0) returning id`;
  await sql.end();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-copy-"));
  const incFile = path.join(dir, "incidents.tsv");
  const verFile = path.join(dir, "versions.tsv");
  const inc = fs.openSync(incFile, "w");
  const ver = fs.openSync(verFile, "w");
  for (const record of records) {
    const hash = contentHash(record);
    const row = toIncidentRow(record, hash, 1) as Record<string, unknown>;
    const camel = (c: string) => c.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    fs.writeSync(inc, `${INCIDENT_COLUMNS.map((c) => copyValue(row[camel(c)])).join("\t")}\n`);
    fs.writeSync(ver, `${[record.id, 1, record, record, "json", hash, [], importId].map(copyValue).join("\t")}\n`);
  }
  fs.closeSync(inc);
  fs.closeSync(ver);
  const t = performance.now();
  execFileSync("psql", [url, "-q", "-v", "ON_ERROR_STOP=1", "-c", `\\copy incidents(${INCIDENT_COLUMNS.join(",")}) from '${incFile}'`, "-c", `\\copy incident_versions(${VERSION_COLUMNS.join(",")}) from '${verFile}'`]);
  const seconds = (performance.now() - t) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`copy    postgres   ${N} records in ${fmt(seconds)} s: ${fmt(N / seconds)} records/s (psql \\copy of the same rows, the reference)`);
  return seconds;
}

// ---------------------------------------------------------------------------------------------
// Analysis: an article of about eight claims, as the press writes them, against N records.
// ---------------------------------------------------------------------------------------------

const ARTICLE = fs.readFileSync(new URL("article.md", import.meta.url), "utf8");
const ARTICLE_PUBLISHED = "2026-03-14";
const ANALYZE_RUNS = 20;

interface AnalyzeFigures {
  label: string;
  records: number;
  claims: number;
  p50: number;
  p95: number;
  retrievalP95: number;
  article: number;
  first: number;
}
const analyzeFigures: AnalyzeFigures[] = [];

/**
 * Per claim: the claim's own retrieval query plus an equal share of what the article's claims
 * share (vocabulary check, words, reading the records, ranking, checks and verdicts). The first
 * analysis after an import also builds the workspace's vocabulary and word estimates; it is
 * reported apart.
 */
async function benchAnalyze(label: string, handle: DbHandle, records: number) {
  let t = performance.now();
  const first = await analyzeArticle(handle.db, { text: ARTICLE, publishedAt: ARTICLE_PUBLISHED });
  const firstMs = performance.now() - t;
  for (let i = 0; i < 3; i++) await analyzeArticle(handle.db, { text: ARTICLE, publishedAt: ARTICLE_PUBLISHED });
  const perClaim: number[] = [];
  const retrieval: number[] = [];
  const article: number[] = [];
  for (let i = 0; i < ANALYZE_RUNS; i++) {
    const timings: AnalysisTimings = { retrieval: [], shared: 0 };
    t = performance.now();
    const result = await analyzeArticle(handle.db, { text: ARTICLE, publishedAt: ARTICLE_PUBLISHED }, timings);
    article.push(performance.now() - t);
    const share = timings.shared / Math.max(1, result.claims.length);
    for (const ms of timings.retrieval) {
      perClaim.push(ms + share);
      retrieval.push(ms);
    }
  }
  for (const list of [perClaim, retrieval, article]) list.sort((a, b) => a - b);
  const figures = {
    label,
    records,
    claims: first.claims.length,
    p50: percentile(perClaim, 50),
    p95: percentile(perClaim, 95),
    retrievalP95: percentile(retrieval, 95),
    article: percentile(article, 50),
    first: firstMs,
  };
  analyzeFigures.push(figures);
  console.log(
    `analyze ${label.padEnd(10)} ${String(records).padStart(6)} records, ${figures.claims} claims × ${ANALYZE_RUNS} runs: per claim p50 ${fmt(figures.p50)} ms, p95 ${fmt(figures.p95)} ms (its own query p95 ${fmt(figures.retrievalP95)} ms); article p50 ${fmt(figures.article)} ms; first after import ${fmt(figures.first)} ms`,
  );
}

/** How the per-claim p95 grows from the smallest size to the largest, per database. */
function reportAnalyzeGrowth() {
  for (const label of [...new Set(analyzeFigures.map((f) => f.label))]) {
    const rows = analyzeFigures.filter((f) => f.label === label).sort((a, b) => a.records - b.records);
    if (rows.length < 2) continue;
    const base = rows[0];
    const growth = rows.map((r) => `${r.records}: ${fmt(r.p95)} ms (${fmt(r.p95 / base.p95)}×)`).join(", ");
    const last = rows[rows.length - 1];
    const goal = label === "postgres" ? ` goal at ${last.records}: ≤ 20 ms and ≤ 3× the ${base.records} figure: ${last.p95 <= 20 && last.p95 <= 3 * base.p95 ? "met" : "NOT met"}` : "";
    console.log(`analyze growth ${label}: p95 per claim ${growth};${goal}`);
  }
}

/** Sizes for the analysis: 1k and 10k, and N. */
function analyzeSizes(): number[] {
  return [...new Set([1000, 10000, N])].filter((n) => n <= N).sort((a, b) => a - b);
}

/** A fresh PostgreSQL database with `records` imported, vacuumed and analysed as autovacuum would leave it. */
async function withPostgres<T>(text: string | null, fn: (handle: DbHandle, url: string) => Promise<T>): Promise<T | null> {
  const name = `factdesk_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    console.log(`postgres: skipped (${(error as Error).message})`);
    await admin.end();
    return null;
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const handle = await createDb(url.toString());
  try {
    await migrateDb(handle, url.toString());
    if (text) {
      await importIncidents(handle.db, { text, fileName: "bench.json", actor: { label: "bench" } });
      await handle.db.execute(sql`vacuum analyze incidents`);
      await handle.db.execute(sql`vacuum analyze incident_versions`);
    }
    return await fn(handle, url.toString());
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

/** The analysis at each size on both databases (the largest size may reuse the main run's databases). */
async function benchAnalyzeSizes(sizes: number[]) {
  for (const size of sizes) {
    const text = JSON.stringify({ incidents: generateIncidents(size) });
    await withPostgres(text, (handle) => benchAnalyze("postgres", handle, size));
    const lite = await createMemoryDb();
    try {
      await importIncidents(lite.db, { text, fileName: "bench.json", actor: { label: "bench" } });
      await benchAnalyze("pglite", lite, size);
    } finally {
      await lite.close();
    }
  }
}

async function main() {
  console.log(`factdesk bench: ${N} generated incidents${ONLY ? ` (${ONLY} only)` : ""}`);
  if (ONLY === "analyze") {
    await benchAnalyzeSizes(analyzeSizes());
    reportAnalyzeGrowth();
    return;
  }
  const records = generateIncidents(N);
  const text = JSON.stringify({ incidents: records });
  console.log(`file: ${fmt(text.length / 1024 / 1024)} MiB of canonical JSON`);

  // PostgreSQL: a throwaway database.
  const name = `factdesk_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  let pgAvailable = true;
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    pgAvailable = false;
    console.log(`postgres: skipped (${(error as Error).message})`);
  }
  if (pgAvailable) {
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const handle = await createDb(url.toString());
    try {
      await migrateDb(handle, url.toString());
      if (ONLY !== "search") {
        const importSeconds = await benchImport("postgres", handle, text);
        const copySeconds = await benchCopy(url.toString(), records);
        console.log(`import/COPY on postgres: ${fmt((copySeconds / importSeconds) * 100)}% of COPY's speed (goal: at least 50%)`);
        await handle.db.execute(sql`truncate incidents, incident_versions, incident_imports cascade`);
      }
      await importIncidents(handle.db, { text, fileName: "bench.json", actor: { label: "bench" } });
      await handle.db.execute(sql`analyze`);
      if (ONLY !== "import") await benchSearch("postgres", handle);
      if (!ONLY) {
        await handle.db.execute(sql`vacuum analyze incidents`);
        await benchAnalyze("postgres", handle, N);
      }
    } finally {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    }
  }
  await admin.end();

  const lite = await createMemoryDb();
  try {
    await benchImport("pglite", lite, text);
    if (ONLY !== "import") await benchSearch("pglite", lite);
    if (!ONLY) await benchAnalyze("pglite", lite, N);
  } finally {
    await lite.close();
  }
  if (!ONLY) {
    await benchAnalyzeSizes(analyzeSizes().filter((n) => n < N));
    reportAnalyzeGrowth();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
