/**
 * Dates and date ranges in press text, resolved to inclusive ISO days. Relative phrases
 * ("last Tuesday", "this week") resolve against the article's publication date, which the
 * caller supplies: nothing here reads the clock. Dates are UTC calendar days throughout.
 */

import type { DateRange } from "./types";
import { MONTH_PATTERN, NUMBER_PATTERN, WEEKDAYS, WEEKDAY_PATTERN, monthIndex, parseNumber } from "./lexicon";

/** Days since 1970-01-01 (UTC). */
type Day = number;

interface Resolved {
  from: Day;
  to: Day;
}

interface DateRule {
  source: "explicit" | "relative";
  pattern: RegExp;
  /** `before` is the text preceding the match, for "since", "until" and "next". */
  resolve: (m: RegExpExecArray, published: Day | null, before: string) => Resolved | null;
}

const MS_PER_DAY = 86_400_000;
const D = "(\\d{1,2})(?:st|nd|rd|th)?";
const M = `(${MONTH_PATTERN})`;
const Y = "(?:,?\\s+(\\d{4}))?";

function day(year: number, month: number, date: number): Day | null {
  if (month < 0 || month > 11 || date < 1 || date > daysInMonth(year, month)) return null;
  return Date.UTC(year, month, date) / MS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function parts(d: Day): { year: number; month: number; date: number; weekday: number } {
  const t = new Date(d * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth(), date: t.getUTCDate(), weekday: t.getUTCDay() };
}

/** "2026-03-13" or an ISO date-time; the calendar day as written (no time-zone shift). */
export function parseDay(iso: string | undefined): Day | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim()) : null;
  return m ? day(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

function formatDay(d: Day): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Monday of the week containing `d` (weeks run Monday to Sunday, as in most newsrooms outside the US). */
function mondayOf(d: Day): Day {
  return d - ((parts(d).weekday + 6) % 7);
}

/** The most recent `weekday` on or before `d` (or strictly before, when `strict`). */
function previousWeekday(d: Day, weekday: number, strict: boolean): Day {
  const back = (parts(d).weekday - weekday + 7) % 7;
  return d - (back === 0 && strict ? 7 : back);
}

function monthRange(year: number, month: number): Resolved {
  return { from: day(year, month, 1)!, to: day(year, month, daysInMonth(year, month))! };
}

/** A year-less date takes the publication year, or the year before when that would be after publication. */
function inferYear(month: number, date: number, published: Day | null, before: string): number | null {
  if (published === null) return null;
  const year = parts(published).year;
  const candidate = day(year, month, date);
  const forward = /\b(?:until|till|through|next|by|from|starting)\s+$/i.test(before);
  return candidate !== null && candidate > published && !forward ? year - 1 : year;
}

function explicitDay(monthName: string, date: string, year: string | undefined, published: Day | null, before: string): Day | null {
  const month = monthIndex(monthName);
  const d = Number(date);
  const y = year ? Number(year) : inferYear(month, d, published, before);
  return y === null ? null : day(y, month, d);
}

function range(from: Day | null, to: Day | null): Resolved | null {
  return from === null || to === null || to < from ? null : { from, to };
}

/** "since 5 March" runs to publication; "since last week" likewise. */
function extendSince(r: Resolved | null, published: Day | null, before: string): Resolved | null {
  return r && published !== null && /\bsince\s+$/i.test(before) && published > r.to ? { from: r.from, to: published } : r;
}

const EXPLICIT_RULES: DateRule[] = [
  {
    source: "explicit",
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => range(day(+m[1], +m[2] - 1, +m[3]), day(+m[1], +m[2] - 1, +m[3])),
  },
  {
    // "between 5 and 11 March", "from 5 to 11 March 2026", "5-11 March"
    source: "explicit",
    pattern: new RegExp(`\\b(?:(?:between|from)\\s+${D}\\s+(?:and|to|until)|${D}\\s*[-–])\\s*${D}\\s+(?:of\\s+)?${M}${Y}`, "gi"),
    resolve: (m, p, before) => {
      const first = m[1] ?? m[2];
      return range(explicitDay(m[4], first, m[5], p, before), explicitDay(m[4], m[3], m[5], p, before));
    },
  },
  {
    // "between 28 February and 3 March"
    source: "explicit",
    pattern: new RegExp(`\\b(?:between|from)\\s+${D}\\s+${M}\\s+(?:and|to|until)\\s+${D}\\s+${M}${Y}`, "gi"),
    resolve: (m, p, before) => {
      const to = explicitDay(m[4], m[3], m[5], p, before);
      const from = explicitDay(m[2], m[1], m[5], p, before);
      if (from !== null && to !== null && from > to) return range(from - 365, to);
      return range(from, to);
    },
  },
  {
    // "between March 5 and 11", "from March 5 to March 11", "March 5-11"
    source: "explicit",
    pattern: new RegExp(`\\b(?:(?:between|from)\\s+${M}\\s+${D}\\s+(?:and|to|until|through)\\s+(?:${M}\\s+)?${D}|${M}\\s+${D}\\s*[-–]\\s*${D})${Y}`, "gi"),
    resolve: (m, p, before) => {
      const startMonth = m[1] ?? m[5];
      const startDate = m[2] ?? m[6];
      const endMonth = m[3] ?? startMonth;
      const endDate = m[4] ?? m[7];
      return range(explicitDay(startMonth, startDate, m[8], p, before), explicitDay(endMonth, endDate, m[8], p, before));
    },
  },
  {
    // "5 March", "5th of March 2026"
    source: "explicit",
    pattern: new RegExp(`\\b${D}\\s+(?:of\\s+)?${M}${Y}\\b`, "gi"),
    resolve: (m, p, before) => extendSince(range(explicitDay(m[2], m[1], m[3], p, before), explicitDay(m[2], m[1], m[3], p, before)), p, before),
  },
  {
    // "March 5", "March 5th, 2026"
    source: "explicit",
    pattern: new RegExp(`\\b${M}\\s+${D}(?![\\d:])${Y}\\b`, "gi"),
    resolve: (m, p, before) => extendSince(range(explicitDay(m[1], m[2], m[3], p, before), explicitDay(m[1], m[2], m[3], p, before)), p, before),
  },
  {
    // "in March", "in early March", "late February 2025", "since January"
    source: "explicit",
    pattern: new RegExp(
      `(?:\\b(?:in|since|during|throughout|until|by|from|of|for)\\s+(?:(early|mid|late)[- ]?)?|\\b(early|mid|late)[- ]|\\b(?=${MONTH_PATTERN}\\s+\\d{4}\\b))` +
        `${M}(?:\\s+(\\d{4}))?\\b(?!\\s+\\d{1,2}\\b)`,
      "gi",
    ),
    resolve: (m, p, before) => {
      const preposition = /^[a-z]+\s+/i.exec(m[0])?.[0] ?? before;
      const month = monthIndex(m[3]);
      const year = m[4] ? Number(m[4]) : inferYear(month, 1, p, preposition);
      if (year === null) return null;
      const whole = monthRange(year, month);
      const part = (m[1] ?? m[2])?.toLowerCase();
      const r =
        part === "early" ? range(whole.from, whole.from + 9)
        : part === "mid" ? range(whole.from + 10, whole.from + 19)
        : part === "late" ? range(whole.from + 20, whole.to)
        : whole;
      return extendSince(r, p, preposition);
    },
  },
  {
    // "in 2024", "since 2019"
    source: "explicit",
    pattern: /\b(in|since|during|throughout|for|of)\s+(?:(early|mid|late)[- ]?)?((?:19|20)\d{2})\b(?!\s*[-–])/gi,
    resolve: (m, p) => {
      const year = Number(m[3]);
      const part = m[2]?.toLowerCase();
      const [fromMonth, toMonth] = part === "early" ? [0, 3] : part === "mid" ? [4, 7] : part === "late" ? [8, 11] : [0, 11];
      const r = range(day(year, fromMonth, 1), day(year, toMonth, daysInMonth(year, toMonth)));
      return m[1].toLowerCase() === "since" ? extendSince(r, p, "since ") : r;
    },
  },
];

function rollingBack(p: Day | null, days: number): Resolved | null {
  return p === null ? null : { from: p - days, to: p };
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

const RELATIVE_RULES: DateRule[] = [
  { source: "relative", pattern: /\b(?:today|this (?:morning|afternoon|evening)|tonight)\b/gi, resolve: (_m, p) => rollingBack(p, 0) },
  { source: "relative", pattern: /\bthe day before yesterday\b/gi, resolve: (_m, p) => (p === null ? null : { from: p - 2, to: p - 2 }) },
  { source: "relative", pattern: /\b(?:yesterday|last night)\b/gi, resolve: (_m, p) => (p === null ? null : { from: p - 1, to: p - 1 }) },
  {
    source: "relative",
    pattern: new RegExp(`\\b(${NUMBER_PATTERN}|a|an)\\s+(day|week)s?\\s+ago\\b`, "gi"),
    resolve: (m, p) => {
      const n = /^an?$/i.test(m[1]) ? 1 : parseNumber(m[1]);
      if (p === null || n === null) return null;
      const d = p - n * UNIT_DAYS[m[2].toLowerCase()];
      return { from: d, to: d };
    },
  },
  { source: "relative", pattern: /\b(?:(?:earlier|later)\s+)?this week\b/gi, resolve: (_m, p) => (p === null ? null : { from: mondayOf(p), to: p }) },
  {
    source: "relative",
    pattern: /\b(?:last week|the previous week|the week before)\b/gi,
    resolve: (_m, p, before) => (p === null ? null : extendSince({ from: mondayOf(p) - 7, to: mondayOf(p) - 1 }, p, before)),
  },
  {
    source: "relative",
    pattern: /\b(?:(?:in|over|during)\s+)?the\s+(?:past|last)\s+(?:few\s+)?(day|week|month|year)s?\b/gi,
    resolve: (m, p) => rollingBack(p, UNIT_DAYS[m[1].toLowerCase()] * (/\bfew\b/i.test(m[0]) ? 3 : 1)),
  },
  {
    source: "relative",
    pattern: new RegExp(`\\b(?:the\\s+)?(?:past|last|previous)\\s+(${NUMBER_PATTERN})\\s+(day|week|month|year)s\\b`, "gi"),
    resolve: (m, p) => {
      const n = parseNumber(m[1]);
      return n === null ? null : rollingBack(p, n * UNIT_DAYS[m[2].toLowerCase()]);
    },
  },
  { source: "relative", pattern: /\bin recent days\b/gi, resolve: (_m, p) => rollingBack(p, 7) },
  { source: "relative", pattern: /\bin recent weeks\b/gi, resolve: (_m, p) => rollingBack(p, 28) },
  {
    source: "relative",
    pattern: /\b(?:(?:over|at|during|on)\s+the\s+weekend|this (?:past )?weekend|last weekend)\b/gi,
    resolve: (_m, p) => {
      if (p === null) return null;
      const saturday = previousWeekday(p, 6, false);
      return { from: saturday, to: Math.min(saturday + 1, p) };
    },
  },
  {
    source: "relative",
    pattern: new RegExp(`\\b(?:(next|last|this past|this|on)\\s+)?(${WEEKDAY_PATTERN})(?:\\s+(?:morning|afternoon|evening|night))?\\b`, "gi"),
    resolve: (m, p) => {
      if (p === null) return null;
      const weekday = WEEKDAYS.indexOf(m[2].toLowerCase() as (typeof WEEKDAYS)[number]);
      const modifier = m[1]?.toLowerCase();
      if (modifier === "next") {
        const d = previousWeekday(p, weekday, false) + 7;
        return { from: d, to: d };
      }
      const d = previousWeekday(p, weekday, modifier === "last" || modifier === "this past");
      return { from: d, to: d };
    },
  },
  { source: "relative", pattern: /\b(?:earlier\s+)?this month\b/gi, resolve: (_m, p) => (p === null ? null : { from: p - parts(p).date + 1, to: p }) },
  {
    source: "relative",
    pattern: /\b(?:last month|the previous month|the month before)\b/gi,
    resolve: (_m, p, before) => {
      if (p === null) return null;
      const { year, month } = parts(p);
      return extendSince(monthRange(month === 0 ? year - 1 : year, (month + 11) % 12), p, before);
    },
  },
  { source: "relative", pattern: /\b(?:earlier\s+)?this year\b/gi, resolve: (_m, p) => (p === null ? null : { from: day(parts(p).year, 0, 1)!, to: p }) },
  {
    source: "relative",
    pattern: /\b(?:last year|the previous year)\b/gi,
    resolve: (_m, p, before) => {
      if (p === null) return null;
      const year = parts(p).year - 1;
      return extendSince({ from: day(year, 0, 1)!, to: day(year, 11, 31)! }, p, before);
    },
  },
];

const ALL_RULES = [...EXPLICIT_RULES, ...RELATIVE_RULES];

/**
 * Every date or window mentioned in `text`, resolved against `publishedAt`, in text order.
 * Overlapping readings keep the longest ("between 5 and 11 March" over "11 March").
 * Relative phrases need `publishedAt`; without it only dates that carry their year resolve.
 */
export function findDates(text: string, offsetBase: number, publishedAt?: string): DateRange[] {
  const published = parseDay(publishedAt);
  const found: DateRange[] = [];
  for (const rule of ALL_RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const resolved = rule.resolve(m, published, text.slice(Math.max(0, m.index - 12), m.index));
      if (!resolved) continue;
      found.push({
        from: formatDay(resolved.from),
        to: formatDay(resolved.to),
        source: rule.source,
        text: m[0],
        start: offsetBase + m.index,
        end: offsetBase + m.index + m[0].length,
      });
    }
  }
  return dropWeekdayBesideDate(keepLongest(found));
}

function keepLongest(found: DateRange[]): DateRange[] {
  const byLength = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateRange[] = [];
  for (const candidate of byLength) {
    if (!kept.some((k) => candidate.start < k.end && k.start < candidate.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const ENDS_WITH_WEEKDAY = new RegExp(`${WEEKDAY_PATTERN}$`, "i");

/** "Friday, 6 March": the explicit date says which Friday. */
function dropWeekdayBesideDate(dates: DateRange[]): DateRange[] {
  return dates.filter((d, i) => {
    const next = dates[i + 1];
    const isWeekday = d.source === "relative" && ENDS_WITH_WEEKDAY.test(d.text);
    return !(isWeekday && next && next.source === "explicit" && next.start - d.end <= 3);
  });
}

/**
 * Resolves one relative or explicit date phrase ("last Tuesday", "this week", "5 March")
 * against the publication date. Returns inclusive ISO days, or null when the phrase is not a date.
 */
export function resolveRelativeDate(phrase: string, publishedAt: string): { from: string; to: string } | null {
  const trimmed = phrase.trim();
  const match = findDates(trimmed, 0, publishedAt).find(
    (d) => d.end === trimmed.length && /^(?:(?:on|since|from|until|by|in|during|at)\s+)?$/i.test(trimmed.slice(0, d.start)),
  );
  return match ? { from: match.from, to: match.to } : null;
}
