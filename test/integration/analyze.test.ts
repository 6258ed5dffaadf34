import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/run";
import { analyzeArticle, type AnalysisResult } from "../../app/models/analysis.server";
import { importIncidents } from "../../app/models/incident.server";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";

const dir = new URL("../../db/demo/meridian/", import.meta.url);
const ARTICLE = fs.readFileSync(new URL("article.md", dir), "utf8");
const INCIDENTS = fs.readFileSync(new URL("incidents.json", dir), "utf8");
const EXPECTED = JSON.parse(fs.readFileSync(new URL("expected.json", dir), "utf8")) as {
  publishedAt: string;
  claims: Array<{ quote: string; kind: string; verdict: string; incidents: string[]; primary: string | null }>;
  neutral: string[];
};

/** The share of the gold quote's span that a claim covers. */
function coverage(claim: { start: number; end: number }, quote: string): number {
  const start = ARTICLE.indexOf(quote);
  const end = start + quote.length;
  const overlap = Math.max(0, Math.min(end, claim.end) - Math.max(start, claim.start));
  return overlap / quote.length;
}

let testDb: TestDb;
let result: AnalysisResult;
beforeAll(async () => {
  testDb = await createTestDb();
  const outcome = await importIncidents(testDb.db, { text: INCIDENTS, fileName: "incidents.json", actor: { label: "test" } });
  expect(outcome.ok).toBe(true);
  result = await analyzeArticle(testDb.db, { text: ARTICLE, publishedAt: EXPECTED.publishedAt });
});
afterAll(async () => {
  await testDb?.close();
});

describe(`analysis of the worked example (${TEST_DRIVER})`, () => {
  it("finds every gold claim as an exact quote of the article", () => {
    for (const claim of result.claims) expect(ARTICLE.slice(claim.start, claim.end)).toBe(claim.text);
    for (const gold of EXPECTED.claims) {
      const found = result.claims.find((c) => coverage(c, gold.quote) >= 0.5);
      expect(found, `no claim covers "${gold.quote}"`).toBeDefined();
    }
  });

  it("keeps the neutral sentences out of the claims", () => {
    for (const neutral of EXPECTED.neutral) {
      expect(result.claims.some((c) => coverage(c, neutral) >= 0.5), `"${neutral}" was taken as a claim`).toBe(false);
    }
  });

  it("puts a gold record in the top 3 for every claim that has one", () => {
    for (const gold of EXPECTED.claims.filter((g) => g.incidents.length)) {
      const found = result.claims.find((c) => coverage(c, gold.quote) >= 0.5)!;
      const top3 = found.candidates.slice(0, 3).map((c) => c.incidentId);
      expect(top3.some((id) => gold.incidents.includes(id)), `top 3 for "${gold.quote}" were ${top3.join(", ")}`).toBe(true);
      if (gold.primary) expect(top3).toContain(gold.primary);
    }
  });

  it("reaches the gold verdict for at least 5 of the 7 claims, with a basis naming incidents", () => {
    let right = 0;
    for (const gold of EXPECTED.claims) {
      const found = result.claims.find((c) => coverage(c, gold.quote) >= 0.5)!;
      if (found.verdict.suggested === gold.verdict) right++;
      expect(found.verdict.basis.length).toBeGreaterThan(10);
      if (gold.incidents.length && found.verdict.suggested !== "unverifiable") expect(found.verdict.basis).toMatch(/[A-Z]{2,}-\d{4}/);
    }
    expect(right).toBeGreaterThanOrEqual(5);
  });

  it("explains each candidate with reasons", () => {
    for (const claim of result.claims) {
      for (const candidate of claim.candidates) {
        expect(candidate.score).toBeGreaterThanOrEqual(0);
        expect(candidate.score).toBeLessThanOrEqual(1);
        expect(candidate.reasons.length).toBeGreaterThan(0);
      }
      expect(claim.candidates.length).toBeLessThanOrEqual(10);
    }
  });
});

describe("factdesk analyze", () => {
  async function cli(...argv: string[]) {
    let stdout = "";
    let stderr = "";
    const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {} as NodeJS.ProcessEnv };
    try {
      return { code: await runCli(argv, io), stdout, stderr };
    } catch (error) {
      return { code: 1, stdout, stderr: (error as Error).message };
    }
  }
  const path = (name: string) => new URL(name, dir).pathname;

  it("prints one JSON object in the contract's shape, reading the date from the byline", async () => {
    const out = await cli("analyze", "--incidents", path("incidents.json"), "--article", path("article.md"));
    expect(out.code).toBe(0);
    const parsed = JSON.parse(out.stdout) as { claims: Array<Record<string, unknown>> };
    expect(parsed.claims.length).toBeGreaterThanOrEqual(7);
    for (const claim of parsed.claims) {
      expect(Object.keys(claim).sort()).toEqual(["candidates", "checkWorthiness", "end", "kind", "start", "text", "verdict"]);
      expect(ARTICLE.slice(claim.start as number, claim.end as number)).toBe(claim.text);
      expect(["causal", "numeric", "scope", "temporal", "attribution", "other"]).toContain(claim.kind);
      const verdict = claim.verdict as { suggested: string; basis: string; confidence: number };
      expect(["accurate", "inaccurate", "misleading", "unverifiable"]).toContain(verdict.suggested);
      expect(Object.keys(verdict).sort()).toEqual(["basis", "confidence", "suggested"]);
      expect(verdict.confidence).toBeGreaterThanOrEqual(0);
      expect(verdict.confidence).toBeLessThanOrEqual(1);
      // The records hold incidents, so every claim is shown candidates (weak ones score low).
      expect((claim.candidates as unknown[]).length).toBeGreaterThan(0);
    }
    const starts = parsed.claims.map((c) => c.start as number);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("fails with one line for bad input", async () => {
    const bad = new URL("../fixtures/incidents/invalid-records.json", import.meta.url).pathname;
    const invalid = await cli("analyze", "--incidents", bad, "--article", path("article.md"));
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^analyze: invalid-records.json was not imported: record 1 \(RET-2026-0309-C\): startedAt: "2026-03-09 09:02" has no UTC offset; /);
    expect(invalid.stderr).not.toContain("\n");
    expect((await cli("analyze", "--incidents", path("incidents.json"))).stderr).toBe("analyze: --article FILE is required");
    expect((await cli("analyze", "--incidents", path("incidents.json"), "--article", "/nope.md")).stderr).toBe("analyze: cannot read /nope.md: no such file");
    expect((await cli("analyze", "--incidents", path("incidents.json"), "--article", path("article.md"), "--published-at", "soon")).stderr).toBe(
      'analyze: --published-at must be a date like 2026-03-13, got "soon"',
    );
  });
});
