import { describe, expect, it } from "vitest";
import { FAILURE_WINDOW_SECONDS, MAX_DELAY_SECONDS, secondsUntilAllowed, signInDelaySeconds } from "./throttle";

describe("sign-in throttle", () => {
  it("lets the first failures through, then doubles the wait up to a cap", () => {
    expect(signInDelaySeconds(0)).toBe(0);
    expect(signInDelaySeconds(4)).toBe(0);
    expect(signInDelaySeconds(5)).toBe(2);
    expect(signInDelaySeconds(6)).toBe(4);
    expect(signInDelaySeconds(40)).toBe(MAX_DELAY_SECONDS);
  });

  it("counts down from the last failure and forgets old failures", () => {
    const last = new Date("2026-01-01T00:00:00Z");
    expect(secondsUntilAllowed({ failures: 7, lastFailureAt: last }, new Date("2026-01-01T00:00:03Z"))).toBe(5);
    expect(secondsUntilAllowed({ failures: 7, lastFailureAt: last }, new Date("2026-01-01T00:00:09Z"))).toBe(0);
    const later = new Date(last.getTime() + (FAILURE_WINDOW_SECONDS + 1) * 1000);
    expect(secondsUntilAllowed({ failures: 30, lastFailureAt: last }, later)).toBe(0);
    expect(secondsUntilAllowed(null, last)).toBe(0);
  });
});
