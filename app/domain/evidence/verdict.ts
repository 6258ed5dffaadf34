/**
 * From checks to a suggested verdict and a basis a lawyer can read. Contradicted figures, scope
 * or cause make a claim inaccurate; a claim whose figures hold but whose picture does not (a
 * string of feature failures told as the site "going down", one cause in four told as the cause)
 * is misleading; one the records cannot settle is unverifiable.
 */
import { readClaim } from "./claim-reading";
import type { AssertionCheck, Candidate, ClaimInput, Verdict } from "./types";

/** Aspects whose contradiction makes the claim false, in the order a basis names them. */
const FACT_ASPECTS = ["scope", "cause", "duration", "count", "customers"] as const;

/**
 * Suggest a verdict from the checks. `candidates` only colours the basis of an unverifiable
 * verdict (whether any record bore on the claim at all).
 */
export function suggestVerdict(claim: ClaimInput, checks: AssertionCheck[], candidates: Candidate[]): Verdict {
  const decided = checks.filter((c) => c.status !== "unknown");
  if (!decided.length) return unverifiable(claim, checks, candidates);
  const contradicted = sortByAspect(decided.filter((c) => c.status === "contradicted" && c.aspect !== "outage"));
  if (contradicted.length) return { suggested: "inaccurate", basis: basisOf(contradicted) };
  const outage = decided.find((c) => c.aspect === "outage" && c.status === "contradicted");
  const supported = sortByAspect(decided.filter((c) => c.status === "supported"), LETTER_ASPECTS);
  if (outage) {
    const letter = supported[0];
    const basis = letter ? `${sentence(letter.recorded)}, but ${asFollowUp(outage.recorded)}.` : `${sentence(outage.recorded)}.`;
    return { suggested: "misleading", basis };
  }
  const partial = sortByAspect(decided.filter((c) => c.status === "partial"));
  if (partial.length) return { suggested: "misleading", basis: `Only ${partial[0].recorded}; the claim says ${partial[0].claimed} without that qualification.` };
  return { suggested: "accurate", basis: basisOf(withoutRepeats(supported)) };
}

/** Where a claim holds, its figures say more than its scope. */
const LETTER_ASPECTS = ["count", "duration", "customers", "cause", "scope"] as const;

function sortByAspect(checks: AssertionCheck[], aspects: readonly string[] = FACT_ASPECTS): AssertionCheck[] {
  const order = (c: AssertionCheck) => {
    const i = aspects.indexOf(c.aspect);
    return i < 0 ? aspects.length : i;
  };
  return [...checks].sort((a, b) => order(a) - order(b));
}

/** After "4 incidents between ...", the outage finding need not repeat the window. */
function asFollowUp(recorded: string): string {
  return recorded.replace(/^none of the \d+ incidents .*? took/, "none of them took").replace(/^the incident .*? did not take/, "it did not take");
}

/** Up to two checks as sentences: "The claim says X; the records show Y." */
function basisOf(checks: AssertionCheck[]): string {
  return checks
    .slice(0, 2)
    .map((c) => `${sentence(c.recorded)} (the claim says '${c.claimed}').`)
    .join(" ");
}

/** Drop a check whose records another, earlier check already lists. */
function withoutRepeats(checks: AssertionCheck[]): AssertionCheck[] {
  const seen: string[] = [];
  return checks.filter((c) => {
    const key = [...c.incidentIds].sort().join(",");
    if (key && seen.includes(key)) return false;
    seen.push(key);
    return true;
  });
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function unverifiable(claim: ClaimInput, checks: AssertionCheck[], candidates: Candidate[]): Verdict {
  const reading = readClaim(claim, {});
  if (reading.aboutPolicy || !reading.aboutIncidents) {
    const action = candidates[0]?.reasons.find((r) => r.startsWith("action item"));
    const basis = action
      ? `This is a claim about the company's decisions or policy; the closest record is ${candidates[0].incidentId}, with ${action}, which neither confirms nor refutes it.`
      : "This is a claim about the company's decisions, policy or intentions; no incident record bears on it.";
    return { suggested: "unverifiable", basis };
  }
  const unknown = checks[0];
  if (unknown) return { suggested: "unverifiable", basis: `The records cannot settle '${unknown.claimed}': ${unknown.recorded}.` };
  const top = candidates.slice(0, 3).map((c) => c.incidentId);
  return {
    suggested: "unverifiable",
    basis: top.length
      ? `The related records (${top.join(", ")}) do not state the figures or causes the claim asserts.`
      : "No incident record bears on the claim.",
  };
}
