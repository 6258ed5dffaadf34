/**
 * Ranking a claim's candidate pool. Each record gets five signals (text, cause, time, scope,
 * quantity), each in 0..1 or null where the claim gives nothing to compare. The non-time
 * signals are averaged by weight into a relevance; where the claim has a window, being in it
 * counts for a little over half the score (and breaks ties), because a claim about "this week" is about that week's records
 * first (a perfect match from last month is a near miss, not the evidence).
 */
import { tagsRelated, tagWeight } from "./causes";
import { daysOutside, readClaim, type ClaimReading, type ClaimWindow } from "./claim-reading";
import { closeness } from "./compare";
import { factsOf, type IncidentFacts } from "./incident-facts";
import { organizationMatches, regionMatches, serviceMatches } from "./scope";
import { epochDay, formatMinutes, formatNumber, formatRange, plural, textMentions, tokenize } from "./text";
import type { AnalysisContext, Candidate, CandidateSignals, ClaimInput, PoolEntry } from "./types";

const MAX_CANDIDATES = 10;
/** Below this a record does not bear on the claim: it is shown as a weak match, never used as evidence. */
export const MIN_SCORE = 0.2;
/** How many weak matches a claim with no better candidate is shown. */
const WEAK_CANDIDATES = 3;
/** Nor does one far below the best record. */
const MIN_RELATIVE = 0.3;

const WEIGHTS = { text: 0.35, cause: 0.3, scope: 0.25, quantity: 0.3 } as const;
const WINDOW_WEIGHT = 0.55;
const RECENCY_WEIGHT = 0.25;

interface ScopeTerms {
  organizations: string[];
  organizationWeight: number;
  services: string[];
  regions: string[];
}

/**
 * Rank the records the database retrieved for a claim, best first, at most 10, dropping those
 * with negligible score. Where nothing bears on the claim (a policy claim with no matching
 * action item, a claim that is not about incidents, or only faint matches) but the pool holds
 * records, the closest few are returned as weak matches, scored below MIN_SCORE: a person sees
 * what is nearest, and the checks do not use them as evidence.
 */
export function rankCandidates(claim: ClaimInput, context: AnalysisContext, pool: PoolEntry[], read?: ClaimReading): Candidate[] {
  const reading = read ?? readClaim(claim, context);
  const maxText = pool.reduce((m, p) => Math.max(m, p.textScore), 0);
  const scope = scopeTerms(reading, pool);
  const scoreAll = () => penaliseOutOfScope(scope, pool.map((entry) => scoreEntry(reading, scope, entry, maxText)));
  if (!reading.aboutIncidents || reading.aboutPolicy) {
    const byAction = rankByActionItems(claim, pool);
    return byAction.length ? byAction : weakMatches(scoreAll());
  }
  const scored = scoreAll();
  const kept = keepBest(scored);
  return kept.length ? kept : weakMatches(scored);
}

/** The closest records of a pool where none bears on the claim, each scored below MIN_SCORE. */
function weakMatches(scored: Candidate[]): Candidate[] {
  const sorted = [...scored].sort((a, b) => b.score - a.score || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
  return sorted.slice(0, WEAK_CANDIDATES).map((c) => ({
    ...c,
    score: round(Math.min(c.score, MIN_SCORE - 0.01) * 0.9),
    reasons: [...c.reasons, "weak match: no record clearly bears on the claim"],
  }));
}

/**
 * Where the scope the claim speaks of has records in its window, those records are its
 * subject, and a record outside that scope (the same cause in another division) is a near
 * miss. Where the scope has none there, the window's records are the evidence (the claim got
 * the scope wrong), so nothing is penalised.
 */
function penaliseOutOfScope(scope: ScopeTerms, scored: Candidate[]): Candidate[] {
  const inScope = (c: Candidate) => c.signals.scope !== null && c.signals.scope >= 0.75;
  const subjectInWindow = scored.some((c) => inScope(c) && c.signals.time === 1);
  if (!subjectInWindow) return scored;
  const factor = scope.organizationWeight < 1 && !scope.services.length && !scope.regions.length ? 0.85 : 0.7;
  return scored.map((c) =>
    c.signals.scope !== null && c.signals.scope < 0.5
      ? { ...c, score: round(c.score * factor), reasons: [...c.reasons, "outside the scope the claim speaks of"] }
      : c,
  );
}

/** Scores to three decimals: enough to order by, short in JSON. */
function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function keepBest(scored: Candidate[]): Candidate[] {
  scored.sort((a, b) => b.score - a.score || (b.signals.time ?? 0) - (a.signals.time ?? 0) || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
  const best = scored[0]?.score ?? 0;
  return scored.filter((c) => c.score >= MIN_SCORE && c.score >= best * MIN_RELATIVE).slice(0, MAX_CANDIDATES);
}

function scoreEntry(reading: ClaimReading, scope: ScopeTerms, entry: PoolEntry, maxText: number): Candidate {
  const facts = factsOf(entry.incident);
  const reasons: string[] = [];
  const text = maxText > 0 ? entry.textScore / maxText : 0;
  if (text >= 0.5) reasons.push(`text matches the claim (${Math.round(text * 100)}% of the best match)`);
  const signals: CandidateSignals = {
    text,
    cause: causeSignal(reading, facts, reasons),
    time: timeSignal(reading, facts, reasons),
    scope: scopeSignal(scope, facts, reasons),
    quantity: quantitySignal(reading, facts, reasons),
  };
  return { incidentId: entry.incident.id, score: combine(reading, signals, facts), signals, reasons };
}

function combine(reading: ClaimReading, signals: CandidateSignals, facts: IncidentFacts): number {
  let sum = 0;
  let weight = 0;
  for (const key of ["text", "cause", "scope", "quantity"] as const) {
    const value = signals[key];
    if (value === null) continue;
    sum += value * WEIGHTS[key];
    weight += WEIGHTS[key];
  }
  const relevance = weight ? sum / weight : 0;
  let score = relevance;
  if (signals.time !== null) {
    const timeWeight = reading.window ? WINDOW_WEIGHT : RECENCY_WEIGHT;
    score = timeWeight * signals.time + (1 - timeWeight) * relevance;
  }
  if (reading.publishedDay && facts.startDay > reading.publishedDay) score *= 0.3;
  return round(Math.min(1, Math.max(0, score)));
}

/** Asserted causes against recorded tags and prose; denials count as bearing on the claim. */
function causeSignal(reading: ClaimReading, facts: IncidentFacts, reasons: string[]): number | null {
  if (!reading.causes.length) return null;
  let sum = 0;
  let weight = 0;
  for (const cause of reading.causes) {
    const w = tagWeight(cause.tag);
    sum += w * causeMatch(cause.tag, cause.text, facts, reasons);
    weight += w;
  }
  return sum / weight;
}

function causeMatch(tag: string, phrase: string, facts: IncidentFacts, reasons: string[]): number {
  if (facts.tags.includes(tag)) {
    reasons.push(`tag ${tag} matches '${phrase}'`);
    return 1;
  }
  if (facts.denies(tag)) {
    reasons.push(`root cause rules out '${phrase}'`);
    return 0.8;
  }
  const related = facts.tags.find((t) => tagsRelated(t, tag));
  if (related) {
    reasons.push(`tag ${related} is close to '${phrase}'`);
    return 0.6;
  }
  if (facts.mentions(tag)) {
    reasons.push(`root cause mentions '${phrase}'`);
    return 0.6;
  }
  return 0;
}

/** Inside the window 1; outside, decaying with each day (faster for explicit dates). */
function timeSignal(reading: ClaimReading, facts: IncidentFacts, reasons: string[]): number | null {
  const window = reading.window;
  if (!window) return recencySignal(reading, facts, reasons);
  const gap = daysOutside(window, facts);
  const label = window.source === "article" ? "the article's window" : "the reported window";
  if (gap === 0) {
    reasons.push(`within ${label} ${windowRange(window)}`);
    return 1;
  }
  const side = facts.startDay < window.from ? "before" : "after";
  const verb = side === "before" ? "ends" : "starts";
  reasons.push(`${verb} ${plural(Math.abs(gap), "day")} ${side} ${label}`);
  const decay = window.source === "explicit" ? 0.5 : 0.65;
  return 0.6 * decay ** Math.abs(gap);
}

const ranges = new WeakMap<ClaimWindow, string>();

/** "5–11 Mar 2026", formatted once per claim window. */
function windowRange(window: ClaimWindow): string {
  let text = ranges.get(window);
  if (text === undefined) {
    text = formatRange(window.from, window.to);
    ranges.set(window, text);
  }
  return text;
}

/** Without a window: records shortly before publication are likelier subjects than old ones. */
function recencySignal(reading: ClaimReading, facts: IncidentFacts, reasons: string[]): number | null {
  if (!reading.publishedDay || !reading.aboutIncidents) return null;
  const age = epochDay(reading.publishedDay) - facts.startDayNumber;
  if (age < 0) {
    reasons.push("started after the article was published");
    return 0;
  }
  if (age <= 14) reasons.push(`${plural(age, "day")} before publication`);
  return age <= 14 ? 1 : Math.max(0, 1 - (age - 14) / 90);
}

/**
 * Claim-level scope terms: what extraction found plus pool names the claim text mentions.
 * A claimed organisation no pooled record belongs to (the company's own name) is dropped.
 */
function scopeTerms(reading: ClaimReading, pool: PoolEntry[]): ScopeTerms {
  const namesOwn = reading.services.length > 0 || reading.regions.length > 0;
  const orgs = new Set(reading.organizationsFromArticle && namesOwn ? [] : reading.organizations);
  const services = new Set(reading.services);
  const regions = new Set(reading.regions);
  const poolOrgs = new Set<string>();
  const poolServices = new Set<string>();
  const poolRegions = new Set<string>();
  for (const { incident } of pool) {
    const facts = factsOf(incident);
    if (facts.organization) poolOrgs.add(facts.organization);
    for (const s of facts.services) poolServices.add(s);
    for (const r of facts.regions) poolRegions.add(r);
  }
  for (const o of [...orgs]) if (![...poolOrgs].some((p) => organizationMatches(o, p))) orgs.delete(o);
  for (const o of poolOrgs) if (textMentions(reading.text, o)) orgs.add(o);
  for (const s of poolServices) if (s.length >= 4 && textMentions(reading.text, s)) services.add(s);
  for (const r of poolRegions) if (textMentions(reading.text, r)) regions.add(r);
  const ownOrgs = !reading.organizationsFromArticle || namesOwn || [...orgs].some((o) => !reading.organizations.includes(o));
  return {
    organizations: [...orgs],
    organizationWeight: ownOrgs ? 1 : 0.5,
    services: [...services],
    regions: [...regions],
  };
}

function scopeSignal(scope: ScopeTerms, facts: IncidentFacts, reasons: string[]): number | null {
  let sum = 0;
  let weight = 0;
  if (scope.organizations.length) {
    const org = facts.organization;
    const match = org ? scope.organizations.some((o) => organizationMatches(o, org)) : null;
    if (org && !match) reasons.push(`organization ${org}, not ${scope.organizations.join(" or ")}`);
    if (org && match) reasons.push(`organization ${org} as in the claim`);
    sum += scope.organizationWeight * (match === null ? 0.5 : match ? 1 : 0);
    weight += scope.organizationWeight;
  }
  if (scope.services.length) {
    const named = scope.services.find((s) => serviceMatches(s, facts.services));
    if (named) reasons.push(`service ${facts.services.find((s) => serviceMatches(named, [s]))} named in the claim`);
    sum += named ? 1 : 0;
    weight += 1;
  }
  if (scope.regions.length) {
    const named = facts.regions.find((r) => scope.regions.some((c) => regionMatches(c, r)));
    if (named) reasons.push(`region ${named} named in the claim`);
    sum += (named ? 1 : facts.regions.length ? 0 : 0.5) * 0.7;
    weight += 0.7;
  }
  return weight ? sum / weight : null;
}

/** How close the record's duration or customer count comes to what the claim says. */
function quantitySignal(reading: ClaimReading, facts: IncidentFacts, reasons: string[]): number | null {
  const values: number[] = [];
  for (const q of reading.quantities) {
    if (q.kind === "duration" && facts.durationMinutes !== null && !reading.totals) {
      const v = closeness(facts.durationMinutes, q.value, q.comparator);
      values.push(v);
      reasons.push(`lasted ${formatMinutes(facts.durationMinutes)}, the claim says ${q.text}`);
    } else if (q.kind === "customers" && facts.incident.customersAffected !== undefined && !reading.totals) {
      values.push(closeness(facts.incident.customersAffected, q.value, q.comparator));
      reasons.push(`${formatNumber(facts.incident.customersAffected)} customers affected, the claim says ${q.text}`);
    } else if (q.kind === "percentage" && facts.percentages.length) {
      const best = Math.max(...facts.percentages.map((p) => closeness(p, q.value, q.comparator === "eq" ? "approx" : q.comparator)));
      values.push(best);
      reasons.push(`impact gives ${facts.percentages.map((p) => `${p}%`).join(", ")}, the claim says ${q.text}`);
    }
  }
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Words every policy claim and action item share, which say nothing about which policy. */
const ACTION_STOP = /^(?:company|engin|staff|team|work|tool|sinc|outag|incident|customer)$/;

/**
 * Policy claims ("has introduced approval requirements for AI tools") bear on a record only
 * through a follow-up action that says the same thing.
 */
function rankByActionItems(claim: ClaimInput, pool: PoolEntry[]): Candidate[] {
  const claimTokens = new Set(tokensOf(claim.text));
  const candidates: Candidate[] = [];
  for (const { incident } of pool) {
    for (const item of incident.actionItems ?? []) {
      const shared = [...new Set(tokensOf(item.text))].filter((t) => claimTokens.has(t));
      if (shared.length < 3) continue;
      const score = Math.min(1, shared.length / Math.max(4, claimTokens.size * 0.6));
      candidates.push({
        incidentId: incident.id,
        score: round(score),
        signals: { text: score, cause: null, time: null, scope: null, quantity: null },
        reasons: [`action item '${item.text}' (${item.status})`],
      });
      break;
    }
  }
  return keepBest(candidates);
}

function tokensOf(text: string): string[] {
  return tokenize(text).filter((w) => w.length > 3 && !ACTION_STOP.test(w));
}
