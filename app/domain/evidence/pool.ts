/**
 * A pool builder that mimics the database's retrieval for a claim, for tests and evaluation:
 * full-text matches, records within or near the claim's window, records carrying the asserted
 * cause tags, and records in the named organisations. Each pooled record keeps its text score.
 */
import type { Incident } from "~/domain/incidents/types";
import type { Bm25Index } from "./bm25";
import { daysOutside, readClaim } from "./claim-reading";
import { factsOf } from "./incident-facts";
import { organizationMatches } from "./scope";
import type { AnalysisContext, ClaimInput, PoolEntry } from "./types";

/** Limits of the mimicked retrieval. */
export interface PoolOptions {
  /** Full-text matches kept (default 20). */
  textLimit?: number;
  /** Days either side of the window that still count as near (default 7). */
  nearDays?: number;
  /** Pool size cap (default 200). */
  limit?: number;
}

/** The candidate pool for a claim, as the database layer would retrieve it. */
export function buildPool(
  claim: ClaimInput,
  context: AnalysisContext,
  index: Bm25Index,
  options: PoolOptions = {},
): PoolEntry[] {
  const { textLimit = 20, nearDays = 7, limit = 200 } = options;
  const reading = readClaim(claim, context);
  const scored = index.score(claim.text);
  const byText = [...scored].sort((a, b) => b.textScore - a.textScore).filter((e) => e.textScore > 0).slice(0, textLimit);
  const chosen = new Set<Incident>(byText.map((e) => e.incident));
  const tags = new Set(reading.causes.map((c) => c.tag));
  const orgs = [...reading.organizations, ...claim.facts.organizations.map((o) => o.name)];
  for (const { incident } of scored) {
    const facts = factsOf(incident);
    const near = reading.window !== null && daysOutside(reading.window, facts) <= nearDays;
    const tagged = facts.tags.some((t) => tags.has(t));
    const inOrg = facts.organization !== null && orgs.some((o) => organizationMatches(o, facts.organization!));
    if (near || tagged || inOrg) chosen.add(incident);
  }
  return scored.filter((e) => chosen.has(e.incident)).slice(0, limit);
}
