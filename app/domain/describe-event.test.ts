import { describe, expect, it } from "vitest";
import { describeAction, describeEvent, rolesOfEvent, type DescribableEvent } from "./describe-event";

const event = (over: Partial<DescribableEvent>): DescribableEvent => ({
  actorLabel: "casey@example.com",
  actorName: "Casey Comms",
  action: "case.created",
  entityType: "case",
  entityId: "c1",
  data: {},
  ...over,
});

describe("audit events as sentences", () => {
  it("names the person, the claim by its number, the verdict, the suggestion and the note", () => {
    const e = event({
      action: "claim.verdict",
      entityType: "claim",
      entityId: "k4",
      data: { from: null, to: "inaccurate", suggested: "inaccurate", note: "the records give 38,000, not 200,000" },
    });
    expect(describeEvent(e, { claimNumbers: { k4: 4 } })).toBe(
      "Casey Comms set claim 4 to inaccurate (suggested: inaccurate): the records give 38,000, not 200,000",
    );
  });

  it("falls back to the email when no name was recorded, and to the claim's words without a number", () => {
    const e = event({ actorName: null, action: "claim.accepted", entityType: "claim", entityId: "k9", data: { text: "Checkout was down" } });
    expect(describeEvent(e)).toBe("casey@example.com accepted the claim “Checkout was down”");
  });

  it("says what an approval meant, on which version", () => {
    const e = event({ action: "approval.given", entityType: "approval", data: { meaning: "legal_accuracy", title: "Our answer", versionNumber: 3 } });
    expect(describeAction(e)).toBe("gave “Approved for legal accuracy” on the draft “Our answer” (version 3)");
  });

  it("tells evidence confirmations apart from links", () => {
    const confirmed = event({ action: "evidence.confirmed", data: { incidentId: "RET-1", version: 2, claimId: "k1" } });
    expect(describeAction(confirmed, { claimNumbers: { k1: 1 } })).toBe("confirmed RET-1 (version 2) as evidence for claim 1");
  });

  it("reads an unknown action without failing", () => {
    expect(describeAction(event({ action: "thing.happened", entityType: "some_thing" }))).toBe("thing happened (some thing)");
  });

  it("reads the stored roles", () => {
    expect(rolesOfEvent({ actorRole: "comms,legal" })).toEqual(["comms", "legal"]);
    expect(rolesOfEvent({ actorRole: null })).toEqual([]);
  });
});

describe("drafting's events", () => {
  it("reads a save and a waiver", () => {
    expect(describeAction(event({ action: "draft.saved", data: { version: 3, basedOn: 2 } }))).toBe("saved version 3 of a draft (from version 2)");
    expect(describeAction(event({ action: "draft.flag_waived", data: { text: "never", version: 2, reason: "Quoted from the record" } }))).toBe(
      "waived the check flag “never” on version 2: Quoted from the record",
    );
  });
});
