/**
 * Whether a draft can rely on a claim yet, and what is still missing: a verdict a person set,
 * evidence linked to it, the assigned engineer's confirmation of each link, and confirmations
 * that still hold. A confirmation names the record version it was made on; once a re-import
 * moves the record to another version, the confirmation is stale until someone confirms again.
 */
import type { Stance, VerdictLabelValue } from "./workflow";

/** Where one link's confirmation stands against its record's current version. */
export type ConfirmationState = "unconfirmed" | "confirmed" | "stale";

/** The staleness rule: a confirmation holds only for the version it was made on. */
export function isStale(confirmedVersion: number | null | undefined, currentVersion: number): boolean {
  return confirmedVersion !== null && confirmedVersion !== undefined && confirmedVersion !== currentVersion;
}

export function confirmationState(link: { confirmedVersion: number | null | undefined }, currentVersion: number): ConfirmationState {
  if (link.confirmedVersion === null || link.confirmedVersion === undefined) return "unconfirmed";
  return isStale(link.confirmedVersion, currentVersion) ? "stale" : "confirmed";
}

/** What the rule needs to know about one evidence link. */
export interface LinkStatusInput {
  incidentId: string;
  stance: Stance;
  confirmedVersion: number | null;
  /** The record's current version. */
  currentVersion: number;
}

/** What the rule needs to know about one claim. */
export interface ClaimStatusInput {
  verdict: VerdictLabelValue | null;
  assigneeId: string | null;
  links: LinkStatusInput[];
}

export const MISSING_CODES = ["unassigned", "no-verdict", "no-evidence", "unconfirmed", "stale", "verdict-against-evidence"] as const;
export type MissingCode = (typeof MISSING_CODES)[number];

/** One thing to do before a draft can rely on the claim, in words a person reads at a glance. */
export interface MissingItem {
  code: MissingCode;
  text: string;
}

/** The claim's standing at a glance: ready, still missing something, or with a stale confirmation (worst first). */
export type ClaimReadiness = "stale" | "incomplete" | "ready";

export interface ClaimStatus {
  readiness: ClaimReadiness;
  missing: MissingItem[];
  counts: { links: number; confirmed: number; unconfirmed: number; stale: number };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "RET-2026-0031 changed to version 3 after it was confirmed on version 2". */
export function describeStale(link: Pick<LinkStatusInput, "incidentId" | "confirmedVersion" | "currentVersion">): string {
  return `${link.incidentId} changed to version ${link.currentVersion} after it was confirmed on version ${link.confirmedVersion}`;
}

/**
 * What is still missing before a draft can rely on the claim, most pressing first: stale
 * confirmations, no verdict, no evidence, links not confirmed, no engineer assigned, and a
 * verdict of "accurate" that every linked record contradicts. A claim judged unverifiable
 * needs no evidence (nothing on record bears on it); any links it has still need confirming.
 */
export function claimStatus(claim: ClaimStatusInput): ClaimStatus {
  const states = claim.links.map((link) => ({ link, state: confirmationState(link, link.currentVersion) }));
  const stale = states.filter((s) => s.state === "stale").map((s) => s.link);
  const unconfirmed = states.filter((s) => s.state === "unconfirmed").length;
  const confirmed = states.filter((s) => s.state === "confirmed").length;
  const missing: MissingItem[] = [];

  if (stale.length) {
    missing.push({
      code: "stale",
      text: `${plural(stale.length, "confirmation", "confirmations")} stale: ${stale.map(describeStale).join("; ")}`,
    });
  }
  if (!claim.verdict) missing.push({ code: "no-verdict", text: "no verdict set" });
  if (!claim.links.length && claim.verdict !== "unverifiable") missing.push({ code: "no-evidence", text: "no evidence linked" });
  if (unconfirmed) missing.push({ code: "unconfirmed", text: `${plural(unconfirmed, "link", "links")} not confirmed` });
  if (!claim.assigneeId) missing.push({ code: "unassigned", text: "not assigned to an engineer" });
  if (claim.verdict === "accurate" && claim.links.length && claim.links.every((l) => l.stance === "contradicts")) {
    missing.push({ code: "verdict-against-evidence", text: "the verdict is accurate, but every linked record contradicts the claim" });
  }

  return {
    readiness: stale.length ? "stale" : missing.length ? "incomplete" : "ready",
    missing,
    counts: { links: claim.links.length, confirmed, unconfirmed, stale: stale.length },
  };
}

/** Case-level tally for the evidence page's header: how many claims are ready, incomplete, stale. */
export function summarizeReadiness(statuses: ClaimStatus[]): Record<ClaimReadiness, number> {
  const out: Record<ClaimReadiness, number> = { stale: 0, incomplete: 0, ready: 0 };
  for (const s of statuses) out[s.readiness] += 1;
  return out;
}
