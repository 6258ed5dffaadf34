/**
 * Helpers for reading other tools' exports, whose shape we do not control. Mappers read
 * defensively and pass anything they cannot map through unchanged, so that the validator
 * names the problem in the same words as for a canonical file.
 */

import { isPlainObject } from "./json";
import type { IncidentStatus } from "./types";

/** A property of an object, or undefined when the value is not an object. */
export function get(value: unknown, key: string): unknown {
  return isPlainObject(value) ? value[key] : undefined;
}

/**
 * Drops the fields a source leaves empty (null, "", []); other tools write null where the
 * canonical format leaves a field out.
 */
export function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => !isEmpty(value)));
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/** Maps a source status through a table; an unknown one passes through for the validator to reject. */
export function mapStatus(value: unknown, table: Readonly<Record<string, IncidentStatus>>): unknown {
  return typeof value === "string" && Object.hasOwn(table, value) ? table[value] : value;
}
