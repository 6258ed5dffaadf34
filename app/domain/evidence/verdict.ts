/**
 * From checks to a suggested verdict, a basis a lawyer can read, and how sure the suggestion is.
 * Contradicted figures, scope or cause make a claim inaccurate; a claim whose figures hold but
 * whose picture does not (a string of feature failures told as the site "going down", one cause
 * in four told as the cause) is misleading; one the records cannot settle is unverifiable.
 *
 * The two costly errors are calling a true claim inaccurate and a false one accurate, so those
 * two labels are held to a bar (see `confidenceOf`): "inaccurate" only where a record that
 * clearly is the claim's event (or every record the claim counts) contradicts it, "accurate"
 * only where every assertion the claim makes was checked and that record backs it. A suggestion
 * below the bar is turned into an unsure "unverifiable" that says which way the records lean.
 */
import { readClaim, type ClaimReading } from "./claim-reading";
import { MIN_SCORE } from "./rank";
import { NEEDS_A_PERSON, type AssertionCheck, type Candidate, type ClaimInput, type Verdict, type VerdictLabel } from "./types";

/** Aspects whose contradiction makes the claim false, in the order a basis names them. */
const FACT_ASPECTS = ["scope", "cause", "duration", "count", "customers"] as const;

/** A verdict before its confidence is weighed. */
type Draft = Omit<Verdict, "confidence">;

/** What else bears on how sure a suggestion is. */
export interface VerdictOptions {
  /**
   * The label the checks give when the runner-up record is taken as the claim's event, when it
   * scores close to the best: a suggestion that depends on which of two records is meant is unsure.
   */
  alternative?: VerdictLabel;
  /**
   * The claim speaks of a span or a set ("this week", "the outages"), so any record in it may back
   * a figure; otherwise it speaks of one event, whose record (the best candidate) must back it.
   */
  aboutASpan?: boolean;
  /** The claim's reading, when the caller already has it. */
  reading?: ClaimReading;
}

/**
 * Suggest a verdict from the checks, with its confidence. `candidates` are the ranked records:
 * the best one is the claim's event when it leads clearly.
 */
export function suggestVerdict(claim: ClaimInput, checks: AssertionCheck[], candidates: Candidate[], options: VerdictOptions = {}): Verdict {
  const draft = draftVerdict(claim, checks, candidates, options.reading);
  const { confidence, doubt } = confidenceOf(draft, claim, checks, candidates, options);
  if ((draft.suggested === "accurate" || draft.suggested === "inaccurate") && confidence < NEEDS_A_PERSON) {
    return { suggested: "unverifiable", confidence, basis: `Needs a person: the records lean towards ${draft.suggested}, but ${doubt}. ${draft.basis}` };
  }
  return { ...draft, confidence };
}

/** The label the checks give before confidence is weighed (for VerdictOptions.alternative). */
export function draftLabel(claim: ClaimInput, checks: AssertionCheck[], candidates: Candidate[], reading?: ClaimReading): VerdictLabel {
  return draftVerdict(claim, checks, candidates, reading).suggested;
}

function draftVerdict(claim: ClaimInput, checks: AssertionCheck[], candidates: Candidate[], reading?: ClaimReading): Draft {
  const decided = checks.filter((c) => c.status !== "unknown");
  if (!decided.length) return unverifiable(claim, checks, candidates, reading);
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

function unverifiable(claim: ClaimInput, checks: AssertionCheck[], ranked: Candidate[], read?: ClaimReading): Draft {
  const candidates = ranked.filter((c) => c.score >= MIN_SCORE);
  const reading = read ?? readClaim(claim, {});
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

/**
 * The best record leads the runner-up by at least this much to count as the claim's event
 * without asking what the runner-up would say.
 */
export const CLEAR_LEAD = 0.2;
/** A best record scoring below this bears on the claim only weakly. */
const WEAK_MATCH = 0.45;

/** Aspects a numeric claim's figure is checked under. */
const FIGURE_ASPECTS = new Set(["count", "duration", "customers"]);

/**
 * How sure a draft is, and for an unsure one, why (a clause for the basis). Accurate and
 * inaccurate start sure and lose confidence for each reason to doubt them; the others keep a
 * fixed confidence that says how much a person should look again.
 */
function confidenceOf(draft: Draft, claim: ClaimInput, checks: AssertionCheck[], candidates: Candidate[], options: VerdictOptions): { confidence: number; doubt: string } {
  const top = candidates[0];
  const second = candidates[1];
  const doubts: { weight: number; why: string }[] = [];
  const doubt = (weight: number, why: string) => doubts.push({ weight, why });

  if (draft.suggested === "unverifiable") {
    const reading = options.reading ?? readClaim(claim, {});
    const policy = !checks.length && (reading.aboutPolicy || !reading.aboutIncidents);
    return { confidence: policy || !top ? 0.8 : 0.6, doubt: "" };
  }
  if (draft.suggested === "misleading") return { confidence: 0.6, doubt: "" };
  if (!top || top.score < WEAK_MATCH) doubt(0.5, "no record matches the claim strongly");
  if (options.alternative && options.alternative !== draft.suggested) {
    doubt(0.5, `the runner-up record, ${second?.incidentId ?? "another record"}, would make it ${options.alternative}`);
  }

  if (draft.suggested === "accurate") {
    const aspects = new Set(checks.map((c) => c.aspect));
    if (claim.kind === "causal" && !aspects.has("cause")) doubt(0.5, "the cause the claim gives is not one the records could be checked for");
    if (claim.kind === "numeric" && ![...aspects].some((a) => FIGURE_ASPECTS.has(a))) doubt(0.5, "the figure the claim gives is not one the records state");
    for (const c of checks) {
      if (c.aspect === "count" || (options.aboutASpan && c.incidentIds.length)) continue;
      if (!top || !c.incidentIds.includes(top.incidentId)) {
        doubt(0.5, `'${c.claimed}' is backed by ${c.incidentIds.length ? c.incidentIds.slice(0, 3).join(", ") : "no record"}, not clearly by the record the claim is about`);
        break;
      }
      if (/\bexceeds the \d+ earlier incidents? on record\b/.test(c.recorded)) {
        doubt(0.5, "a record is measured only against the records retrieved, not the whole history");
        break;
      }
    }
  }

  if (draft.suggested === "inaccurate") {
    const contradicted = checks.filter((c) => c.status === "contradicted" && c.aspect !== "outage");
    const specific = contradicted.filter((c) => c.incidentIds.length > 0);
    if (!specific.length) doubt(0.6, "no record's field contradicts the claim; the records are only silent");
    else if (specific.every((c) => c.aspect !== "count" && !c.incidentIds.includes(top?.incidentId ?? ""))) {
      doubt(0.45, "the records that contradict it are not clearly the ones the claim is about");
    }
    // "The third time this year": which records the claim counts (the service, the unit, one event
    // split over several records) is not settled by the window's records. "Broadband was not
    // affected" is different: one record in that scope and window is a field saying otherwise.
    const deniesAny = (options.reading ?? readClaim(claim, {})).deniesIncidents;
    if (specific.length && specific.every((c) => c.aspect === "count")) doubt(deniesAny ? 0.3 : 0.5, "counting incidents depends on which records the claim means");
    // "None of the 7 incidents in the window names X": the records are silent on X, which is not a record contradicting it.
    if (specific.length && specific.every((c) => c.silent)) doubt(0.5, "no single record the claim is about contradicts it; the records in its window only do not name it");
  }

  const confidence = Math.max(0.05, doubts.reduce((p, d) => p * (1 - d.weight), 0.9));
  const main = [...doubts].sort((a, b) => b.weight - a.weight)[0];
  return { confidence: Math.round(confidence * 100) / 100, doubt: main?.why ?? "" };
}
