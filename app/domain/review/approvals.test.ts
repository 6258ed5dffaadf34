import { describe, expect, it } from "vitest";
import { decisionRefusal, isDismissed, latestDecisions, missingApprovals, pendingEngineers, publicationBlockers, requiredApprovals, type ApprovalRecord } from "./approvals";

const v1 = { id: "v1", hash: "a".repeat(64) };
const v2 = { id: "v2", hash: "b".repeat(64) };
const legal = { id: "u-legal", name: "Lee Legal", roles: ["legal"] };
const comms = { id: "u-comms", name: "Casey Comms", roles: ["comms"] };
const eng = { id: "u-eng", name: "Erin Engineer", roles: ["engineer"] };

const record = (over: Partial<ApprovalRecord>): ApprovalRecord => ({
  reviewerId: legal.id,
  reviewerName: legal.name,
  versionId: v1.id,
  versionHash: v1.hash,
  meaning: "legal_accuracy",
  decision: "approved",
  createdAt: "2026-03-13T10:00:00Z",
  ...over,
});

describe("who may decide on which version", () => {
  const base = { state: "legal_review" as const, current: v1, version: v1, reviewer: legal, editorIds: [comms.id], decision: "approved" as const };

  it("lets legal approve the current version in legal review", () => {
    expect(decisionRefusal(base)).toBeNull();
  });
  it("refuses a version that is no longer current", () => {
    expect(decisionRefusal({ ...base, current: v2 })).toMatch(/newer version/);
  });
  it("refuses a hash that does not match", () => {
    expect(decisionRefusal({ ...base, version: { id: "v1", hash: "c".repeat(64) } })).toMatch(/does not match the hash/);
  });
  it("refuses self-approval by an author or editor", () => {
    expect(decisionRefusal({ ...base, reviewer: { ...legal, roles: ["legal", "comms"] }, editorIds: [legal.id] })).toMatch(/wrote or edited/);
  });
  it("lets an editor request changes on their own text", () => {
    expect(decisionRefusal({ ...base, editorIds: [legal.id], decision: "changes_requested" })).toBeNull();
  });
  it("refuses the wrong role for the stage", () => {
    expect(decisionRefusal({ ...base, reviewer: comms })).toBe("Only legal can give “Approved for legal accuracy”.");
  });
  it("refuses outside a review stage", () => {
    expect(decisionRefusal({ ...base, state: "draft" })).toMatch(/nothing to approve/);
  });
  it("lets only an assigned engineer confirm facts", () => {
    const facts = { ...base, state: "fact_check" as const, reviewer: eng };
    expect(decisionRefusal({ ...facts, assignedEngineerIds: [eng.id] })).toBeNull();
    expect(decisionRefusal({ ...facts, assignedEngineerIds: ["someone-else"] })).toMatch(/assigned/);
  });
});

describe("which decisions count", () => {
  it("keeps only each reviewer's latest decision on the current version", () => {
    const records = [
      record({ decision: "approved", createdAt: "2026-03-13T10:00:00Z" }),
      record({ decision: "changes_requested", createdAt: "2026-03-13T11:00:00Z" }),
    ];
    expect(latestDecisions(records, v1).map((r) => r.decision)).toEqual(["changes_requested"]);
  });
  it("dismisses decisions on earlier versions", () => {
    const records = [record({})];
    expect(latestDecisions(records, v2)).toEqual([]);
    expect(isDismissed(records[0], v2)).toBe(true);
    expect(isDismissed(records[0], v1)).toBe(false);
  });
  it("names the engineers still to confirm", () => {
    const engineers = [{ id: eng.id, name: eng.name }, { id: "u-e2", name: "Sam Ops" }];
    const decisions = [record({ reviewerId: eng.id, reviewerName: eng.name, meaning: "facts_confirmed" })];
    expect(pendingEngineers(engineers, decisions)).toEqual(["Sam Ops"]);
  });
});

describe("publication preconditions", () => {
  const engineers = [{ id: eng.id, name: eng.name }];
  const allApproved = [
    record({ reviewerId: eng.id, reviewerName: eng.name, meaning: "facts_confirmed" }),
    record({}),
    record({ reviewerId: comms.id, reviewerName: comms.name, meaning: "release" }),
  ];
  const ok = { state: "approved" as const, required: requiredApprovals(engineers), decisions: allApproved, openThreads: 0, flags: [], staleConfirmations: [], unconfirmed: [] };

  it("has no blockers when everything holds", () => {
    expect(publicationBlockers(ok)).toEqual([]);
    expect(missingApprovals(ok.required, ok.decisions)).toEqual([]);
  });
  it("lists each missing approval", () => {
    expect(publicationBlockers({ ...ok, decisions: allApproved.slice(1) })).toEqual(["“Facts confirmed” from Erin Engineer is missing on the current version."]);
    expect(publicationBlockers({ ...ok, decisions: allApproved.slice(0, 2) })).toEqual(["“Approved for release” is missing on the current version."]);
  });
  it("lists unresolved threads, unwaived flags, stale and unconfirmed evidence, and the state", () => {
    const reasons = publicationBlockers({
      ...ok,
      state: "comms_approval",
      openThreads: 2,
      flags: [{ label: "absolute word “never”", waived: false }, { label: "waived one", waived: true }],
      staleConfirmations: ["RET-1 changed to version 3 after it was confirmed on version 2"],
      unconfirmed: ["RET-2 for claim 1"],
    });
    expect(reasons).toEqual([
      "The draft is in comms approval, not approved.",
      "2 comment threads are not resolved.",
      "1 check flag is neither fixed nor waived: absolute word “never”.",
      "An evidence confirmation is stale: RET-1 changed to version 3 after it was confirmed on version 2.",
      "Evidence is not confirmed: RET-2 for claim 1.",
    ]);
  });
});
