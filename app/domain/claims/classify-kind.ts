/**
 * The kind of a claim, which decides how evidence is weighed: a causal claim is checked
 * against root causes and contributing factors, a numeric one against durations and counts,
 * a scope claim against which organisations, services and regions were hit.
 */

import type { ClaimFacts, ClaimKind } from "./types";
import { hasCausalConnective, hasClockTime, isCompanyAction, isCompanyCommitment, isMeasured } from "./cues";
import { FULL_OUTAGE_PATTERN, IMPACT_PATTERN, OUTAGE_WORD_PATTERN, RECOVERY_PATTERN } from "./lexicon";

const ATTRIBUTION_KIND =
  /\b(?:confirmed|admitted|acknowledged|denied|disclosed|notified|informed|told (?:regulators|investors|staff|employees|customers|lawmakers))\b/i;
const SCOPE_WORDS = /\b(?:also|as well|too|across|nationwide|worldwide|global(?:ly)?|not affected|unaffected|were spared|continued to work|only)\b/i;

/** Tags that describe what happened to customers rather than why: "data was lost" is an impact. */
const IMPACT_TAGS = new Set(["data_loss"]);

/**
 * A cause the claim asserts or denies: not an impact tag, and not one it merely counts
 * ("the third cyberattack this year").
 */
function assertsCause(facts: ClaimFacts): boolean {
  return facts.causes.some((c) => !IMPACT_TAGS.has(c.tag) && !facts.quantities.some((q) => q.start <= c.start && c.end <= q.end));
}

/**
 * causal (a cause is asserted or denied) before numeric (a specific quantity) before temporal
 * (when something happened or was restored) before scope (which systems or customers were
 * hit) before attribution (what rests on someone's word: who admitted, denied or reported
 * what) before other (company policies and actions, background stated as fact).
 */
export function classifyKind(segment: { text: string }, facts: ClaimFacts): ClaimKind {
  const text = segment.text;
  if (assertsCause(facts) || hasCausalConnective(text)) return "causal";
  if (facts.quantities.some(isMeasured)) return "numeric";
  const impact = facts.assertsFullOutage || IMPACT_PATTERN.test(text);
  const ownTime = facts.dates.some((d) => d.source !== "article") || hasClockTime(text);
  if (hasClockTime(text) || (ownTime && RECOVERY_PATTERN.test(text))) return "temporal";
  const acts = isCompanyAction(text) || isCompanyCommitment(text);
  if (acts && !OUTAGE_WORD_PATTERN.test(text) && !FULL_OUTAGE_PATTERN.test(text)) return "other";
  const namesSystems = facts.organizations.length + facts.services.length + facts.regions.length > 0;
  const vagueAmount = facts.quantities.length > 0;
  if (impact && (namesSystems || vagueAmount || facts.absolutes.length > 0 || SCOPE_WORDS.test(text))) return "scope";
  if (ownTime && impact) return "temporal";
  if (ATTRIBUTION_KIND.test(text) || facts.attributions.length > 0) return "attribution";
  return impact ? "scope" : "other";
}
