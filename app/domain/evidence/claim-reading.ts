/**
 * How the evidence library reads a claim: the window it speaks of (its own dates, else the
 * article's), the scope it names, the causes it asserts, and what sort of assertion it is
 * (about incidents at all, or about a company's policy or intentions, which records cannot settle).
 * Extraction's facts come first; the claim text fills gaps so that a missed fact degrades gently.
 */
import type { AssertedCause, DateRange, Quantity } from "~/domain/claims/types";
import { FAILURE_PHRASES } from "~/domain/claims/lexicon";
import { findCauseMentions } from "./causes";
import { epochDay, textMentions } from "./text";
import type { IncidentFacts } from "./incident-facts";
import type { AnalysisContext, ClaimInput } from "./types";

/** The days a claim speaks of, inclusive. */
export interface ClaimWindow {
  from: string;
  to: string;
  /** The same days as whole days since 1970-01-01, for cheap comparisons. */
  fromDay: number;
  toDay: number;
  source: DateRange["source"];
  text: string;
}

/** Which superlative a claim makes: by duration, by customers affected, or by order. */
export type Superlative = "longest" | "largest" | "first";

/** A claim as the evidence library reads it. */
export interface ClaimReading {
  text: string;
  window: ClaimWindow | null;
  /** The claim dates itself by a span of days ("this week", "in March"), not one day or the article's window. */
  namesASpan: boolean;
  /** Organisations the claim itself names, and whether they came from the article instead. */
  organizations: string[];
  organizationsFromArticle: boolean;
  /**
   * The organisations the claim names as a unit ("Alderwing Cargo", "its payments arm"), not by a
   * common noun that happens to be a unit's name ("their devices"): only these can be contradicted
   * by the organisation of the record the claim is about.
   */
  namedUnits: string[];
  services: string[];
  regions: string[];
  causes: AssertedCause[];
  quantities: Quantity[];
  assertsFullOutage: boolean;
  /** The claim speaks of incidents (outages, failures, disruptions) rather than only of a company. */
  aboutIncidents: boolean;
  /** The claim's assertion is a policy, decision, intention or a third party's action. */
  aboutPolicy: boolean;
  /** "all", "every", "each", "none": the claim generalises over every incident. */
  universal: boolean;
  /** The claim speaks of several incidents ("outages", "them", "a string of"). */
  plural: boolean;
  /** "the longest outage", "the worst", "the first time": the event measured against the record. */
  superlative: Superlative | null;
  /** "has not had an outage since January", "card payments were not affected": the claim asserts there were none. */
  deniesIncidents: boolean;
  /** "Emergency calls could still be made": what the claim says kept working through the incident. */
  keptWorking: { subject: string } | null;
  /** "in total", "combined": durations and customers are sums, not one incident's figure. */
  totals: boolean;
  /** "The outage lasted ...": the claim speaks of one event, so its figures are that event's, not the window's best fit. */
  singleEvent: boolean;
  publishedDay: string | null;
}

const INCIDENT_WORDS = new RegExp(
  String.raw`\b(?:outages?|incidents?|disruptions?|downtime|went (?:down|offline|dark)|go(?:es)? down|offline|crash(?:ed|es)?|failures?|failed|fail(?:s|ing)?|errors?|glitch(?:es)?|problems?|issues?|breakdowns?|broke|unavailable|inaccessible|unable to|could not|couldn't|lost access|locked out|hit by|(?:was|were|been|is|are) (?:also |badly |hard |then )?hit|knocked out|disrupted|affected|impacted|down for|lasted|blackouts?|bugs?|delays?|delayed|wiped(?: out)?|lost|deleted|disappeared|vanished|missing|declined|stranded|cancell?ed|charged twice|double[- ]charged|duplicated|overcharged|leaked|exposed|slow(?:ed|er|ness)?|degraded|stopped|throttled|faults?|skipped|bypassed|${FAILURE_PHRASES}|(?:was|were) forced to|(?:botched|faulty|flawed|failed) (?:[\w-]+ )?(?:migration|update|upgrade|release|change|deployment|rollout)|(?:cut|severed|damaged|dug through) (?:a |an |the )?(?:[\w-]+ )?(?:fibre|fiber|cable)s?|(?:change|update|release|patch|fix|code)\s+(?:was|were)\s+(?:rolled out|pushed|merged|deployed|shipped)|(?:pushed|deployed|merged|shipped|rolled out)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:change|update|release|patch|fix))\b`,
  "i",
);

/** Words that tie an asserted cause to something that happened ("was behind them"). */
const CAUSAL_WORDS =
  /\b(?:caus\w*|behind|blam\w*|because|due to|down to|owing to|led to|lead to|triggered|set off|sparked|resulted|result of|responsible|traced|stemm\w*|root cause|began after|started after|after)\b/i;

const POLICY_WORDS =
  /(?<!\bthan\s+(?:[\w'’]+\s+){0,3})(?<!\b(?:change|update|release|patch|fix|code|upgrade)s?\s+)\b(?:has|have|had|is|are|was|were)\s+(?:\w+\s+)?(?:pushed|encouraged|introduced|required|mandated|banned|adopted|announced|decided|planned|planning|considering|told|ordered|instructed|asked|urged|hired|fired|laid off|invested|launched|created|set up|begun|began|started|rolled out|committed|promised|pledged|refused|agreed|cut off|revoked|removed|restricted|paused|disabled|tightened|added|appointed)\b|\b(?:is|are) (?:reviewing|considering|planning|preparing|exploring|investigating whether)\b|\b(?:would|will) (?!have\b|be\b|not\b|never\b)\w+|\b(?:plans? to|intends? to|compensat\w*|refunds?|contracts?|service credits?|SLAs?|penalt(?:y|ies)|policy|policies|requirements?|guidelines|mandate|regulators?|watchdog|fined|lawsuit|sued|strategy|investors?|shareholders?)\b/i;

/** ", leaving travellers who had no idea when they would leave": a clause of colour after the claim, where a "would" is not the company's intention. */
const TRAILING_CLAUSE = /,\s+(?:leaving|which|who|as|while|prompting|sparking|the kind|with)\b.*$/i;

const FULL_OUTAGE_WORDS =
  /\b(?:went (?:down|offline|dark)|go(?:es)? down|was down|were down|knocked (?:out|offline)|taken (?:down|offline)|offline|unavailable|inaccessible|unreachable|unable to (?:reach|access|use|log ?in)|could(?: not|n't) (?:reach|access|use|log ?in)|lost access|locked out|blackout|total outage|complete outage|full outage|crashed|collaps\w*|meltdown|went dark)\b/i;

/**
 * In press usage an "outage" covers partial failures too ("a major outage"), so where the
 * claim's only outage word is the noun, extraction's full-outage flag is not taken as an
 * assertion that everything was down; explicit words of total loss are.
 */
const OUTAGE_NOUN = /\boutages?\b/i;

const SUPERLATIVES: [Superlative, RegExp][] = [
  ["longest", /\b(?:longest|lengthiest)\b/i],
  ["largest", /\b(?:biggest|largest|worst|most (?:severe|serious|damaging|disruptive)|affected the most)\b/i],
  ["first", /\b(?:first (?:time|outage|incident|failure|ever)|never (?:before|previously) (?:had|suffered|happened))\b/i],
];

function superlativeOf(text: string): Superlative | null {
  return SUPERLATIVES.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

const DENIES_INCIDENTS =
  /\b(?:(?:has|have|had)(?: not|n't) (?:had|suffered|experienced|seen|reported)|(?:has|have|had) (?:never|not once) (?:had|suffered|gone down|been down)|never (?:went|goes|gone) down)\b|\bno (?:(?:other|further|new|major|significant) )?(?:outages?|incidents?|disruptions?|downtime)\b|\bwithout (?:an? |any )?(?:outage|incident|disruption)\b|\b(?:was|were|is|are)(?: not|n't| never) (?:affected|impacted|hit|disrupted)\b|\b(?:was|were|remained) (?:unaffected|unscathed)\b/i;

/** "Emergency calls could still be made", "card payments continued to work": something kept working through the incident. */
const KEPT_WORKING =
  /\b(?:could|can) still be (?:made|used|reached|accessed|placed|booked)\b|\b(?:was|were) still able to\b|\b(?:continued|kept) (?:to )?(?:work|working|operate|operating|function|functioning|run|running)\b|\b(?:was|were|remained)(?: not|n't) (?:affected|impacted|hit|disrupted)\b|\b(?:was|were|remained) (?:unaffected|unscathed)\b|\bcarried on (?:normally|as normal|working)\b/i;
const LEADING_WORDS = /^(?:(?:but|and|however|meanwhile|the|its|their|all|some)\b[,\s]*)+/i;

/** What the claim says kept working ("Emergency calls"), or null. */
function keptWorkingOf(text: string): { subject: string } | null {
  const m = KEPT_WORKING.exec(text);
  if (!m) return null;
  const subject = text.slice(0, m.index).replace(LEADING_WORDS, "").replace(/[,;:]\s*$/, "").trim();
  return subject && subject.split(/\s+/).length <= 14 ? { subject } : null;
}

/**
 * "It stayed down for more than six hours", "a six-hour outage": a duration the sentence gives as
 * the length of the incident. Other durations in a claim are of something else: how soon it was
 * detected ("within a minute"), what set it off ("a 43-second loss of connectivity"), a span of
 * lost data, or a deadline ("extended by 48 hours"); an incident's recorded length neither backs
 * nor contradicts those.
 */
export function isIncidentLength(text: string, q: Quantity): boolean {
  const at = text.indexOf(q.text);
  if (at < 0) return false;
  const before = text.slice(Math.max(0, at - 60), at);
  const after = text.slice(at + q.text.length, at + q.text.length + 40);
  return LENGTH_BEFORE.test(before) || LENGTH_AFTER.test(after);
}

const LENGTH_BEFORE =
  /\b(?:for|lasted|lasting|lasts|last|spanned|spanning|took|outage of|disruption of|downtime of)\s+(?:(?:about|around|roughly|nearly|almost|some|just|over|under|more than|less than|up to|close to|at least|another|a further|a total of|the best part of|the better part of)\s+)*$/i;
const LENGTH_AFTER = /^(?:-?\s*long)?\s+(?:[\w-]+\s+)?(?:outages?|disruptions?|blackouts?|downtime|failures?|incidents?|meltdowns?|crash(?:es)?|shutdowns?|stoppages?)\b|^\s*(?:-?\s*long)\b/i;

/** "The outage", "this disruption": a claim that refers back to one event named earlier. */
const DEFINITE_EVENT =
  /\b(?:the|this|that)\s+(?:\w+\s+)?(?:outage|disruption|incident|failure|crash|breach|attack|problem|glitch|meltdown|blackout|episode|breakdown)\b(?!s)/i;

const PLURAL_EVENTS = /\b(?:outages|incidents|disruptions|failures|problems|issues|crashes|them|they|string of|series of|several times|repeatedly)\b/i;
const ALSO = /\b(?:also|as well|too)\b/i;

/**
 * Whether the claim, having no dates of its own, refers back to the single event the article
 * described before it: "The disruption lasted almost seven hours", "customers in Europe were
 * affected as well", "Nimbus blamed a power failure". Claims about several incidents do not.
 */
export function refersToEarlierEvent(claim: ClaimInput): boolean {
  const { facts, text } = claim;
  if (facts.dates.some((d) => d.source !== "article") || PLURAL_EVENTS.test(text)) return false;
  const namesScope = facts.services.length > 0 || facts.regions.length > 0 || facts.organizations.length > 0;
  return DEFINITE_EVENT.test(text) || ALSO.test(text) || !namesScope;
}

/** Read a claim for evidence matching. */
export function readClaim(claim: ClaimInput, context: AnalysisContext): ClaimReading {
  const { facts, text } = claim;
  const causes = claimCauses(claim);
  // "Emergency calls could still be made": a claim that something kept working speaks of the incident's reach.
  const keptWorking = keptWorkingOf(text);
  const aboutIncidents =
    INCIDENT_WORDS.test(text) ||
    (causes.length > 0 && (causes.some((c) => c.negated) || CAUSAL_WORDS.test(text))) ||
    facts.assertsFullOutage ||
    (facts.dates.some((d) => d.source === "explicit") && (facts.services.length > 0 || causes.length > 0)) ||
    facts.quantities.some((q) => q.kind === "duration" || q.kind === "customers" || (q.kind === "count" && isIncidentSubject(q.subject))) ||
    keptWorking !== null;
  const ownOrgs = facts.organizations.map((o) => o.name.toLowerCase());
  const articleOrgs = (context.articleOrganizations ?? []).map((o) => o.toLowerCase());
  return {
    text,
    window: claimWindow(facts.dates, context, aboutIncidents),
    namesASpan: facts.dates.some((d) => d.source !== "article" && d.from !== d.to),
    organizations: ownOrgs.length ? ownOrgs : articleOrgs,
    organizationsFromArticle: ownOrgs.length === 0 && articleOrgs.length > 0,
    namedUnits: facts.organizations.filter((o) => isNamedUnit(text, o.text)).map((o) => o.name.toLowerCase()),
    services: facts.services.map((s) => s.name.toLowerCase()).filter((s) => namedInText(text, s)),
    regions: facts.regions.map((r) => r.name.toLowerCase()),
    causes,
    quantities: facts.quantities,
    assertsFullOutage: FULL_OUTAGE_WORDS.test(text) || (facts.assertsFullOutage && !OUTAGE_NOUN.test(text)),
    aboutIncidents,
    // A dated event ("began shortly before 8am on Tuesday 8 September") is about the incident, whatever else the sentence says.
    aboutPolicy: POLICY_WORDS.test(text.replace(TRAILING_CLAUSE, "")) && !(aboutIncidents && facts.dates.some((d) => d.source === "explicit") && INCIDENT_WORDS.test(text)),
    universal: /\b(?:all|every|each|none|always|never)\b/i.test(text) || facts.absolutes.some((a) => /^(?:all|every|each|none|never|always)$/i.test(a)),
    plural: /\b(?:outages|incidents|disruptions|failures|problems|them|they|string of|series of|several|multiple|repeated)\b/i.test(text),
    deniesIncidents: DENIES_INCIDENTS.test(text) || keptWorking !== null,
    keptWorking,
    superlative: superlativeOf(text),
    totals: /\b(?:in total|total(?:led|ling)?|combined|altogether|in all|cumulative|between them)\b/i.test(text),
    publishedDay: context.publishedAt ? context.publishedAt.slice(0, 10) : null,
    singleEvent: DEFINITE_EVENT.test(text) && !PLURAL_EVENTS.test(text) && !/\bone of\b/i.test(text),
  };
}

const UNIT_WORD = /\b(?:division|arm|unit|business|subsidiary|operation|operations|group|company|brand|team|department)\b/i;

/** "Alderwing Cargo", "the cloud division", "its payments arm": a mention that names a unit. */
function isNamedUnit(text: string, mention: string): boolean {
  if (/^[A-Z]/.test(mention) || UNIT_WORD.test(mention)) return true;
  const at = text.indexOf(mention);
  return at >= 0 && /^\s+(?:[\w-]+\s+)?(?:division|arm|unit|business|subsidiary|operations?|group|brand|team|department)\b/i.test(text.slice(at + mention.length, at + mention.length + 30));
}

/**
 * Whether the claim's own words name a service: one of the name's parts appears in the text
 * ("the app" names "mobile-app", "storage services" names "object-storage"). A service that
 * extraction mapped from a whole-product word ("the site" → "storefront") is not a scope the
 * claim narrows to: "the online store went down" speaks of every storefront-or-not incident.
 */
function namedInText(text: string, service: string): boolean {
  return service.split(/[^a-z0-9]+/).some((part) => part.length >= 3 && textMentions(text, part));
}

/** Whether a counted subject is incidents ("four times", "six outages"), not their impact ("thousands of parcels"). */
export function isIncidentSubject(subject: string | undefined): boolean {
  return !subject || /\b(?:outage|incident|time|disruption|failure|crash|problem|issue|occasion|error)s?\b/i.test(subject);
}

/**
 * The claim's own dates (their span), else the article's window when the claim speaks of
 * incidents without dating them ("One of the outages lasted more than six hours"). The
 * context's window wins over one extraction copied into the facts, so that a caller can
 * narrow it (to the event a claim refers back to).
 */
function claimWindow(dates: DateRange[], context: AnalysisContext, aboutIncidents: boolean): ClaimWindow | null {
  const own = dates.filter((d) => d.from && d.to && d.source !== "article");
  const article = context.articleWindow ?? dates.find((d) => d.source === "article");
  if (own.length && article && own.every((d) => isLooseRangeWithin(d, article))) {
    return { from: article.from, to: article.to, fromDay: epochDay(article.from), toDay: epochDay(article.to), source: "article", text: article.text };
  }
  if (own.length) {
    const from = own.map((d) => d.from).sort()[0];
    const to = own.map((d) => d.to).sort()[own.length - 1];
    const source = own.some((d) => d.source === "explicit") ? "explicit" : own[0].source;
    return { from, to, fromDay: epochDay(from), toDay: epochDay(to), source, text: own.map((d) => d.text).join(", ") };
  }
  if (article && aboutIncidents) {
    return { from: article.from, to: article.to, fromDay: epochDay(article.from), toDay: epochDay(article.to), source: "article", text: article.text };
  }
  return null;
}

/**
 * "This week" resolved to the calendar week, inside the article's window: the article's window
 * is the story's own account of that period (its lede said "between 5 and 11 March"), so a
 * claim's loose multi-day phrase is read as it. A single day ("on Tuesday") keeps its precision.
 */
function isLooseRangeWithin(d: DateRange, article: DateRange): boolean {
  return d.source === "relative" && d.from !== d.to && d.from >= article.from && d.to <= article.to;
}

/**
 * ", a service that inspects traffic for malicious requests", ", intended to improve the blocking
 * of ...,": a clause describing something the sentence names. A cause word there describes what
 * the thing is for, not what went wrong, unless the clause itself speaks of causes.
 */
const DESCRIPTIVE_CLAUSE =
  /,\s*(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?)?(?:that|which|who|whose|intended to|designed to|meant to|built to|used to)\b[^,;.]*/gi;

function descriptiveSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  DESCRIPTIVE_CLAUSE.lastIndex = 0;
  for (let m = DESCRIPTIVE_CLAUSE.exec(text); m; m = DESCRIPTIVE_CLAUSE.exec(text)) {
    if (!CAUSAL_WORDS.test(m[0])) spans.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) DESCRIPTIVE_CLAUSE.lastIndex += 1;
  }
  return spans;
}

/** Whether a cause phrase sits only inside descriptive clauses of the claim. */
function onlyDescribes(text: string, phrase: string, spans: [number, number][]): boolean {
  if (!spans.length) return false;
  let found = false;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    found = true;
    if (!spans.some(([a, b]) => at >= a && at + phrase.length <= b)) return false;
  }
  return found;
}

/** Tags whose one-word phrases ("network", "capacity", "release") are common outside causes. */
const BROAD_TAGS = new Set(["network", "deployment", "config_change", "capacity", "dependency_failure", "hardware"]);

function isBroadWord(m: { tag: string; phrase: string }): boolean {
  return BROAD_TAGS.has(m.tag) && !/[\s-]/.test(m.phrase.trim());
}

/**
 * Extraction's causes, else the cause phrases found in the claim text where the claim speaks of
 * causes at all (a bare "network" in "sites that use its network" names no cause); either way,
 * none that only describes something the sentence names.
 */
function claimCauses(claim: ClaimInput): AssertedCause[] {
  const spans = descriptiveSpans(claim.text);
  if (claim.facts.causes.length) return claim.facts.causes.filter((c) => !onlyDescribes(claim.text, c.text, spans));
  const seen = new Set<string>();
  const causes: AssertedCause[] = [];
  const speaksOfCauses = CAUSAL_WORDS.test(claim.text);
  for (const m of findCauseMentions(claim.text)) {
    if (seen.has(m.tag) || onlyDescribes(claim.text, m.phrase, spans)) continue;
    if (!speaksOfCauses && !m.negated && isBroadWord(m)) continue;
    seen.add(m.tag);
    const start = claim.text.indexOf(m.phrase);
    causes.push({ tag: m.tag, text: m.phrase, start, end: start + m.phrase.length, negated: m.negated });
  }
  return dropImpliedCauses(causes);
}

/** "AI-generated code" also reads as "AI tool"; keep the more specific tag only. */
function dropImpliedCauses(causes: AssertedCause[]): AssertedCause[] {
  const tags = new Set(causes.map((c) => c.tag));
  return causes.filter((c) => !(c.tag === "ai_assisted_tooling" && tags.has("ai_generated_code")));
}


/** Days between the record's span and the window; 0 when they overlap. */
export function daysOutside(window: ClaimWindow, facts: IncidentFacts): number {
  if (facts.endDayNumber < window.fromDay) return window.fromDay - facts.endDayNumber;
  if (facts.startDayNumber > window.toDay) return facts.startDayNumber - window.toDay;
  return 0;
}
