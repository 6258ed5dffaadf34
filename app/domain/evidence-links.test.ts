import { describe, expect, it } from "vitest";
import { confirmRefusal, fieldText, findExcerpt, isLinkableField, linkFieldLabel, locateExcerpt, suggestedStance } from "./evidence-links";
import type { Incident } from "./incidents";

const record: Incident = {
  id: "RET-2026-0031",
  title: "Checkout errors after a deployment",
  startedAt: "2026-03-09T09:02:00Z",
  resolvedAt: "2026-03-09T15:40:00Z",
  services: ["checkout", "payments"],
  customersAffected: 41200,
  rootCause: "A code change written with an AI assistant\nremoved a required timeout.",
  contributingFactors: [{ tag: "ai_assisted_tooling", description: "Suggested by the assistant" }],
  timeline: [{ at: "2026-03-09T09:02:00Z", text: "Errors began" }],
  actionItems: [{ text: "Require review of generated code", status: "open", owner: "checkout-team" }],
};

describe("linkable fields", () => {
  it("are the record's fields, with labels", () => {
    expect(isLinkableField("rootCause")).toBe(true);
    expect(isLinkableField("internalOnly")).toBe(false);
    expect(isLinkableField("nonsense")).toBe(false);
    expect(linkFieldLabel("customerImpact")).toBe("Customer impact");
  });

  it("read as text the way the record page shows them", () => {
    expect(fieldText(record, "services")).toBe("checkout, payments");
    expect(fieldText(record, "customersAffected")).toBe("41200");
    expect(fieldText(record, "contributingFactors")).toBe("ai_assisted_tooling: Suggested by the assistant");
    expect(fieldText(record, "timeline")).toBe("2026-03-09T09:02:00Z Errors began");
    expect(fieldText(record, "actionItems")).toBe("Require review of generated code (open, checkout-team)");
    expect(fieldText(record, "summary")).toBe("");
  });
});

describe("excerpts", () => {
  it("are found ignoring case and whitespace, in the record's own wording", () => {
    expect(findExcerpt(record.rootCause!, "written with an AI assistant removed")).toBe("written with an AI assistant\nremoved");
    expect(findExcerpt(record.rootCause!, "ai ASSISTANT")).toBe("AI assistant");
    expect(findExcerpt(record.rootCause!, "caused by hackers")).toBeNull();
    expect(findExcerpt(record.rootCause!, "   ")).toBeNull();
    expect(findExcerpt("costs $5 (approx.)", "$5 (approx.)")).toBe("$5 (approx.)");
  });

  it("are located in the field given, or the first field that holds them", () => {
    expect(locateExcerpt(record, "required timeout", "rootCause")).toEqual({ field: "rootCause", excerpt: "required timeout" });
    expect(locateExcerpt(record, "required timeout", "title")).toBeNull();
    expect(locateExcerpt(record, "errors")).toEqual({ field: "title", excerpt: "errors" });
    expect(locateExcerpt(record, "generated code")).toEqual({ field: "actionItems", excerpt: "generated code" });
  });
});

describe("who confirms a link", () => {
  const assignee = { id: "eng-1", name: "Ada Engineer" };
  it("is the assigned engineer", () => {
    expect(confirmRefusal({ id: "eng-1", roles: ["engineer"] }, assignee)).toEqual({ ok: true });
  });
  it("or an admin", () => {
    expect(confirmRefusal({ id: "adm", roles: ["admin"] }, assignee)).toEqual({ ok: true });
    expect(confirmRefusal({ id: "adm", roles: ["admin"] }, null)).toEqual({ ok: true });
  });
  it("is not another engineer, nor comms or legal", () => {
    expect(confirmRefusal({ id: "eng-2", roles: ["engineer"] }, assignee)).toEqual({
      ok: false,
      status: 403,
      reason: "Only the engineer assigned to this claim (Ada Engineer) can confirm its evidence.",
    });
    expect(confirmRefusal({ id: "c", roles: ["comms"] }, assignee)).toMatchObject({ ok: false, status: 403 });
    expect(confirmRefusal({ id: "l", roles: ["legal"] }, assignee)).toMatchObject({ ok: false, status: 403 });
  });
  it("needs an assignee first", () => {
    expect(confirmRefusal({ id: "eng-1", roles: ["engineer"] }, null)).toMatchObject({ ok: false, status: 409 });
  });
});

describe("the stance a link form preselects", () => {
  const checks = [
    { status: "supported" as const, incidentIds: ["A", "B"] },
    { status: "contradicted" as const, incidentIds: ["B"] },
    { status: "partial" as const, incidentIds: ["C"] },
  ];
  it("follows the checks that name the record", () => {
    expect(suggestedStance(checks, "A")).toBe("supports");
    expect(suggestedStance(checks, "B")).toBe("contradicts");
    expect(suggestedStance(checks, "C")).toBe("context");
  });
  it("preselects nothing for a record no check names", () => {
    expect(suggestedStance(checks, "D")).toBeNull();
    expect(suggestedStance([], "A")).toBeNull();
  });
});
