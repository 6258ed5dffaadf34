/**
 * How the article reader lays a source body out: paragraphs at blank lines, and within each
 * paragraph the pieces of text with the claim spans that cover them. Every piece is an exact
 * slice of the body, so the page shows the stored text and nothing else, and a browser selection
 * can be mapped back to body offsets.
 */

export interface TextRange {
  start: number;
  end: number;
}

export interface MarkSpan extends TextRange {
  id: string;
}

export interface Piece extends TextRange {
  /** The spans covering this piece, the narrowest first; empty for plain text. */
  ids: string[];
}

/** The paragraphs of a body: the text between blank lines (lines of only whitespace). */
export function paragraphsOf(body: string): TextRange[] {
  const out: TextRange[] = [];
  let start = 0;
  const push = (end: number) => {
    if (/\S/u.test(body.slice(start, end))) out.push({ start, end });
  };
  for (const m of body.matchAll(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/g)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(body.length);
  return out;
}

/**
 * Cuts one range of the body into pieces at every span edge inside it. Overlapping spans are
 * allowed (a claim added by hand over an extracted one); each piece lists every span over it,
 * the narrowest first, so the reader can link a piece to its most specific claim.
 */
export function piecesOf(range: TextRange, spans: MarkSpan[]): Piece[] {
  const inside = spans.filter((s) => s.end > range.start && s.start < range.end && s.end > s.start);
  const cuts = new Set<number>([range.start, range.end]);
  for (const s of inside) {
    cuts.add(Math.max(range.start, s.start));
    cuts.add(Math.min(range.end, s.end));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i];
    const end = edges[i + 1];
    const ids = inside
      .filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)
      .map((s) => s.id);
    pieces.push({ start, end, ids });
  }
  return pieces;
}

/**
 * The spans that overlap each range, for ranges in body order that do not overlap (paragraphs):
 * each span is found by binary search, so a long article with many claims stays fast.
 */
export function spansByRange<S extends TextRange>(ranges: TextRange[], spans: S[]): S[][] {
  const out = ranges.map(() => [] as S[]);
  const firstEndingAfter = (offset: number) => {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const span of spans) {
    for (let i = firstEndingAfter(span.start); i < ranges.length && ranges[i].start < span.end; i++) out[i].push(span);
  }
  return out;
}
