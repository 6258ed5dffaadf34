/**
 * Differences between two versions of one incident record, for the version-history page:
 * which fields changed, and a display diff of one field (words for text, lines of
 * pretty-printed JSON for lists and objects).
 */

import { diffLines, diffWords } from "diff";
import { canonicalJson } from "./json";
import { INCIDENT_FIELDS, type IncidentField } from "./schema";
import type { Incident } from "./types";

/** One run of a display diff. */
export interface DiffSegment {
  kind: "added" | "removed" | "unchanged";
  text: string;
}

/** The fields whose content differs, in the format's field order; key order inside values does not count. */
export function diffIncidents(before: Incident, after: Incident): IncidentField[] {
  return INCIDENT_FIELDS.filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]));
}

/**
 * A display diff of one field between two versions. Text and numbers are compared word by
 * word; lists and objects as pretty-printed JSON, line by line. An absent field is empty.
 */
export function diffIncidentField(before: Incident, after: Incident, field: IncidentField): DiffSegment[] {
  const [a, b] = [before[field], after[field]];
  const changes = isScalar(a) && isScalar(b) ? diffWords(a === undefined ? "" : String(a), b === undefined ? "" : String(b)) : diffLines(displayJson(a), displayJson(b));
  return changes.map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "unchanged",
    text: change.value,
  }));
}

function isScalar(value: unknown): value is string | number | undefined {
  return value === undefined || typeof value === "string" || typeof value === "number";
}

function displayJson(value: unknown): string {
  return value === undefined ? "" : `${JSON.stringify(value, null, 2)}\n`;
}
