/**
 * Approvals bound to the exact version. An approval names a version's id and SHA-256 hash; it
 * counts only while that version is the draft's current one and its hash still matches, so any new
 * version dismisses every earlier approval. Only each reviewer's latest decision counts, and no
 * one who wrote or edited the text may approve it. Publication needs every required approval
 * plus resolved comments, fixed or waived flags and fresh evidence confirmations.
 */
import type { DraftState } from "../workflow";
import { APPROVAL_MEANING_LABELS, type ApprovalMeaning, type ReviewDecision } from "../review-enums";

/** The meaning of an approval given at each review stage. */
export const STAGE_MEANING: Partial<Record<DraftState, ApprovalMeaning>> = {
  fact_check: "facts_confirmed",
  legal_review: "legal_accuracy",
  comms_approval: "release",
};

/** The role a reviewer needs for each meaning (admin may give any). */
export const MEANING_ROLE: Record<ApprovalMeaning, "engineer" | "legal" | "comms"> = {
  facts_confirmed: "engineer",
  legal_accuracy: "legal",
  release: "comms",
};

export interface ApprovalRecord {
  reviewerId: string | null;
  reviewerName: string;
  versionId: string;
  versionHash: string;
  meaning: ApprovalMeaning;
  decision: ReviewDecision;
  createdAt: string | Date;
}

export interface CurrentVersion {
  id: string;
  hash: string;
}

export interface Reviewer {
  id: string;
  name: string;
  roles: readonly string[];
}

/**
 * Why `reviewer` may not decide on `version` now, or null. `editorIds` are the authors of this
 * version and of every earlier one (anyone who shaped its text).
 */
export function decisionRefusal(input: {
  state: DraftState;
  current: CurrentVersion | null;
  version: CurrentVersion;
  reviewer: Reviewer;
  editorIds: readonly (string | null)[];
  decision: ReviewDecision;
  /** For an engineer's "Facts confirmed": whether they are assigned to a claim the draft cites. */
  assignedEngineerIds?: readonly string[];
}): string | null {
  const meaning = STAGE_MEANING[input.state];
  if (!meaning) return `There is nothing to approve while the draft is in ${input.state.replace(/_/g, " ")}.`;
  if (!input.current || input.current.id !== input.version.id)
    return "A newer version of this draft exists; read it and decide on that one.";
  if (input.current.hash !== input.version.hash) return "The version's text does not match the hash you reviewed; reload it.";
  if (input.decision !== "approved") return null;
  const role = MEANING_ROLE[meaning];
  if (!input.reviewer.roles.includes(role) && !input.reviewer.roles.includes("admin"))
    return `Only ${role} can give “${APPROVAL_MEANING_LABELS[meaning]}”.`;
  if (meaning === "facts_confirmed" && input.assignedEngineerIds && !input.reviewer.roles.includes("admin") && !input.assignedEngineerIds.includes(input.reviewer.id))
    return "Only an engineer assigned to a claim this draft cites can confirm its facts.";
  if (input.editorIds.includes(input.reviewer.id))
    return "You wrote or edited this text, so you cannot approve it; another reviewer must.";
  return null;
}

/** Each reviewer's latest decision for `meaning` on the current version; older versions' decisions do not count. */
export function latestDecisions<T extends ApprovalRecord>(records: readonly T[], current: CurrentVersion | null): T[] {
  if (!current) return [];
  const latest = new Map<string, T>();
  const ordered = [...records].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  for (const r of ordered) {
    if (r.versionId !== current.id || r.versionHash !== current.hash) continue;
    latest.set(`${r.reviewerId ?? r.reviewerName}:${r.meaning}`, r);
  }
  return [...latest.values()];
}

/** Whether an approval was given on an earlier version (shown as dismissed). */
export function isDismissed(record: Pick<ApprovalRecord, "versionId" | "versionHash">, current: CurrentVersion | null): boolean {
  return !current || record.versionId !== current.id || record.versionHash !== current.hash;
}

export interface RequiredApproval {
  meaning: ApprovalMeaning;
  /** For facts: the engineer who must confirm; otherwise anyone with the role. */
  reviewerId?: string;
  reviewerName?: string;
}

/** Facts confirmed by each engineer assigned to a cited claim, legal accuracy, and release. */
export function requiredApprovals(engineers: readonly { id: string; name: string }[]): RequiredApproval[] {
  return [
    ...engineers.map((e) => ({ meaning: "facts_confirmed" as const, reviewerId: e.id, reviewerName: e.name })),
    { meaning: "legal_accuracy" },
    { meaning: "release" },
  ];
}

/** The required approvals the current decisions do not give yet. */
export function missingApprovals(required: readonly RequiredApproval[], decisions: readonly ApprovalRecord[]): RequiredApproval[] {
  return required.filter(
    (req) =>
      !decisions.some(
        (d) => d.meaning === req.meaning && d.decision === "approved" && (!req.reviewerId || d.reviewerId === req.reviewerId),
      ),
  );
}

/** The engineers still to confirm facts, by name, for the fact-check transition. */
export function pendingEngineers(engineers: readonly { id: string; name: string }[], decisions: readonly ApprovalRecord[]): string[] {
  return missingApprovals(requiredApprovals(engineers), decisions)
    .filter((r) => r.meaning === "facts_confirmed")
    .map((r) => r.reviewerName ?? "an engineer");
}

export interface PublicationInput {
  state: DraftState;
  required: readonly RequiredApproval[];
  decisions: readonly ApprovalRecord[];
  openThreads: number;
  /** The current version's check flags and whether each is waived with a reason. */
  flags: readonly { label: string; waived: boolean }[];
  /** Evidence confirmations of cited claims that are stale: "RET-1 changed to version 3 after …". */
  staleConfirmations: readonly string[];
  /** Evidence links of cited claims not confirmed at all. */
  unconfirmed: readonly string[];
}

/** Every reason publication is refused; empty when it may go ahead. */
export function publicationBlockers(input: PublicationInput): string[] {
  const reasons: string[] = [];
  if (input.state !== "approved") reasons.push(`The draft is in ${input.state.replace(/_/g, " ")}, not approved.`);
  for (const m of missingApprovals(input.required, input.decisions)) {
    const who = m.reviewerName ? ` from ${m.reviewerName}` : "";
    reasons.push(`“${APPROVAL_MEANING_LABELS[m.meaning]}”${who} is missing on the current version.`);
  }
  const changes = input.decisions.filter((d) => d.decision === "changes_requested");
  for (const d of changes) reasons.push(`${d.reviewerName} requested changes on the current version.`);
  if (input.openThreads) reasons.push(`${input.openThreads} comment thread${input.openThreads === 1 ? " is" : "s are"} not resolved.`);
  const flags = input.flags.filter((f) => !f.waived);
  if (flags.length) reasons.push(`${flags.length} check flag${flags.length === 1 ? " is" : "s are"} neither fixed nor waived: ${flags.map((f) => f.label).join("; ")}.`);
  for (const s of input.staleConfirmations) reasons.push(`An evidence confirmation is stale: ${s}.`);
  for (const u of input.unconfirmed) reasons.push(`Evidence is not confirmed: ${u}.`);
  return reasons;
}
