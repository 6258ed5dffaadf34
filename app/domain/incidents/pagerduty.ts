/**
 * PagerDuty incidents (REST API v2, `GET /incidents`) mapped onto the canonical record.
 * PagerDuty knows when the page fired and who owned it, not the analysis, so most of a
 * postmortem's fields stay absent.
 *
 * Status: triggered → investigating, acknowledged → identified (someone owns it), resolved →
 * resolved.
 */

import { isPlainObject } from "./json";
import { compact, get, mapStatus } from "./source-fields";
import type { IncidentStatus } from "./types";

const STATUSES: Readonly<Record<string, IncidentStatus>> = {
  triggered: "investigating",
  acknowledged: "identified",
  resolved: "resolved",
};

/**
 * One PagerDuty incident as a candidate canonical record: `PD-<incident_number>` (else the
 * API id) → id, title → title, priority (else urgency) → severity, created_at → startedAt,
 * resolved_at (else last_status_change_at once resolved) → resolvedAt, the service → services,
 * the first team → organization, body.details (else a description that is not just the title)
 * → summary, html_url → links.
 */
export function mapPagerDutyIncident(source: unknown): unknown {
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
