/**
 * Figures in text: durations, percentages, dates, times of day, years and counts, each with its
 * span, its value and the qualifier before it ("about", "fewer than"). The support check reads
 * a draft with it, and reads the records' free text with it too, so a figure a record states in
 * words backs the same figure in a draft.
 */
import { MONTHS, NUMBER_WORDS, QUALIFIERS } from "./lexicon";

export type FigureKind = "duration" | "percent" | "date" | "time" | "year" | "count";
export type Qualifier = (typeof QUALIFIERS)[keyof typeof QUALIFIERS] | "exact";

export interface Figure {
  kind: FigureKind;
  start: number;
  end: number;
  text: string;
  /** Minutes for durations, the number for percents and counts, "MM-DD" or "YYYY-MM-DD" for dates, "HH:MM" for times. */
  value: number | string;
  qualifier: Qualifier;
  /** The rounding a reader reads into an unqualified figure: ±precision/2 (same unit as value). */
  precision: number;
}

const WORD_NUMBER = Object.keys(NUMBER_WORDS).filter((w) => w !== "a" && w !== "an" && w !== "several").join("|");
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${WORD_NUMBER})`;
const QUAL = Object.keys(QUALIFIERS)
  .sort((a, b) => b.length - a.length)
  .map((q) => q.replace(/ /g, "\\s+"))
  .join("|");
const MONTH = `(?:${MONTHS.map((m) => `${m}|${m.slice(0, 3)}\\.?`).join("|")})`;

const UNIT_MINUTES: [RegExp, number][] = [
  [/^(?:days?|d)$/i, 24 * 60],
  [/^(?:hours?|hrs?|h)$/i, 60],
  [/^(?:minutes?|mins?|m)$/i, 1],
  [/^(?:seconds?|secs?|s)$/i, 1 / 60],
];

function unitMinutes(unit: string): number {
  return UNIT_MINUTES.find(([re]) => re.test(unit))?.[1] ?? 1;
}

/** "12,600" → 12600, "six" → 6, "2.5" → 2.5; NaN when it is not a number. */
export function parseNumber(text: string): number {
  const t = text.toLowerCase().replace(/,/g, "");
  if (t in NUMBER_WORDS) return NUMBER_WORDS[t]!;
  return Number(t);
}

/** The rounding an unqualified integer implies: "13,000" → 1000, "12,600" → 100, "7" → 1. */
function roundingOf(text: string, value: number): number {
  if (!/^[\d,]+$/.test(text)) return /\./.test(text) ? 10 ** -(text.split(".")[1]!.length) : Math.max(1, value >= 10 ? 10 : 1);
  const digits = text.replace(/,/g, "");
  const zeros = digits.length - digits.replace(/0+$/, "").length;
  return 10 ** Math.min(zeros, Math.max(0, digits.length - 1));
}

function qualifierOf(text: string | undefined): Qualifier {
  if (!text) return "exact";
  return QUALIFIERS[text.toLowerCase().replace(/\s+/g, " ") as keyof typeof QUALIFIERS] ?? "exact";
}

const FRACTIONS: Record<string, number> = { half: 50, "a third": 33.3, "one third": 33.3, "two thirds": 66.7, "a quarter": 25, "one quarter": 25, "three quarters": 75 };

const monthIndex = (m: string) => MONTHS.findIndex((name) => name.startsWith(m.toLowerCase().replace(".", "").slice(0, 3))) + 1;
const pad = (n: number) => String(n).padStart(2, "0");

interface Rule {
  kind: FigureKind;
  re: RegExp;
  read(m: RegExpExecArray): (Omit<Figure, "kind" | "start" | "end" | "text"> & { start?: number; end?: number }) | Omit<Figure, "kind" | "text">[] | null;
}

const RULES: Rule[] = [
  {
    // 7 March 2026, 5 and 11 March, 5–11 March
    kind: "date",
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:and|to|-|–)\\s*(\\d{1,2})(?:st|nd|rd|th)?)?\\s+(${MONTH})(?:,?\\s+(\\d{4}))?\\b`, "gi"),
    read: (m) => {
      const month = monthIndex(m[3]!);
      const year = m[4];
      const one = (day: string) => ({ value: `${year ? `${year}-` : ""}${pad(month)}-${pad(Number(day))}`, qualifier: "exact" as const, precision: 0 });
      if (!m[2]) return one(m[1]!);
      const firstEnd = m.index + m[0].indexOf(m[1]!) + m[1]!.length;
      const secondStart = m.index + m[0].lastIndexOf(m[2]!, m[0].length - m[3]!.length - 1);
      return [
        { ...one(m[1]!), start: m.index, end: firstEnd },
        { ...one(m[2]!), start: secondStart, end: m.index + m[0].length },
      ];
    },
  },
  {
    // March 7, 2026
    kind: "date",
    re: new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "gi"),
    read: (m) => ({ value: `${m[3] ? `${m[3]}-` : ""}${pad(monthIndex(m[1]!))}-${pad(Number(m[2]))}`, qualifier: "exact", precision: 0 }),
  },
  {
    kind: "date",
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => ({ value: `${m[1]}-${m[2]}-${m[3]}`, qualifier: "exact", precision: 0 }),
  },
  {
    // 8:15am, 9 p.m., 12.30pm: a time of day on the 12-hour clock, read as HH:MM
    kind: "time",
    re: /\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?m\b\.?/gi,
    read: (m) => {
      const hour = (Number(m[1]) % 12) + (m[3]!.toLowerCase() === "p" ? 12 : 0);
      return { value: `${pad(hour)}:${m[2] ?? "00"}`, qualifier: "exact", precision: 0 };
    },
  },
  {
    kind: "time",
    re: /\b([01]?\d|2[0-3]):([0-5]\d)\b/g,
    read: (m) => ({ value: `${pad(Number(m[1]))}:${m[2]}`, qualifier: "exact", precision: 0 }),
  },
  {
    // about 2 hours 40 minutes, six hours, two and a half hours, 53 min, 2h40
    kind: "duration",
    re: new RegExp(
      `(?:\\b(${QUAL})\\s+)?\\b(${NUM}|an?)(\\s+and\\s+a\\s+half)?[\\s-]*(days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|h(?=\\s*\\d|\\b))\\b(?:,?\\s*(?:and\\s+)?(${NUM})\\s*(minutes?|mins?|m)\\b)?`,
      "gi",
    ),
    read: (m) => {
      const n = parseNumber(m[2]!.toLowerCase() === "an" || m[2]!.toLowerCase() === "a" ? "one" : m[2]!);
      if (!Number.isFinite(n)) return null;
      const unit = unitMinutes(m[4]!);
      let minutes = (n + (m[3] ? 0.5 : 0)) * unit;
      let precision = m[3] ? 30 : unit >= 60 ? unit : 1;
      if (m[5]) {
        minutes += parseNumber(m[5]) * unitMinutes(m[6]!);
        precision = 1;
      }
      return { value: minutes, qualifier: qualifierOf(m[1]), precision };
    },
  },
  {
    kind: "percent",
    re: new RegExp(`(?:\\b(${QUAL})\\s+)?(\\d+(?:\\.\\d+)?)\\s*(?:%|per\\s*cent\\b|percent\\b)`, "gi"),
    read: (m) => ({ value: Number(m[2]), qualifier: qualifierOf(m[1]), precision: roundingOf(m[2]!, Number(m[2])) }),
  },
  {
    // half of, a third of, three quarters of: a share, read as a percentage
    kind: "percent",
    re: new RegExp(`(?:\\b(${QUAL})\\s+)?\\b(half|(?:a|one|two)\\s+thirds?|(?:a|one|three)\\s+quarters?)\\s+of\\b`, "gi"),
    read: (m) => ({ value: FRACTIONS[m[2]!.toLowerCase().replace(/\s+/g, " ")] ?? 50, qualifier: qualifierOf(m[1]), precision: 16 }),
  },
  {
    // one in five, 1 in 10: a share, read as a percentage
    kind: "percent",
    re: new RegExp(`(?:\\b(${QUAL})\\s+)?\\b(\\d+|${WORD_NUMBER})\\s+in\\s+(\\d+|${WORD_NUMBER})\\b`, "gi"),
    read: (m) => {
      const part = parseNumber(m[2]!);
      const whole = parseNumber(m[3]!);
      if (!Number.isFinite(part) || !Number.isFinite(whole) || whole < 2 || part >= whole) return null;
      return { value: (100 * part) / whole, qualifier: qualifierOf(m[1]), precision: 100 / whole };
    },
  },
  {
    kind: "year",
    re: /\b(?:in|since|of|during|by)\s+((?:19|20)\d{2})\b/gi,
    read: (m) => ({ value: Number(m[1]), qualifier: "exact", precision: 0, start: m.index + m[0].length - 4, end: m.index + m[0].length }),
  },
  {
    // 12,600 customers; fewer than 500; four incidents; 1.2 million
    kind: "count",
    re: new RegExp(`(?:\\b(${QUAL})\\s+)?\\b(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${WORD_NUMBER})(\\s+(?:thousand|million))?\\b`, "gi"),
    read: (m) => {
      let n = parseNumber(m[2]!);
      if (!Number.isFinite(n)) return null;
      const isWord = !/\d/.test(m[2]!);
      let precision = isWord ? 1 : roundingOf(m[2]!, n);
      if (m[3]) {
        const scale = /million/i.test(m[3]) ? 1e6 : 1e3;
        n *= scale;
        precision = scale * (m[2]!.includes(".") ? 10 ** -m[2]!.split(".")[1]!.length : 1);
      }
      return { value: n, qualifier: qualifierOf(m[1]), precision };
    },
  },
];

/** Number words only count when a noun follows that the records count ("four incidents"), not "one of". */
const WORD_COUNT_FOLLOWER = /^\s+(?:of\b|more\b|another\b|other\b|way\b|thing\b|side\b|another\b|must\b|can\b|could\b)/i;

/** "a second", "an hour" measure a span only after words like these ("for an hour"), not in "a second failure". */
const DURATION_CUE_BEFORE = /\b(?:for|within|after|lasting|lasted|took|than|in under|over)\s+$/i;

/** Every figure in `text`, in order, none overlapping. */
export function findFigures(text: string): Figure[] {
  const taken: boolean[] = new Array(text.length).fill(false);
  const found: Figure[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = m.index + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      // Part of a bigger token (an id like ABC-123, a version like 1.2.3, a marker like c3).
      if (/[A-Za-z0-9_^-]/.test(text[start - 1] ?? "") && /^\d/.test(m[0])) continue;
      if (/^[.\d]/.test(text[end] ?? "") && /\d$/.test(m[0]) && text[end] !== "." ) continue;
      if (rule.kind === "duration" && /^(?:an?)$/i.test(m[2] ?? "") && !m[1] && !DURATION_CUE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
      if (rule.kind === "count") {
        const bare = m[2]!;
        if (!/\d/.test(bare)) {
          if (!m[1] && WORD_COUNT_FOLLOWER.test(text.slice(end))) continue;
          if (!m[1] && !/^\s+[a-z]/i.test(text.slice(end))) continue;
          if (/^(?:one|a|an)$/i.test(bare) && !m[1]) continue;
        }
      }
      const read = rule.read(m);
      if (!read) continue;
      const parts = Array.isArray(read) ? read : [{ start, end, ...read }];
      for (const p of parts) {
        found.push({ kind: rule.kind, ...p, text: text.slice(p.start, p.end) });
      }
      for (let i = start; i < end; i++) taken[i] = true;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
