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

/** The strings of a list, each once, in order of first appearance; anything else is dropped. */
export function uniqueStrings(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === "string" && value.trim() !== ""))];
}

/** A date-time that a tool writes without an offset although it documents it as UTC, marked as UTC. */
export function utcIfNaive(value: unknown): unknown {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(value) ? `${value}Z` : value;
}

/** Items of a list that are objects; anything else is dropped. */
export function objects(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

/** Sorts timeline entries by time, keeping the source's order for equal or unreadable times. */
export function byTime<T extends { at: unknown }>(entries: T[], instant: (value: string) => number | undefined): T[] {
  const time = (entry: T) => (typeof entry.at === "string" ? instant(entry.at) : undefined) ?? Number.POSITIVE_INFINITY;
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(a.entry) - time(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}
