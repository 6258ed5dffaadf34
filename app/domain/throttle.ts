/**
 * Slowing down repeated failed sign-ins. Pure: the caller supplies the failure count and clock.
 * The first few failures cost nothing; after that each one doubles the wait, up to 15 minutes.
 */

export const FREE_FAILURES = 5;
export const MAX_DELAY_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
export const FAILURE_WINDOW_SECONDS = 60 * 60;

/** Seconds a user must wait after `failures` consecutive failed sign-ins. */
export function signInDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES + 1), MAX_DELAY_SECONDS);
}

/** Seconds still to wait at `now`, or 0 when a sign-in may be tried. */
export function secondsUntilAllowed(
  state: { failures: number; lastFailureAt: Date } | null,
  now: Date,
): number {
  if (!state) return 0;
  const elapsed = (now.getTime() - state.lastFailureAt.getTime()) / 1000;
  if (elapsed > FAILURE_WINDOW_SECONDS) return 0;
  return Math.max(0, Math.ceil(signInDelaySeconds(state.failures) - elapsed));
}
