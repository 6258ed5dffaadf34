import { describe, expect, it } from "vitest";
import { anchorRefusal, reanchor } from "./anchor";

describe("re-anchoring a comment on a later version", () => {
  it("follows the quote when text is added before it", () => {
    expect(reanchor("New opening. The outage lasted two hours.", { quote: "two hours", start: 18 })).toEqual({ state: "anchored", start: 31, end: 40 });
  });

  it("picks the occurrence nearest to where it was", () => {
    const body = "two hours here, and later two hours there";
    expect(reanchor(body, { quote: "two hours", start: 30 })).toEqual({ state: "anchored", start: 26, end: 35 });
    expect(reanchor(body, { quote: "two hours", start: 2 })).toEqual({ state: "anchored", start: 0, end: 9 });
  });

  it("marks the thread outdated when the quote is gone", () => {
    expect(reanchor("The outage lasted ninety minutes.", { quote: "two hours", start: 18 })).toEqual({ state: "outdated" });
  });
});

describe("opening an anchor", () => {
  it("accepts the exact passage at its place", () => {
    expect(anchorRefusal("abc def", "def", 4)).toBeNull();
  });
  it("refuses a quote that is not there", () => {
    expect(anchorRefusal("abc def", "def", 2)).toMatch(/not at that place/);
    expect(anchorRefusal("abc def", " ", 0)).toMatch(/Select the passage/);
  });
});
