/**
 * Small text helpers shared by ranking, checks and the test-only BM25 scorer: tokenising with a
 * light stemmer, matching names loosely ("storage" vs "object-storage"), and formatting figures
 * the way a basis sentence states them ("2 h 40 min", "5–11 Mar 2026").
 */

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by for from had has have he her his i in into is it its of on or " +
    "our she so than that the their them then there these they this those to was we were which while " +
    "who will with would about after before during over under up down out off again also very can could " +
    "said says say one two"
  ).split(" "),
);

const SUFFIXES: [string, string][] = [
  ["ational", "ate"],
  ["ization", "ize"],
  ["ations", "ate"],
  ["ation", "ate"],
  ["iness", "y"],
  ["ments", ""],
  ["ment", ""],
  ["ings", ""],
  ["ing", ""],
  ["ies", "y"],
  ["ied", "y"],
  ["ers", ""],
  ["er", ""],
  ["ed", ""],
  ["es", ""],
  ["s", ""],
];

/** A light suffix-stripping stemmer: enough to let "deployed", "deploying" and "deployment" meet. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length) + replacement;
      return base.endsWith("e") && base.length > 4 ? base.slice(0, -1) : base;
    }
  }
  return word.endsWith("e") && word.length > 4 ? word.slice(0, -1) : word;
}

/** Lower-case word tokens, stop words dropped, stemmed. */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().normalize("NFKD").match(/[a-z0-9]+/g) ?? [];
  return words.filter((w) => !STOPWORDS.has(w)).map(stem);
}

/** The parts of a name: "object-storage" → ["object", "storage"]. */
function nameParts(name: string): string[] {
  return name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * Whether two names for an organisation, service or region refer to the same thing: equal,
 * every part of the shorter found in the longer ("storage" / "object-storage", "meridian cloud"
 * / "cloud"), or one a prefix of the other of at least five letters ("store" / "storefront").
 */
export function namesMatch(a: string, b: string): boolean {
  const x = a.toLowerCase().trim();
  const y = b.toLowerCase().trim();
  if (!x || !y) return false;
  if (x === y) return true;
  const xs = nameParts(x);
  const ys = nameParts(y);
  const [fewer, more] = xs.length <= ys.length ? [xs, ys] : [ys, xs];
  if (fewer.length && fewer.every((p) => more.includes(p))) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 5 && long.startsWith(short);
}

const mentionPatterns = new Map<string, RegExp | null>();

/** Whether `text` mentions `name` as a word or phrase ("eu-west" also as "eu west"). */
export function textMentions(text: string, name: string): boolean {
  let pattern = mentionPatterns.get(name);
  if (pattern === undefined) {
    pattern = mentionPattern(name);
    mentionPatterns.set(name, pattern);
  }
  return pattern !== null && pattern.test(text);
}

function mentionPattern(name: string): RegExp | null {
  const source = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\s_-]?");
  return source ? new RegExp(`\\b${source}s?\\b`, "i") : null;
}

/** "2 h 40 min", "53 min", "6 h", "1 day 2 h". */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? "" : "s"}`);
  if (hours) parts.push(`${hours} h`);
  if (mins || parts.length === 0) parts.push(`${mins} min`);
  return parts.join(" ");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "7 Mar 2026" from "2026-03-07". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "5–11 Mar 2026", "28 Feb – 3 Mar 2026", or one day. */
export function formatRange(from: string, to: string): string {
  if (from === to) return formatDay(from);
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  if (fy === ty && fm === tm) return `${fd}–${formatDay(to)}`;
  if (fy === ty) return `${fd} ${MONTHS[fm - 1]} – ${formatDay(to)}`;
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** "on 7 Mar 2026", "between 5 and 11 Mar 2026", "between 28 Feb and 3 Mar 2026". */
export function formatBetween(from: string, to: string): string {
  if (from === to) return `on ${formatDay(from)}`;
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  if (fy === ty && fm === tm) return `between ${fd} and ${formatDay(to)}`;
  if (fy === ty) return `between ${fd} ${MONTHS[fm - 1]} and ${formatDay(to)}`;
  return `between ${formatDay(from)} and ${formatDay(to)}`;
}

/** Whole days since 1970-01-01 of a YYYY-MM-DD (or ISO) date. */
export function epochDay(day: string): number {
  return Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** "1 incident", "4 incidents". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** "a, b and c". */
export function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "41,000". */
const NUMBER_FORMAT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

export function formatNumber(n: number): string {
  // One formatter for every call: toLocaleString builds a new one each time, which ranking felt.
  return NUMBER_FORMAT.format(Math.round(n));
}
