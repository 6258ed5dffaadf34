import { describe, expect, it } from "vitest";
import { window } from "./fixtures/eval-case";
import { makeClaim, makeIncident } from "./fixtures/factory";
import { MIN_SCORE, rankCandidates } from "./rank";
import type { PoolEntry } from "./types";

const march = window("2026-03-05", "2026-03-11", "this week");
const pool = (...entries: [ReturnType<typeof makeIncident>, number][]): PoolEntry[] =>
  entries.map(([incident, textScore]) => ({ incident, textScore }));

describe("rankCandidates", () => {
  const truth = makeIncident({ id: "TRUE", services: ["checkout"], startedAt: "2026-03-07T10:00:00Z", resolvedAt: "2026-03-07T13:00:00Z" });
  const otherMonth = makeIncident({ id: "OTHER-MONTH", services: ["checkout"], startedAt: "2026-02-07T10:00:00Z", resolvedAt: "2026-02-07T13:00:00Z" });
  const dayOff = makeIncident({ id: "DAY-OFF", services: ["checkout"], startedAt: "2026-03-04T10:00:00Z", resolvedAt: "2026-03-04T13:00:00Z" });
  const otherDivision = makeIncident({ id: "OTHER-DIVISION", organization: "cloud", services: ["object-storage"], startedAt: "2026-03-07T10:00:00Z" });

  it("ranks the record in the window above the same service in another month and a day off", () => {
    const claim = makeClaim("Checkout failed for three hours between 5 and 11 March", {
      services: [["checkout", "Checkout"]],
      quantities: [["duration", 180, "eq", "three hours"]],
      dates: [["2026-03-05", "2026-03-11", "between 5 and 11 March"]],
    });
    const ranked = rankCandidates(claim, {}, pool([otherMonth, 1], [dayOff, 1], [truth, 0.6]));
    expect(ranked.map((c) => c.incidentId)).toEqual(["TRUE", "DAY-OFF", "OTHER-MONTH"]);
    expect(ranked[0].reasons).toContain("within the reported window 5–11 Mar 2026");
    expect(ranked[1].reasons).toContain("ends 1 day before the reported window");
    expect(ranked[0].signals.time).toBe(1);
    expect(ranked[1].signals.time).toBeLessThan(0.5);
  });

  it("ranks the same cause in another division below the claimed service", () => {
    const aiTruth = makeIncident({ id: "AI-RETAIL", contributingFactors: [{ tag: "ai_generated_code", description: "AI patch." }] });
    const aiCloud = makeIncident({ ...otherDivision, id: "AI-CLOUD", contributingFactors: [{ tag: "ai_generated_code", description: "AI patch." }] });
    const claim = makeClaim("AI-generated code caused the checkout failures", {
      services: [["checkout", "checkout"]],
      causes: [["ai_generated_code", "AI-generated code"]],
    });
    const ranked = rankCandidates(claim, { articleWindow: march }, pool([aiCloud, 1], [aiTruth, 0.7]));
    expect(ranked[0].incidentId).toBe("AI-RETAIL");
    expect(ranked[0].reasons).toContain("tag ai_generated_code matches 'AI-generated code'");
    expect(ranked[1].reasons).toContain("outside the scope the claim speaks of");
  });

  it("uses the article window for a claim without dates and says so", () => {
    const claim = makeClaim("One of the outages lasted more than six hours", { quantities: [["duration", 360, "gt", "more than six hours"]] });
    const ranked = rankCandidates(claim, { articleWindow: march }, pool([otherMonth, 0.2], [truth, 0.1]));
    expect(ranked[0].incidentId).toBe("TRUE");
    expect(ranked[0].reasons).toContain("within the article's window 5–11 Mar 2026");
    expect(ranked[0].reasons).toContain("lasted 3 h, the claim says more than six hours");
  });

  it("names an organisation mismatch", () => {
    const claim = makeClaim("The cloud division was also hit", { organizations: [["cloud", "cloud division"]] });
    const ranked = rankCandidates(claim, { articleWindow: march }, pool([truth, 0.1], [otherDivision, 0.1]));
    const retail = ranked.find((c) => c.incidentId === "TRUE");
    expect(retail?.reasons).toContain("organization retail, not cloud");
  });

  it("gives a policy claim only weak matches, scored below what counts as bearing on it", () => {
    const claim = makeClaim("The company has pushed its engineers to use AI coding tools", { causes: [["ai_assisted_tooling", "AI coding tools"]] });
    const ranked = rankCandidates(claim, { articleWindow: march }, pool([truth, 1], [otherMonth, 1]));
    expect(ranked.length).toBeGreaterThan(0);
    for (const c of ranked) {
      expect(c.score).toBeLessThan(MIN_SCORE);
      expect(c.reasons).toContain("weak match: no record clearly bears on the claim");
    }
    expect(rankCandidates(claim, { articleWindow: march }, [])).toEqual([]);
  });

  it("returns at most ten candidates, best first, each scored in 0..1", () => {
    const many = Array.from({ length: 30 }, (_, i) => makeIncident({ startedAt: `2026-03-${String(5 + (i % 5)).padStart(2, "0")}T10:00:00Z` }));
    const claim = makeClaim("Checkout outages this week", { services: [["checkout", "Checkout"]] });
    const ranked = rankCandidates(claim, { articleWindow: march }, many.map((incident, i) => ({ incident, textScore: i / 30 })));
    expect(ranked).toHaveLength(10);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
    for (const c of ranked) expect(c.score).toBeGreaterThanOrEqual(0), expect(c.score).toBeLessThanOrEqual(1);
  });

  it("drops records with negligible score", () => {
    const claim = makeClaim("Checkout failed on 7 March", { services: [["checkout", "Checkout"]], dates: [["2026-03-07", "2026-03-07", "7 March"]] });
    const far = makeIncident({ id: "FAR", organization: "cloud", services: ["dns"], startedAt: "2025-06-01T10:00:00Z", resolvedAt: "2025-06-01T11:00:00Z" });
    const ranked = rankCandidates(claim, {}, pool([truth, 1], [far, 0]));
    expect(ranked.map((c) => c.incidentId)).toEqual(["TRUE"]);
    // Alone, the far record is still shown, as a weak match.
    const alone = rankCandidates(claim, {}, pool([far, 0]));
    expect(alone.map((c) => c.incidentId)).toEqual(["FAR"]);
    expect(alone[0].score).toBeLessThan(MIN_SCORE);
  });

  // Speed is measured by `npm run bench`; tests assert behaviour only.
  it("ranks 200 pool records, best first, at most ten", () => {
    const big: PoolEntry[] = Array.from({ length: 200 }, (_, i) => ({
      incident: makeIncident({ startedAt: new Date(Date.UTC(2026, 0, 1 + (i % 120), 10)).toISOString().replace(".000", "") }),
      textScore: (i % 17) / 17,
    }));
    const claim = makeClaim("AI-generated code caused checkout outages lasting more than six hours between 5 and 11 March", {
      services: [["checkout", "checkout"]],
      causes: [["ai_generated_code", "AI-generated code"]],
      quantities: [["duration", 360, "gt", "more than six hours"]],
      dates: [["2026-03-05", "2026-03-11", "between 5 and 11 March"]],
    });
    const ranked = rankCandidates(claim, {}, big);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.length).toBeLessThanOrEqual(10);
    expect(rankCandidates(claim, {}, big)).toEqual(ranked);
  });
});
