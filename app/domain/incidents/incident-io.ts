/**
 * incident.io incidents (API v2: `GET /v2/incidents` → `{incidents, pagination_meta}`,
 * `GET /v2/incidents/{id}` → `{incident}`) mapped onto the canonical record. An incident's
 * updates (`GET /v2/incident_updates`) may ride along as `updates` on the incident, or as an
 * `incident_updates` list beside it; they become the timeline.
 *
 * incident.io lets each organisation name its statuses and timestamps, so statuses map by
 * their fixed category, and timestamps and custom fields by the words of their names
 * (`INCIDENT_IO_NAMES`, data rather than code).
 */

import type { Adapter, AdapterContext } from "./adapter";
import { instantOf } from "./date-time";
import { isPlainObject } from "./json";
import { byTime, compact, get, objects, uniqueStrings } from "./source-fields";
import { INCIDENT_STATUSES, type IncidentStatus } from "./types";

/** Status categories; declined, merged and canceled incidents are skipped, not imported. */
const CATEGORIES: Readonly<Record<string, IncidentStatus>> = {
  triage: "investigating",
  live: "investigating",
  paused: "identified",
  learning: "resolved",
  closed: "closed",
};
const NOT_INCIDENTS = new Set(["declined", "merged", "canceled", "cancelled"]);

/** Which canonical field a timestamp or custom field feeds, by the words of its name. */
export const INCIDENT_IO_NAMES = {
  startedAt: ["impact started", "impact start", "started at", "started"],
  detectedAt: ["reported at", "reported", "detected at", "detected", "identified at"],
  resolvedAt: ["impact ended", "resolved at", "resolved", "fixed at", "fixed"],
  services: ["affected services", "services", "affected products", "products", "affected components", "components"],
  regions: ["affected regions", "regions", "region"],
  customerImpact: ["customer impact", "impact"],
  rootCause: ["root cause", "cause"],
  trigger: ["trigger"],
  organization: ["organization", "organisation", "business unit"],
} as const;

const squash = (text: unknown) => (typeof text === "string" ? text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim() : "");

function named<T>(entries: T[], nameOf: (entry: T) => unknown, field: keyof typeof INCIDENT_IO_NAMES): T | undefined {
  for (const name of INCIDENT_IO_NAMES[field]) {
    const found = entries.find((entry) => squash(nameOf(entry)) === name);
    if (found) return found;
  }
  return undefined;
}

export function mapIncidentIoIncident(source: unknown, context: AdapterContext = { extras: {}, count: 1 }): unknown {
  if (!isPlainObject(source)) return source;
  const timestamps = objects(source.incident_timestamp_values);
  const timestamp = (field: "startedAt" | "detectedAt" | "resolvedAt") =>
    get(get(named(timestamps, (t) => get(t.incident_timestamp, "name"), field), "value"), "value");
  const fields = objects(source.custom_field_entries);
  const values = (field: keyof typeof INCIDENT_IO_NAMES) => customValues(named(fields, (f) => get(f.custom_field, "name"), field));
  const text = (field: keyof typeof INCIDENT_IO_NAMES) => values(field).join("\n\n") || undefined;
  const links = [
    typeof source.permalink === "string" ? { title: "incident.io incident", url: source.permalink } : undefined,
    typeof source.postmortem_document_url === "string" ? { title: "Postmortem", url: source.postmortem_document_url } : undefined,
  ].filter(Boolean);
  return compact({
    id: source.reference ?? source.id,
    title: source.name,
    status: statusOf(source.incident_status),
    severity: get(source.severity, "name") ?? source.severity,
    startedAt: timestamp("startedAt") ?? source.created_at,
    detectedAt: timestamp("detectedAt"),
    resolvedAt: timestamp("resolvedAt"),
    organization: text("organization"),
    services: uniqueStrings(values("services")),
    regions: uniqueStrings(values("regions")),
    customerImpact: text("customerImpact"),
    summary: source.summary,
    rootCause: text("rootCause"),
    trigger: text("trigger"),
    timeline: timelineOf(source, context),
    links,
  });
}

function statusOf(status: unknown): unknown {
  const name = squash(get(status, "name"));
  if ((INCIDENT_STATUSES as readonly string[]).includes(name)) return name;
  const category = get(status, "category");
  return typeof category === "string" && Object.hasOwn(CATEGORIES, category) ? CATEGORIES[category] : (category ?? status);
}

/** A custom field entry's values as text: option values, catalog entry names, text, numbers. */
function customValues(entry: Record<string, unknown> | undefined): string[] {
  return objects(entry?.values).flatMap((value) => {
    const found =
      get(value.value_option, "value") ??
      get(value.value_catalog_entry, "name") ??
      value.value_text ??
      value.value_numeric ??
      value.value_link;
    return typeof found === "string" || typeof found === "number" ? [String(found)] : [];
  });
}

function timelineOf(source: Record<string, unknown>, context: AdapterContext) {
  const belongs = (update: Record<string, unknown>) => (update.incident_id === undefined ? context.count === 1 : update.incident_id === source.id);
  const updates = Array.isArray(source.updates) ? objects(source.updates) : objects(context.extras.incident_updates).filter(belongs);
  const entries = updates.map((update) => {
    const status = get(update.new_incident_status, "name");
    const message = typeof update.message === "string" && update.message !== "" ? update.message : undefined;
    const label = typeof status === "string" ? status : "Update";
    return { at: update.created_at, text: message ? `${label}: ${message}` : label };
  });
  return byTime(entries, instantOf);
}

export const incidentIo: Adapter = {
  format: "incidentio",
  tool: "incident.io",
  matches: (item) => "incident_status" in item || "incident_timestamp_values" in item || ("reference" in item && "permalink" in item),
  map: mapIncidentIoIncident,
  skipReason(item) {
    const category = get(get(item, "incident_status"), "category");
    if (typeof category === "string" && NOT_INCIDENTS.has(category)) return `an incident.io incident that was ${category}`;
    const mode = get(item, "mode");
    if (mode === "test" || mode === "tutorial") return `an incident.io ${mode} incident`;
    return undefined;
  },
};
