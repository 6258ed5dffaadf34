/**
 * The publication date an article states about itself, from its byline or dateline near the
 * top ("The Financial Ledger — 13 March 2026", "March 13, 2026", "2026-03-13"), for when the
 * user gives none. Only dates with a year count: a bare "Tuesday" dates nothing.
 */

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => [number, number, number] }> = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})\\b`, "i"), read: (m) => [Number(m[3]), monthNumber(m[2]), Number(m[1])] },
  { re: new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, "i"), read: (m) => [Number(m[3]), monthNumber(m[1]), Number(m[2])] },
];

function monthNumber(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

/** YYYY-MM-DD of the first dated line within the article's first `head` characters, or undefined. */
export function findPublishedDate(text: string, head = 600): string | undefined {
  const top = text.slice(0, head);
  let best: { index: number; date: string } | undefined;
  for (const { re, read } of PATTERNS) {
    const m = re.exec(top);
    if (!m) continue;
    const [y, mo, d] = read(m);
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (mo < 1 || date.getUTCDate() !== d) continue;
    if (!best || m.index < best.index) best = { index: m.index, date: date.toISOString().slice(0, 10) };
  }
  return best?.date;
}
