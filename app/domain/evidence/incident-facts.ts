/**
 * What a record says, read once: its days, duration, scope, causes (tags and root-cause prose,
 * with denials), and whether customers saw a full outage or a feature-level failure. Derived
 * facts are cached per record object, and prose is read only for what a claim asks about, so
 * ranking a pool is a few comparisons per record.
 */
import type { Incident } from "~/domain/incidents/types";
import { findTagMentions } from "./causes";
import { epochDay } from "./text";

/** What customers saw: everything down, part of it, or the record does not say. */
export type ImpactLevel = "full" | "partial" | "unknown";

/** What a record says, derived once per record; the costlier readings only when asked. */
export interface IncidentFacts {
  readonly incident: Incident;
  /** Calendar days as written in the record's own offset (the company's local day), YYYY-MM-DD. */
  readonly startDay: string;
  readonly endDay: string;
  /** The same days as whole days since 1970-01-01. */
  readonly startDayNumber: number;
  readonly endDayNumber: number;
  readonly startMs: number;
  readonly durationMinutes: number | null;
  readonly organization: string | null;
  readonly services: string[];
  readonly regions: string[];
  readonly tags: string[];
  /** Whether the record's prose denies the cause ("No AI-generated code was involved"). */
  denies(tag: string): boolean;
  /** Whether the record's prose names the cause without denying it. */
  mentions(tag: string): boolean;
  readonly impact: ImpactLevel;
  /**
   * The same question for the affected feature itself: "search returned no results; browsing
   * still worked" is partial for the site but full for search.
   */
  readonly featureImpact: ImpactLevel;
  /** Shares of customers, requests or pages the impact text gives ("18%", "a third"), 0..100. */
  readonly percentages: number[];
  /** Customers saw slowness or delay only, nothing failing: press may not call it an outage. */
  readonly slowOnly: boolean;
}

const cache = new WeakMap<Incident, IncidentFacts>();

/** The derived facts of a record (cached per object). */
export function factsOf(incident: Incident): IncidentFacts {
  let facts = cache.get(incident);
  if (!facts) {
    facts = new RecordFacts(incident);
    cache.set(incident, facts);
  }
  return facts;
}

/**
 * Dates, scope and tags are read at once (ranking needs them for every pooled record); prose
 * readings (cause phrases, impact) are read on first use, since most claims need few of them.
 */
class RecordFacts implements IncidentFacts {
  readonly startDay: string;
  readonly endDay: string;
  readonly startDayNumber: number;
  readonly endDayNumber: number;
  readonly startMs: number;
  readonly durationMinutes: number | null;
  readonly organization: string | null;
  readonly services: string[];
  readonly regions: string[];
  readonly tags: string[];
  private readonly causeReadings = new Map<string, { denied: boolean; mentioned: boolean }>();
  private impactLevel?: ImpactLevel;
  private featureLevel?: ImpactLevel;
  private shares?: number[];
  private slow?: boolean;

  constructor(readonly incident: Incident) {
    const endMs = incident.resolvedAt ? Date.parse(incident.resolvedAt) : null;
    this.startMs = Date.parse(incident.startedAt);
    this.startDay = localDay(incident.startedAt);
    this.endDay = incident.resolvedAt ? localDay(incident.resolvedAt) : this.startDay;
    this.startDayNumber = epochDay(this.startDay);
    this.endDayNumber = epochDay(this.endDay);
    this.durationMinutes = endMs === null ? null : Math.max(0, (endMs - this.startMs) / 60000);
    this.organization = incident.organization?.toLowerCase() ?? null;
    this.services = (incident.services ?? []).map((s) => s.toLowerCase());
    this.regions = (incident.regions ?? []).map((r) => r.toLowerCase());
    this.tags = (incident.contributingFactors ?? []).map((f) => f.tag.toLowerCase());
  }

  denies(tag: string): boolean {
    return this.readCause(tag).denied;
  }

  mentions(tag: string): boolean {
    return this.readCause(tag).mentioned;
  }

  get impact(): ImpactLevel {
    return (this.impactLevel ??= classifyImpact(this.incident).level);
  }

  get featureImpact(): ImpactLevel {
    return (this.featureLevel ??= classifyFeatureImpact(this.incident));
  }

  get percentages(): number[] {
    return (this.shares ??= percentagesIn(this.incident.customerImpact ?? ""));
  }

  get slowOnly(): boolean {
    return (this.slow ??= isSlowOnly(this.incident));
  }

  private readCause(tag: string): { denied: boolean; mentioned: boolean } {
    let reading = this.causeReadings.get(tag);
    if (!reading) {
      const text = [this.incident.rootCause, this.incident.summary].filter(Boolean).join(" ");
      const found = findTagMentions(text, tag);
      reading = { denied: found.some((m) => m.negated), mentioned: found.some((m) => !m.negated) };
      this.causeReadings.set(tag, reading);
    }
    return reading;
  }
}

/** The calendar day as written in the timestamp's own offset. */
function localDay(iso: string): string {
  return iso.slice(0, 10);
}

const WHOLE_PRODUCT = "(?:site|website|web ?site|app|apps|application|store|shop|platform|portal|service|system|homepage|online banking|booking system|console)";

const FULL_PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:the |our |its |whole |entire )${WHOLE_PRODUCT} (?:was|were|went|became) (?:completely |entirely |fully |totally )?(?:down|offline|unavailable|unreachable|inaccessible|dark)\\b`, "i"),
  /\b(?:complete|full|total|entire|site-wide|sitewide|platform-wide|global|company-wide) (?:outage|blackout|downtime|loss of service)\b/i,
  new RegExp(`\\b(?:could not|couldn't|cannot|can't|unable to|were unable to) (?:access|reach|use|load|open|log ?in to|sign ?in to|connect to) (?:the |our |its )?(?:\\w+ )?${WHOLE_PRODUCT}\\b`, "i"),
  /\b(?:all|no) (?:customers|users|requests|passengers|clients|traffic)\b[^.;]*\b(?:could|failed|were|was|reached|succeeded)\b/i,
  /\b(?:was|were|went) (?:completely |entirely |fully )?(?:offline|down)\b/i,
  /\b100 ?%/,
];

/** Wording that only some share of a feature's use failed. */
const SHARE_PATTERNS: RegExp[] = [
  /\b(?:[1-9]\d?(?:\.\d+)?) ?%/,
  /\b(?:some|a (?:third|quarter|fifth|fraction|subset|minority|portion|small number|handful)|half|one in \w+|parts?) of\b/i,
  /\b(?:degraded|elevated (?:errors?|error rates?|latency)|slow(?:er|ness)?|intermittent\w*|delay(?:s|ed)?|partial)\b/i,
  /\bin (?:one|a single) (?:zone|region|availability zone|data ?cent(?:er|re))\b/i,
];

/** Share wording, or wording that one feature failed while the rest of the product worked. */
const PARTIAL_PATTERNS: RegExp[] = [
  ...SHARE_PATTERNS,
  /\b(?:still|otherwise|continued to) (?:worked|work|working|available|functional|up|operat\w*)\b/i,
  /\b(?:were|was|remained) (?:not affected|unaffected|not impacted|available)\b/i,
  /\b(?:timing out|timeouts?)\b/i,
  /\breturned (?:no|empty|wrong|stale) results?\b/i,
  /\b(?:missing|failed to load)\b/i,
];

const FEATURE_FAILURE = new RegExp(
  `\\b(?:could not|couldn't|cannot|can't|unable to|were unable to) (?:open|use|view|see|load|access|complete|make|download|update|add|change|receive|send|check) (?:their |the |its |any |an? )?(?!${WHOLE_PRODUCT}\\b)\\w+`,
  "i",
);

/**
 * Full outage or partial failure, from what customers saw. An explicit whole-product statement
 * in the impact ("the site was unavailable") decides first; otherwise partial wording wins, so
 * "checkout failed for 18% of attempts" is partial even though it also says "failed". The
 * summary is read only when the impact and title say nothing either way.
 */
export function classifyImpact(incident: Incident): { level: ImpactLevel; evidence: string | null } {
  const direct = [incident.customerImpact, incident.title].filter(Boolean).join(". ");
  return classifyText(direct, true) ?? classifyText(incident.summary ?? "", false) ?? { level: "unknown", evidence: null };
}

function classifyText(text: string, fullFirst: boolean): { level: ImpactLevel; evidence: string } | null {
  if (!text) return null;
  const full = firstMatch(text, FULL_PATTERNS.slice(0, 3));
  if (fullFirst && full && !/\b[1-9]\d?(?:\.\d+)? ?%/.test(sentenceAround(text, full.index))) {
    return { level: "full", evidence: full.text };
  }
  const partial = firstMatch(text, PARTIAL_PATTERNS);
  if (partial) return { level: "partial", evidence: partial.text };
  const anyFull = firstMatch(text, FULL_PATTERNS);
  if (anyFull) return { level: "full", evidence: anyFull.text };
  const feature = firstMatch(text, [FEATURE_FAILURE]);
  return feature ? { level: "partial", evidence: feature.text } : null;
}

const FAILURE_WORDS = /\b(?:fail\w*|returned (?:no|empty)|could not|couldn't|unable|unavailable|down|offline|did not load|missing|errors?|timing out|timed out)\b/i;

/** Full or partial for the feature the record is about (its share words, not other features). */
export function classifyFeatureImpact(incident: Incident): ImpactLevel {
  const text = [incident.customerImpact, incident.title].filter(Boolean).join(". ");
  if (firstMatch(text, SHARE_PATTERNS)) return "partial";
  return FAILURE_WORDS.test(text) ? "full" : "unknown";
}

function firstMatch(text: string, patterns: RegExp[]): { text: string; index: number } | null {
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) return { text: m[0], index: m.index };
  }
  return null;
}

function sentenceAround(text: string, index: number): string {
  const start = text.lastIndexOf(".", index) + 1;
  const end = text.indexOf(".", index);
  return text.slice(start, end < 0 ? undefined : end);
}

const FRACTIONS: [RegExp, number][] = [
  [/\bhalf\b/i, 50],
  [/\ba third\b/i, 33],
  [/\btwo thirds\b/i, 67],
  [/\ba quarter\b/i, 25],
  [/\bthree quarters\b/i, 75],
  [/\ba fifth\b/i, 20],
  [/\ba tenth\b/i, 10],
];

function percentagesIn(text: string): number[] {
  const numbers = [...text.matchAll(/(\d+(?:\.\d+)?) ?(?:%|per ?cent)/gi)].map((m) => Number(m[1]));
  for (const [pattern, value] of FRACTIONS) if (pattern.test(text)) numbers.push(value);
  return numbers;
}

const SLOW = /\b(?:slow\w*|latency|delay\w*|late|lag\w*|stale)\b/i;
const FAILING = /\b(?:fail\w*|errors?|unavailable|down|offline|could not|couldn't|unable|lost|missing|declined|rejected|timed out|timeouts?|no results)\b/i;

function isSlowOnly(incident: Incident): boolean {
  const text = [incident.customerImpact, incident.title].filter(Boolean).join(". ");
  return SLOW.test(text) && !FAILING.test(text);
}

/** Whether the record's tags or prose establish the tag (and the prose does not deny it). */
export function recordHasTag(facts: IncidentFacts, tag: string): boolean {
  return !facts.denies(tag) && (facts.tags.includes(tag) || facts.mentions(tag));
}

/** The first clause of the root cause: "Human error in a configuration change". */
export function rootCauseHeadline(incident: Incident): string | null {
  const text = incident.rootCause?.replace(/[*_`#>]/g, "").trim();
  if (!text) return null;
  const first = text.split(/(?<=[.;:])\s|:\s/)[0].replace(/[.;:]$/, "").trim();
  return first.length > 140 ? `${first.slice(0, 137)}...` : first;
}
