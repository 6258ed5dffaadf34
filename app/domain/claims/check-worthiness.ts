/**
 * How much a segment is worth checking, 0..1, from transparent signals: what it asserts
 * (quantities, causes, affected systems, dates, company actions) against what makes a sentence
 * colour rather than claim (speculation, opinion, meetings and background, boilerplate).
 * Headlines score low: they restate the body, where the checkable version of the claim is.
 */

import type { ClaimFacts } from "./types";
import type { Segment } from "./segments";
import { hasCausalLanguage, hasClockTime, isCompanyAction, isDirectQuote, isMeasured, isCompanyCommitment } from "./cues";
import { extractFacts } from "./extract-facts";
import {
  BACKGROUND_PATTERN,
  BOILERPLATE_PATTERN,
  EVALUATIVE_PATTERN,
  IMPACT_PATTERN,
  MODAL_MAY_PATTERN,
  ABOUT_THE_RECORD_PATTERN,
  GENERIC_MODAL_PATTERN,
  INCIDENT_NARRATIVE_PATTERN,
  NEWSROOM_PATTERN,
  NON_HEDGING_WOULD_PATTERN,
  REACH_EXTENSION_PATTERN,
  LIVE_ENTRY_STAMP_PATTERN,
  TIMED_EVENT_PATTERN,
  OPINION_SOURCE_PATTERN,
  RECORD_SOURCE_PATTERN,
  REPORTED_CLAIM_PATTERN,
  SPECULATION_PATTERN,
  WHOLE_SYSTEM_PATTERN,
  countWords,
  hasFiniteVerb,
} from "./lexicon";

/** What the neighbouring text tells about a segment. */
export interface WorthinessContext {
  /** The segment is a quotation that goes on quoting the record the previous sentence of its paragraph cited. */
  continuesRecordQuote?: boolean;
}

export interface WorthinessSignal {
  name: string;
  weight: number;
}

const HEADLINE_CAP = 0.35;

/** "The problem lasted two days", "the first serious incident": the sentence speaks of an incident itself. */
const INCIDENT_REFERENCE = /\b(?:the|this|that|an?|its|first|second|third|latest|serious|major)\s+(?:\w+\s+)?(?:problem|outage|incident|glitch|failure|disruption|breach|crash|fault|blackout)s?\b/i;
/** "Business accounts were not affected": a claim about an incident's reach. */
const SPARED = /\b(?:was|were|remained)\s+(?:not|n't|never)\s+(?:affected|impacted|hit|disrupted)\b|\bunaffected\b/i;
/** "the first serious incident since it launched", "the worst outage in its history". */
const SUPERLATIVE = /\b(?:first|worst|longest|biggest|largest|only)\b[^.]{0,40}\b(?:since|ever|in (?:its|the company's) history|on record)\b|\bamong the (?:worst|hardest|most badly) (?:hit|affected)\b/i;
/** "The regulator is looking into the outage": an official's action, reported as fact. */
const REGULATOR_ACTION = /\b(?:[Rr]egulators?|[Ww]atchdogs?|[Oo]mbudsman|[Cc]ommission|[Aa]uthorit(?:y|ies)|[A-Z]{2,6})\b[^.]{0,40}\b(?:investigat\w*|looking into|look into|prob(?:e|es|ing)|examin\w*|fined|opened an? (?:inquiry|investigation)|asked (?:the|it|its) [\w\s]{0,20}?for|demanded|summoned|wrote to)\b/;
const BOILERPLATE_CAP = 0.05;
/** "doubled", "three times higher": a comparison that is a figure to check. */
const MULTIPLIER = /\b(?:doubled?|tripled?|quadrupled?|twice as|(?:two|three|four|five|ten|\d+) times (?:as|more|higher|larger|longer|bigger|the)|halved)\b/i;
/** "went down again", "for the second time": the claim counts occurrences. */
const RECURRENCE = /\b(?:again|once more|for the (?:second|third|fourth|fifth) time)\b/i;
/** Talking to the reader ("you weren't alone", "there's a good chance you ..."): colour, not a claim. */
const READER_ADDRESS = /\b(?:you|your|you're|you've)\b/i;
/** A leading "if you ...," clause, which may frame a factual main clause. */
const LEADING_IF = /^(?:and\s+|but\s+|so\s+)?if\b[^,]{0,120},\s*/i;
/**
 * Clauses at the edge of a sentence that comment on its main clause: ", so the warning signs were
 * arguably there", ", which would make it ...", ", judging by the furious posts", ", prompting ...".
 */
const TRAILING_COMMENT = /,\s+(?:so|which|prompting|judging|though|although|while|sparking|fuelling|fueling|raising|adding to|according to|a \w+ that)\b.*$/i;
/** Places named in passing ("in Seattle and Portland"), when no vocabulary names them. */
const PLACE = /\b(?:in|across|throughout|to)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An)\b)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?:(?:,\s*|\s+and\s+)[A-Z][a-z]+)*/;

/** The sentence without the clauses that frame or comment on it: where hedges and judgements count fully. */
function coreOf(text: string): string {
  return text.replace(LEADING_IF, "").replace(TRAILING_COMMENT, "");
}

/** A negative cue weighs in full in the sentence's core, and half when only a framing clause carries it. */
function scoped(weight: number, pattern: (t: string) => boolean, core: string): number {
  return pattern(core) ? weight : weight / 2;
}

/** The signals behind a score, for tests and for showing a reviewer why a sentence was picked. */
export function checkWorthinessSignals(segment: Pick<Segment, "text" | "role">, facts: ClaimFacts, context: WorthinessContext = {}): WorthinessSignal[] {
  const text = segment.text;
  const signals: WorthinessSignal[] = [];
  const add = (name: string, weight: number, when: boolean) => {
    if (when) signals.push({ name, weight });
  };
  const specific = facts.quantities.some(isMeasured);

  const core = coreOf(text);
  add("statement", hasFiniteVerb(text) ? 0.15 : 0.05, true);
  add("specific quantity", 0.3, specific);
  add("vague quantity", 0.1, !specific && facts.quantities.length > 0);
  add("asserted cause", 0.4, facts.causes.length > 0);
  add("causal language", 0.25, facts.causes.length === 0 && hasCausalLanguage(text));
  const namesEntity = facts.organizations.length + facts.services.length + facts.regions.length > 0;
  add("names a system", 0.2, namesEntity);
  add("mentions a system", 0.1, !namesEntity && WHOLE_SYSTEM_PATTERN.test(text));
  add("names a place", 0.1, !namesEntity && PLACE.test(text));
  add("comparison figure", 0.2, !specific && MULTIPLIER.test(text));
  add("recurrence", 0.1, RECURRENCE.test(core));
  add("official action", 0.2, REGULATOR_ACTION.test(text));
  add("time", 0.1, facts.dates.some((d) => d.source !== "article") || hasClockTime(text));
  // A step of the incident placed at a time of day (not the live blog's entry stamp) is a timeline fact.
  add("timed event", 0.15, hasClockTime(text.replace(LIVE_ENTRY_STAMP_PATTERN, "")) && TIMED_EVENT_PATTERN.test(core));
  add("absolute", 0.1, facts.absolutes.length > 0);
  add("sourced", 0.1, facts.attributions.length > 0);
  add("impact", 0.2, facts.assertsFullOutage || IMPACT_PATTERN.test(text));
  const superlative = SUPERLATIVE.test(text);
  // An incident named with a figure or a superlative ("the problem lasted two days") is a fact to check; named alone, it may be commentary.
  // ... and so is what it did to someone or somewhere ("the fault hit both gas and electricity customers").
  const reference = INCIDENT_REFERENCE.exec(text);
  const saysWhatItDid = reference !== null && (IMPACT_PATTERN.test(text.replace(reference[0], " ")) || facts.regions.length > 0 || /\b(?:hit|spread|affected|reached)\b/i.test(text));
  add("speaks of the incident", 0.15, (reference !== null && (facts.quantities.length > 0 || superlative || saysWhatItDid)) || SPARED.test(text));
  add("superlative", 0.15, superlative);
  const commitment = isCompanyCommitment(text);
  add("company action", 0.35, isCompanyAction(text) || commitment);
  // What the incident's own record says, and what an operator or a system did, are the facts a
  // fact-checker checks first; a claim reported as someone's claim is checked for what it claims.
  const fromRecord = RECORD_SOURCE_PATTERN.test(text) || context.continuesRecordQuote === true;
  add("cites the record", 0.25, fromRecord);
  add("incident narrative", 0.2, INCIDENT_NARRATIVE_PATTERN.test(core));
  const reported = REPORTED_CLAIM_PATTERN.test(text);
  add("reported claim", 0.25, reported);
  add("widens the reach", 0.1, REACH_EXTENSION_PATTERN.test(core));

  const speculative = (t: string) => {
    const hedged = t.replace(NON_HEDGING_WOULD_PATTERN, " ");
    return SPECULATION_PATTERN.test(hedged) || MODAL_MAY_PATTERN.test(hedged);
  };
  add("speculation", scoped(-0.35, speculative, core), !commitment && speculative(text));
  add("opinion", scoped(-0.35, (t) => OPINION_SOURCE_PATTERN.test(t), core), OPINION_SOURCE_PATTERN.test(text));
  add("evaluation", scoped(-0.2, (t) => EVALUATIVE_PATTERN.test(t), core), EVALUATIVE_PATTERN.test(text));
  add("addresses the reader", -0.35, READER_ADDRESS.test(text.replace(LEADING_IF, "")) || /\b(?:there's|there is) a (?:good|decent|fair|strong) chance\b/i.test(text));
  add("background", -0.3, BACKGROUND_PATTERN.test(text));
  add("about the record", -0.3, ABOUT_THE_RECORD_PATTERN.test(core));
  add("newsroom", -0.35, NEWSROOM_PATTERN.test(text));
  add("general truth", -0.2, GENERIC_MODAL_PATTERN.test(core));
  add("direct quote", -0.25, !fromRecord && isDirectQuote(text));
  add("question", -0.3, /\?["”]?$/.test(text));
  add("fragment", -0.2, countWords(text) < 5);
  add("list item without a verb", -0.2, segment.role === "list-item" && !hasFiniteVerb(text) && countWords(text) >= 5);
  return signals;
}

/**
 * Scores a segment 0..1. `facts` defaults to the segment's own facts without a vocabulary;
 * pass the facts from {@link extractFacts} with the workspace vocabulary where you have them.
 */
export function scoreCheckWorthiness(
  segment: Pick<Segment, "text" | "role" | "start">,
  facts: ClaimFacts = extractFacts(segment.text, segment.start),
  context: WorthinessContext = {},
): number {
  if (segment.role === "dateline") return 0;
  const raw = checkWorthinessSignals(segment, facts, context).reduce((sum, s) => sum + s.weight, 0);
  let score = Math.min(1, Math.max(0, raw));
  if (BOILERPLATE_PATTERN.test(segment.text)) score = Math.min(score, BOILERPLATE_CAP);
  if (segment.role === "headline") score = Math.min(score, HEADLINE_CAP);
  return Math.round(score * 100) / 100;
}
