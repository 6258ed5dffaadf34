/**
 * Splits an article (plain text or Markdown) into segments with exact offsets: headlines,
 * datelines and bylines, list items, sentences, and the clauses of sentences that carry more
 * than one checkable assertion. Offsets index the text as given, so that
 * text.slice(start, end) === segment.text; Markdown markers, surrounding whitespace and the
 * final full stop are left outside the span, the way a fact-checker quotes a claim.
 */

import { countWords } from "./lexicon";
import { splitClauses } from "./clauses";
import { trimSpan, type Span } from "./spans";

export type SegmentRole = "headline" | "dateline" | "sentence" | "clause" | "list-item";

export interface Segment {
  text: string;
  start: number;
  end: number;
  role: SegmentRole;
  /** Index of the block (paragraph, heading, list item) the segment came from, in article order. */
  block: number;
  /** An attribution cut from the end of the span (", the people said", ", according to ..."). */
  attribution?: Span;
}

interface Block {
  start: number;
  end: number;
  kind: "heading" | "paragraph" | "list-item";
}

interface Line {
  start: number;
  end: number;
  text: string;
}

const HEADING = /^\s{0,3}#{1,6}\s+/;
const LIST_MARKER = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;
const RULE = /^\s*(?:[-*_]\s*){3,}$/;
const IMAGE = /^\s*!\[/;
const TERMINAL = /[.!?:;"”’)]$/;

/** Reuters/AP style openers: "LONDON, March 13 (Reuters) -", "SAN FRANCISCO —". */
const AGENCY_DATELINE = /^[^()\n]{0,60}?\((?:Reuters|AP|AFP|Bloomberg|Dow Jones|PA|UPI|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)? News)\)\s*[-–—]{1,2}\s*/;
const CAPS_DATELINE = /^[A-Z]{2,}(?:[ .'’-]+[A-Z]{2,})*\.?(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?\s+[-–—]{1,2}\s+/;
const DATE_WORDS = /\b(?:\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b/i;
const BYLINE = /^(?:by|published|updated|posted|reporting by)\b/i;

/** Abbreviations that never end a sentence (titles, "e.g."). */
const NEVER_FINAL = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "lt", "col", "capt",
  "sgt", "rev", "hon", "mt", "no", "vs", "v", "e.g", "i.e", "cf", "approx", "est", "dept", "fig", "ca",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);
/** Abbreviations that end a sentence only when a typical sentence opener follows. */
const SOMETIMES_FINAL = new Set(["inc", "ltd", "co", "corp", "plc", "llc", "bros", "etc", "a.m", "p.m", "u.s", "u.k", "e.u", "u.n"]);
const SENTENCE_OPENERS = new Set(
  ("the a an it its this that these those he she they we i in on at but and however meanwhile since after before " +
    "when while there some many one according our their his her analysts customers shares").split(" "),
);

/**
 * Splits text into segments in article order, each with exact offsets.
 * Headings and short unpunctuated lines are headlines; bylines and "(Reuters) -" openers are
 * datelines; list items stand alone; sentences joining independent assertions are split into clauses.
 */
export function splitSentences(text: string): Segment[] {
  const segments: Segment[] = [];
  parseBlocks(text).forEach((block, index) => {
    for (const segment of segmentBlock(text, block, index)) segments.push(segment);
  });
  return segments;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r?\n/g)) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Groups lines into Markdown-ish blocks: headings, list items, and paragraphs. */
function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  for (const line of splitLines(text)) {
    const blank = line.text.trim() === "";
    if (blank || RULE.test(line.text) || IMAGE.test(line.text)) {
      open = null;
      continue;
    }
    if (HEADING.test(line.text)) {
      blocks.push({ start: line.start, end: line.end, kind: "heading" });
      open = null;
    } else if (LIST_MARKER.test(line.text)) {
      open = { start: line.start, end: line.end, kind: "list-item" };
      blocks.push(open);
    } else if (open && !isTitleLine(text, open, line)) {
      open.end = line.end;
    } else {
      open = { start: line.start, end: line.end, kind: "paragraph" };
      blocks.push(open);
    }
  }
  return blocks;
}

/**
 * A one-line block that reads as a title or byline with the body on the very next line.
 * Hard-wrapped prose also has lines without final punctuation, so a title must also end on a
 * content word and be clearly shorter than the line after it.
 */
function isTitleLine(text: string, block: Block, next: Line): boolean {
  if (block.kind !== "paragraph") return false;
  const content = text.slice(block.start, block.end);
  if (content.includes("\n")) return false;
  const bare = stripInlineMarkers(content.trim());
  if (countWords(bare) > 14 || TERMINAL.test(bare) || /[,–—-]$/.test(bare)) return false;
  if (/\b(?:a|an|the|of|to|and|or|in|on|for|with|by|at|from|as|that)$/i.test(bare)) return false;
  const following = next.text.trim();
  return /^[A-Z*_"“]/.test(following) && (bare.length < following.length * 0.7 || isDatelineLine(following));
}

function stripInlineMarkers(s: string): string {
  return s.replace(/^[*_>#\s]+|[*_\s]+$/g, "");
}

function segmentBlock(text: string, block: Block, index: number): Segment[] {
  const span = trimSpan(text, block.start, block.end);
  if (!span) return [];
  const content = text.slice(span.start, span.end);
  if (block.kind === "heading") return [makeSegment(text, span, "headline", index)];
  if (block.kind === "paragraph" && !content.includes("\n")) {
    const line = text.slice(block.start, block.end).trim();
    if (isDatelineLine(line)) return [makeSegment(text, span, "dateline", index)];
    if (countWords(content) <= 16 && !TERMINAL.test(stripInlineMarkers(line))) return [makeSegment(text, span, "headline", index)];
  }
  const segments: Segment[] = [];
  let bodyStart = span.start;
  const opener = AGENCY_DATELINE.exec(content) ?? CAPS_DATELINE.exec(content);
  if (opener && block.kind === "paragraph") {
    const dateline = trimSpan(text, span.start, span.start + opener[0].length);
    if (dateline) segments.push(makeSegment(text, dateline, "dateline", index));
    bodyStart = span.start + opener[0].length;
  }
  const role: SegmentRole = block.kind === "list-item" ? "list-item" : "sentence";
  for (const sentence of sentenceSpans(text, bodyStart, span.end)) {
    const clauses = splitClauses(text, sentence);
    for (const clause of clauses.parts) {
      const segment = makeSegment(text, clause, clauses.parts.length > 1 && role === "sentence" ? "clause" : role, index);
      if (clause === clauses.parts[clauses.parts.length - 1] && clauses.attribution) {
        segment.attribution = clauses.attribution;
      }
      segments.push(segment);
    }
  }
  return segments;
}

/** A byline or an outlet-and-date line: "By Jane Doe", "*The Financial Ledger — 13 March 2026*". */
function isDatelineLine(content: string): boolean {
  const bare = stripInlineMarkers(content);
  if (BYLINE.test(bare) && countWords(bare) <= 12) return true;
  if (!DATE_WORDS.test(bare) || countWords(bare) > 12 || /[.!?]$/.test(bare)) return false;
  const lowerCaseWords = bare.replace(DATE_WORDS, " ").match(/\b[a-z][a-z]+\b/g) ?? [];
  return lowerCaseWords.length <= 2;
}

function makeSegment(text: string, span: Span, role: SegmentRole, block: number): Segment {
  return { text: text.slice(span.start, span.end), start: span.start, end: span.end, role, block };
}

/** Sentence spans inside [start, end), split at ., ! or ? followed by space and a sentence start. */
function sentenceSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
    let j = i + 1;
    while (j < end && /[.!?"'”’)\]*_]/.test(text[j])) j++;
    if (j < end && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k < end) {
      if (!/[A-Z0-9"“‘'(\[*_]/.test(text[k])) continue;
      if (ch === "." && isAbbreviation(text, i, k)) continue;
    }
    const span = trimSpan(text, sentenceStart, j);
    if (span) spans.push(span);
    sentenceStart = k;
    i = k - 1;
  }
  const last = trimSpan(text, sentenceStart, end);
  if (last) spans.push(last);
  return spans;
}

/** Whether the "." at `dot` closes an abbreviation rather than a sentence. */
function isAbbreviation(text: string, dot: number, next: number): boolean {
  let w = dot;
  while (w > 0 && /[A-Za-z.]/.test(text[w - 1])) w--;
  const word = text.slice(w, dot).replace(/^\.+/, "");
  if (!word) return false;
  const key = word.toLowerCase();
  if (/^[A-Z]$/.test(word)) return true;
  if (NEVER_FINAL.has(key)) return true;
  const dotted = key.includes(".");
  if (SOMETIMES_FINAL.has(key) || (dotted && key.length <= 5)) {
    const following = /^[A-Za-z]+/.exec(text.slice(next, next + 24))?.[0].toLowerCase() ?? "";
    return !SENTENCE_OPENERS.has(following);
  }
  return false;
}
