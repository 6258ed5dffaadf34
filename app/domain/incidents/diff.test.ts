import { describe, expect, it } from "vitest";
import { diffIncidentField, diffIncidents, type Incident } from "./index";

const before: Incident = {
  id: "RET-2026-0309-C",
  title: "Product images failed to load",
  startedAt: "2026-03-09T09:02:00Z",
  summary: "A certificate on the image CDN origin expired.",
  services: ["media", "storefront"],
  timeline: [{ at: "2026-03-09T09:02:00Z", text: "Certificate expired" }],
};

describe("diffIncidents", () => {
  it("lists changed, added and removed fields in the format's order", () => {
    const after: Incident = {
      ...before,
      summary: "A certificate on the image CDN origin expired at 09:02.",
      services: ["media"],
      customersAffected: 0,
      timeline: undefined,
    };
    expect(diffIncidents(before, after)).toEqual(["services", "customersAffected", "summary", "timeline"]);
  });

  it("ignores key order inside values", () => {
    const after: Incident = { ...before, timeline: [{ text: "Certificate expired", at: "2026-03-09T09:02:00Z" }] };
    expect(diffIncidents(before, after)).toEqual([]);
  });
});

describe("diffIncidentField", () => {
  it("diffs text word by word", () => {
    const after = { ...before, summary: "A certificate on the image CDN origin expired at 09:02." };
    expect(diffIncidentField(before, after, "summary")).toEqual([
      { kind: "unchanged", text: "A certificate on the image CDN origin expired " },
      { kind: "added", text: "at 09:02" },
      { kind: "unchanged", text: "." },
    ]);
  });

  it("diffs lists as pretty-printed JSON, line by line", () => {
    const after = { ...before, services: ["media"] };
    expect(diffIncidentField(before, after, "services")).toEqual([
      { kind: "unchanged", text: "[\n" },
      { kind: "removed", text: '  "media",\n  "storefront"\n' },
      { kind: "added", text: '  "media"\n' },
      { kind: "unchanged", text: "]\n" },
    ]);
  });

  it("shows an added field as all added", () => {
    const after = { ...before, customersAffected: 0 };
    expect(diffIncidentField(before, after, "customersAffected")).toEqual([{ kind: "added", text: "0" }]);
  });
});
