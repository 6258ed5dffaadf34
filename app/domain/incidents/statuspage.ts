/**
 * Atlassian Statuspage incidents (the REST API's incident objects, as an array, under
 * `incidents`, or one under `incident`) mapped onto the canonical record. Statuspage tells the
 * public story, so its updates become the timeline and its postmortem the root cause.
 *
 * Status: investigating, identified, monitoring and resolved keep their names; `postmortem`
 * (a published postmortem, the review is done) becomes `closed`. Scheduled maintenances are
 * planned work, not incidents: they are skipped and counted in the import's report.
 */

import type { Adapter } from "./adapter";
import { isBoilerplate } from "./boilerplate";
import { instantOf } from "./date-time";
import { isPlainObject } from "./json";
import { compact, get, mapStatus, uniqueStrings } from "./source-fields";
import type { IncidentStatus } from "./types";

const STATUSES: Readonly<Record<string, IncidentStatus>> = {
  investigating: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
  postmortem: "closed",
};

/** The states only a scheduled maintenance has. */
const MAINTENANCE_STATUSES = new Set(["scheduled", "in_progress", "verifying", "completed"]);
/** Update states that close an incident; their text is an ending, not a description. */
const CLOSING_STATUSES = new Set(["resolved", "postmortem", "completed"]);

/**
 * One Statuspage incident as a candidate canonical record: id, name → title, impact →
 * severity, started_at (or created_at) → startedAt, the top-level components and every
 * update's affected components → services, the first update → customerImpact, the postmortem
 * (else the first substantive update) → summary, postmortem_body → rootCause, every update
 * (oldest first) → timeline, shortlink → links.
 */
export function mapStatuspageIncident(source: unknown): unknown {
  if (!isPlainObject(source)) return source;
  const updates = sortUpdates(source.incident_updates);
  const postmortem = typeof source.postmortem_body === "string" && source.postmortem_body.trim() !== "" ? source.postmortem_body : undefined;
  return compact({
    id: source.id,
    title: source.name,
    status: mapStatus(source.status, STATUSES),
    severity: source.impact,
    startedAt: source.started_at ?? source.created_at,
    resolvedAt: source.resolved_at,
    services: servicesOf(source, updates),
    customerImpact: updates[0]?.body,
    summary: postmortem ?? substantiveUpdate(updates),
    rootCause: source.postmortem_body,
    timeline: updates.map(timelineEntry),
    links: typeof source.shortlink === "string" ? [{ title: "Status page", url: source.shortlink }] : source.shortlink,
  });
}

/** Why a Statuspage object is skipped: a scheduled maintenance is planned work, not an incident. */
export function statuspageSkipReason(source: unknown): string | undefined {
  if (!isPlainObject(source)) return undefined;
  const scheduled = source.scheduled_for !== undefined && source.scheduled_for !== null;
  if (scheduled || (typeof source.status === "string" && MAINTENANCE_STATUSES.has(source.status))) {
    return "a scheduled maintenance, not an incident";
  }
  return undefined;
}

/**
 * The first update that says something of its own: not a closing one, not a stock sentence.
 * When every open update is a stock sentence, the first closing update with its own words.
 */
function substantiveUpdate(updates: Record<string, unknown>[]): unknown {
  const said = updates.filter((update) => typeof update.body === "string" && !isBoilerplate(update.body));
  const open = said.find((update) => !CLOSING_STATUSES.has(String(update.status)));
  return (open ?? said[0])?.body;
}

/** Top-level components, then those each update names, once each, in order of first mention. */
function servicesOf(source: Record<string, unknown>, updates: Record<string, unknown>[]): unknown {
  if (source.components !== undefined && source.components !== null && !Array.isArray(source.components)) return source.components;
  const names = [
    ...((source.components as unknown[] | undefined) ?? []).map((component) => get(component, "name")),
    ...updates.flatMap((update) => (Array.isArray(update.affected_components) ? update.affected_components : []).map((c) => get(c, "name"))),
  ];
  return uniqueStrings(names);
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

export const statuspage: Adapter = {
  format: "statuspage",
  tool: "Atlassian Statuspage",
  matches: (item) =>
    ["incident_updates", "page_id", "postmortem_body", "shortlink", "scheduled_for"].some((key) => key in item) ||
    ("name" in item && "impact" in item),
  map: mapStatuspageIncident,
  skipReason: statuspageSkipReason,
};
