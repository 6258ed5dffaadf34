import { describe, expect, it } from "vitest";
import { makeClaim } from "./fixtures/factory";
import type { AssertionCheck } from "./types";
import { suggestVerdict } from "./verdict";

const check = (aspect: AssertionCheck["aspect"], status: AssertionCheck["status"], recorded = "the records say so", incidentIds = ["X"]): AssertionCheck => ({
  aspect,
  status,
  claimed: "what the claim says",
  recorded,
  incidentIds,
});
const claim = makeClaim("The store went down four times this week");

describe("suggestVerdict", () => {
  it("calls a contradicted figure inaccurate and names the record", () => {
    const v = suggestVerdict(claim, [check("duration", "contradicted", "the longest incident, B, lasted 2 h 40 min", ["B"])], []);
    expect(v.suggested).toBe("inaccurate");
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
    expect(suggestVerdict(claim, [check("count", "supported"), check("scope", "supported")], []).suggested).toBe("accurate");
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
