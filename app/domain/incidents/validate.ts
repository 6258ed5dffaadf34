/**
 * Validation of a whole file's worth of canonical records. Import is all-or-nothing, so this
 * collects every problem (up to MAX_IMPORT_ERRORS) rather than stopping at the first, and it
 * returns the records exactly as given: no trimming, no date normalisation, absent stays
 * absent, so that export then import is the identity.
 */

import type { z } from "zod";
import { instantOf } from "./date-time";
import { isPlainObject } from "./json";
import { MAX_IMPORT_ERRORS, showValue, unknownFieldMessage, type ImportError } from "./import-error";
import { INCIDENT_FIELDS, IncidentSchema, NESTED_FIELDS } from "./schema";
import type { Incident, IncidentStatus } from "./types";

export type ValidationResult =
  | { ok: true; records: Incident[] }
  | { ok: false; errors: ImportError[]; /** more problems exist than were listed */ truncated?: true };

/**
 * Checks every record against the import format. Errors carry the record's 1-based position
 * in `raw` (`record 1` is `raw[0]`), its id when it has one, and a field path such as
 * `timeline[2].at`. Ids must be unique within the file.
 */
export function validateIncidents(raw: unknown[], positions?: readonly number[]): ValidationResult {
  const records: Incident[] = [];
  const errors: ImportError[] = [];
  const firstIndexById = new Map<string, number>();

  for (let i = 0; i < raw.length; i++) {
    const found = checkRecord(raw[i], positions?.[i] ?? i + 1, firstIndexById);
    if (found.errors.length === 0 && found.record) {
      records.push(found.record);
      continue;
    }
    if (errors.length + found.errors.length > MAX_IMPORT_ERRORS) {
      errors.push(...found.errors.slice(0, MAX_IMPORT_ERRORS - errors.length));
      return { ok: false, errors, truncated: true };
    }
    errors.push(...found.errors);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, records };
}

export interface Partition {
  /** The valid records, with their position among `raw` (0-based). */
  valid: { at: number; record: Incident }[];
  /** Every invalid record's position in the file (1-based), id and problems, none left out. */
  invalid: { index: number; id?: string; errors: ImportError[] }[];
}

/**
 * Sorts every record into valid and invalid, with no cap on the problems: for the choice to
 * import the valid records and skip the rest, which must name every record it skips.
 * `positions` gives each record's 1-based position in the file when it is not `i + 1`.
 */
export function partitionIncidents(raw: unknown[], positions?: readonly number[], earlier: ImportError[] = []): Partition {
  const firstIndexById = new Map<string, number>();
  const earlierByIndex = new Map<number, ImportError[]>();
  for (const error of earlier) earlierByIndex.set(error.index, [...(earlierByIndex.get(error.index) ?? []), error]);
  const partition: Partition = { valid: [], invalid: [] };
  for (let i = 0; i < raw.length; i++) {
    const index = positions?.[i] ?? i + 1;
    const found = checkRecord(raw[i], index, firstIndexById);
    const errors = [...(earlierByIndex.get(index) ?? []), ...found.errors];
    if (errors.length === 0 && found.record) partition.valid.push({ at: i, record: found.record });
    else partition.invalid.push({ index, id: errors.find((e) => e.id)?.id, errors });
  }
  return partition;
}

/** The lifecycle state, with the format's default for records that do not say. */
export function effectiveStatus(incident: Incident): IncidentStatus {
  return incident.status ?? "resolved";
}

function checkRecord(
  value: unknown,
  index: number,
  firstIndexById: Map<string, number>,
): { record?: Incident; errors: ImportError[] } {
  const fields = isPlainObject(value) ? value : undefined;
  const id = typeof fields?.id === "string" && fields.id !== "" ? fields.id : undefined;
  const record: RecordRef = id === undefined ? { index } : { index, id };
  const parsed = IncidentSchema.safeParse(value);
  const errors = parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueToErrors(issue, record));

  const order = fields && orderProblem(fields);
  if (order) errors.push({ ...record, field: "resolvedAt", message: order });

  if (id !== undefined) {
    const first = firstIndexById.get(id);
    if (first === undefined) firstIndexById.set(id, index);
    else errors.push({ ...record, field: "id", message: `${showValue(id)} is already the id of record ${first}` });
  }
  return { record: parsed.success ? parsed.data : undefined, errors };
}

/** Which record an error is about: its position, and its id when it has one. */
type RecordRef = Pick<ImportError, "index" | "id">;

function issueToErrors(issue: z.core.$ZodIssue, record: RecordRef): ImportError[] {
  if (issue.code === "unrecognized_keys") {
    const known = issue.path.length === 0 ? INCIDENT_FIELDS : (NESTED_FIELDS[String(issue.path[0])] ?? []);
    return issue.keys.map((key) => ({
      ...record,
      field: fieldPath([...issue.path, key]),
      message: unknownFieldMessage(key, known),
    }));
  }
  return [{ ...record, field: fieldPath(issue.path), message: issue.message }];
}

/** `["timeline", 2, "at"]` → `timeline[2].at`. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((joined, key) => {
    if (typeof key === "number") return `${joined}[${key}]`;
    return joined ? `${joined}.${String(key)}` : String(key);
  }, "");
}

function orderProblem(fields: Record<string, unknown>): string | undefined {
  const { startedAt, resolvedAt } = fields;
  if (typeof startedAt !== "string" || typeof resolvedAt !== "string") return undefined;
  const started = instantOf(startedAt);
  const resolved = instantOf(resolvedAt);
  if (started === undefined || resolved === undefined || resolved >= started) return undefined;
  return `${showValue(resolvedAt)} is before startedAt ${showValue(startedAt)}`;
}
