import { describe, expect, it } from "vitest";
import { validateIncidents } from "./index";

/** A realistic record with every kind of field, so each validator path runs. */
function generatedIncident(n: number) {
  return {
    id: `GEN-2026-${String(n).padStart(6, "0")}`,
    title: `Generated incident ${n}`,
    status: "closed",
    severity: "SEV2",
    startedAt: "2026-03-05T18:12:00Z",
    detectedAt: "2026-03-05T18:19:00+01:00",
    resolvedAt: "2026-03-05T19:05:00.500Z",
    organization: "retail",
    services: ["search", "storefront"],
    regions: ["eu-west", "us-east"],
    customerImpact: "Search returned no results for about 53 minutes.",
    customersAffected: n,
    summary: "An index rebuild published an empty alias.",
    rootCause: "The build job did not check document counts.",
    trigger: "Scheduled index rebuild",
    contributingFactors: [{ tag: "capacity", description: "Build nodes ran out of disk." }],
    timeline: [
      { at: "2026-03-05T18:12:00Z", text: "Alias switched" },
      { at: "2026-03-05T19:05:00Z", text: "Alias rolled back" },
    ],
    actionItems: [{ text: "Refuse empty alias switch", status: "done", owner: "search-team" }],
    internalOnly: ["trigger"],
    links: [{ title: "Postmortem", url: `https://wiki.example.com/pm/${n}` }],
  };
}

describe("validateIncidents at scale", () => {
  it("validates 100,000 records in a few seconds", () => {
    const records = Array.from({ length: 100_000 }, (_, n) => generatedIncident(n));
    const started = performance.now();
    const result = validateIncidents(records);
    const elapsed = performance.now() - started;
    expect(result.ok && result.records.length).toBe(100_000);
    // Measured at about 1.3 s; the bound catches an accidental per-record schema or quadratic step.
    expect(elapsed).toBeLessThan(10_000);
  });
});
