/**
 * Reading one import file of any supported format into validated canonical records. Each
 * format is mapped onto candidate records first and every candidate goes through the same
 * validator, so a bad date reads the same whether it came from CSV or from PagerDuty.
 *
 * A file imports whole or not at all, unless the caller asks to skip invalid records
 * (`skipInvalid`): then the valid ones are returned and every skipped one is named with its
 * problems, for the import's history. Objects that are not incidents (a scheduled
 * maintenance) are always left out and listed in `ignored`.
 */

import type { AdapterContext } from "./adapter";
import { readIncidentCsv, type CsvMapping } from "./csv";
import { findIncidents } from "./envelope";
import { capErrors, fileError, showValue, type ImportError } from "./import-error";
import { isPlainObject, parseJsonText } from "./json";
import { adapterByFormat, adapterFor, formatOfEnvelope, unsupportedToolOf } from "./tools";
import type { Incident } from "./types";
import { partitionIncidents, validateIncidents } from "./validate";

export const INCIDENT_FILE_FORMATS = [
  "json",
  "csv",
  "statuspage",
  "pagerduty",
  "incidentio",
  "firehydrant",
  "opsgenie",
  "rootly",
  "dispatch",
] as const;
/** `json` is the canonical format; the others are mapped onto it. */
export type IncidentFileFormat = (typeof INCIDENT_FILE_FORMATS)[number];
type JsonFormat = Exclude<IncidentFileFormat, "csv">;

/** A record of the file that was left out of the import, with why. */
export interface SkippedRecord {
  /** 1-based position in the file. */
  index: number;
  id?: string;
  /** Each problem as `field: what is wrong`, or why the object is not an incident. */
  reasons: string[];
}

export type ParseResult =
  | {
      ok: true;
      format: IncidentFileFormat;
      records: Incident[];
      /** Each record's source object (or CSV row by header name), at the same position. */
      raws: unknown[];
      /** Objects that are not incidents (scheduled maintenances and the like), left out. */
      ignored: SkippedRecord[];
      /** Invalid records left out because the caller chose to skip them. */
      invalid: SkippedRecord[];
    }
  | {
      ok: false;
      format?: IncidentFileFormat;
      errors: ImportError[];
      /** more problems exist than were listed */
      truncated?: true;
      /**
       * When every problem is in a record (none is about the file as a whole) and some records
       * are valid: how many are valid and invalid, so the user may import the valid ones.
       */
      skippable?: { valid: number; invalid: number };
      ignored?: SkippedRecord[];
    };

export interface ParseOptions {
  /** Skip detection and read the file as this format. */
  format?: IncidentFileFormat;
  /** Import the valid records and list the invalid ones instead of rejecting the file. */
  skipInvalid?: boolean;
  /** For CSV: the file's column names mapped onto canonical field names. */
  csvMapping?: CsvMapping;
}

/**
 * Parses and validates an import file. The format is detected from the content unless
 * forced: text starting with `{` or `[` is JSON (canonical or a tool's export, told apart by
 * the first incident's fields, inside whatever envelope the tool's API uses), anything else
 * is CSV. Syntax errors carry a line and column; record errors carry the record's 1-based
 * position.
 */
export function parseIncidentFile(text: string, opts: ParseOptions = {}): ParseResult {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, format: opts.format, errors: [fileError("the file is empty")] };
  const format = opts.format ?? (/^\s*[[{]/.test(body) ? undefined : "csv");
  if (format === "csv") return parseCsvFile(body, opts);
  const json = parseJsonText(body);
  if (!json.ok) return { ok: false, format, errors: [json.error] };
  return parseJsonValue(json.value, format, opts);
}

function parseCsvFile(text: string, opts: ParseOptions): ParseResult {
  const read = readIncidentCsv(text, opts.csvMapping);
  if (!read.ok) return { format: "csv", ...read };
  const { rows } = read;
  return validateCandidates({
    format: "csv",
    candidates: rows.map((row) => row.candidate),
    raws: rows.map((row) => row.raw),
    positions: rows.map((_, i) => i + 1),
    earlierErrors: rows.flatMap((row) => row.errors),
    ignored: [],
    skipInvalid: opts.skipInvalid ?? false,
  });
}

const looksLikeIncident = (item: Record<string, unknown>) =>
  adapterFor(item) !== undefined || unsupportedToolOf(item) !== undefined || "startedAt" in item;

function parseJsonValue(value: unknown, forced: JsonFormat | undefined, opts: ParseOptions): ParseResult {
  const list = findIncidents(value, looksLikeIncident);
  if (!list) {
    const tool = isPlainObject(value) ? unsupportedToolOf(value) : undefined;
    if (tool) return { ok: false, format: forced, errors: [unsupportedError(tool)] };
    const field = isPlainObject(value) && "incidents" in value ? "incidents" : "";
    const message = field ? "is not a list" : 'expected {"incidents": [...]}, a list of incidents, or one incident';
    return { ok: false, format: forced, errors: [fileError(message, { field })] };
  }
  const sample = list.items.find(isPlainObject);
  if (!forced && sample) {
    const tool = unsupportedToolOf(sample);
    if (tool) return { ok: false, errors: [unsupportedError(tool)] };
  }
  const detected = sample ? adapterFor(sample)?.format : formatOfEnvelope(list.extras);
  const format: JsonFormat = forced ?? (detected as JsonFormat | undefined) ?? "json";
  if (format === "json") {
    const problem = canonicalEnvelopeProblems(value, list.key);
    if (problem.length > 0) return { ok: false, format, errors: problem };
  }
  const adapter = format === "json" ? undefined : adapterByFormat(format);
  const context: AdapterContext = { extras: list.extras, count: list.items.length };
  const ignored: SkippedRecord[] = [];
  const candidates: unknown[] = [];
  const raws: unknown[] = [];
  const positions: number[] = [];
  list.items.forEach((item, i) => {
    const reason = adapter?.skipReason?.(item);
    if (reason) {
      const id = isPlainObject(item) && (typeof item.id === "string" || typeof item.id === "number") ? String(item.id) : undefined;
      ignored.push({ index: i + 1, ...(id === undefined ? {} : { id: storable(id) }), reasons: [reason] });
      return;
    }
    candidates.push(adapter ? adapter.map(item, context) : item);
    raws.push(item);
    positions.push(i + 1);
  });
  return validateCandidates({ format, candidates, raws, positions, earlierErrors: [], ignored, skipInvalid: opts.skipInvalid ?? false });
}

function unsupportedError(tool: string): ImportError {
  return fileError(
    `this looks like a ${tool} export, which Factdesk cannot import; export the records as CSV and map its columns on the import page, or convert them to the canonical format`,
  );
}

/**
 * A canonical file is exactly `{"incidents": [...]}`, a bare list, or one record (bare or as
 * `{"incident": {...}}`): there an extra key is reported rather than ignored, since it is
 * most likely a misspelt field.
 */
function canonicalEnvelopeProblems(value: unknown, key: string): ImportError[] {
  if (!isPlainObject(value) || key === "") return [];
  if (key !== "incidents" && key !== "incident") {
    return [fileError(`expected {"incidents": [...]}; "${key}" is the envelope of another tool's export, whose records were not recognised`)];
  }
  const extra = Object.keys(value).filter((name) => name !== key);
  const message = 'unknown top-level field; a canonical file is {"incidents": [...]}';
  return extra.map((field) => fileError(message, { field }));
}

interface Candidates {
  format: IncidentFileFormat;
  candidates: unknown[];
  raws: unknown[];
  positions: number[];
  earlierErrors: ImportError[];
  ignored: SkippedRecord[];
  skipInvalid: boolean;
}

function validateCandidates(input: Candidates): ParseResult {
  const { format, candidates, raws, positions, ignored } = input;
  const earlierErrors = [...input.earlierErrors, ...nulErrors(raws, positions, candidates)];
  if (input.skipInvalid) {
    const partition = partitionIncidents(candidates, positions, earlierErrors);
    return {
      ok: true,
      format,
      records: partition.valid.map((v) => v.record),
      raws: partition.valid.map((v) => raws[v.at]),
      ignored,
      invalid: partition.invalid.map((record) => ({
        index: record.index,
        ...(record.id === undefined ? {} : { id: storable(record.id) }),
        reasons: record.errors.map((e) => storable(e.field ? `${e.field}: ${e.message}` : e.message)),
      })),
    };
  }
  const validation = validateIncidents(candidates, positions);
  if (validation.ok && earlierErrors.length === 0) return { ok: true, format, records: validation.records, raws, ignored, invalid: [] };
  const capped = capErrors([...earlierErrors, ...(validation.ok ? [] : validation.errors)]);
  const truncated = capped.truncated ?? (validation.ok ? undefined : validation.truncated);
  const partition = partitionIncidents(candidates, positions, earlierErrors);
  const skippable =
    partition.valid.length > 0 ? { skippable: { valid: partition.valid.length, invalid: partition.invalid.length } } : {};
  return {
    ok: false,
    format,
    errors: capped.errors,
    ...(truncated ? { truncated } : {}),
    ...skippable,
    ...(ignored.length ? { ignored } : {}),
  };
}

/** Text for the import's history: a NUL character, which the database cannot store, shown as U+FFFD. */
function storable(text: string): string {
  return text.replace(/\u0000/g, "\uFFFD");
}

/**
 * A NUL character cannot be stored (PostgreSQL's text and jsonb refuse it), so it is a record
 * error like any other, found in the preview rather than at the write.
 */
function nulErrors(raws: unknown[], positions: number[], candidates: unknown[]): ImportError[] {
  const errors: ImportError[] = [];
  raws.forEach((raw, i) => {
    const candidateId = isPlainObject(candidates[i]) ? candidates[i].id : undefined;
    const id = typeof candidateId === "string" && candidateId !== "" && !candidateId.includes("\u0000") ? { id: candidateId } : {};
    for (const path of nulPaths(raw, "")) {
      errors.push({ index: positions[i], ...id, field: path, message: "contains a NUL character (\\u0000), which cannot be stored; remove it" });
    }
  });
  return errors;
}

function nulPaths(value: unknown, path: string): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path || "(value)"] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, `${path}[${i}]`));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      return key.includes("\u0000") ? [showValue(at)] : nulPaths(item, at);
    });
  }
  return [];
}
