/**
 * Reading one import file of any supported format into validated canonical records. Each
 * format is mapped onto candidate records first and every candidate goes through the same
 * validator, so a bad date reads the same whether it came from CSV or from PagerDuty.
 */

import { readIncidentCsv } from "./csv";
import { capErrors, fileError, type ImportError } from "./import-error";
import { isPlainObject, parseJsonText } from "./json";
import { mapPagerDutyIncident } from "./pagerduty";
import { mapStatuspageIncident } from "./statuspage";
import type { Incident } from "./types";
import { validateIncidents } from "./validate";

export const INCIDENT_FILE_FORMATS = ["json", "csv", "statuspage", "pagerduty"] as const;
/** `json` is the canonical format; the others are mapped onto it. */
export type IncidentFileFormat = (typeof INCIDENT_FILE_FORMATS)[number];
type JsonFormat = Exclude<IncidentFileFormat, "csv">;

export type ParseResult =
  | {
      ok: true;
      format: IncidentFileFormat;
      records: Incident[];
      /** Each record's source object (or CSV row by header name), at the same position. */
      raws: unknown[];
    }
  | { ok: false; format?: IncidentFileFormat; errors: ImportError[]; /** more problems exist than were listed */ truncated?: true };

export interface ParseOptions {
  /** Skip detection and read the file as this format. */
  format?: IncidentFileFormat;
}

const MAPPERS: Record<Exclude<JsonFormat, "json">, (source: unknown) => unknown> = {
  statuspage: mapStatuspageIncident,
  pagerduty: mapPagerDutyIncident,
};

/**
 * Parses and validates an import file. The format is detected from the content unless
 * forced: text starting with `{` or `[` is JSON (canonical, Statuspage or PagerDuty, told
 * apart by the first incident's fields), anything else is CSV. Syntax errors carry a line
 * and column; record errors carry the record's 1-based position.
 */
export function parseIncidentFile(text: string, opts: ParseOptions = {}): ParseResult {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, format: opts.format, errors: [fileError("the file is empty")] };
  const format = opts.format ?? (/^\s*[[{]/.test(body) ? undefined : "csv");
  if (format === "csv") return parseCsvFile(body);
  const json = parseJsonText(body);
  if (!json.ok) return { ok: false, format, errors: [json.error] };
  return parseJsonValue(json.value, format);
}

function parseCsvFile(text: string): ParseResult {
  const read = readIncidentCsv(text);
  if (!read.ok) return { format: "csv", ...read };
  const { rows } = read;
  return validateCandidates(
    "csv",
    rows.map((row) => row.candidate),
    rows.map((row) => row.raw),
    rows.flatMap((row) => row.errors),
  );
}

function parseJsonValue(value: unknown, forced?: JsonFormat): ParseResult {
  const format = forced ?? detectJsonFormat(value);
  const listed = listIncidents(value, format);
  if (!listed.ok) return { ok: false, format, errors: listed.errors };
  const candidates = format === "json" ? listed.items : listed.items.map(MAPPERS[format]);
  return validateCandidates(format, candidates, listed.items, []);
}

function validateCandidates(
  format: IncidentFileFormat,
  candidates: unknown[],
  raws: unknown[],
  earlierErrors: ImportError[],
): ParseResult {
  const validation = validateIncidents(candidates);
  if (validation.ok && earlierErrors.length === 0) return { ok: true, format, records: validation.records, raws };
  const capped = capErrors([...earlierErrors, ...(validation.ok ? [] : validation.errors)]);
  const truncated = capped.truncated ?? (validation.ok ? undefined : validation.truncated);
  return truncated ? { ok: false, format, errors: capped.errors, truncated } : { ok: false, format, errors: capped.errors };
}

/** The incidents of a JSON file: a bare array, or the `incidents` array of an envelope object. */
function incidentItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  return isPlainObject(value) && Array.isArray(value.incidents) ? value.incidents : undefined;
}

function detectJsonFormat(value: unknown): JsonFormat {
  const sample = incidentItems(value)?.find(isPlainObject);
  if (sample) return formatOfIncident(sample);
  if (isPlainObject(value) && "page" in value) return "statuspage";
  if (isPlainObject(value) && ("more" in value || "limit" in value)) return "pagerduty";
  return "json";
}

function formatOfIncident(incident: Record<string, unknown>): JsonFormat {
  if ("incident_number" in incident || incident.type === "incident") return "pagerduty";
  const statuspageKeys = ["incident_updates", "page_id", "postmortem_body", "shortlink"];
  if (statuspageKeys.some((key) => key in incident) || ("name" in incident && "impact" in incident)) return "statuspage";
  return "json";
}

/**
 * The incident list, or why there is none. Envelope keys beside `incidents` are pagination
 * and page metadata in the tools' exports, but a canonical file is exactly
 * `{"incidents": [...]}`, so there an extra key is reported rather than ignored.
 */
function listIncidents(value: unknown, format: JsonFormat): { ok: true; items: unknown[] } | { ok: false; errors: ImportError[] } {
  const items = incidentItems(value);
  if (!items) {
    const field = isPlainObject(value) && "incidents" in value ? "incidents" : "";
    const message = field ? "is not a list" : 'expected {"incidents": [...]} or a list of incidents';
    return { ok: false, errors: [fileError(message, { field })] };
  }
  if (format === "json" && isPlainObject(value)) {
    const extra = Object.keys(value).filter((key) => key !== "incidents");
    if (extra.length > 0) {
      const message = 'unknown top-level field; a canonical file is {"incidents": [...]}';
      return { ok: false, errors: extra.map((field) => fileError(message, { field })) };
    }
  }
  return { ok: true, items };
}
