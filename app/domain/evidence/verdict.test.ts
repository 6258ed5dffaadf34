import { describe, expect, it } from "vitest";
import { makeClaim } from "./fixtures/factory";
import { suggestVerdict } from "./verdict";
import { NEEDS_A_PERSON, type AssertionCheck, type Candidate } from "./types";

const check = (aspect: AssertionCheck["aspect"], status: AssertionCheck["status"], recorded = "the records say so", incidentIds = ["X"]): AssertionCheck => ({
  aspect,
  status,
  claimed: "what the claim says",
  recorded,
  incidentIds,
});
const claim = makeClaim("The store went down four times this week");
const candidate = (incidentId: string, score: number): Candidate => ({ incidentId, score, signals: { text: null, cause: null, time: null, scope: null, quantity: null }, reasons: [] });

describe("suggestVerdict", () => {
  it("calls a contradicted figure inaccurate and names the record", () => {
    const v = suggestVerdict(claim, [check("duration", "contradicted", "the longest incident, B, lasted 2 h 40 min", ["B"])], [candidate("B", 0.9)]);
    expect(v.suggested).toBe("inaccurate");
    expect(v.confidence).toBeGreaterThanOrEqual(NEEDS_A_PERSON);
    expect(v.basis).toContain("B, lasted 2 h 40 min");
  });

  it("calls true figures with a false picture of a full outage misleading", () => {
    const v = suggestVerdict(
      claim,
      [check("count", "supported", "4 incidents between 5 and 11 Mar 2026 (A, B, C, D)"), check("outage", "contradicted", "none of the 4 incidents between 5 and 11 Mar 2026 took the service offline; each affected part of it: search (A)")],
      [],
    );
    expect(v.suggested).toBe("misleading");
    expect(v.basis).toBe("4 incidents between 5 and 11 Mar 2026 (A, B, C, D), but none of them took the service offline; each affected part of it: search (A).");
  });

  it("calls one cause in several misleading", () => {
    expect(suggestVerdict(claim, [check("cause", "partial", "1 of 4 incidents involved AI-generated code (B)")], []).suggested).toBe("misleading");
  });

  it("calls a claim with every check supported accurate", () => {
    const v = suggestVerdict(claim, [check("count", "supported"), check("scope", "supported")], [candidate("X", 0.9)]);
    expect(v.suggested).toBe("accurate");
    expect(v.confidence).toBeGreaterThanOrEqual(NEEDS_A_PERSON);
  });

  it("does not call a claim inaccurate when no record's field contradicts it, and says which way it leans", () => {
    const v = suggestVerdict(claim, [check("count", "contradicted", "0 incidents this week", [])], [candidate("X", 0.9)]);
    expect(v.suggested).toBe("unverifiable");
    expect(v.confidence).toBeLessThan(NEEDS_A_PERSON);
    expect(v.basis).toMatch(/^Needs a person: the records lean towards inaccurate/);
  });

  it("does not call a claim inaccurate on a count of incidents alone, which depends on which records the claim means", () => {
    const v = suggestVerdict(claim, [check("count", "contradicted", "7 incidents this week (A, B, C, D, E, F, G)", ["A", "B", "C", "D", "E", "F", "G"])], [candidate("A", 0.9)]);
    expect(v.suggested).toBe("unverifiable");
    expect(v.confidence).toBeLessThan(NEEDS_A_PERSON);
    expect(v.basis).toContain("counting incidents depends on which records the claim means");
  });

  it("does not call a claim accurate on a record other than the one it is about", () => {
    const v = suggestVerdict(claim, [check("scope", "supported", "Y involved checkout", ["Y"])], [candidate("X", 0.9), candidate("Y", 0.5)]);
    expect(v.suggested).toBe("unverifiable");
    expect(v.basis).toContain("not clearly by the record the claim is about");
  });

  it("is unsure when the runner-up record would give another verdict", () => {
    const v = suggestVerdict(claim, [check("duration", "supported", "X lasted 7 h", ["X"])], [candidate("X", 0.8), candidate("Y", 0.75)], { alternative: "inaccurate" });
    expect(v.suggested).toBe("unverifiable");
    expect(v.confidence).toBeLessThan(NEEDS_A_PERSON);
  });

  it("does not call an unchecked cause accurate", () => {
    const causal = { ...makeClaim("The outage was caused by a supplier"), kind: "causal" as const };
    expect(suggestVerdict(causal, [check("scope", "supported", "X involved checkout", ["X"])], [candidate("X", 0.9)]).suggested).toBe("unverifiable");
  });

  it("calls a claim nothing settles unverifiable", () => {
    expect(suggestVerdict(claim, [], []).suggested).toBe("unverifiable");
    expect(suggestVerdict(claim, [check("customers", "unknown")], []).suggested).toBe("unverifiable");
  });

  it("explains a policy claim as such", () => {
    const policy = makeClaim("The company has introduced new approval requirements for AI tools");
    expect(suggestVerdict(policy, [], []).basis).toContain("decisions, policy or intentions");
  });
});
