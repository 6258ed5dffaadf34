/**
 * The checkable facts of one claim: quantities, dates, organisations, services, regions,
 * asserted causes, absolutes, attributions, and whether it says things were down entirely.
 * Evidence matching reads these to find the incident records that bear on the claim.
 */

import type { ClaimFacts, DateRange } from "./types";
import { findCauses } from "./causes";
import { findDates } from "./dates";
import { findEntities, type Vocabulary } from "./entities";
import {
  ABSOLUTE_PATTERN,
  ATTRIBUTION_PATTERNS,
  FULL_OUTAGE_PATTERN,
  OUTAGE_WORD_PATTERN,
  PARTIAL_PATTERN,
  TIME_OF_DAY_PATTERN,
  WHOLE_SYSTEM_PATTERN,
} from "./lexicon";
import { findQuantities } from "./quantities";

export interface FactOptions {
  /** The article's publication date (YYYY-MM-DD or ISO), for relative dates. */
  publishedAt?: string;
  /** The workspace's names for organisations, services and regions. */
  vocabulary?: Vocabulary;
  /** The article's window (`articleWindow`), given to a claim that names no date of its own. */
  articleWindow?: DateRange | null;
}

/**
 * Extracts the facts asserted in `text`, a claim that starts at `offsetBase` in the article;
 * every offset in the result is an article offset.
 */
export function extractFacts(text: string, offsetBase = 0, options: FactOptions = {}): ClaimFacts {
  const ownDates = findDates(text, offsetBase, options.publishedAt);
  const masked = maskSpans(text, [
    ...ownDates.map((d) => [d.start - offsetBase, d.end - offsetBase] as const),
    ...[...text.matchAll(TIME_OF_DAY_PATTERN)].map((m) => [m.index, m.index + m[0].length] as const),
  ]);
  const window = options.articleWindow;
  return {
    quantities: findQuantities(masked, text, offsetBase),
    dates: ownDates.length > 0 || !window ? ownDates : [{ ...window, source: "article" }],
    ...findEntities(text, offsetBase, options.vocabulary),
    causes: findCauses(text, offsetBase),
    absolutes: uniqueMatches(text, [ABSOLUTE_PATTERN]).map((a) => a.toLowerCase()),
    attributions: uniqueMatches(text, ATTRIBUTION_PATTERNS),
    assertsFullOutage: assertsFullOutage(text),
  };
}

/** "went down", "offline", "unable to reach", or an outage of a whole site, unless it says only part failed. */
export function assertsFullOutage(text: string): boolean {
  const full = FULL_OUTAGE_PATTERN.test(text) || (OUTAGE_WORD_PATTERN.test(text) && WHOLE_SYSTEM_PATTERN.test(text));
  return full && !PARTIAL_PATTERN.test(text);
}

/** Blanks the given ranges with spaces, keeping every other offset where it was. */
function maskSpans(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  const chars = [...text];
  if (chars.length !== text.length) return maskByUnits(text, ranges);
  for (const [s, e] of ranges) for (let i = s; i < e; i++) chars[i] = " ";
  return chars.join("");
}

/** The same for text with surrogate pairs, where code points and string indices differ. */
function maskByUnits(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let out = text;
  for (const [s, e] of ranges) out = out.slice(0, s) + " ".repeat(e - s) + out.slice(e);
  return out;
}

/** Each distinct phrase once; a phrase inside a longer match ("documents seen by X" in "according to documents seen by X") is dropped. */
function uniqueMatches(text: string, patterns: RegExp[]): string[] {
  const spans = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
  const outermost = spans.filter((a) => !spans.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start));
  return [...new Set(outermost.sort((a, b) => a.start - b.start).map((s) => text.slice(s.start, s.end).trim()))];
}
