/** A case's audit events as sentences, newest first. */
import { formatUtcDateTime } from "~/domain/case-due";

export interface ActivityEvent {
  seq: number;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

const FIELD_NAMES: Record<string, string> = { title: "title", summary: "summary", ownerId: "owner", dueAt: "deadline", status: "status" };

function quote(text: unknown, max = 90): string {
  const s = String(text ?? "");
  return `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
}

/** One event in words; unknown actions still read sensibly. */
export function describeEvent(event: ActivityEvent): string {
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
      return `accepted the claim ${quote(d.text)}`;
    case "claim.dismissed":
      return `dismissed the claim ${quote(d.text)}`;
    case "claim.reopened":
      return `put the claim ${quote(d.text)} back to proposed`;
    case "claim.edited":
      return `reworded a claim to ${quote(d.to)}`;
    case "claim.split":
      return `split the claim ${quote(d.from)} in two`;
    case "claim.merged": {
      const merged = Array.isArray(d.merged) ? d.merged.length : 0;
      return `merged ${merged} claim${merged === 1 ? "" : "s"} into ${quote((d.into as { text?: string } | undefined)?.text)}`;
    }
    case "claim.added":
      return `added the claim ${quote(d.quote)} from a selection`;
    case "claim.assigned":
      return `assigned a claim to ${d.toName ?? "an engineer"}`;
    case "claim.unassigned":
      return "unassigned a claim";
    case "claim.status":
      return `marked a claim as ${d.to}`;
    default:
      return `${event.action.replace(/[._]/g, " ")} (${event.entityType})`;
  }
}

export function CaseActivity({ events }: { events: ActivityEvent[] }) {
  if (!events.length) return <p className="muted">Nothing has happened in this case yet.</p>;
  return (
    <ol className="activity-list">
      {events.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{formatUtcDateTime(e.at)}</time>
          <span>
            <strong>{e.actorLabel}</strong> {describeEvent(e)}
          </span>
        </li>
      ))}
    </ol>
  );
}
