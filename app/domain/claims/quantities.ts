/**
 * Quantities a claim asserts: durations, counts, affected customers, money and percentages,
 * normalised (durations in minutes) with the hedge kept as a comparator ("more than six hours"
 * is gt 360). Vague amounts ("several", "millions of") become lower bounds marked vague.
 * The caller masks dates and clock times first, so "5 March" is never read as a count.
 */

import type { Quantity } from "./types";
import { COMPARATOR_PATTERN, NUMBER_PATTERN, ORDINALS, comparatorOf, parseNumber } from "./lexicon";

type Draft = Omit<Quantity, "start" | "end" | "text"> & { index: number; length: number; priority: number };

const NUM = NUMBER_PATTERN;
const COMP = `(?:\\b(${COMPARATOR_PATTERN})\\s+)?`;
const CUSTOMER_NOUNS =
  "customers?|users?|shoppers?|clients?|subscribers?|passengers?|travell?ers?|consumers?|people|households?|homes|" +
  "businesses|merchants?|members?|account[- ]holders?|patients?|players?|viewers?|drivers?|riders?|guests?|buyers?|" +
  "sellers?|students?|residents?|callers?|motorists|visitors|premises|properties|organi[sz]ations|companies|firms|" +
  "hospitals|clinics|surgeries|schools|restaurants|retailers|tenants|developers";
const EVENT_NOUNS =
  "outages?|incidents?|disruptions?|failures?|breach(?:es)?|attacks?|cyberattacks?|crash(?:es)?|glitch(?:es)?|" +
  "problems?|issues?|errors?|faults?|blackouts?|shutdowns?|meltdowns?|occasions?|times";
const THING_NOUNS =
  "flights?|transactions?|payments?|orders?|bookings?|calls?|websites?|sites?|apps?|services?|systems?|servers?|" +
  "stores?|shops?|branches|regions?|countries|cities|data cent(?:re|er)s?|engineers?|employees?|staff|workers?|jobs?|" +
  "complaints?|cards?|accounts?|records?|files?|emails?|messages?|devices?|machines?|cash machines|atms?|trains?|" +
  "routes?|deliveries|parcels?|tickets?|requests?|features?|products?|pages?|hospitals?|banks?|companies|firms|" +
  "airlines?|retailers?|towers?|masts?|cables?";
/** A counted noun; a possessive ("merchants' customers") is a modifier, not the head. */
const COUNTED = `(${CUSTOMER_NOUNS}|${EVENT_NOUNS}|${THING_NOUNS})(?![’'])`;
/** Any other plural noun after a number ("300,000 journeys"), tried after the known nouns. */
const ANY_PLURAL = "([a-z]{3,}s)(?![’'\\w])";
const NOT_COUNTED = /^(?:years|months|weeks|days|hours|minutes|seconds|percent|times|dollars|pounds|euros|this|was|has|is|its|as|us|thus|plus|less|unless|across|series)$/i;
/** Up to two modifiers between a number and its noun ("2m UK customers"), never function words. */
const MODIFIERS = "(?:(?!(?:of|the|a|an|to|in|on|for|and|or|than|by|at|with|from)\\b)[\\w-]+(?:['’]s?)?\\s+){0,2}?";
const SOURCE_FOLLOWS = /^\s+(?:familiar|close|with knowledge|briefed|who|said|say|says|told|speaking)\b/i;
/** "said one former engineer": the number counts sources, not anything the claim is about. */
const SOURCE_PRECEDES = /\b(?:said|says|told|according to)\s+$/i;
const SOURCE_NOUN = /^(?:people|persons?|sources?|officials?|employees?|engineers?|executives?|analysts?|workers?|staff|insiders?|managers?)$/i;

function countsSources(noun: string, before: string, after: string): boolean {
  return SOURCE_FOLLOWS.test(after) || (SOURCE_NOUN.test(noun) && SOURCE_PRECEDES.test(before));
}

const DURATION_UNITS: Record<string, number> = { second: 1 / 60, sec: 1 / 60, minute: 1, min: 1, hour: 60, hr: 60, day: 1440, week: 10080, month: 43200 };
const UNIT = "(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)";

const VAGUE_AMOUNTS: ReadonlyArray<readonly [string, number]> = [
  // Plural round numbers mean at least two of them: 150,000 is not "hundreds of thousands".
  ["hundreds of thousands of", 200_000],
  ["tens of thousands of", 20_000],
  ["millions of", 2_000_000],
  ["thousands of", 2_000],
  ["hundreds of", 200],
  ["scores of", 40],
  ["dozens of", 24],
  ["a string of|a series of|a spate of|a wave of|a run of|a raft of|a rash of|several|a handful of|numerous", 3],
  ["multiple|repeated|a number of|a couple of|a few", 2],
];
const VAGUE_PATTERN = VAGUE_AMOUNTS.map(([alt]) => alt).join("|");

const CURRENCIES: Record<string, string> = {
  "us$": "USD", $: "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "£": "GBP", "€": "EUR", "¥": "JPY",
  dollars: "USD", pounds: "GBP", euros: "EUR", yen: "JPY",
};

const FRACTIONS: Record<string, number> = {
  half: 50, "a third": 100 / 3, "one third": 100 / 3, "a quarter": 25, "one quarter": 25, "a fifth": 20, "one fifth": 20,
  "two thirds": 200 / 3, "three quarters": 75, "a tenth": 10, "one tenth": 10,
};

function unitMinutes(unit: string): number {
  const key = unit.toLowerCase().replace(/s$/, "");
  return DURATION_UNITS[key] ?? DURATION_UNITS[key.slice(0, 3)] ?? 0;
}

function plural(noun: string): string {
  const n = noun.toLowerCase().replace(/\s+/g, " ");
  return /(?:s|people|staff|deliveries)$/.test(n) ? n : /(?:ch|sh|x)$/.test(n) ? `${n}es` : `${n}s`;
}

/** "2025 results": a bare year is a label, not a count. */
function isYear(raw: string): boolean {
  return /^(?:19|20)\d{2}$/.test(raw.trim());
}

const CUSTOMER_NOUN = new RegExp(`^(?:${CUSTOMER_NOUNS})$`, "i");
const VAGUE_TESTS = VAGUE_AMOUNTS.map(([alt, value]) => [new RegExp(`^(?:${alt})$`), value] as const);

function isCustomerNoun(noun: string): boolean {
  return CUSTOMER_NOUN.test(noun);
}

function vagueValue(phrase: string): number {
  const normalised = phrase.toLowerCase().replace(/\s+/g, " ");
  return VAGUE_TESTS.find(([test]) => test.test(normalised))?.[1] ?? 1;
}

interface Matcher {
  pattern: RegExp;
  priority: number;
  build: (m: RegExpExecArray, after: string, before: string) => Omit<Draft, "index" | "length" | "priority"> | null;
}

const MATCHERS: Matcher[] = [
  {
    priority: 5,
    pattern: new RegExp(`${COMP}(US\\$|A\\$|C\\$|NZ\\$|HK\\$|\\$|£|€|¥)\\s?(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s?(million|billion|thousand|m|bn|mn|k)\\b)?`, "gi"),
    build: (m) => {
      const value = parseNumber(`${m[3]} ${m[4] ?? ""}`);
      return value === null ? null : { kind: "money", value, comparator: comparatorOf(m[1]), unit: CURRENCIES[m[2].toLowerCase()] };
    },
  },
  {
    priority: 5,
    pattern: new RegExp(`${COMP}(${NUM})\\s+(?:US\\s+)?(dollars|pounds|euros|yen)\\b`, "gi"),
    build: (m) => {
      const value = parseNumber(m[2]);
      return value === null ? null : { kind: "money", value, comparator: comparatorOf(m[1]), unit: CURRENCIES[m[3].toLowerCase()] };
    },
  },
  {
    priority: 4,
    pattern: new RegExp(`${COMP}(${NUM})\\s?(?:%|per ?cent\\b|percent\\b|percentage points?\\b)`, "gi"),
    build: (m) => {
      const value = parseNumber(m[2]);
      return value === null ? null : { kind: "percentage", value, comparator: comparatorOf(m[1]), unit: "%" };
    },
  },
  {
    priority: 4,
    pattern: new RegExp(`${COMP}\\b(half|a third|one[- ]third|a quarter|one[- ]quarter|a fifth|one[- ]fifth|two[- ]thirds|three[- ]quarters|a tenth|one[- ]tenth)(?=\\s+of\\b)`, "gi"),
    build: (m) => ({ kind: "percentage", value: FRACTIONS[m[2].toLowerCase().replace("-", " ")], comparator: comparatorOf(m[1]), unit: "%" }),
  },
  {
    // "six and a half hours", "2 hours 40 minutes", "a two-hour outage", "an hour and a half"
    priority: 3,
    pattern: new RegExp(
      `${COMP}(${NUM}|\\ban?\\b)([- ]and[- ]a[- ]half)?(?:\\s*-\\s*|\\s+)(?:(?:full|whole|entire|solid)\\s+)?${UNIT}(?:-long)?([- ]and[- ]a[- ]half)?` +
        `(?:,?\\s+(?:and\\s+)?(${NUM})(?:\\s*-\\s*|\\s+)(minutes?|mins?)\\b)?\\b`,
      "gi",
    ),
    build: (m) => {
      const n = /^an?$/i.test(m[2]) ? 1 : parseNumber(m[2]);
      if (n === null) return null;
      const half = m[3] || m[5] ? 0.5 : 0;
      const extra = m[6] ? parseNumber(m[6]) ?? 0 : 0;
      return { kind: "duration", value: (n + half) * unitMinutes(m[4]) + extra, comparator: comparatorOf(m[1]), unit: "minutes" };
    },
  },
  {
    priority: 3,
    pattern: new RegExp(`${COMP}\\bhalf an? (hour|day)\\b`, "gi"),
    build: (m) => ({ kind: "duration", value: 0.5 * unitMinutes(m[2]), comparator: comparatorOf(m[1]), unit: "minutes" }),
  },
  {
    priority: 3,
    pattern: /\b(?:(a few|several|many)\s+|for\s+)(minutes|hours|days|weeks|months)\b/gi,
    build: (m) => ({ kind: "duration", value: vagueValue(m[1] ?? "a few") * unitMinutes(m[2]), vague: true, comparator: "gte", unit: "minutes" }),
  },
  {
    priority: 2,
    pattern: new RegExp(`${COMP}\\b(twice|thrice)\\b`, "gi"),
    build: (m) => ({ kind: "count", value: m[2].toLowerCase() === "twice" ? 2 : 3, comparator: comparatorOf(m[1]), subject: "times" }),
  },
  {
    // "the third outage this month", "for the second time"
    priority: 2,
    pattern: new RegExp(
      `\\b(?:the|its|their|this|a|his|her)\\s+(${Object.keys(ORDINALS).join("|")}|\\d+(?:st|nd|rd|th))\\s+` +
        `(?:[\\w-]+\\s+){0,3}?(outage|incident|disruption|failure|breach|attack|cyberattack|crash|glitch|problem|issue|error|fault|blackout|shutdown|occasion|time)\\b`,
      "gi",
    ),
    build: (m) => {
      const value = ORDINALS[m[1].toLowerCase()] ?? parseInt(m[1], 10);
      return value > 1 ? { kind: "count", value, comparator: "eq", subject: plural(m[2]) } : null;
    },
  },
  {
    priority: 1,
    pattern: new RegExp(`${COMP}(${NUM})\\s+${MODIFIERS}${COUNTED}\\b`, "gi"),
    build: (m, after, before) => {
      const value = parseNumber(m[2]);
      if (value === null || countsSources(m[3], before, after)) return null;
      const kind = isCustomerNoun(m[3]) ? "customers" : "count";
      return { kind, value, comparator: comparatorOf(m[1]), subject: plural(m[3]) };
    },
  },
  {
    priority: 0,
    pattern: new RegExp(`${COMP}(${NUM})\\s+${MODIFIERS}${ANY_PLURAL}`, "gi"),
    build: (m, after, before) => {
      const value = parseNumber(m[2]);
      if (value === null || NOT_COUNTED.test(m[3]) || countsSources(m[3], before, after) || isYear(m[2])) return null;
      return { kind: "count", value, comparator: comparatorOf(m[1]), subject: m[3].toLowerCase() };
    },
  },
  {
    priority: 1,
    pattern: new RegExp(`\\b(${VAGUE_PATTERN}|some)\\s+(?:of\\s+)?(?:(?:its|their|the|our|his|her|those)\\s+)?${MODIFIERS}${COUNTED}\\b`, "gi"),
    build: (m, after) => {
      const isCustomers = isCustomerNoun(m[2]);
      if (SOURCE_FOLLOWS.test(after) || (m[1].toLowerCase() === "some" && !isCustomers)) return null;
      return { kind: isCustomers ? "customers" : "count", value: vagueValue(m[1]), vague: true, comparator: "gte", subject: plural(m[2]) };
    },
  },
  {
    // "Millions hit as ...": a bare large amount stands for people.
    priority: 0,
    pattern: /\b(hundreds of thousands|tens of thousands|millions|thousands)\b(?!\s+of\b)/gi,
    build: (m) => ({ kind: "customers", value: vagueValue(`${m[1]} of`), vague: true, comparator: "gte", subject: "people" }),
  },
];

/**
 * Quantities in `text` (dates and clock times already blanked out by the caller), with
 * offsets shifted by `offsetBase`. Where readings overlap, the longest wins.
 */
export function findQuantities(masked: string, original: string, offsetBase: number): Quantity[] {
  const drafts: Draft[] = [];
  for (const matcher of MATCHERS) {
    matcher.pattern.lastIndex = 0;
    for (let m = matcher.pattern.exec(masked); m; m = matcher.pattern.exec(masked)) {
      const built = matcher.build(m, masked.slice(m.index + m[0].length), masked.slice(Math.max(0, m.index - 20), m.index));
      if (built && Number.isFinite(built.value)) {
        drafts.push({ ...built, index: m.index, length: m[0].length, priority: matcher.priority });
      }
    }
  }
  drafts.sort((a, b) => b.length - a.length || b.priority - a.priority || a.index - b.index);
  const kept: Draft[] = [];
  for (const d of drafts) {
    if (!kept.some((k) => d.index < k.index + k.length && k.index < d.index + d.length)) kept.push(d);
  }
  return kept
    .sort((a, b) => a.index - b.index)
    .map(({ index, length, priority: _priority, ...q }) => ({
      ...q,
      text: original.slice(index, index + length),
      start: offsetBase + index,
      end: offsetBase + index + length,
    }));
}
