import { describe, expect, it } from "vitest";
import { findDates, resolveRelativeDate } from "./dates";
import { articleWindow } from "./extract-claims";

// Friday 13 March 2026.
const PUBLISHED = "2026-03-13";

describe("resolveRelativeDate", () => {
  it.each([
    ["yesterday", "2026-03-12", "2026-03-12"],
    ["today", "2026-03-13", "2026-03-13"],
    ["on Tuesday", "2026-03-10", "2026-03-10"],
    ["Friday", "2026-03-13", "2026-03-13"],
    ["last Tuesday", "2026-03-10", "2026-03-10"],
    ["last Friday", "2026-03-06", "2026-03-06"],
    ["Monday night", "2026-03-09", "2026-03-09"],
    ["this week", "2026-03-09", "2026-03-13"],
    ["earlier this week", "2026-03-09", "2026-03-13"],
    ["last week", "2026-03-02", "2026-03-08"],
    ["the past week", "2026-03-06", "2026-03-13"],
    ["over the weekend", "2026-03-07", "2026-03-08"],
    ["earlier this month", "2026-03-01", "2026-03-13"],
    ["last month", "2026-02-01", "2026-02-28"],
    ["three days ago", "2026-03-10", "2026-03-10"],
    ["last year", "2025-01-01", "2025-12-31"],
  ])("%s → %s..%s", (phrase, from, to) => {
    expect(resolveRelativeDate(phrase, PUBLISHED)).toEqual({ from, to });
  });

  it("resolves explicit dates, giving a year-less date the publication year", () => {
    expect(resolveRelativeDate("5 March", PUBLISHED)).toEqual({ from: "2026-03-05", to: "2026-03-05" });
    expect(resolveRelativeDate("March 5th", PUBLISHED)).toEqual({ from: "2026-03-05", to: "2026-03-05" });
    expect(resolveRelativeDate("on 14 February", PUBLISHED)).toEqual({ from: "2026-02-14", to: "2026-02-14" });
    expect(resolveRelativeDate("2026-03-05", PUBLISHED)).toEqual({ from: "2026-03-05", to: "2026-03-05" });
    expect(resolveRelativeDate("March 5, 2024", PUBLISHED)).toEqual({ from: "2024-03-05", to: "2024-03-05" });
  });

  it("puts a year-less date that would fall after publication in the previous year", () => {
    expect(resolveRelativeDate("19 November", PUBLISHED)).toEqual({ from: "2025-11-19", to: "2025-11-19" });
    expect(resolveRelativeDate("in December", PUBLISHED)).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("keeps a forward-looking date in the publication year", () => {
    expect(resolveRelativeDate("until March 20", PUBLISHED)).toEqual({ from: "2026-03-20", to: "2026-03-20" });
  });

  it("resolves ranges, months and years", () => {
    expect(resolveRelativeDate("between 5 and 11 March", PUBLISHED)).toEqual({ from: "2026-03-05", to: "2026-03-11" });
    expect(resolveRelativeDate("5-11 March", PUBLISHED)).toEqual({ from: "2026-03-05", to: "2026-03-11" });
    expect(resolveRelativeDate("between March 5 and 11", PUBLISHED)).toEqual({ from: "2026-03-05", to: "2026-03-11" });
    expect(resolveRelativeDate("from 28 February to 3 March", PUBLISHED)).toEqual({ from: "2026-02-28", to: "2026-03-03" });
    expect(resolveRelativeDate("in early March", PUBLISHED)).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(resolveRelativeDate("December 2022", PUBLISHED)).toEqual({ from: "2022-12-01", to: "2022-12-31" });
    expect(resolveRelativeDate("in 2024", PUBLISHED)).toEqual({ from: "2024-01-01", to: "2024-12-31" });
  });

  it("runs 'since' to publication", () => {
    expect(resolveRelativeDate("since 5 March", PUBLISHED)).toEqual({ from: "2026-03-05", to: "2026-03-13" });
    expect(resolveRelativeDate("since February", PUBLISHED)).toEqual({ from: "2026-02-01", to: "2026-03-13" });
  });

  it("returns null for phrases that are not dates", () => {
    expect(resolveRelativeDate("the evening peak", PUBLISHED)).toBeNull();
    expect(resolveRelativeDate("may", PUBLISHED)).toBeNull();
  });
});

describe("findDates", () => {
  it("reports each date once, with article offsets, preferring the longest reading", () => {
    const text = "The store went down between 5 and 11 March, and again on Friday, 6 March.";
    const dates = findDates(text, 100, PUBLISHED);
    expect(dates.map((d) => [d.text, d.from, d.to, d.source])).toEqual([
      ["between 5 and 11 March", "2026-03-05", "2026-03-11", "explicit"],
      ["6 March", "2026-03-06", "2026-03-06", "explicit"],
    ]);
    expect(text.slice(dates[0].start - 100, dates[0].end - 100)).toBe("between 5 and 11 March");
  });

  it("resolves only dates that carry a year when there is no publication date", () => {
    expect(findDates("On Tuesday and on 5 March 2026", 0).map((d) => d.text)).toEqual(["5 March 2026"]);
  });
});

describe("articleWindow", () => {
  it("widens the lede's window with an overlapping range from the next paragraph", () => {
    const text = "Meridian suffered outages this week.\n\nThe store went down between 5 and 11 March.";
    expect(articleWindow(text, PUBLISHED)).toMatchObject({ from: "2026-03-05", to: "2026-03-13", source: "article", text: "this week" });
  });

  it("keeps background dates out of the window", () => {
    const text = "Customers could not file claims on Wednesday.\n\nStaff blamed a migration in April.";
    expect(articleWindow(text, "2026-05-22")).toMatchObject({ from: "2026-05-20", to: "2026-05-20" });
  });

  it("skips the dateline and is null when the lede names no date", () => {
    expect(articleWindow("*The Ledger — 13 March 2026*\n\nThe bank's app failed.", PUBLISHED)).toBeNull();
  });
});
