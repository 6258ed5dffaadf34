/**
 * Sentence-level cues that scoring and classification share: does the sentence speak of
 * causes, report a company's act or commitment, give a clock time or a measured amount, or
 * quote someone directly.
 */

import type { Quantity } from "./types";
import {
  AFTER_EVENT_PATTERN,
  CAUSAL_PATTERN,
  COMPANY_ACTION_PATTERN,
  DAMAGE_VERB_PATTERN,
  LIVE_ENTRY_STAMP_PATTERN,
  OPENING_PHRASE_PATTERN,
  QUOTED_SPEECH_PATTERN,
  SPEECH_VERBS,
  TIME_OF_DAY_PATTERN,
  countWords,
} from "./lexicon";

const SPEAKER_TAG = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, "i");
const COMMITMENT_PATTERN =
  /\b(?:said|says|has said|announced|pledged|promised|confirmed|told [\w\s]{1,60}?)\s+(?:that\s+)?(?:it|the (?:company|bank|firm|airline|operator|group|retailer|insurer))\s+(?:would|will|plans to|planned to|intends to|is going to)\b/i;
const CLOCK_TIME = new RegExp(TIME_OF_DAY_PATTERN.source, "i");

/** Below this, a vague amount ("several", "a string of") is colour; from here ("thousands of") it is a magnitude to check. */
const MAGNITUDE = 100;

/** A number, or a vague amount with a magnitude ("tens of thousands of customers"): something to check against a record. */
export function isMeasured(q: Quantity): boolean {
  return !q.vague || ((q.kind === "customers" || q.kind === "count") && q.value >= MAGNITUDE);
}

/** A connective that asserts a cause: "caused", "was behind", "since the outages". */
export function hasCausalConnective(text: string): boolean {
  return CAUSAL_PATTERN.test(text);
}

/** Causal connectives plus "after an engineer deployed ...": the sentence tells a cause-and-effect story. */
export function hasCausalLanguage(text: string): boolean {
  return CAUSAL_PATTERN.test(text) || AFTER_EVENT_PATTERN.test(text);
}

/** Whether broad cause words ("network", "update") should be read as causes here. */
export function speaksOfCauses(text: string): boolean {
  return hasCausalLanguage(text) || DAMAGE_VERB_PATTERN.test(text);
}

/** "Meridian has pushed its engineers to ...", "The bank suspended all changes": a company's act, as fact. */
export function isCompanyAction(text: string): boolean {
  return COMPANY_ACTION_PATTERN.test(text.replace(LIVE_ENTRY_STAMP_PATTERN, "").replace(OPENING_PHRASE_PATTERN, ""));
}

/**
 * What the company says it will do ("Skyway said it would compensate customers", "Nimbus says
 * it will refund"): reported as fact and checkable later, so not speculation.
 */
export function isCompanyCommitment(text: string): boolean {
  return COMMITMENT_PATTERN.test(text);
}

/** "7.30 a.m.", "09:14 UTC", "overnight": a time of day, which dates alone do not capture. */
export function hasClockTime(text: string): boolean {
  return CLOCK_TIME.test(text);
}

/**
 * Direct speech: an apology, a reassurance or a reaction in someone's own words, alone or
 * with a speaker tag ("..., said one former engineer"). The article's checkable claims are in
 * its reporting, not in what a spokesperson is quoted saying.
 */
export function isDirectQuote(text: string): boolean {
  const quotes = [...text.matchAll(QUOTED_SPEECH_PATTERN)].map((m) => m[0]);
  if (quotes.length === 0) return false;
  const quoted = quotes.reduce((sum, q) => sum + q.length, 0);
  const rest = quotes.reduce((remaining, q) => remaining.replace(q, " "), text);
  const speakerTagOnly = SPEAKER_TAG.test(rest) && countWords(rest) <= 12;
  return speakerTagOnly || quoted >= text.length * 0.5;
}
