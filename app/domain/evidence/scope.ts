/**
 * Scope: does a record's organisation, service or region match what a claim names? Names are
 * compared loosely (see namesMatch), and press regions ("Europe") are mapped onto region codes.
 */
import { namesMatch } from "./text";

const REGION_ALIASES: [RegExp, RegExp][] = [
  [/^(?:europe|european|eu|emea)$/, /^(?:eu|europe|emea)\b|^(?:eu|euw|euc)[-_]/],
  [/^(?:uk|britain|united kingdom|great britain)$/, /^(?:uk|gb|eu-west-2|europe-west2)\b/],
  [/^(?:us|usa|united states|america|north america)$/, /^(?:us|na|amer)\b|^us[-_]/],
  [/^(?:asia|asia pacific|apac)$/, /^(?:ap|apac|asia)\b|^ap[-_]/],
  [/^(?:germany)$/, /^(?:eu-central|europe-west3|de)\b/],
];

/** Whether a claimed region ("Europe", "eu-west") covers a recorded one ("eu-west-1"). */
export function regionMatches(claimed: string, recorded: string): boolean {
  const c = claimed.toLowerCase().trim();
  const r = recorded.toLowerCase().trim();
  if (namesMatch(c, r) || r.startsWith(c)) return true;
  return REGION_ALIASES.some(([claim, record]) => claim.test(c) && record.test(r));
}

/** Whether a claimed organisation matches a recorded one ("meridian cloud" / "cloud"). */
export function organizationMatches(claimed: string, recorded: string): boolean {
  return namesMatch(claimed, recorded);
}

/** Whether a claimed service matches any of a record's services. */
export function serviceMatches(claimed: string, recorded: string[]): boolean {
  return recorded.some((s) => namesMatch(claimed, s));
}
