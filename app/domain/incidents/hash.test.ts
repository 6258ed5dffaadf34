import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash, type Incident } from "./index";

const incident: Incident = {
  id: "RET-2026-0309-C",
  title: "Product images failed to load",
  startedAt: "2026-03-09T09:02:00Z",
  services: ["media", "storefront"],
  actionItems: [{ text: "Alarm 30 days before any certificate expires", status: "done", owner: "media-team" }],
};

describe("contentHash", () => {
  it("is the SHA-256 of the canonical JSON: keys sorted at every depth", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: null }] })).toBe('{"a":[{"b":null,"d":2}],"b":1}');
    const expected = createHash("sha256").update(canonicalJson(incident)).digest("hex");
    expect(contentHash(incident)).toBe(expected);
    expect(contentHash(incident)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not change with key order or undefined properties", () => {
    const reordered: Incident = {
      actionItems: [{ owner: "media-team", status: "done", text: "Alarm 30 days before any certificate expires" }],
      services: ["media", "storefront"],
      startedAt: "2026-03-09T09:02:00Z",
      title: "Product images failed to load",
      id: "RET-2026-0309-C",
      summary: undefined,
    };
    expect(contentHash(reordered)).toBe(contentHash(incident));
  });

  it("changes with any content, including list order", () => {
    expect(contentHash({ ...incident, title: "Product images failed to load." })).not.toBe(contentHash(incident));
    expect(contentHash({ ...incident, services: ["storefront", "media"] })).not.toBe(contentHash(incident));
  });
});
