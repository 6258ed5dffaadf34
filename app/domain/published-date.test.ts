import { describe, expect, it } from "vitest";
import { findPublishedDate } from "./published-date";

describe("findPublishedDate", () => {
  it("reads the byline's date in the common forms", () => {
    expect(findPublishedDate("# Headline\n\n*The Financial Ledger — 13 March 2026*\n\nBody")).toBe("2026-03-13");
    expect(findPublishedDate("By Jo Smith | March 3, 2025\nText")).toBe("2025-03-03");
    expect(findPublishedDate("Published 2024-11-30T10:00Z")).toBe("2024-11-30");
    expect(findPublishedDate("LONDON, Sept. 9th 2026 (Reuters) - text")).toBe("2026-09-09");
  });

  it("ignores dates without a year, impossible dates, and dates deep in the body", () => {
    expect(findPublishedDate("The outage began on Tuesday, 5 March.")).toBeUndefined();
    expect(findPublishedDate("On 31 February 2026 nothing happened.")).toBeUndefined();
    expect(findPublishedDate(`${"x".repeat(700)} 13 March 2026`)).toBeUndefined();
  });

  it("takes the first date when several appear", () => {
    expect(findPublishedDate("12 March 2026. Updated 14 March 2026")).toBe("2026-03-12");
  });
});
