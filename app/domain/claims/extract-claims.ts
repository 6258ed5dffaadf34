/**
 * Claim extraction for a whole article: segments it, works out the window of time the story
 * is about, and returns every segment as a scored, classified claim with its facts. Claims
 * under the threshold are kept and flagged, so a reviewer can promote one in a click.
 */

import type { DateRange, ExtractedClaim, ExtractionOptions } from "./types";
import { classifyKind } from "./classify-kind";
import { scoreCheckWorthiness } from "./check-worthiness";
import { findDates, parseDay } from "./dates";
import { extractFacts } from "./extract-facts";
import { BOILERPLATE_PATTERN, RECORD_SOURCE_PATTERN } from "./lexicon";
import { splitSentences, type Segment } from "./segments";

const DEFAULT_THRESHOLD = 0.5;
/** The window is read from the lede: the first paragraphs say when the story happened. */
const LEDE_BLOCKS = 2;
/** Longer ranges ("last year", "this year") are background, not the story's window. */
const MAX_WINDOW_DAYS = 62;
/** A later date widens the window when it is at most this many days from it. */
const ADJACENT_DAYS = 3;

/**
 * Extracts every segment of `text` as a claim, in article order. Above-threshold claims are
 * the check-worthy ones; the rest carry `belowThreshold: true`.
 */
export function extractClaims(text: string, options: ExtractionOptions = {}): ExtractedClaim[] {
  const segments = splitSentences(text);
  const window = windowOf(segments, options.publishedAt);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  return segments.map((segment, index) => {
    const isBody = segment.role !== "headline" && segment.role !== "dateline";
    const facts = extractFacts(segment.text, segment.start, {
      publishedAt: options.publishedAt,
      vocabulary: options.vocabulary,
      articleWindow: isBody ? window : null,
    });
    if (segment.attribution) {
      const source = text.slice(segment.attribution.start, segment.attribution.end);
      if (!facts.attributions.includes(source)) facts.attributions.push(source);
    }
    // A quotation that follows, in the same paragraph, a sentence quoting the record goes on quoting it.
    const previous = segments[index - 1];
    const continuesRecordQuote =
      previous !== undefined && previous.block === segment.block && /^["“]/.test(segment.text) && RECORD_SOURCE_PATTERN.test(previous.text);
    const checkWorthiness = scoreCheckWorthiness(segment, facts, { continuesRecordQuote });
    return {
      text: segment.text,
      start: segment.start,
      end: segment.end,
      checkWorthiness,
      kind: classifyKind(segment, facts),
      facts,
      belowThreshold: checkWorthiness < threshold,
    };
  });
}

/**
 * The window of time the article is about. The lede sets it (the dates of the first body
 * paragraph that names one: "this week", "on Tuesday"); dates in the next paragraph widen it
 * only where they overlap or touch it ("between 5 and 11 March" beside "this week"), so
 * background ("a migration in April") stays out. Ranges longer than two months ("this year")
 * are background too. Null when the lede names no date that resolves. The returned text and
 * offsets are those of the first phrase that set the window.
 */
export function articleWindow(text: string, publishedAt?: string): DateRange | null {
  return windowOf(splitSentences(text), publishedAt);
}

function windowOf(segments: Segment[], publishedAt: string | undefined): DateRange | null {
  const body = segments.filter((s) => s.role !== "headline" && s.role !== "dateline" && !BOILERPLATE_PATTERN.test(s.text));
  const blocks = [...new Set(body.map((s) => s.block))].slice(0, LEDE_BLOCKS);
  const datesByBlock = blocks.map((block) =>
    body
      .filter((s) => s.block === block)
      .flatMap((s) => findDates(s.text, s.start, publishedAt))
      .filter((d) => daysBetween(d.from, d.to) <= MAX_WINDOW_DAYS),
  );
  const ledeIndex = datesByBlock.findIndex((dates) => dates.length > 0);
  if (ledeIndex < 0) return null;
  const seed = datesByBlock[ledeIndex];
  let from = seed.reduce((min, d) => (d.from < min ? d.from : min), seed[0].from);
  let to = seed.reduce((max, d) => (d.to > max ? d.to : max), seed[0].to);
  for (const d of datesByBlock.slice(ledeIndex + 1).flat()) {
    if (daysBetween(d.to, from) <= ADJACENT_DAYS && daysBetween(to, d.from) <= ADJACENT_DAYS) {
      from = d.from < from ? d.from : from;
      to = d.to > to ? d.to : to;
    }
  }
  const published = parseDay(publishedAt) !== null ? publishedAt!.slice(0, 10) : null;
  if (published && to > published && from <= published) to = published;
  const first = seed[0];
  return { from, to, source: "article", text: first.text, start: first.start, end: first.end };
}

/** Days from `from` to `to` (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return (parseDay(to) ?? 0) - (parseDay(from) ?? 0);
}
