import { describe, expect, it } from "vitest";
import { dueState, formatDay, formatUtcDateTime, parseDateTimeLocal, relativeDue, toDateTimeLocal } from "./case-due";

const now = new Date("2026-03-13T12:00:00Z");

describe("dueState", () => {
  it("says whether a deadline has passed or is within a day", () => {
    expect(dueState("2026-03-13T11:59:00Z", "open", now)).toBe("overdue");
    expect(dueState("2026-03-14T11:00:00Z", "responding", now)).toBe("soon");
    expect(dueState("2026-03-20T12:00:00Z", "open", now)).toBe("later");
    expect(dueState(null, "open", now)).toBe("none");
  });
  it("never calls a closed case overdue", () => {
    expect(dueState("2026-03-01T00:00:00Z", "closed", now)).toBe("closed");
  });
});

describe("relativeDue", () => {
  it("speaks in minutes, hours or days", () => {
    expect(relativeDue("2026-03-13T12:45:00Z", now)).toBe("in 45 minutes");
    expect(relativeDue("2026-03-13T15:00:00Z", now)).toBe("in 3 hours");
    expect(relativeDue("2026-03-10T12:00:00Z", now)).toBe("3 days ago");
    expect(relativeDue("2026-03-13T12:00:20Z", now)).toBe("now");
  });
});

describe("UTC dates", () => {
  it("formats and round-trips a datetime-local value as UTC", () => {
    expect(formatUtcDateTime("2026-03-13T17:05:00Z")).toBe("13 Mar 2026, 17:05 UTC");
    expect(formatDay("2026-03-05")).toBe("5 Mar 2026");
    expect(toDateTimeLocal("2026-03-13T17:05:00Z")).toBe("2026-03-13T17:05");
    expect(parseDateTimeLocal("2026-03-13T17:05")?.toISOString()).toBe("2026-03-13T17:05:00.000Z");
  });
  it("refuses impossible or malformed times", () => {
    expect(parseDateTimeLocal("2026-02-30T10:00")).toBeNull();
    expect(parseDateTimeLocal("2026-03-13T24:00")).toBeNull();
    expect(parseDateTimeLocal("tomorrow")).toBeNull();
  });
});
