/**
 * Server-only helpers of the incident pages. The incident domain's index pulls in the file
 * parsers (csv-parse needs Node's Buffer), so route modules, whose code also reaches the
 * browser bundle, take what they need from the domain through this file, which Remix keeps
 * out of the browser build.
 */
import { readForm } from "./request-body.server";
import {
  diffIncidentField,
  diffIncidents,
  effectiveStatus,
  combineJsonFiles,
  formatImportError,
  INCIDENT_FIELDS,
  readCsvHeader,
  type DiffSegment,
  type ImportError,
  type Incident,
  type IncidentStatus,
} from "~/domain/incidents";

export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = "256 MB";

export class UploadTooLargeError extends Error {}

/** Room for the form's other fields beside the file. */
const FORM_FIELDS_BYTES = 64 * 1024;

/**
 * The posted form: multipart (with the file held in memory) when it carries a file, urlencoded
 * otherwise. Multipart is read by the platform's own parser, which reads a quoted file name
 * as written (Remix's parser refuses one containing `=` or `;`), through a counter that stops
 * reading at the upload limit.
 */
export async function readImportForm(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  // Anything but multipart goes through the shared reader: 415 for what is not a form, 400 for a NUL or bad bytes.
  if (!type.startsWith("multipart/form-data") || !request.body) return readForm(request);
  let exceeded = false;
  let read = 0;
  const limit = MAX_UPLOAD_BYTES + FORM_FIELDS_BYTES;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) {
          exceeded = true;
          controller.error(new UploadTooLargeError(`The file is larger than ${MAX_UPLOAD_LABEL}`));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  const limited = new Request(request.url, { method: "POST", headers: request.headers, body: counted, duplex: "half" } as RequestInit);
  try {
    return await limited.formData();
  } catch (error) {
    if (exceeded) throw new UploadTooLargeError(`The file is larger than ${MAX_UPLOAD_LABEL}`);
    throw error;
  }
}

/** The uploaded file as text, or what is wrong with it: none chosen, empty, or not UTF-8 text. */
export async function readUploadedText(
  value: FormDataEntryValue | null,
): Promise<{ ok: true; fileName: string; text: string } | { ok: false; message: string }> {
  if (!value || typeof value === "string") return { ok: false, message: "Choose a file to import." };
  const fileName = value.name || "upload";
  if (value.size === 0) return { ok: false, message: value.name ? `${fileName} is empty.` : "Choose a file to import." };
  const bytes = new Uint8Array(await value.arrayBuffer());
  if (bytes.includes(0)) {
    return { ok: false, message: `${fileName} is not a text file (it contains NUL bytes). Upload a JSON or CSV file.` };
  }
  try {
    return { ok: true, fileName, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: `${fileName} is not UTF-8 text. Save it as UTF-8 (JSON or CSV) and upload it again.` };
  }
}

/**
 * The uploaded file, or several read as one (an API's incident with its log entries and
 * notes, say), or what is wrong with them.
 */
export async function readUploadedFiles(
  values: FormDataEntryValue[],
): Promise<{ ok: true; fileName: string; text: string } | { ok: false; message: string }> {
  const files: { fileName: string; text: string }[] = [];
  for (const value of values.length ? values : [null]) {
    const file = await readUploadedText(value);
    if (!file.ok) return file;
    files.push(file);
  }
  const fileName = files.map((file) => file.fileName).join(" + ");
  const combined = combineJsonFiles(files.map((file) => ({ name: file.fileName, text: file.text })));
  if (!combined.ok) return { ok: false, message: combined.errors.map((e) => formatImportError(e)).join(" ") };
  return { ok: true, fileName, text: combined.text };
}

/** Each import error as one line for a person. */
export function importErrorLines(errors: ImportError[], fileName: string): string[] {
  return errors.map((e) => formatImportError(e, fileName));
}

export function incidentStatus(record: Incident): IncidentStatus {
  return effectiveStatus(record);
}

export interface FieldDiff {
  field: string;
  segments: DiffSegment[];
}

/** The fields that differ between two versions, each with its display diff. */
export function compareRecords(before: Incident, after: Incident): FieldDiff[] {
  return diffIncidents(before, after).map((field) => ({ field, segments: diffIncidentField(before, after, field) }));
}

/** The columns of an uploaded CSV, for the column-mapping form; undefined for anything else. */
export function csvColumns(text: string, format: string | undefined): string[] | undefined {
  if (format !== "csv") return undefined;
  return readCsvHeader(text);
}

/** Whether a name is a canonical field, for reading a posted column mapping. */
export function isIncidentField(name: string): name is (typeof INCIDENT_FIELDS)[number] {
  return (INCIDENT_FIELDS as readonly string[]).includes(name);
}
