/**
 * The whole analysis for a list of extracted claims: rank each claim's pool, check its
 * assertions against the records that bear on it, and suggest a verdict, in the shape of the
 * `factdesk analyze` contract.
 */
import type { DateRange, ExtractedClaim } from "~/domain/claims/types";
import type { Incident } from "~/domain/incidents/types";
import { checkAssertions, isAboutASpan } from "./checks";
import { daysOutside, readClaim, refersToEarlierEvent, type ClaimReading } from "./claim-reading";
import { factsOf } from "./incident-facts";
import { MIN_SCORE, rankCandidates } from "./rank";
import { serviceMatches } from "./scope";
import { epochDay } from "./text";
import type { AnalysisContext, AnalyzedClaim, Candidate, PoolEntry } from "./types";
import { CLEAR_LEAD, draftLabel, suggestVerdict } from "./verdict";

/** Candidates scoring below this share of the best one are listed but not used as evidence. */
const EVIDENCE_RELATIVE = 0.5;

/**
 * Analyse each claim against the pool `poolFor` retrieves for it. Claims keep their order and
 * offsets; candidates carry no signals (the contract lists id, score and reasons).
 */
export function analyzeClaims(
  claims: ExtractedClaim[],
  context: AnalysisContext,
  poolFor: (claim: ExtractedClaim) => PoolEntry[],
): AnalyzedClaim[] {
  const pools = claims.map((claim) => poolFor(claim));
  const windowed = context.articleWindow ? context : { ...context, articleWindow: inferArticleWindow(claims) };
  const ctx = windowed.articleOrganizations?.length ? windowed : { ...windowed, articleOrganizations: inferFocus(claims, windowed, pools) };
  let event: ArticleEvent | null = null;
  return claims.map((claim, i) => {
    const pool = pools[i];
    const claimCtx = event && refersToEarlierEvent(claim) && sameService(claim, event.incident) ? { ...ctx, articleWindow: event.window } : ctx;
    // One reading of the claim, in its context, for ranking, checks and the verdict.
    const reading = readClaim(claim, claimCtx);
    const candidates = rankCandidates(claim, claimCtx, pool, reading);
    event = eventOf(reading, candidates, pool) ?? event;
    const matched = evidenceFor(reading, candidates, pool);
    const knownOrganizations = [...new Set(pool.flatMap((p) => (p.incident.organization ? [p.incident.organization] : [])))];
    const options = { reading, knownOrganizations, knownServices: claimCtx.knownServices };
    const checks = checkAssertions(claim, claimCtx, matched, { ...options, subjectId: candidates[0]?.incidentId });
    // A runner-up close to the best record may be the event the claim means: what would it say?
    const [top, second] = candidates;
    const alternative = top && second && top.score - second.score < CLEAR_LEAD
      ? draftLabel(claim, checkAssertions(claim, claimCtx, matched, { ...options, subjectId: second.incidentId }), [second, top, ...candidates.slice(2)], reading)
      : undefined;
    return {
      text: claim.text,
      start: claim.start,
      end: claim.end,
      checkWorthiness: claim.checkWorthiness,
      kind: claim.kind,
      candidates: candidates.map(({ incidentId, score, reasons }) => ({ incidentId, score, reasons })),
      checks,
      verdict: suggestVerdict(claim, checks, candidates, { alternative, aboutASpan: !reading.singleEvent && isAboutASpan(reading), reading }),
    };
  });
}

/** An event window is at most this many days: "the outage" refers back to an incident, not a month. */
const EVENT_MAX_DAYS = 3;

interface ArticleEvent {
  window: DateRange;
  incident: Incident;
}

/**
 * The event a claim established, for later claims that refer back to it ("The disruption
 * lasted almost seven hours"): the claim's own short window, when its best record lies in it.
 */
function eventOf(reading: ClaimReading, candidates: Candidate[], pool: PoolEntry[]): ArticleEvent | null {
  const window = reading.window;
  if (!window || window.source === "article" || window.toDay - window.fromDay >= EVENT_MAX_DAYS) return null;
  const top = candidates[0];
  const incident = top && top.score >= MIN_SCORE && top.signals.time === 1 ? pool.find((p) => p.incident.id === top.incidentId)?.incident : undefined;
  if (!incident) return null;
  return { window: { from: window.from, to: window.to, source: "relative", text: window.text, start: 0, end: 0 }, incident };
}

/** A claim naming a service refers back to the event only if the event's record has it. */
function sameService(claim: ExtractedClaim, incident: Incident): boolean {
  const named = claim.facts.services.map((s) => s.name);
  return !named.length || named.some((s) => serviceMatches(s, incident.services ?? []));
}

/** Dates spanning more than this are background ("this year"), not the story's window. */
const STORY_MAX_DAYS = 31;

/**
 * The article's window when the caller has none: the span of the short ranges and days its
 * claims name themselves ("between 5 and 11 March", "on 15 May"), when that span is short.
 * Exported so that the database layer can retrieve by it before ranking.
 */
export function inferArticleWindow(claims: ExtractedClaim[]): DateRange | undefined {
  const dated = claims.flatMap((c) => c.facts.dates).filter((d) => d.source !== "article" && epochDay(d.to) - epochDay(d.from) <= STORY_MAX_DAYS);
  if (!dated.length) return undefined;
  const from = dated.map((d) => d.from).sort()[0];
  const to = dated.map((d) => d.to).sort()[dated.length - 1];
  if (epochDay(to) - epochDay(from) > STORY_MAX_DAYS) return undefined;
  return { from, to, source: "article", text: dated[0].text, start: dated[0].start, end: dated[0].end };
}

/** A focus organisation needs this share of the claims' best records. */
const FOCUS_SHARE = 0.6;

/**
 * The organisation an article is about, when the caller did not say: the one that holds the
 * best record of most claims that name no organisation themselves. Returns undefined unless
 * one clearly dominates, so a mixed article keeps every organisation in play.
 */
function inferFocus(claims: ExtractedClaim[], context: AnalysisContext, pools: PoolEntry[][]): string[] | undefined {
  const votes = new Map<string, number>();
  let voters = 0;
  claims.forEach((claim, i) => {
    const known = new Set(pools[i].map((p) => p.incident.organization?.toLowerCase()));
    if (claim.facts.organizations.some((o) => known.has(o.name.toLowerCase()))) return;
    const top = rankCandidates(claim, context, pools[i])[0];
    const org = top && pools[i].find((p) => p.incident.id === top.incidentId)?.incident.organization?.toLowerCase();
    if (!org) return;
    voters += 1;
    votes.set(org, (votes.get(org) ?? 0) + 1);
  });
  const [best, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [];
  return best && voters >= 2 && count / voters >= FOCUS_SHARE ? [best] : undefined;
}

/**
 * The records the checks compute over: every pooled record in the claim's window (counts need
 * all of them, not the top ten), plus the candidates close to the best one; for "the longest
 * ever", the whole pool, since the event is measured against the record.
 */
function evidenceFor(reading: ClaimReading, ranked: Candidate[], pool: PoolEntry[]): Incident[] {
  const candidates = ranked.filter((c) => c.score >= MIN_SCORE);
  if (!candidates.length) return [];
  const window = reading.window;
  const best = candidates[0].score;
  const close = new Set(candidates.filter((c) => c.score >= best * EVIDENCE_RELATIVE).map((c) => c.incidentId));
  if (reading.superlative) return pool.map((p) => p.incident);
  return pool
    .map((p) => p.incident)
    .filter((i) => close.has(i.id) || (window !== null && daysOutside(window, factsOf(i)) === 0));
}
