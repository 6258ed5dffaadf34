/**
 * jsonb keeps objects with its own key order, so a stored record comes back with its keys
 * shuffled. Export puts them back in the format's field order, so that a file written in that
 * order comes out as it went in.
 */
import { INCIDENT_FIELDS, NESTED_FIELDS } from "./schema";
import type { Incident } from "./types";

function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in source) out[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in out)) out[key] = source[key];
  return out as T;
}

/** The record with its keys, and those of its nested objects, in the format's order. */
export function orderIncidentKeys(record: Incident): Incident {
  const out = ordered(record, INCIDENT_FIELDS) as unknown as Record<string, unknown>;
  for (const [field, keys] of Object.entries(NESTED_FIELDS)) {
    const list = out[field];
    if (Array.isArray(list)) out[field] = list.map((item) => (item && typeof item === "object" ? ordered(item, keys) : item));
  }
  return out as unknown as Incident;
}
