/**
 * FireHydrant incidents (`GET /v1/incidents` → `{data, pagination}`, `GET /v1/incidents/{id}`
 * → the incident) mapped onto the canonical record. FireHydrant records the lifecycle as
 * milestones, which give the times and the timeline, and what was hit as impacts.
 */

import type { Adapter } from "./adapter";
import { instantOf } from "./date-time";
import { isPlainObject } from "./json";
import { byTime, compact, get, mapStatus, objects, uniqueStrings } from "./source-fields";
import type { IncidentStatus } from "./types";

const MILESTONES: Readonly<Record<string, IncidentStatus>> = {
  started: "investigating",
  detected: "investigating",
  acknowledged: "investigating",
  investigating: "investigating",
  identified: "identified",
  mitigated: "monitoring",
  resolved: "resolved",
  retrospective_started: "resolved",
  postmortem_started: "resolved",
  retrospective_completed: "closed",
  postmortem_completed: "closed",
  closed: "closed",
};

/** Impact kinds that name a service; environments and customers are not services. */
const SERVICE_IMPACTS = new Set(["service", "functionality"]);

export function mapFireHydrantIncident(source: unknown): unknown {
  if (!isPlainObject(source)) return source;
  const milestones = objects(source.milestones);
  const at = (type: string) => milestones.find((milestone) => milestone.type === type)?.occurred_at;
  const number = source.number;
  return compact({
    id: typeof number === "number" || typeof number === "string" ? `FH-${number}` : source.id,
    title: source.name,
    status: mapStatus(source.current_milestone, MILESTONES),
    severity: get(source.severity, "slug") ?? source.severity,
    startedAt: at("started") ?? source.started_at ?? source.created_at,
    detectedAt: at("detected"),
    resolvedAt: at("resolved"),
    services: uniqueStrings(
      objects(source.impacts)
        .filter((impact) => SERVICE_IMPACTS.has(String(impact.type)))
        .map((impact) => get(impact.impact, "name")),
    ),
    customerImpact: source.customer_impact_summary,
    summary: source.summary ?? source.description,
    timeline: byTime(
      milestones.map((milestone) => ({ at: milestone.occurred_at, text: label(milestone.type) })),
      instantOf,
    ),
    links: typeof source.incident_url === "string" ? [{ title: "FireHydrant incident", url: source.incident_url }] : undefined,
  });
}

function label(type: unknown): unknown {
  return typeof type === "string" ? `${type.charAt(0).toUpperCase()}${type.slice(1).replace(/_/g, " ")}` : type;
}

export const fireHydrant: Adapter = {
  format: "firehydrant",
  tool: "FireHydrant",
  matches: (item) => "milestones" in item || "customer_impact_summary" in item || "current_milestone" in item,
  map: mapFireHydrantIncident,
};
