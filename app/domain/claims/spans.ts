/**
 * Offsets into the article and the one rule for what a quotable span excludes: surrounding
 * whitespace, Markdown markers and the final sentence punctuation.
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * Narrows [start, end) to the quotable text: no surrounding whitespace, Markdown markers
 * (#, >, list markers, emphasis) or final sentence punctuation. A closing quote stays when
 * its opening quote is inside the span.
 */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  const lead = /^(?:\s+|#{1,6}\s+|>\s?|(?:[-*+•]|\d{1,3}[.)])\s+|\*{1,3}(?=\S)|_{1,3}(?=\S))/;
  for (let m = lead.exec(text.slice(s, e)); m && m[0].length > 0 && s < e; m = lead.exec(text.slice(s, e))) {
    s += m[0].length;
  }
  for (let changed = true; changed && e > s; ) {
    changed = false;
    const tail = text.slice(s, e);
    const m = /(?:\s+|[.!;:,]+|(?:\s*[-–—]+))$/.exec(tail) ?? unmatchedEmphasis(tail);
    if (m && m[0].length > 0) {
      e -= m[0].length;
      changed = true;
      continue;
    }
    const close = /["”]$/.exec(tail);
    if (close && !hasOpeningQuote(tail.slice(0, -1))) {
      e -= 1;
      changed = true;
    }
  }
  return e > s ? { start: s, end: e } : null;
}

/** A trailing "*" or "_" run whose opening marker is not in the span ("*The Ledger*" lost its "*" at the front). */
function unmatchedEmphasis(tail: string): RegExpExecArray | null {
  const m = /[*_]+$/.exec(tail);
  if (!m) return null;
  const marker = m[0][0];
  const count = tail.split(marker).length - 1;
  return count % 2 === 1 ? m : null;
}

function hasOpeningQuote(s: string): boolean {
  const curly = (s.match(/“/g) ?? []).length > (s.match(/”/g) ?? []).length;
  const straight = (s.match(/"/g) ?? []).length % 2 === 1;
  return curly || straight;
}

