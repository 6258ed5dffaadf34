/**
 * Opsgenie incidents (Incident API v1: list → `{data, paging, took, requestId}`, get →
 * `{data, took, requestId}`) mapped onto the canonical record. Opsgenie names impacted
 * services and teams by id only, so those stay in the raw source rather than becoming
 * unreadable service names.
 */

import type { Adapter } from "./adapter";
import { isPlainObject } from "./json";
import { compact, get, mapStatus } from "./source-fields";
import type { IncidentStatus } from "./types";

const STATUSES: Readonly<Record<string, IncidentStatus>> = {
  open: "investigating",
  resolved: "resolved",
  closed: "closed",
};

export function mapOpsgenieIncident(source: unknown): unknown {
  if (!isPlainObject(source)) return source;
  const tinyId = source.tinyId;
  const web = get(source.links, "web");
  return compact({
    id: typeof tinyId === "string" || typeof tinyId === "number" ? `OG-${tinyId}` : source.id,
    title: source.message,
    status: mapStatus(source.status, STATUSES),
    severity: source.priority,
    startedAt: source.impactStartDate ?? source.createdAt,
    resolvedAt: source.impactEndDate,
    summary: source.description,
    links: typeof web === "string" ? [{ title: "Opsgenie incident", url: web }] : undefined,
  });
}

export const opsgenie: Adapter = {
  format: "opsgenie",
  tool: "Opsgenie",
  matches: (item) => "tinyId" in item || "impactStartDate" in item || ("message" in item && "ownerTeam" in item),
  map: mapOpsgenieIncident,
};
