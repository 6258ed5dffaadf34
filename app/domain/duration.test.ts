import { describe, expect, it } from "vitest";
import { durationBetween, formatDuration, formatUtcDate, formatUtcDateTime, formatUtcTime, isSameUtcDay } from "./duration";

describe("formatDuration", () => {
  it("reads like a person would say it", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(53 * 60_000)).toBe("53 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    expect(formatDuration(2 * 3_600_000 + 40 * 60_000)).toBe("2 h 40 min");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 10 * 60_000)).toBe("3 d 4 h");
    expect(formatDuration(86_400_000)).toBe("1 d");
  });

  it("rounds to the nearest minute without producing '60 min'", () => {
    expect(formatDuration(59 * 60_000 + 40_000)).toBe("1 h");
    expect(formatDuration(90_000)).toBe("2 min");
  });

  it("has no answer for a negative or invalid span", () => {
    expect(formatDuration(-1)).toBeUndefined();
    expect(formatDuration(Number.NaN)).toBeUndefined();
  });
});

describe("durationBetween", () => {
  it("measures from one instant to another across offsets", () => {
    expect(durationBetween("2026-03-07T19:40:00Z", "2026-03-07T22:20:00Z")).toBe("2 h 40 min");
    expect(durationBetween("2026-03-07T20:40:00+01:00", "2026-03-07T19:44:00Z")).toBe("4 min");
  });

  it("is undefined when an end is missing or earlier", () => {
    expect(durationBetween("2026-03-07T19:40:00Z", undefined)).toBeUndefined();
    expect(durationBetween("2026-03-07T19:40:00Z", "2026-03-07T19:00:00Z")).toBeUndefined();
  });
});

describe("UTC display", () => {
  it("formats in UTC whatever the offset written", () => {
    expect(formatUtcDateTime("2026-03-07T23:30:00-02:00")).toBe("8 Mar 2026, 01:30 UTC");
    expect(formatUtcDate("2026-03-07T19:40:00Z")).toBe("7 Mar 2026");
    expect(formatUtcTime("2026-03-07T19:40:05Z")).toBe("19:40:05");
    expect(isSameUtcDay("2026-03-07T01:00:00Z", "2026-03-07T23:00:00Z")).toBe(true);
    expect(isSameUtcDay("2026-03-07T23:30:00-02:00", "2026-03-07T23:00:00Z")).toBe(false);
  });
});
