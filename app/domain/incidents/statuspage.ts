/**
 * Atlassian Statuspage incidents (the REST API's incident objects, as an array or under
 * `incidents`) mapped onto the canonical record. Statuspage tells the public story, so its
 * updates become the timeline and its postmortem the root cause.
 *
 * Status: investigating, identified, monitoring and resolved keep their names; `postmortem`
 * (a published postmortem, the review is done) becomes `closed`. Scheduled-maintenance states
 * map by meaning: in_progress → identified (the cause, planned work, is known), verifying →
 * monitoring, completed → resolved; `scheduled` has not happened yet and is rejected by the
 * validator as an unknown status.
 */

import { instantOf } from "./date-time";
import { isPlainObject } from "./json";
import { compact, get, mapStatus } from "./source-fields";
import type { IncidentStatus } from "./types";

const STATUSES: Readonly<Record<string, IncidentStatus>> = {
  investigating: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
  postmortem: "closed",
  in_progress: "identified",
  verifying: "monitoring",
  completed: "resolved",
};

/**
 * One Statuspage incident as a candidate canonical record: id, name → title, impact →
 * severity, started_at (or created_at) → startedAt, component names → services, the first
 * update → customerImpact, the latest → summary (skipping "postmortem" updates, which only
 * announce the postmortem), postmortem_body → rootCause, every update (oldest first) →
 * timeline, shortlink → links.
 */
export function mapStatuspageIncident(source: unknown): unknown {
  if (!isPlainObject(source)) return source;
  const updates = sortUpdates(source.incident_updates);
  return compact({
    id: source.id,
    title: source.name,
    status: mapStatus(source.status, STATUSES),
    severity: source.impact,
    startedAt: source.started_at ?? source.created_at,
    resolvedAt: source.resolved_at,
    services: Array.isArray(source.components) ? source.components.map((component) => get(component, "name")) : source.components,
    customerImpact: updates[0]?.body,
    summary: updates.filter((update) => update.status !== "postmortem").at(-1)?.body,
    rootCause: source.postmortem_body,
    timeline: updates.map(timelineEntry),
    links: typeof source.shortlink === "string" ? [{ title: "Status page", url: source.shortlink }] : source.shortlink,
  });
}

function sortUpdates(updates: unknown): Record<string, unknown>[] {
  if (!Array.isArray(updates)) return [];
  const timeOf = (update: Record<string, unknown>) => {
    const at = updateTime(update);
    return (typeof at === "string" ? instantOf(at) : undefined) ?? Number.POSITIVE_INFINITY;
  };
  return updates.filter(isPlainObject).sort((a, b) => timeOf(a) - timeOf(b) || 0);
}

function updateTime(update: Record<string, unknown>): unknown {
  return update.display_at ?? update.created_at;
}

function timelineEntry(update: Record<string, unknown>) {
  const label = typeof update.status === "string" ? capitalise(update.status.replace(/_/g, " ")) : "Update";
  const body = typeof update.body === "string" && update.body !== "" ? update.body : undefined;
  return { at: updateTime(update), text: body ? `${label}: ${body}` : label };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
