/** Audit events as sentences, newest first (the words come from domain/describe-event). */
import { formatUtcDateTime } from "~/domain/case-due";
import { actorOfEvent, describeAction, type DescribableEvent, type EventRefs } from "~/domain/describe-event";

export interface ActivityEvent extends DescribableEvent {
  seq: number;
  at: string;
  caseId?: string | null;
  caseTitle?: string | null;
  ip?: string | null;
  versionHash?: string | null;
}


export function CaseActivity({ events, refs = {}, showCase = false, empty = "Nothing has happened in this case yet." }: { events: ActivityEvent[]; refs?: EventRefs; showCase?: boolean; empty?: string }) {
  if (!events.length) return <p className="muted">{empty}</p>;
  return (
    <ol className="activity-list">
      {events.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{formatUtcDateTime(e.at)}</time>
          <span>
            <strong>{actorOfEvent(e)}</strong> {describeAction(e, refs)}
            {showCase && e.caseId ? (
              <>
                {" "}
                in <a href={`/cases/${e.caseId}?tab=activity`}>{e.caseTitle ?? "a case"}</a>
              </>
            ) : null}
            {e.actorRole || e.ip || e.versionHash ? (
              <span className="muted small">
                {" "}
                ({[e.actorRole ? `as ${e.actorRole.replace(/,/g, ", ")}` : "", e.ip ? `from ${e.ip}` : "", e.versionHash ? `version ${e.versionHash.slice(0, 12)}…` : ""].filter(Boolean).join(", ")})
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
