/**
 * Comparing a recorded figure with a claimed one under the claim's comparator
 * ("more than six hours", "about 40,000", "at least four").
 */

/** 1 where the recorded value satisfies the claimed one, falling off with the log ratio. */
export function closeness(recorded: number, claimed: number, comparator: string): number {
  if (satisfies(recorded, claimed, comparator)) return 1;
  if (recorded <= 0 || claimed <= 0) return 0;
  return Math.exp(-1.2 * Math.abs(Math.log(recorded / claimed)));
}

/** Whether a recorded figure satisfies a claimed one under its comparator (approx: within 20%). */
export function satisfies(recorded: number, claimed: number, comparator: string): boolean {
  switch (comparator) {
    case "gt":
      return recorded > claimed;
    case "gte":
      return recorded >= claimed;
    case "lt":
      return recorded < claimed;
    case "lte":
      return recorded <= claimed;
    case "approx":
      return Math.abs(recorded - claimed) <= 0.2 * claimed;
    default:
      return Math.abs(recorded - claimed) <= Math.max(0.1 * claimed, 0.5);
  }
}
