import { describe, expect, it } from "vitest";
import { auditHash, GENESIS_HASH, verifyChain, type AuditEventContent } from "./audit";

function chain(contents: AuditEventContent[]) {
  let prev = GENESIS_HASH;
  return contents.map((content, i) => {
    const hash = auditHash(prev, content);
    const event = { ...content, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return event;
  });
}

const base: AuditEventContent = { at: "2026-03-13T10:00:00.000Z", actorId: null, actorLabel: "a@example.com", action: "case.created", caseId: null, entityType: "case", entityId: "c1", data: { title: "T" } };

describe("the audit hash chain", () => {
  it("verifies an untouched chain", () => {
    expect(verifyChain(chain([base, { ...base, action: "claim.accepted" }, { ...base, action: "verdict.set" }]))).toEqual({ ok: true, count: 3 });
  });

  it("finds an altered event", () => {
    const events = chain([base, { ...base, action: "claim.accepted" }, { ...base, action: "verdict.set" }]);
    events[1] = { ...events[1], data: { title: "changed" } };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it("finds a removed event", () => {
    const events = chain([base, { ...base, action: "claim.accepted" }, { ...base, action: "verdict.set" }]);
    expect(verifyChain([events[0], events[2]])).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
