/**
 * Evaluation over the meridian example and the cases in fixtures/: prints recall@3, MRR and
 * verdict accuracy per case, asserts the meridian targets and floors on the others.
 */
import { describe, expect, it } from "vitest";
import { airlineCase } from "./fixtures/airline";
import { bankCase } from "./fixtures/bank";
import { evaluateCase, formatMetrics } from "./fixtures/evaluate";
import { loadMeridian } from "./fixtures/meridian";

describe("evaluation with hand-written claim facts", () => {
  const meridian = evaluateCase(loadMeridian());
  const others = [bankCase, airlineCase].map(evaluateCase);

  it("reports the figures", () => {
    console.info(["", ...[meridian, ...others].map(formatMetrics)].join("\n"));
  });

  it("puts a gold record in the top 3 for every meridian claim that has one", () => {
    expect(meridian.recallAt3).toBe(1);
  });

  it("suggests the gold verdict for at least 5 of the 7 meridian claims", () => {
    expect(meridian.rows.filter((r) => r.gold === r.got).length).toBeGreaterThanOrEqual(5);
  });

  it.each(others.map((m) => [m.name, m] as const))("meets the targets on %s", (_, m) => {
    expect(m.recallAt3).toBeGreaterThanOrEqual(0.95);
    expect(m.mrr).toBeGreaterThanOrEqual(0.85);
    expect(m.verdictAccuracy).toBeGreaterThanOrEqual(0.75);
  });
});
