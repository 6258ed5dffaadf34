/**
 * Evaluation over the meridian example and the cases in fixtures/: prints recall@3, MRR and
 * verdict accuracy per case, asserts the meridian targets and the targets on the others.
 * Two runs: with hand-written claim facts (this library alone), and end to end from the
 * article through the claims module's extraction.
 */
import { describe, expect, it } from "vitest";
import { airlineCase } from "./fixtures/airline";
import { bankCase } from "./fixtures/bank";
import { cloudCase } from "./fixtures/cloud";
import { evaluateCase, evaluateExtracted, formatMetrics } from "./fixtures/evaluate";
import { extract } from "./fixtures/extract";
import { loadMeridian } from "./fixtures/meridian";

const meridianCase = loadMeridian();
const others = [bankCase, airlineCase, cloudCase];

describe("evaluation with hand-written claim facts", () => {
  const meridian = evaluateCase(meridianCase);
  const measured = others.map(evaluateCase);

  it("reports the figures", () => {
    console.info(["", "hand-written facts:", ...[meridian, ...measured].map(formatMetrics)].join("\n"));
  });

  it("puts a gold record in the top 3 for every meridian claim that has one", () => {
    expect(meridian.recallAt3).toBe(1);
  });

  it("suggests the gold verdict for at least 5 of the 7 meridian claims", () => {
    expect(meridian.rows.filter((r) => r.gold === r.got).length).toBeGreaterThanOrEqual(5);
  });

  it.each(measured.map((m) => [m.name, m] as const))("meets the targets on %s", (_, m) => {
    expect(m.recallAt3).toBeGreaterThanOrEqual(0.95);
    expect(m.mrr).toBeGreaterThanOrEqual(0.85);
    expect(m.verdictAccuracy).toBeGreaterThanOrEqual(0.75);
  });
});

describe("evaluation end to end, from the article through extraction", () => {
  const meridian = evaluateExtracted(meridianCase, extract);
  const strict = others.map((c) => evaluateExtracted(c, extract));
  const allSegments = others.map((c) => evaluateExtracted(c, extract, { includeBelowThreshold: true }));

  it("reports the figures (check-worthy claims only, then every segment)", () => {
    console.info(
      ["", "end to end, check-worthy claims:", ...[meridian, ...strict].map(formatMetrics), "end to end, every segment:", ...allSegments.map(formatMetrics)].join("\n"),
    );
  });

  it("puts a gold record in the top 3 for every meridian claim that has one", () => {
    expect(meridian.recallAt3).toBe(1);
  });

  it("suggests the gold verdict for at least 5 of the 7 meridian claims", () => {
    expect(meridian.rows.filter((r) => r.gold === r.got).length).toBeGreaterThanOrEqual(5);
  });
});
