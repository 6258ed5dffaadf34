/**
 * The one error shape every import path reports, and how it reads to a person. Import is
 * all-or-nothing, so a rejected file comes back with a list of these, each naming the record,
 * the field and what was wrong (shared/formats/incidents.md).
 */

/** At most this many problems are reported for one file; a longer list helps nobody fix it. */
export const MAX_IMPORT_ERRORS = 50;

/**
 * One problem with an import file.
 *
 * `index` is 1-based: `record 3` is the third record in the file (for CSV, the third data
 * row after the header). Index 0 means the file as a whole (a syntax error, a bad header),
 * in which case `line` and `column` locate it when known.
 */
export interface ImportError {
  index: number;
  id?: string;
  /** Path to the field, e.g. `startedAt` or `timeline[2].at`; "" when it is not about one field. */
  field: string;
  message: string;
  line?: number;
  column?: number;
}

const MAX_SHOWN_CHARS = 60;

/**
 * One line for a person, e.g. `record 3 (RET-2026-0309-C): startedAt: "2026-03-09 09:02" has
 * no UTC offset`, or `incidents.json:12:5: Unexpected token '}' in JSON` for a file-level
 * problem when `fileName` is given.
 */
export function formatImportError(error: ImportError, fileName?: string): string {
  const detail = error.field ? `${error.field}: ${error.message}` : error.message;
  if (error.index > 0) {
    const id = error.id ? ` (${truncate(error.id, 64)})` : "";
    return `record ${error.index}${id}: ${detail}`;
  }
  return `${fileLocation(error, fileName)}${detail}`;
}

/** `name:line:column: ` in the compiler style when the file has a name, words otherwise. */
function fileLocation({ line, column }: ImportError, fileName?: string): string {
  const lineColumn = line === undefined ? [] : column === undefined ? [line] : [line, column];
  if (fileName) return `${[fileName, ...lineColumn].join(":")}: `;
  if (line === undefined) return "";
  return column === undefined ? `line ${line}: ` : `line ${line}, column ${column}: `;
}

/** A file-level error (index 0). */
export function fileError(message: string, location: Partial<Pick<ImportError, "field" | "line" | "column">> = {}): ImportError {
  return { index: 0, field: "", message, ...location };
}

/** Shows a value the way the file wrote it, short enough for one line of an error. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(truncate(value, MAX_SHOWN_CHARS));
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "an object";
  return String(value);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Keeps the first MAX_IMPORT_ERRORS, in file order; `truncated` says whether any were dropped. */
export function capErrors(errors: ImportError[]): { errors: ImportError[]; truncated?: true } {
  const ordered = [...errors].sort((a, b) => a.index - b.index);
  if (ordered.length <= MAX_IMPORT_ERRORS) return { errors: ordered };
  return { errors: ordered.slice(0, MAX_IMPORT_ERRORS), truncated: true };
}

/** The closest known field name to an unknown one, for a "did you mean" hint. */
function suggestField(unknown: string, known: readonly string[]): string | undefined {
  const squash = (name: string) => name.toLowerCase().replace(/[_\-\s]/g, "");
  const exact = known.find((name) => squash(name) === squash(unknown));
  if (exact) return exact;
  return known.find((name) => editDistance(name.toLowerCase(), unknown.toLowerCase()) <= 2);
}

/** The "unknown field" (or "unknown column") message, with a hint when a known name is close. */
export function unknownFieldMessage(unknown: string, known: readonly string[], noun = "field"): string {
  const suggestion = suggestField(unknown, known);
  return suggestion ? `unknown ${noun} (did you mean "${suggestion}"?)` : `unknown ${noun}, not part of the import format`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
