/**
 * Audit events as sentences a person understands ("Casey Comms set claim 4 to inaccurate
 * (suggested: inaccurate): …"), read only from the event's own data and, for numbering claims
 * as the case lists them, a lookup the caller passes. Unknown actions still read sensibly.
 */
import type { Role } from "./roles";

export interface DescribableEvent {
  actorLabel: string;
  actorName?: string | null;
  actorRole?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

/** What the page knows beyond the event: each claim's number in its case. */
export interface EventRefs {
  claimNumbers?: Readonly<Record<string, number>>;
}

const FIELD_NAMES: Record<string, string> = { title: "title", summary: "summary", ownerId: "owner", dueAt: "deadline", status: "status" };

const MEANINGS: Record<string, string> = {
  facts_confirmed: "Facts confirmed",
  legal_accuracy: "Approved for legal accuracy",
  release: "Approved for release",
};

function quote(text: unknown, max = 90): string {
  const s = String(text ?? "");
  return `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function claimRef(id: unknown, refs: EventRefs, text?: unknown): string {
  const n = typeof id === "string" ? refs.claimNumbers?.[id] : undefined;
  if (n) return `claim ${n}`;
  return text ? `the claim ${quote(text, 60)}` : "a claim";
}

function withNote(sentence: string, note: unknown): string {
  const s = typeof note === "string" ? note.trim() : "";
  return s ? `${sentence}: ${s}` : sentence;
}

function draftRef(d: Record<string, unknown>): string {
  return d.title ? `the draft ${quote(d.title, 60)}` : "a draft";
}

function versionRef(d: Record<string, unknown>): string {
  return typeof d.versionNumber === "number" ? ` (version ${d.versionNumber})` : "";
}

/** The actor as the trail names them: their name when recorded, else their email. */
export function actorOfEvent(event: Pick<DescribableEvent, "actorLabel" | "actorName">): string {
  return event.actorName?.trim() || event.actorLabel;
}

/** The roles the actor acted with, as stored ("comms,legal"). */
export function rolesOfEvent(event: Pick<DescribableEvent, "actorRole">): Role[] {
  return (event.actorRole ?? "").split(",").filter(Boolean) as Role[];
}

/** What the actor did, without their name: "set claim 4 to inaccurate (suggested: inaccurate)". */
export function describeAction(event: DescribableEvent, refs: EventRefs = {}): string {
  const d = (event.data ?? {}) as Record<string, unknown>;
  switch (event.action) {
    case "case.created":
      return `opened the case ${quote(d.title)}`;
    case "case.updated": {
      const fields = Object.keys(d).map((k) => FIELD_NAMES[k] ?? k);
      const status = d.status as { to?: string } | undefined;
      return `changed the case's ${fields.join(", ")}${status?.to ? ` (status now ${status.to})` : ""}`;
    }
    case "source.added":
      return `added the source ${quote(d.title)}: ${d.checkWorthy ?? 0} check-worthy claims found${d.appearances ? `, ${d.appearances} already in the case` : ""}${d.linkedEarlier ? `, ${d.linkedEarlier} seen in earlier cases` : ""}`;
    case "claim.accepted":
      return `accepted ${claimRef(event.entityId, refs, d.text)}`;
    case "claim.dismissed":
      return `dismissed ${claimRef(event.entityId, refs, d.text)}`;
    case "claim.reopened":
      return `put ${claimRef(event.entityId, refs, d.text)} back to proposed`;
    case "claim.edited":
      return `reworded ${claimRef(event.entityId, refs)} to ${quote(d.to)}`;
    case "claim.split":
      return `split the claim ${quote(d.from)} in two`;
    case "claim.merged": {
      const merged = Array.isArray(d.merged) ? d.merged.length : 0;
      return `merged ${plural(merged, "claim")} into ${quote((d.into as { text?: string } | undefined)?.text)}`;
    }
    case "claim.added":
      return `added the claim ${quote(d.quote)} from a selection`;
    case "claim.assigned":
      return `assigned ${claimRef(event.entityId, refs)} to ${d.toName ?? "an engineer"}`;
    case "claim.unassigned":
      return `unassigned ${claimRef(event.entityId, refs)}`;
    case "claim.status":
      return `marked ${claimRef(event.entityId, refs)} as ${d.to}`;
    case "claim.verdict": {
      const suggested = d.suggested ? ` (suggested: ${d.suggested})` : "";
      return withNote(`set ${claimRef(event.entityId, refs)} to ${d.to}${suggested}`, d.note);
    }
    case "evidence.analyzed": {
      const n = Array.isArray(d.claims) ? d.claims.length : 0;
      return `analysed the evidence for ${plural(n, "claim")}`;
    }
    case "evidence.linked":
      return withNote(`linked ${d.incidentId} (version ${d.version}) to ${claimRef(d.claimId, refs)} as ${d.stance === "context" ? "context" : `evidence that ${d.stance === "supports" ? "supports" : "contradicts"} it`}`, d.note);
    case "evidence.unlinked":
      return `removed the link from ${claimRef(d.claimId, refs)} to ${d.incidentId}`;
    case "evidence.confirmed":
      return `confirmed ${d.incidentId} (version ${d.version}) as evidence for ${claimRef(d.claimId, refs)}`;
    case "evidence.reconfirmed":
      return `confirmed ${d.incidentId} again on version ${d.version} (it was confirmed on version ${d.previousVersion}) for ${claimRef(d.claimId, refs)}`;
    case "draft.generated":
      return `generated a draft from the verdicts and confirmed evidence (${plural(Number(d.citations ?? 0), "citation")})`;
    case "draft.holding_created":
      return "started a holding statement";
    case "draft.saved":
      return `saved version ${d.version} of a draft${typeof d.basedOn === "number" ? ` (from version ${d.basedOn})` : ""}`;
    case "draft.flag_waived":
      return withNote(`waived the check flag ${quote(d.text, 60)} on version ${d.version}`, d.reason);
    case "snippet.created":
      return `added the snippet ${quote(d.title, 60)}${d.approved ? " (approved)" : ""}`;
    case "snippet.updated":
      return `edited a snippet${d.approvalCleared ? "; its approval was cleared" : ""}`;
    case "snippet.approved":
      return "approved a snippet";
    case "snippet.archived":
      return "archived a snippet";
    case "draft_template.saved":
      return "changed the statement template";
    case "draft.transition":
      return withNote(`moved ${draftRef(d)} from ${String(d.from ?? "").replace(/_/g, " ")} to ${String(d.to ?? "").replace(/_/g, " ")}`, d.comment ?? d.reason);
    case "approval.given":
      return `gave “${MEANINGS[String(d.meaning)] ?? d.meaning}” on ${draftRef(d)}${versionRef(d)}`;
    case "approval.changes_requested":
      return withNote(`requested changes to ${draftRef(d)}${versionRef(d)}`, d.comment);
    case "approval.dismissed":
      return `dismissed ${plural(Number(d.count ?? 0), "earlier approval")} on ${draftRef(d)}: a new version was written`;
    case "comment.thread_opened":
      return withNote(d.quote ? `commented on ${quote(d.quote, 60)} in ${draftRef(d)}` : `commented on ${d.claimId ? claimRef(d.claimId, refs) : "the case"}${d.target === "verdict" ? "'s verdict" : ""}`, d.body);
    case "comment.replied":
      return withNote("replied to a comment", d.body);
    case "comment.resolved":
      return "resolved a comment thread";
    case "comment.reopened":
      return "reopened a comment thread";
    case "statement.published":
      return `published ${draftRef(d)}${versionRef(d)} at /statements/${d.slug}`;
    case "statement.retracted":
      return withNote(`retracted the statement /statements/${d.slug}`, d.reason);
    case "statement.superseded":
      return withNote(`superseded the statement /statements/${d.slug}`, d.reason);
    case "statement.claimreview":
      return `${d.enabled ? "turned on" : "turned off"} ClaimReview markup for /statements/${d.slug}`;
    case "correction.requested":
      return `recorded a correction request to ${d.outlet}`;
    case "correction.updated":
      return withNote(`marked the correction request to ${d.outlet} as ${d.status}`, d.note);
    default:
      return `${event.action.replace(/[._]/g, " ")} (${event.entityType.replace(/_/g, " ")})`;
  }
}

/** The whole sentence: "Casey Comms set claim 4 to inaccurate (suggested: inaccurate): …". */
export function describeEvent(event: DescribableEvent, refs: EventRefs = {}): string {
  return `${actorOfEvent(event)} ${describeAction(event, refs)}`;
}
