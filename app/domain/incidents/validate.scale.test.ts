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
  // Speed at this size is `npm run bench`'s to measure (its import runs this validation); a test
  // asserts only what the validation decides, so a busy machine cannot fail it.
  it("validates 100,000 records, and names the one bad record among them by its place (counted from 1) and field", () => {
    const records = Array.from({ length: 100_000 }, (_, n) => generatedIncident(n));
    const result = validateIncidents(records);
    expect(result.ok && result.records.length).toBe(100_000);
    const broken = records.map((r, n) => (n === 99_998 ? { ...r, startedAt: "2026-03-05 18:12" } : r));
    const refused = validateIncidents(broken);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors).toEqual([expect.objectContaining({ index: 99_999, field: "startedAt" })]);
  });
});
