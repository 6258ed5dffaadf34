/**
 * Comment anchors: a thread is opened on a quoted passage of one version, by the quote and where
 * it started. On a later version the thread sits on the occurrence of the same quote nearest to
 * where it was; when the quote is gone the thread is outdated.
 */

export interface Anchor {
  quote: string;
  start: number;
}

export type AnchorResult = { state: "anchored"; start: number; end: number } | { state: "outdated" };

/** Where `anchor` sits in `body`: the occurrence of its quote nearest its original start. */
export function reanchor(body: string, anchor: Anchor): AnchorResult {
  if (!anchor.quote) return { state: "outdated" };
  let best = -1;
  for (let at = body.indexOf(anchor.quote); at !== -1; at = body.indexOf(anchor.quote, at + 1)) {
    if (best === -1 || Math.abs(at - anchor.start) < Math.abs(best - anchor.start)) best = at;
  }
  return best === -1 ? { state: "outdated" } : { state: "anchored", start: best, end: best + anchor.quote.length };
}

/** Checks a new anchor against the version it is opened on: the quote must be exactly there. */
export function anchorRefusal(body: string, quote: string, start: number): string | null {
  if (!quote.trim()) return "Select the passage the comment is about.";
  if (!Number.isInteger(start) || start < 0 || body.slice(start, start + quote.length) !== quote)
    return "The quoted passage is not at that place in this version; select it again.";
  return null;
}
