/**
 * The development half of the press cases (test/eval/cases/dev: an article, the company's
 * records and a careful fact-checker's answers each, in the shape of ../shared/examples/meridian),
 * each beside 300 unrelated filler records, analysed end to end through the database as the app
 * and `factdesk analyze` do, and scored as `npm run eval` scores them. Extraction counts a claim
 * when it covers at least half of a marked one, evidence by recall@3 of the gold record, verdicts
 * against the gold. These cases were used to tune the analysis, so the figures are floors against
 * regression, set just below what the code measures on the 20 dev cases; they are not a measure of
 * unseen press (that is the sealed half, run by `npm run eval`), and they are well short of the
 * issue's targets (recall ≥ 0.90, verdicts ≥ 0.75, each costly error ≤ 5%), which are not yet met.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTally, emptyTally, figuresOf, readCases, scoreCase, tableRows } from "../eval/score";
import { createTestDb, type TestDb } from "../setup/db";

const cases = readCases("dev");
const totals = emptyTally();
const lines: string[] = [];
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

describe("press cases, end to end", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (name, c) => {
    const { tally } = await scoreCase(testDb.db, c, { filler: 300 });
    addTally(totals, tally);
    lines.push(`${name.padEnd(28)} claims ${tally.found}/${tally.gold} found, ${tally.truePositives}/${tally.extracted} extracted are marked; top-3 ${tally.top3}/${tally.withEvidence}; verdicts ${tally.right}/${tally.found}`);
    expect(tally.found).toBeGreaterThan(0);
  });

  it("meets the floors across the cases", () => {
    const f = figuresOf(totals, cases.length);
    console.info(["", ...lines, ...tableRows(f)].join("\n"));
    // Measured at the last change (decision 011, extraction recall): recall 0.90, precision 0.83,
    // top-3 0.87, verdicts 0.40, true claims called inaccurate 6%, false claims called accurate 5%.
    expect(f.recall).toBeGreaterThanOrEqual(0.88);
    expect(f.precision).toBeGreaterThanOrEqual(0.81);
    expect(f.top3All).toBeGreaterThanOrEqual(0.85);
    expect(f.verdicts).toBeGreaterThanOrEqual(0.38);
    // The two costly errors: a true claim called inaccurate, a false one called accurate.
    expect(f.trueCalledInaccurate).toBeLessThanOrEqual(0.07);
    expect(f.falseCalledAccurate).toBeLessThanOrEqual(0.07);
  });
});
