/**
 * The evidence library's public shapes: what ranking, assertion checks and verdicts return.
 * These mirror the `factdesk analyze` contract (../shared/formats/analyze.md) so that the CLI
 * and the web app can pass them through unchanged.
 */
import type { ClaimFacts, ClaimKind, DateRange } from "~/domain/claims/types";
import type { Incident } from "~/domain/incidents/types";

/** The part of an extracted claim that evidence matching needs. */
export interface ClaimInput {
  text: string;
  kind: ClaimKind;
  facts: ClaimFacts;
}

/** What is known about the article as a whole, applied to claims that do not say it themselves. */
export interface AnalysisContext {
  /** The article's publication date (YYYY-MM-DD or ISO). */
  publishedAt?: string;
  /** The window the article as a whole speaks of ("this week", "between 5 and 11 March"). */
  articleWindow?: DateRange;
  /** Organisations the article as a whole is about, normalised lower-case. */
  articleOrganizations?: string[];
  /**
   * Every service name the workspace's records use. A service the claim names that no record
   * uses ("the company's payment system") is a manner of speaking, not a scope to hold it to.
   */
  knownServices?: string[];
}

/** One record the database retrieved for a claim, with its full-text score in 0..1. */
export interface PoolEntry {
  incident: Incident;
  textScore: number;
}

/** Each signal in 0..1, or null where the claim gives nothing to compare it with. */
export interface CandidateSignals {
  text: number | null;
  cause: number | null;
  time: number | null;
  scope: number | null;
  quantity: number | null;
}

/** A record that bears on a claim, with the score and the signals and reasons behind it. */
export interface Candidate {
  incidentId: string;
  score: number;
  signals: CandidateSignals;
  reasons: string[];
}

/** What a check compares: how many, how long, where, why, how many customers, fully down or not. */
export const ASSERTION_ASPECTS = ["count", "duration", "scope", "cause", "customers", "outage"] as const;
export type AssertionAspect = (typeof ASSERTION_ASPECTS)[number];

/** "partial": true of some records where the claim speaks of all (one cause in four). */
export const CHECK_STATUSES = ["supported", "contradicted", "partial", "unknown"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** One thing the claim asserts, set against what the records say. */
export interface AssertionCheck {
  aspect: AssertionAspect;
  status: CheckStatus;
  /** The claim's side, in its own words where possible. */
  claimed: string;
  /** The records' side, as a sentence fragment naming figures. */
  recorded: string;
  incidentIds: string[];
  /**
   * The records only fail to name what the claim says (no service or region of theirs matches),
   * rather than a field of theirs stating otherwise: silence, not a contradiction by itself.
   */
  silent?: boolean;
}

/** The verdicts of the analyze contract; db/ turns these into an enum. */
export const VERDICTS = ["accurate", "inaccurate", "misleading", "unverifiable"] as const;
export type VerdictLabel = (typeof VERDICTS)[number];

/** A suggested verdict: a person confirms or changes it. */
export interface Verdict {
  suggested: VerdictLabel;
  /** One or two plain sentences naming incident ids and figures. */
  basis: string;
  /**
   * How sure the suggestion is, in [0, 1]. Below NEEDS_A_PERSON the app shows it as "needs a
   * person"; "accurate" and "inaccurate" are only suggested at or above it.
   */
  confidence: number;
}

/** Suggestions less sure than this are shown as "needs a person". */
export const NEEDS_A_PERSON = 0.5;

/** One claim's analysis in the analyze.md shape, with the checks behind the verdict. */
export interface AnalyzedClaim {
  text: string;
  start: number;
  end: number;
  checkWorthiness: number;
  kind: ClaimKind;
  candidates: { incidentId: string; score: number; reasons: string[] }[];
  checks: AssertionCheck[];
  verdict: Verdict;
}
