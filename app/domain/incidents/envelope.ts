/**
 * Finding the incidents in a JSON file, whatever envelope the exporting API wrapped them in:
 * a bare array; `{"incidents": [...]}` (canonical, Statuspage, PagerDuty, incident.io);
 * a single-incident response `{"incident": {...}}` (Statuspage, PagerDuty, incident.io);
 * `{"data": [...]}` or `{"data": {...}}` with its paging (Opsgenie, FireHydrant, Rootly's
 * JSON:API); `{"total", "items": [...]}` (Netflix Dispatch); or one bare incident object.
 */

import { isPlainObject } from "./json";

export interface IncidentList {
  items: unknown[];
  /** The key the list was found under ("" for a bare array or a bare object). */
  key: string;
  /** The other top-level fields: paging, metadata, or attached log entries and notes. */
  extras: Record<string, unknown>;
}

/** Keys under which a tool's API returns a list of records. */
const LIST_KEYS = ["incidents", "data", "items", "issues", "result"] as const;
/** Keys under which a tool's API returns one record. */
const SINGLE_KEYS = ["incident", "data"] as const;

/**
 * The incidents of a parsed JSON file, or undefined when it holds no list. `looksLikeIncident`
 * decides whether a bare object is itself one incident (a single-incident response that has no
 * envelope, as FireHydrant's and Dispatch's are).
 */
export function findIncidents(value: unknown, looksLikeIncident: (item: Record<string, unknown>) => boolean): IncidentList | undefined {
  if (Array.isArray(value)) return { items: value, key: "", extras: {} };
  if (!isPlainObject(value)) return undefined;
  const without = (key: string) => Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
  for (const key of LIST_KEYS) {
    if (Array.isArray(value[key])) return { items: value[key] as unknown[], key, extras: without(key) };
  }
  for (const key of SINGLE_KEYS) {
    if (isPlainObject(value[key])) return { items: [value[key]], key, extras: without(key) };
  }
  if (looksLikeIncident(value)) return { items: [value], key: "", extras: {} };
  return undefined;
}
