/**
 * Offsets into a source body for the claims people make by hand: trimming a selection, finding a
 * typed quote, splitting a quote at a word boundary, and mapping a browser selection back to the
 * stored text. Pure and small enough to run in the browser too.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Word {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** The words of a text with their offsets; hyphenated and dotted words ("AI-written", "1.5") count as one. */
export function wordsIn(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** [start, end) without surrounding whitespace; null when nothing else is left. */
export function trimWhitespace(text: string, start: number, end: number): Span | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/u.test(text[s])) s++;
  while (e > s && /\s/u.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Widens [start, end) to whole words: a selection that starts or ends inside a word takes all of
 * it, since a claim quotes words, not parts of them.
 */
export function snapToWords(text: string, start: number, end: number): Span {
  const inWord = (i: number) => i > 0 && i < text.length && WORD_CHAR.test(text[i - 1]) && WORD_CHAR.test(text[i]);
  let s = start;
  let e = end;
  while (inWord(s)) s--;
  while (inWord(e)) e++;
  return { start: s, end: e };
}

/** A span worth quoting as a claim: it has at least one letter or digit. */
export function hasWords(text: string): boolean {
  return HAS_WORD.test(text);
}

export interface SplitPoint {
  /** Offset in the quote: the start of the word the second part begins with. */
  offset: number;
  /** A few words either side, for a person to choose from. */
  before: string;
  after: string;
}

/** The places a quote can be split: before each of its words but the first. */
export function splitPoints(quote: string, context = 3): SplitPoint[] {
  const words = wordsIn(quote);
  return words.slice(1).map((word, i) => ({
    offset: word.start,
    before: words.slice(Math.max(0, i + 1 - context), i + 1).map((w) => w.word).join(" "),
    after: words.slice(i + 1, i + 1 + context).map((w) => w.word).join(" "),
  }));
}

/** How many of the quote's words start before `offset`: the split's position counted in words. */
export function wordIndexAt(quote: string, offset: number): number {
  return wordsIn(quote).filter((w) => w.start < offset).length;
}

/** The offset at which the quote's `index`-th word starts, or null when it has fewer words. */
export function offsetOfWord(quote: string, index: number): number | null {
  return wordsIn(quote)[index]?.start ?? null;
}

/**
 * Splits the span [start, end) of `text` at `at` into two quotable spans: whitespace is trimmed
 * from both, and the first loses trailing separators (",", ";", ":", dashes), the way a quote
 * ends. Null when `at` is outside the span or either part would have no words.
 */
export function splitSpan(text: string, span: Span, at: number): [Span, Span] | null {
  if (at <= span.start || at >= span.end) return null;
  const first = trimWhitespace(text, span.start, at);
  const second = trimWhitespace(text, at, span.end);
  if (!first || !second) return null;
  while (first.end > first.start && /[\s,;:\-–—]/u.test(text[first.end - 1])) first.end--;
  const a = text.slice(first.start, first.end);
  const b = text.slice(second.start, second.end);
  if (!hasWords(a) || !hasWords(b)) return null;
  return [first, second];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Where a typed quote stands in the body: an exact match first; otherwise a match where any run
 * of whitespace may stand for any other (line breaks in the article, spaces in the quote).
 * Returns the first occurrence and how many there are; null when the body does not contain it.
 */
export function locateQuote(body: string, quote: string): { span: Span; occurrences: number } | null {
  const trimmed = quote.trim();
  if (!trimmed) return null;
  const exact: number[] = [];
  for (let i = body.indexOf(trimmed); i >= 0; i = body.indexOf(trimmed, i + 1)) exact.push(i);
  if (exact.length) return { span: { start: exact[0], end: exact[0] + trimmed.length }, occurrences: exact.length };
  const pattern = new RegExp(trimmed.split(/\s+/u).map(escapeRegExp).join("\\s+"), "gu");
  const matches = [...body.matchAll(pattern)];
  if (!matches.length) return null;
  const first = matches[0];
  return { span: { start: first.index, end: first.index + first[0].length }, occurrences: matches.length };
}

/**
 * Maps an offset within the text a browser shows for `original` back to an offset in `original`.
 * The HTML parser turns CRLF and a lone CR into LF, so the displayed text can be shorter than
 * the stored one; everything else is shown as stored.
 */
export function sourceOffsetFromDom(original: string, domOffset: number): number {
  let dom = 0;
  let i = 0;
  while (i < original.length && dom < domOffset) {
    i += original[i] === "\r" && original[i + 1] === "\n" ? 2 : 1;
    dom += 1;
  }
  return i;
}
