import { describe, expect, it } from "vitest";
import { claimStatus, confirmationState, describeStale, isStale, summarizeReadiness, type LinkStatusInput } from "./evidence-status";

const link = (over: Partial<LinkStatusInput> = {}): LinkStatusInput => ({
  incidentId: "RET-2026-0031",
  stance: "supports",
  confirmedVersion: 1,
  currentVersion: 1,
  ...over,
});

describe("the staleness rule", () => {
  it("holds a confirmation only for the version it was made on", () => {
    expect(isStale(2, 2)).toBe(false);
    expect(isStale(2, 3)).toBe(true);
    expect(isStale(3, 2)).toBe(true);
    expect(isStale(null, 3)).toBe(false);
    expect(isStale(undefined, 3)).toBe(false);
  });

  it("names the state of each link", () => {
    expect(confirmationState({ confirmedVersion: null }, 1)).toBe("unconfirmed");
    expect(confirmationState({ confirmedVersion: 1 }, 1)).toBe("confirmed");
    expect(confirmationState({ confirmedVersion: 1 }, 2)).toBe("stale");
  });

  it("says which record changed to which version after which confirmation", () => {
    expect(describeStale({ incidentId: "RET-2026-0031", confirmedVersion: 2, currentVersion: 3 })).toBe(
      "RET-2026-0031 changed to version 3 after it was confirmed on version 2",
    );
  });
});

describe("what is missing before a draft can rely on a claim", () => {
  it("is nothing for an assigned claim with a verdict and confirmed, current evidence", () => {
    const status = claimStatus({ verdict: "inaccurate", assigneeId: "u1", links: [link(), link({ incidentId: "RET-2026-0032", stance: "contradicts" })] });
    expect(status.readiness).toBe("ready");
    expect(status.missing).toEqual([]);
    expect(status.counts).toEqual({ links: 2, confirmed: 2, unconfirmed: 0, stale: 0 });
  });

  it("lists everything for a fresh claim", () => {
    const status = claimStatus({ verdict: null, assigneeId: null, links: [] });
    expect(status.readiness).toBe("incomplete");
    expect(status.missing.map((m) => m.text)).toEqual(["no verdict set", "no evidence linked", "not assigned to an engineer"]);
  });

  it("counts links not yet confirmed", () => {
    const one = claimStatus({ verdict: "accurate", assigneeId: "u1", links: [link({ confirmedVersion: null })] });
    expect(one.missing.map((m) => m.text)).toEqual(["1 link not confirmed"]);
    const two = claimStatus({ verdict: "accurate", assigneeId: "u1", links: [link({ confirmedVersion: null }), link({ confirmedVersion: null }), link()] });
    expect(two.missing.map((m) => m.text)).toEqual(["2 links not confirmed"]);
    expect(two.counts).toEqual({ links: 3, confirmed: 1, unconfirmed: 2, stale: 0 });
  });

  it("puts stale confirmations first, naming the versions, and marks the claim stale", () => {
    const status = claimStatus({
      verdict: "inaccurate",
      assigneeId: "u1",
      links: [link({ confirmedVersion: 2, currentVersion: 3 }), link({ incidentId: "RET-2026-0040", confirmedVersion: null })],
    });
    expect(status.readiness).toBe("stale");
    expect(status.missing[0]).toEqual({
      code: "stale",
      text: "1 confirmation stale: RET-2026-0031 changed to version 3 after it was confirmed on version 2",
    });
    expect(status.missing.map((m) => m.code)).toEqual(["stale", "unconfirmed"]);
    expect(status.counts.stale).toBe(1);
  });

  it("joins several stale confirmations in one item", () => {
    const status = claimStatus({
      verdict: "misleading",
      assigneeId: "u1",
      links: [link({ confirmedVersion: 1, currentVersion: 2 }), link({ incidentId: "CLD-2026-0009", confirmedVersion: 1, currentVersion: 4 })],
    });
    expect(status.missing[0].text).toBe(
      "2 confirmations stale: RET-2026-0031 changed to version 2 after it was confirmed on version 1; CLD-2026-0009 changed to version 4 after it was confirmed on version 1",
    );
  });

  it("needs no evidence for a claim judged unverifiable, but still confirmation of any link it has", () => {
    expect(claimStatus({ verdict: "unverifiable", assigneeId: "u1", links: [] }).missing).toEqual([]);
    expect(claimStatus({ verdict: "unverifiable", assigneeId: "u1", links: [link({ confirmedVersion: null })] }).missing.map((m) => m.code)).toEqual([
      "unconfirmed",
    ]);
  });

  it("questions an accurate verdict that every linked record contradicts", () => {
    const status = claimStatus({ verdict: "accurate", assigneeId: "u1", links: [link({ stance: "contradicts" })] });
    expect(status.missing.map((m) => m.code)).toEqual(["verdict-against-evidence"]);
    expect(claimStatus({ verdict: "accurate", assigneeId: "u1", links: [link({ stance: "contradicts" }), link()] }).missing).toEqual([]);
  });

  it("tallies a case's claims by readiness", () => {
    const statuses = [
      claimStatus({ verdict: "accurate", assigneeId: "u1", links: [link()] }),
      claimStatus({ verdict: null, assigneeId: "u1", links: [link()] }),
      claimStatus({ verdict: "accurate", assigneeId: "u1", links: [link({ currentVersion: 2 })] }),
    ];
    expect(summarizeReadiness(statuses)).toEqual({ ready: 1, incomplete: 1, stale: 1 });
  });
});
