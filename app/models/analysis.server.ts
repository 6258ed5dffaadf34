/**
 * The analysis of an article against the workspace's incident records: extract the claims
 * (domain), retrieve each claim's candidate pool from PostgreSQL (full-text, window, cause tags,
 * organisations), then rank, check and suggest verdicts (domain). The app and `factdesk analyze`
 * both come through here.
 */
import { sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { queryRows } from "#db/client";
import { articleWindow, extractClaims, type ExtractedClaim } from "~/domain/claims";
import { analyzeClaims, type AnalysisContext, type AnalyzedClaim, type PoolEntry } from "~/domain/evidence";
import { readClaim } from "~/domain/evidence/claim-reading";
import type { Incident } from "~/domain/incidents";
import { incidentFacets } from "./incident.server";

/** How many records each source of the pool contributes at most. */
const LIMITS = { text: 20, window: 150, tagged: 30, organization: 30 };
/** Days either side of the claim's window that still count as near. */
const NEAR_DAYS = 7;

/** A PostgreSQL text[] literal, passed as one parameter (drizzle would spread a JS array). */
function textArray(values: string[]): string {
  return `{${[...new Set(values)].map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`;
}

/**
 * The records that may bear on one claim, each with its full-text score normalised to 0..1
 * (the best text match in the pool is 1). The OR of the claim's terms is used, so that a
 * record matching some of its words is found, ranked by cover density.
 */
export async function candidatePool(db: Db, claim: ExtractedClaim, context: AnalysisContext): Promise<PoolEntry[]> {
  const reading = readClaim(claim, context);
  const tags = textArray(reading.causes.filter((c) => !c.negated).map((c) => c.tag));
  const orgs = textArray(reading.organizations.map((o) => o.toLowerCase()));
  const window = reading.window;
  const from = window ? `${window.from}T00:00:00Z` : null;
  const to = window ? `${window.to}T23:59:59.999Z` : null;
  const near = window
    ? sql`started_at <= ${to}::timestamptz + make_interval(days => ${NEAR_DAYS}) and coalesce(resolved_at, started_at) >= ${from}::timestamptz - make_interval(days => ${NEAR_DAYS})`
    : sql`false`;
  const nearFirst = window ? sql`(${near}) desc,` : sql``;

  const rows = await queryRows<{ id: string; rank: number; record: Incident }>(
    db,
    sql`
    with q as (
      select nullif(replace(plainto_tsquery('english', ${claim.text})::text, '&', '|'), '')::tsquery as q
    ),
    text_hits as (
      select id, ts_rank_cd(search, q.q, 32) as rank from incidents, q
      where q.q is not null and search @@ q.q order by rank desc limit ${LIMITS.text}
    ),
    window_hits as (
      select id from incidents where ${near}
      order by abs(extract(epoch from started_at - coalesce(${from}::timestamptz, now()))) limit ${LIMITS.window}
    ),
    tag_hits as (
      select id from incidents where cardinality(${tags}::text[]) > 0 and tags && ${tags}::text[]
      order by ${nearFirst} started_at desc limit ${LIMITS.tagged}
    ),
    org_hits as (
      select id from incidents where cardinality(${orgs}::text[]) > 0 and lower(organization) = any(${orgs}::text[])
      order by ${nearFirst} started_at desc limit ${LIMITS.organization}
    ),
    pool as (
      select id from text_hits union select id from window_hits union select id from tag_hits union select id from org_hits
    )
    select i.id, coalesce(t.rank, 0)::float8 as rank, v.record
    from pool p
    join incidents i on i.id = p.id
    join incident_versions v on v.incident_id = i.id and v.version = i.version
    left join text_hits t on t.id = i.id`,
  );
  const best = Math.max(0, ...rows.map((r) => Number(r.rank)));
  return rows.map((r) => ({ incident: r.record, textScore: best > 0 ? Number(r.rank) / best : 0 }));
}

export interface AnalysisResult {
  claims: AnalyzedClaim[];
  /** Below-threshold sentences, kept one click away in the app. */
  others: ExtractedClaim[];
}

/** The whole analysis of one article against every record in the workspace. */
export async function analyzeArticle(db: Db, input: { text: string; publishedAt?: string }): Promise<AnalysisResult> {
  const facets = await incidentFacets(db);
  const extracted = extractClaims(input.text, {
    publishedAt: input.publishedAt,
    vocabulary: { organizations: facets.organizations, services: facets.services, regions: facets.regions },
  });
  const claims = extracted.filter((c) => !c.belowThreshold);
  const context: AnalysisContext = {
    publishedAt: input.publishedAt,
    articleWindow: articleWindow(input.text, input.publishedAt) ?? undefined,
  };
  const pools = new Map<ExtractedClaim, PoolEntry[]>();
  for (const claim of claims) pools.set(claim, await candidatePool(db, claim, context));
  return {
    claims: analyzeClaims(claims, context, (claim) => pools.get(claim) ?? []),
    others: extracted.filter((c) => c.belowThreshold),
  };
}
