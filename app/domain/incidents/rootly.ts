/**
 * Rootly incidents (JSON:API: `GET /v1/incidents` → `{data: [{id, type: "incidents",
 * attributes}], links, meta}`, one incident → `{data: {...}}`) mapped onto the canonical
 * record. The lifecycle timestamps give the times and the timeline.
 */

import type { Adapter } from "./adapter";
import { instantOf } from "./date-time";
import { isPlainObject } from "./json";
import { byTime, compact, get, mapStatus, objects, uniqueStrings } from "./source-fields";
import type { IncidentStatus } from "./types";

const STATUSES: Readonly<Record<string, IncidentStatus>> = {
  in_triage: "investigating",
  started: "investigating",
  detected: "investigating",
  acknowledged: "investigating",
  mitigated: "monitoring",
  resolved: "resolved",
  closed: "closed",
};

/** Lifecycle timestamps, in order, with the words the timeline shows. */
const LIFECYCLE = [
  ["started_at", "Started"],
  ["detected_at", "Detected"],
  ["acknowledged_at", "Acknowledged"],
  ["mitigated_at", "Mitigated"],
  ["resolved_at", "Resolved"],
  ["closed_at", "Closed"],
] as const;

const MAINTENANCE = new Set(["scheduled", "in_progress", "completed"]);

export function mapRootlyIncident(source: unknown): unknown {
  if (!isPlainObject(source)) return source;
  const a = isPlainObject(source.attributes) ? source.attributes : {};
  const severity = get(get(get(a.severity, "data"), "attributes"), "name") ?? get(a.severity, "name") ?? a.severity;
  const sequential = a.sequential_id;
  return compact({
    id: typeof sequential === "number" || typeof sequential === "string" ? `RLY-${sequential}` : source.id,
    title: a.title,
    status: mapStatus(a.status, STATUSES),
    severity,
    startedAt: a.started_at ?? a.created_at,
    detectedAt: a.detected_at,
    resolvedAt: a.resolved_at,
    services: uniqueStrings(namesOf(a.services)),
    customerImpact: a.customer_impact_summary,
    summary: a.summary,
    timeline: byTime(
      LIFECYCLE.filter(([key]) => typeof a[key] === "string").map(([key, text]) => ({ at: a[key], text })),
      instantOf,
    ),
    links: typeof a.url === "string" ? [{ title: "Rootly incident", url: a.url }] : undefined,
  });
}

/** Rootly writes related records either as objects with a name or as JSON:API `{data: [...]}`. */
function namesOf(value: unknown): unknown[] {
  const list = Array.isArray(value) ? value : get(value, "data");
  return objects(list).map((item) => item.name ?? get(item.attributes, "name"));
}

export const rootly: Adapter = {
  format: "rootly",
  tool: "Rootly",
  matches: (item) => {
    const a = item.attributes;
    return item.type === "incidents" && isPlainObject(a) && ["slug", "sequential_id", "mitigated_at", "kind"].some((key) => key in a);
  },
  map: mapRootlyIncident,
  skipReason(item) {
    const a = get(item, "attributes");
    const status = get(a, "status");
    if (get(a, "kind") === "scheduled" || (typeof status === "string" && MAINTENANCE.has(status))) return "a scheduled maintenance, not an incident";
    if (status === "cancelled") return "a Rootly incident that was cancelled";
    return undefined;
  },
};
