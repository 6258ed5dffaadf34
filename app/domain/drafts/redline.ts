/** A word-level redline between two versions of a draft, with jsdiff. */
import { diffWordsWithSpace } from "diff";

export interface RedlinePart {
  op: "same" | "added" | "removed";
  text: string;
}

/** The parts of `after` against `before`, word by word (whitespace changes count as changes). */
export function redline(before: string, after: string): RedlinePart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ op: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

/** How many words were added and removed. */
export function redlineCounts(parts: RedlinePart[]): { added: number; removed: number } {
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  return {
    added: parts.filter((p) => p.op === "added").reduce((n, p) => n + words(p.text), 0),
    removed: parts.filter((p) => p.op === "removed").reduce((n, p) => n + words(p.text), 0),
  };
}
