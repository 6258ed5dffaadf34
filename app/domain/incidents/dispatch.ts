/**
 * Netflix Dispatch incidents (`GET /api/v1/{organization}/incidents` → `{total, items, ...}`,
 * one incident → the incident) mapped onto the canonical record. Dispatch stores its times in
 * UTC and writes them without an offset; only for this tool are such times read as UTC,
 * because its own model says so. Events become the timeline.
 */

import type { Adapter } from "./adapter";
import { instantOf } from "./date-time";
import { isPlainObject } from "./json";
import { byTime, compact, get, mapStatus, objects, utcIfNaive } from "./source-fields";
import type { IncidentStatus } from "./types";

const STATUSES: Readonly<Record<string, IncidentStatus>> = {
  Active: "investigating",
  Stable: "monitoring",
  Closed: "closed",
};

export function mapDispatchIncident(source: unknown): unknown {
  if (!isPlainObject(source)) return source;
  const events = objects(source.events).map((event) => ({
    at: utcIfNaive(event.started_at ?? event.created_at),
    text: event.description,
  }));
  return compact({
    id: typeof source.name === "string" ? source.name : source.id,
    title: source.title,
    status: mapStatus(source.status, STATUSES),
    severity: get(source.incident_severity, "name") ?? get(source.incident_priority, "name"),
    startedAt: utcIfNaive(source.reported_at ?? source.created_at),
    resolvedAt: utcIfNaive(source.stable_at ?? source.closed_at),
    organization: get(source.project, "name"),
    summary: source.description,
    rootCause: source.resolution,
    timeline: byTime(events, instantOf),
  });
}

export const dispatch: Adapter = {
  format: "dispatch",
  tool: "Netflix Dispatch",
  matches: (item) => "reported_at" in item && ("stable_at" in item || "closed_at" in item || "events" in item || "incident_priority" in item),
  map: mapDispatchIncident,
};
