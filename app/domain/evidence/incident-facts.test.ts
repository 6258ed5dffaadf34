import { describe, expect, it } from "vitest";
import { makeIncident } from "./fixtures/factory";
import { classifyImpact, factsOf } from "./incident-facts";

describe("classifyImpact", () => {
  it.each([
    ["About 18% of checkout attempts in Europe failed for 2 hours 40 minutes.", "partial"],
    ["Search on the store returned no results for about 53 minutes; browsing by category still worked.", "partial"],
    ["Product images were missing on about a third of product pages; purchases were not affected.", "partial"],
    ["Signed-in customers could not open their order history for 47 minutes.", "partial"],
    ["The site was unavailable for 3 hours; no orders could be placed.", "full"],
    ["Customers could not log in to the mobile app for 4 hours 50 minutes. Card payments were not affected.", "full"],
    ["Complete outage of the booking website.", "full"],
  ])("reads '%s' as %s", (customerImpact, level) => {
    expect(classifyImpact(makeIncident({ customerImpact, title: "Incident", summary: undefined })).level).toBe(level);
  });

  it("says unknown when nothing tells", () => {
    expect(classifyImpact(makeIncident({ customerImpact: undefined, title: "Database maintenance", summary: undefined })).level).toBe("unknown");
  });
});

describe("factsOf", () => {
  it("reads a denial in the root cause", () => {
    const facts = factsOf(makeIncident({ rootCause: "Human error in a configuration change. No AI-generated code was involved." }));
    expect(facts.denies("ai_generated_code")).toBe(true);
    expect(facts.mentions("human_error")).toBe(true);
  });

  it("computes the duration from startedAt to resolvedAt", () => {
    expect(factsOf(makeIncident({ startedAt: "2026-03-07T19:40:00Z", resolvedAt: "2026-03-07T22:20:00Z" })).durationMinutes).toBe(160);
  });

  it("keeps the record's own calendar day", () => {
    expect(factsOf(makeIncident({ startedAt: "2026-07-05T21:00:00-06:00" })).startDay).toBe("2026-07-05");
  });
});
