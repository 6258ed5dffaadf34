/**
 * PagerDuty incidents (REST API v2: `GET /incidents`, or one `GET /incidents/{id}` response)
 * mapped onto the canonical record. PagerDuty knows when the page fired and who owned it; the
 * story is in its log entries and notes. When the file also carries the outputs of
 * `GET /incidents/{id}/log_entries` and `/notes` (their `log_entries` and `notes` lists beside
 * the incident, as `jq -s add incident.json log_entries.json notes.json` writes them), those
 * become the record's timeline.
 *
 * Status: triggered → investigating, acknowledged → identified (someone owns it), resolved →
 * resolved.
 */

import type { Adapter, AdapterContext } from "./adapter";
import { instantOf } from "./date-time";
import { isPlainObject } from "./json";
import { byTime, compact, get, mapStatus, objects } from "./source-fields";
import type { IncidentStatus } from "./types";

const STATUSES: Readonly<Record<string, IncidentStatus>> = {
  triggered: "investigating",
  acknowledged: "identified",
  resolved: "resolved",
};

/**
 * Log entry types that are part of the incident's story. Notifications (who was paged by SMS)
 * are left out: dozens of them say nothing about what happened.
 */
const STORY_ENTRIES = new Set([
  "trigger_log_entry",
  "acknowledge_log_entry",
  "unacknowledge_log_entry",
  "escalate_log_entry",
  "assign_log_entry",
  "annotate_log_entry",
  "reach_trigger_limit_log_entry",
  "urgency_change_log_entry",
  "priority_change_log_entry",
  "resolve_log_entry",
  "status_update_log_entry",
]);

/**
 * One PagerDuty incident as a candidate canonical record: `PD-<incident_number>` (else the
 * API id) → id, title → title, priority (else urgency) → severity, created_at → startedAt,
 * resolved_at (else last_status_change_at once resolved) → resolvedAt, the service → services,
 * the first team → organization, body.details (else a description that is not just the title)
 * → summary, html_url → links, and its log entries and notes, oldest first → timeline.
 */
export function mapPagerDutyIncident(source: unknown, context: AdapterContext = { extras: {}, count: 1 }): unknown {
  if (!isPlainObject(source)) return source;
  const title = source.title ?? source.summary;
  const service = get(source.service, "summary");
  return compact({
    id: incidentId(source),
    title,
    status: mapStatus(source.status, STATUSES),
    severity: get(source.priority, "summary") ?? source.urgency,
    startedAt: source.created_at,
    resolvedAt: source.resolved_at ?? (source.status === "resolved" ? source.last_status_change_at : undefined),
    services: typeof service === "string" ? [service] : undefined,
    organization: Array.isArray(source.teams) ? get(source.teams[0], "summary") : undefined,
    summary: summaryOf(source, title),
    timeline: timelineOf(source, context),
    links: typeof source.html_url === "string" ? [{ title: "PagerDuty incident", url: source.html_url }] : undefined,
  });
}

function incidentId(source: Record<string, unknown>): unknown {
  const number = source.incident_number;
  return typeof number === "number" || typeof number === "string" ? `PD-${number}` : source.id;
}

/** Details may be an object for event-created incidents; only text is a summary. */
function summaryOf(source: Record<string, unknown>, title: unknown): unknown {
  const details = get(source.body, "details");
  if (typeof details === "string" && details !== "") return details;
  return source.description !== title ? source.description : undefined;
}

/**
 * The incident's log entries and notes: those embedded in it, else those the file carries
 * beside it (every one when the file holds one incident, else those naming its id).
 */
function timelineOf(source: Record<string, unknown>, context: AdapterContext) {
  const belongs = (entry: Record<string, unknown>) => {
    const owner = get(entry.incident, "id") ?? entry.incident_id;
    return owner === undefined ? context.count === 1 : owner === source.id;
  };
  const listed = (key: string) => (Array.isArray(source[key]) ? objects(source[key]) : objects(context.extras[key]).filter(belongs));
  const entries = [
    ...listed("log_entries")
      .filter((entry) => STORY_ENTRIES.has(String(entry.type)))
      .map((entry) => ({ at: entry.created_at, text: logEntryText(entry) })),
    ...listed("notes").map((note) => ({ at: note.created_at, text: noteText(note) })),
  ];
  return byTime(entries, instantOf);
}

function logEntryText(entry: Record<string, unknown>): unknown {
  const summary = entry.summary;
  const channel = get(entry.channel, "summary") ?? get(entry.channel, "details");
  const said = typeof channel === "string" && channel !== "" && channel !== summary ? `: ${channel}` : "";
  return typeof summary === "string" ? `${summary}${said}` : summary;
}

function noteText(note: Record<string, unknown>): unknown {
  const author = get(note.user, "summary");
  return typeof note.content === "string" ? `Note${typeof author === "string" ? ` by ${author}` : ""}: ${note.content}` : note.content;
}

export const pagerduty: Adapter = {
  format: "pagerduty",
  tool: "PagerDuty",
  matches: (item) => "incident_number" in item || item.type === "incident" || item.type === "incident_reference",
  map: mapPagerDutyIncident,
};
