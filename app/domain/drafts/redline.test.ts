import { describe, expect, it } from "vitest";
import { redline, redlineCounts } from "./redline";

describe("redline", () => {
  it("marks the words that changed between two versions", () => {
    const parts = redline("The outage lasted three hours.", "The disruption lasted under three hours.");
    expect(parts.filter((p) => p.op !== "same").map((p) => `${p.op}:${p.text.trim()}`)).toEqual([
      "removed:outage",
      "added:disruption",
      "added:under",
    ]);
    expect(redlineCounts(parts)).toEqual({ added: 2, removed: 1 });
  });
  it("is all same for identical texts", () => {
    expect(redline("a b", "a b").every((p) => p.op === "same")).toBe(true);
  });
});
