/**
 * The evidence evaluation through the real database: each case's records imported into a fresh
 * database, pools retrieved by analysis.server (full-text, window, tags, organisations), then
 * ranked and judged. The same targets as the library's own evaluation with its BM25 stand-in:
 * meridian's gold record in the top 3 for every claim and 5 of 7 verdicts; on the other cases
 * recall@3 ≥ 0.95, MRR ≥ 0.85 and verdict accuracy ≥ 0.75. The parcel case was written after the
 * library and run end to end only (it has no hand-written facts).
 */
import { afterAll, describe, expect, it } from "vitest";
import type { ExtractedClaim } from "../../app/domain/claims";
import type { AnalyzedClaim } from "../../app/domain/evidence";
import { airlineCase } from "../../app/domain/evidence/fixtures/airline";
import { bankCase } from "../../app/domain/evidence/fixtures/bank";
import { cloudCase } from "../../app/domain/evidence/fixtures/cloud";
import type { EvalCase } from "../../app/domain/evidence/fixtures/eval-case";
import { contextOf } from "../../app/domain/evidence/fixtures/evaluate";
import { loadMeridian } from "../../app/domain/evidence/fixtures/meridian";
import { analyzeArticle, analyzeExtractedClaims } from "../../app/models/analysis.server";
import { importIncidents } from "../../app/models/incident.server";
import { MOBILE_ARTICLE, MOBILE_GOLD, MOBILE_INCIDENTS, MOBILE_PUBLISHED } from "../fixtures/evidence/mobile-case";
import { PARCEL_ARTICLE, PARCEL_GOLD, PARCEL_INCIDENTS, PARCEL_PUBLISHED } from "../fixtures/evidence/parcel-case";
import { PAYMENTS_ARTICLE, PAYMENTS_GOLD, PAYMENTS_INCIDENTS, PAYMENTS_PUBLISHED } from "../fixtures/evidence/payments-case";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";

interface Metrics {
  name: string;
  recallAt3: number;
  mrr: number;
  verdicts: number;
  right: number;
  line: string;
}

function score(c: EvalCase, results: AnalyzedClaim[]): Metrics {
  const rows = c.claims.map((gold) => {
    const start = c.article.indexOf(gold.quote);
    const end = start + gold.quote.length;
    const overlap = (r: AnalyzedClaim) => Math.max(0, Math.min(end, r.end) - Math.max(start, r.start));
    const best = results.reduce<AnalyzedClaim | null>((a, r) => (overlap(r) > (a ? overlap(a) : 0) ? r : a), null);
    const found = best && overlap(best) >= 0.5 * gold.quote.length ? best : null;
    const rank = found ? found.candidates.findIndex((cand) => gold.incidents.includes(cand.incidentId)) + 1 : 0;
    return { gold, got: found?.verdict.suggested ?? "missing", rank };
  });
  const withEvidence = rows.filter((r) => r.gold.incidents.length > 0);
  const n = Math.max(1, withEvidence.length);
  const recallAt3 = withEvidence.filter((r) => r.rank >= 1 && r.rank <= 3).length / n;
  const mrr = withEvidence.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n;
  const right = rows.filter((r) => r.got === r.gold.verdict).length;
  const verdicts = right / Math.max(1, rows.length);
  const line = `${c.name.padEnd(10)} recall@3 ${recallAt3.toFixed(2)}  MRR ${mrr.toFixed(2)}  verdicts ${verdicts.toFixed(2)} (${right}/${rows.length})`;
  return { name: c.name, recallAt3, mrr, verdicts, right, line };
}

const cases = [loadMeridian(), bankCase, airlineCase, cloudCase];
const handles: TestDb[] = [];
afterAll(async () => {
  for (const h of handles) await h.close();
});

async function dbFor(c: EvalCase) {
  const handle = await createTestDb();
  handles.push(handle);
  const outcome = await importIncidents(handle.db, { text: JSON.stringify({ incidents: c.incidents }), fileName: `${c.name}.json`, actor: { label: "test" } });
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  return handle.db;
}

describe(`evidence evaluation through the database (${TEST_DRIVER})`, () => {
  it.each(cases.map((c) => [c.name, c] as const))("meets the targets on %s, with hand-written facts and end to end", async (name, c) => {
    const db = await dbFor(c);
    const gold: ExtractedClaim[] = c.claims.map((g) => {
      const start = c.article.indexOf(g.quote);
      return { text: g.quote, start, end: start + g.quote.length, checkWorthiness: 1, kind: g.kind, facts: g.facts, belowThreshold: false };
    });
    const byFacts = score(c, await analyzeExtractedClaims(db, gold, contextOf(c)));
    const endToEnd = score(c, (await analyzeArticle(db, { text: c.article, publishedAt: c.publishedAt })).claims);
    console.info(`${TEST_DRIVER} facts: ${byFacts.line}\n${TEST_DRIVER} e2e:   ${endToEnd.line}`);
    for (const m of [byFacts, endToEnd]) {
      if (name === "meridian") {
        expect(m.recallAt3).toBe(1);
        expect(m.right).toBeGreaterThanOrEqual(5);
      } else {
        expect(m.recallAt3).toBeGreaterThanOrEqual(0.95);
        expect(m.mrr).toBeGreaterThanOrEqual(0.85);
        expect(m.verdicts).toBeGreaterThanOrEqual(0.75);
      }
    }
  });

  const later = [
    { name: "parcel", article: PARCEL_ARTICLE, publishedAt: PARCEL_PUBLISHED, incidents: PARCEL_INCIDENTS, gold: PARCEL_GOLD },
    { name: "mobile", article: MOBILE_ARTICLE, publishedAt: MOBILE_PUBLISHED, incidents: MOBILE_INCIDENTS, gold: MOBILE_GOLD },
  ];
  it.each(later.map((c) => [c.name, c] as const))("meets the targets end to end on the %s case, written after the library", async (_, c) => {
    const evalCase = { ...c, claims: c.gold.map((g) => ({ ...g, incidents: [...g.incidents] })) } as unknown as EvalCase;
    const db = await dbFor(evalCase);
    const m = score(evalCase, (await analyzeArticle(db, { text: c.article, publishedAt: c.publishedAt })).claims);
    console.info(`${TEST_DRIVER} e2e:   ${m.line}`);
    expect(m.recallAt3).toBeGreaterThanOrEqual(0.95);
    expect(m.mrr).toBeGreaterThanOrEqual(0.85);
    expect(m.verdicts).toBeGreaterThanOrEqual(0.75);
  });

  /**
   * The third case written after the library is below the targets: "since it launched in 2023"
   * is read as the year 2023, and what was spared ("Business accounts were not affected") is not
   * a scope the records know. Its figures are reported, and held from getting worse.
   */
  it("reports the payments case, written after the library and below the targets", async () => {
    const evalCase = {
      name: "payments",
      article: PAYMENTS_ARTICLE,
      publishedAt: PAYMENTS_PUBLISHED,
      incidents: PAYMENTS_INCIDENTS,
      claims: PAYMENTS_GOLD.map((g) => ({ ...g, incidents: [...g.incidents] })),
    } as unknown as EvalCase;
    const db = await dbFor(evalCase);
    const m = score(evalCase, (await analyzeArticle(db, { text: PAYMENTS_ARTICLE, publishedAt: PAYMENTS_PUBLISHED })).claims);
    console.info(`${TEST_DRIVER} e2e:   ${m.line}`);
    expect(m.recallAt3).toBeGreaterThanOrEqual(0.8);
    expect(m.right).toBeGreaterThanOrEqual(5);
  });
});
