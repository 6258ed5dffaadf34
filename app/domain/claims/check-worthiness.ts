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
  OPINION_SOURCE_PATTERN,
  SPECULATION_PATTERN,
  WHOLE_SYSTEM_PATTERN,
  countWords,
  hasFiniteVerb,
} from "./lexicon";

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
const SUPERLATIVE = /\b(?:first|worst|longest|biggest|largest|only)\b[^.]{0,40}\b(?:since|ever|in (?:its|the company's) history|on record)\b/i;
const BOILERPLATE_CAP = 0.05;

/** The signals behind a score, for tests and for showing a reviewer why a sentence was picked. */
export function checkWorthinessSignals(segment: Pick<Segment, "text" | "role">, facts: ClaimFacts): WorthinessSignal[] {
  const text = segment.text;
  const signals: WorthinessSignal[] = [];
  const add = (name: string, weight: number, when: boolean) => {
    if (when) signals.push({ name, weight });
  };
  const specific = facts.quantities.some(isMeasured);

  add("statement", hasFiniteVerb(text) ? 0.15 : 0.05, true);
  add("specific quantity", 0.3, specific);
  add("vague quantity", 0.1, !specific && facts.quantities.length > 0);
  add("asserted cause", 0.4, facts.causes.length > 0);
  add("causal language", 0.25, facts.causes.length === 0 && hasCausalLanguage(text));
  const namesEntity = facts.organizations.length + facts.services.length + facts.regions.length > 0;
  add("names a system", 0.2, namesEntity);
  add("mentions a system", 0.1, !namesEntity && WHOLE_SYSTEM_PATTERN.test(text));
  add("time", 0.1, facts.dates.some((d) => d.source !== "article") || hasClockTime(text));
  add("absolute", 0.1, facts.absolutes.length > 0);
  add("sourced", 0.1, facts.attributions.length > 0);
  add("impact", 0.2, facts.assertsFullOutage || IMPACT_PATTERN.test(text));
  const superlative = SUPERLATIVE.test(text);
  // An incident named with a figure or a superlative ("the problem lasted two days") is a fact to check; named alone, it may be commentary.
  add("speaks of the incident", 0.15, (INCIDENT_REFERENCE.test(text) && (facts.quantities.length > 0 || superlative)) || SPARED.test(text));
  add("superlative", 0.15, superlative);
  const commitment = isCompanyCommitment(text);
  add("company action", 0.35, isCompanyAction(text) || commitment);

  add("speculation", -0.35, !commitment && (SPECULATION_PATTERN.test(text) || MODAL_MAY_PATTERN.test(text)));
  add("opinion", -0.35, OPINION_SOURCE_PATTERN.test(text));
  add("evaluation", -0.2, EVALUATIVE_PATTERN.test(text));
  add("background", -0.3, BACKGROUND_PATTERN.test(text));
  add("direct quote", -0.25, isDirectQuote(text));
  add("question", -0.3, /\?["”]?$/.test(text));
  add("fragment", -0.2, countWords(text) < 5);
  return signals;
}

/**
 * Scores a segment 0..1. `facts` defaults to the segment's own facts without a vocabulary;
 * pass the facts from {@link extractFacts} with the workspace vocabulary where you have them.
 */
export function scoreCheckWorthiness(
  segment: Pick<Segment, "text" | "role" | "start">,
  facts: ClaimFacts = extractFacts(segment.text, segment.start),
): number {
  if (segment.role === "dateline") return 0;
  const raw = checkWorthinessSignals(segment, facts).reduce((sum, s) => sum + s.weight, 0);
  let score = Math.min(1, Math.max(0, raw));
  if (BOILERPLATE_PATTERN.test(segment.text)) score = Math.min(score, BOILERPLATE_CAP);
  if (segment.role === "headline") score = Math.min(score, HEADLINE_CAP);
  return Math.round(score * 100) / 100;
}
