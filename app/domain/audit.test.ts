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

describe("the fields added later", () => {
  it("leaves them out of the hash when absent, so older events still verify", () => {
    expect(auditHash(GENESIS_HASH, base)).toBe(auditHash(GENESIS_HASH, { ...base, ip: undefined, actorRole: undefined }));
  });

  it("covers them when present", () => {
    const withMeta = { ...base, actorName: "Casey Comms", actorRole: "comms", ip: "10.0.0.7", versionHash: "ab".repeat(32) };
    const events = chain([base, withMeta]);
    expect(verifyChain(events)).toEqual({ ok: true, count: 2 });
    events[1] = { ...events[1], ip: "10.0.0.8" };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it("finds two events swapped", () => {
    const events = chain([base, { ...base, action: "claim.accepted" }, { ...base, action: "verdict.set" }]);
    const swapped = [events[0], { ...events[2], seq: 2 }, { ...events[1], seq: 3 }];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
