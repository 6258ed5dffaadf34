/**
 * A search snippet with the matched words marked. The database wraps each match in `<<<` and
 * `>>>` and does not escape the rest, so the snippet is split into plain React text (escaped by
 * React) and <mark> elements, never injected as HTML.
 */
const MARKED = /<<<([\s\S]*?)>>>/g;

export function splitHighlights(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let last = 0;
  for (const m of snippet.matchAll(MARKED)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), match: false });
    if (m[1]) parts.push({ text: m[1], match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false });
  return parts;
}

export function Highlight({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
