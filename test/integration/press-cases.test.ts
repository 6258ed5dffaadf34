/**
 * Ten press cases written apart from the analysis code (an article, the company's records and a
 * careful fact-checker's answers each, in the shape of ../shared/examples/meridian), analysed
 * end to end through the database as the app and `factdesk analyze` do. Extraction is scored as
 * the issue defines it (a claim counts when it covers at least half of a marked one), evidence
 * by recall@3 of the gold record, and verdicts against the gold. The cases were used to find
 * where the analysis fell short, so these are floors against regression, not a measure of
 * unseen cases; the figures are printed for the record.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeArticle } from "../../app/models/analysis.server";
import { importIncidents } from "../../app/models/incident.server";
import { createTestDb, type TestDb } from "../setup/db";

interface Gold {
  publishedAt: string;
  claims: { quote: string; verdict: string; incidents: string[]; primary: string | null }[];
}

const ROOT = path.resolve(__dirname, "../fixtures/press-cases");
const names = fs.readdirSync(ROOT).sort();
const totals = { gold: 0, found: 0, extracted: 0, true: 0, withEvidence: 0, top3: 0, right: 0 };
const lines: string[] = [];
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

describe("press cases, end to end", () => {
  it.each(names)("%s", async (name) => {
    const dir = path.join(ROOT, name);
    const gold = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Gold;
    const article = fs.readFileSync(path.join(dir, "article.md"), "utf8");
    // Each case is its own company: clear the previous case's records first.
    await testDb.db.execute(sql`truncate incidents, incident_versions, incident_imports cascade`);
    const imported = await importIncidents(testDb.db, { text: fs.readFileSync(path.join(dir, "incidents.json"), "utf8"), fileName: "incidents.json", actor: { label: "test" } });
    expect(imported.ok).toBe(true);
    const { claims } = await analyzeArticle(testDb.db, { text: article, publishedAt: gold.publishedAt });

    const spans = gold.claims.map((g) => ({ ...g, start: article.indexOf(g.quote), end: article.indexOf(g.quote) + g.quote.length }));
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
    const covers = (c: { start: number; end: number }, g: { start: number; end: number }) => overlap(c, g) * 2 >= g.end - g.start;
    let found = 0, top3 = 0, withEvidence = 0, right = 0;
    for (const g of spans) {
      const match = claims.filter((c) => covers(c, g)).sort((a, b) => overlap(b, g) - overlap(a, g))[0];
      if (!match) continue;
      found += 1;
      if (match.verdict.suggested === g.verdict) right += 1;
      if (g.incidents.length) {
        withEvidence += 1;
        const want = g.primary ? [g.primary] : g.incidents;
        if (match.candidates.slice(0, 3).some((c) => want.includes(c.incidentId))) top3 += 1;
      }
    }
    const truePositives = claims.filter((c) => spans.some((g) => covers(c, g))).length;
    for (const [k, v] of Object.entries({ gold: spans.length, found, extracted: claims.length, true: truePositives, withEvidence, top3, right })) totals[k as keyof typeof totals] += v;
    lines.push(`${name.padEnd(28)} claims ${found}/${spans.length} found, ${truePositives}/${claims.length} extracted are marked; top-3 ${top3}/${withEvidence}; verdicts ${right}/${found}`);
    expect(found).toBeGreaterThan(0);
  });

  it("meets the floors across the cases", () => {
    const recall = totals.found / totals.gold;
    const precision = totals.true / totals.extracted;
    const recallAt3 = totals.top3 / totals.withEvidence;
    const verdicts = totals.right / totals.found;
    console.info(["", ...lines, `all: extraction recall ${recall.toFixed(2)}, precision ${precision.toFixed(2)}; recall@3 ${recallAt3.toFixed(2)}; verdicts ${verdicts.toFixed(2)}`].join("\n"));
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recallAt3).toBeGreaterThanOrEqual(0.9);
    expect(verdicts).toBeGreaterThanOrEqual(0.62);
  });
});
