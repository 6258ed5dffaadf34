import { describe, expect, it } from "vitest";
import { paragraphsOf, piecesOf, spansByRange } from "./article-layout";

describe("paragraphsOf", () => {
  it("splits at blank lines and keeps single line breaks inside a paragraph", () => {
    const body = "# Title\n\nFirst line\nsecond line.\n \n\nLast.";
    expect(paragraphsOf(body).map((p) => body.slice(p.start, p.end))).toEqual(["# Title", "First line\nsecond line.", "Last."]);
  });

  it("handles CRLF line endings and leading or trailing blank lines", () => {
    const body = "\r\n\r\nOne.\r\n\r\nTwo.\r\n";
    expect(paragraphsOf(body).map((p) => body.slice(p.start, p.end))).toEqual(["One.", "Two.\r\n"]);
  });

  it("is empty for an empty body", () => {
    expect(paragraphsOf("")).toEqual([]);
  });
});

describe("piecesOf", () => {
  it("cuts a paragraph at span edges and names the covering spans", () => {
    const pieces = piecesOf({ start: 0, end: 20 }, [{ id: "a", start: 5, end: 10 }]);
    expect(pieces).toEqual([
      { start: 0, end: 5, ids: [] },
      { start: 5, end: 10, ids: ["a"] },
      { start: 10, end: 20, ids: [] },
    ]);
  });

  it("lists overlapping spans narrowest first", () => {
    const pieces = piecesOf({ start: 0, end: 10 }, [
      { id: "wide", start: 0, end: 10 },
      { id: "narrow", start: 2, end: 4 },
    ]);
    expect(pieces).toEqual([
      { start: 0, end: 2, ids: ["wide"] },
      { start: 2, end: 4, ids: ["narrow", "wide"] },
      { start: 4, end: 10, ids: ["wide"] },
    ]);
  });

  it("clips spans that run past the range and ignores spans elsewhere", () => {
    const pieces = piecesOf({ start: 10, end: 20 }, [
      { id: "across", start: 5, end: 15 },
      { id: "elsewhere", start: 30, end: 40 },
    ]);
    expect(pieces).toEqual([
      { start: 10, end: 15, ids: ["across"] },
      { start: 15, end: 20, ids: [] },
    ]);
  });
});

describe("spansByRange", () => {
  it("hands each range the spans overlapping it, a span across two ranges to both", () => {
    const ranges = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
      { start: 22, end: 30 },
    ];
    const spans = [
      { id: "a", start: 2, end: 4 },
      { id: "across", start: 8, end: 14 },
      { id: "c", start: 25, end: 30 },
      { id: "gap", start: 10, end: 12 },
    ];
    expect(spansByRange(ranges, spans).map((list) => list.map((s) => s.id))).toEqual([["a", "across"], ["across"], ["c"]]);
  });
});
