/**
 * CSV import: a spreadsheet with one incident per row, turned into candidate canonical
 * records for the validator. The header names the columns exactly like the JSON fields
 * (`id`, `title`, `startedAt`, ...). An empty cell means the field is absent, and whitespace
 * around a cell or an item is not content.
 *
 * Cells of list fields hold several items separated by `;` (or a line break inside the cell):
 *   services, regions, internalOnly   checkout; search
 *   contributingFactors               capacity: Nodes ran out of disk; monitoring_gap: No alarm
 *   timeline                          2026-03-05T18:12:00Z | Alias switched; 2026-03-05T18:19:00Z | Alarm
 *   actionItems                       done | Refuse empty alias | search-team; open | Lint migrations
 *                                     (status | text, or status | text | owner; status is required)
 *   links                             Postmortem | https://wiki.example.com/pm/0305
 * Write `\;` for a literal semicolon inside an item and `\|` for a literal bar inside a part.
 * A factor splits at its first `:`, so its description may contain colons.
 */

import { CsvError, parse } from "csv-parse/sync";
import { capErrors, fileError, showValue, unknownFieldMessage, type ImportError } from "./import-error";
import { lineAndColumn } from "./json";
import { INCIDENT_FIELDS, type IncidentField } from "./schema";

/**
 * How another tool's CSV export maps onto the canonical fields: each of its column names to a
 * field, or to null to leave that column out. Columns the mapping does not name keep their own
 * name, which must then be a field.
 */
export type CsvMapping = Readonly<Record<string, IncidentField | null>>;

/** One data row: the cells by header name, the record built from them, and any cell-syntax problems. */
export interface CsvRow {
  raw: Record<string, string>;
  candidate: Record<string, unknown>;
  errors: ImportError[];
}

export type CsvReadResult = { ok: true; rows: CsvRow[] } | { ok: false; errors: ImportError[]; truncated?: true };

/** A parsed CSV record and the line it ends on. */
type CsvLine = { record: string[]; info: { lines: number } };

const REQUIRED_COLUMNS: readonly IncidentField[] = ["id", "title", "startedAt"];

/**
 * Reads CSV text (without a byte-order mark) into candidate records; syntax and header
 * problems are file-level errors, cell-syntax problems are reported per row.
 */
export function readIncidentCsv(text: string, mapping: CsvMapping = {}): CsvReadResult {
  let table: CsvLine[];
  try {
    // With `info: true` each record comes with its line; csv-parse's types do not model that.
    table = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as CsvLine[];
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, errors: [quoteError(text, error)] };
    throw error;
  }
  const [header = [], ...body] = table.map((row) => row.record);
  const columns = header.map((name) => {
    const trimmed = name.trim();
    return Object.hasOwn(mapping, trimmed) ? mapping[trimmed] : trimmed;
  });
  const headerLine = table[0]?.info.lines ?? 1;
  const errors = [...checkHeader(columns, body, headerLine), ...checkFieldCounts(table, header.length)];
  if (errors.length > 0) return { ok: false, ...capErrors(errors) };
  return { ok: true, rows: body.map((cells, i) => readRow(cells, header, columns as (IncidentField | null)[], i + 1)) };
}

/**
 * Every column must be a field, once, and the required ones must be there. A column without
 * a name is allowed while it is empty: spreadsheets often export a trailing blank column.
 */
function checkHeader(columns: (string | null)[], body: string[][], line: number): ImportError[] {
  const errors: ImportError[] = [];
  columns.forEach((name, i) => {
    if (name === null) return;
    if (name === "") {
      if (body.some((cells) => cells[i]?.trim())) errors.push(fileError(`column ${i + 1} has values but no name`, { line }));
    } else if (!(INCIDENT_FIELDS as readonly string[]).includes(name)) {
      errors.push(fileError(unknownFieldMessage(name, INCIDENT_FIELDS, "column"), { field: name, line }));
    } else if (columns.indexOf(name) !== i) {
      errors.push(fileError(`column appears twice (columns ${columns.indexOf(name) + 1} and ${i + 1})`, { field: name, line }));
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) errors.push(fileError("required column is missing", { field: required, line }));
  }
  return errors;
}

/** Every row whose number of cells differs from the header's, by the line it ends on. */
function checkFieldCounts(table: CsvLine[], expected: number): ImportError[] {
  return table
    .filter((row) => row.record.length !== expected)
    .map((row) => fileError(`row has ${row.record.length} fields but the header has ${expected}`, { line: row.info.lines }));
}

function readRow(cells: string[], header: string[], columns: (IncidentField | null)[], index: number): CsvRow {
  const raw = Object.fromEntries(header.map((name, i) => [name, cells[i]]));
  const id = cells[columns.indexOf("id")]?.trim();
  const record = id ? { index, id } : { index };
  const candidate: Record<string, unknown> = {};
  const errors: ImportError[] = [];
  columns.forEach((field, i) => {
    const cell = cells[i].trim();
    if (cell === "" || field === null) return;
    const read = (CELL_READERS[field] ?? readText)(cell, field);
    if ("value" in read) candidate[field] = read.value;
    else errors.push(...read.problems.map((problem) => ({ ...record, ...problem })));
  });
  return { raw, candidate, errors };
}

type CellResult = { value: unknown } | { problems: { field: string; message: string }[] };
type CellReader = (cell: string, field: IncidentField) => CellResult;

const readText: CellReader = (cell) => ({ value: cell });

const readList: CellReader = (cell) => ({ value: splitItems(cell) });

/** A number when the cell is one, otherwise the text, which the validator then names. */
const readCount: CellReader = (cell) => ({ value: /^-?\d+(?:\.\d+)?$/.test(cell) ? Number(cell) : cell });

/** A reader for a list of structured items; a malformed item is reported with the form it should have. */
function readItems(form: string, readItem: (item: string) => object | undefined): CellReader {
  return (cell, field) => {
    const items = splitItems(cell);
    const value = items.map(readItem);
    const problems = items.flatMap((item, i) =>
      value[i] ? [] : [{ field: `${field}[${i}]`, message: `${showValue(item)} is not in the form "${form}"` }],
    );
    return problems.length > 0 ? { problems } : { value };
  };
}

const readFactor = (item: string) => {
  const colon = item.indexOf(":");
  return colon < 0 ? undefined : { tag: item.slice(0, colon).trim(), description: item.slice(colon + 1).trim() };
};

const readTimelineEntry = (item: string) => {
  const parts = splitParts(item);
  return parts.length === 2 ? { at: parts[0], text: parts[1] } : undefined;
};

const readActionItem = (item: string) => {
  const [status, text, owner, ...extra] = splitParts(item);
  if (text === undefined || extra.length > 0) return undefined;
  return owner === undefined ? { text, status } : { text, status, owner };
};

const readLink = (item: string) => {
  const parts = splitParts(item);
  return parts.length === 2 ? { title: parts[0], url: parts[1] } : undefined;
};

const CELL_READERS: Partial<Record<IncidentField, CellReader>> = {
  services: readList,
  regions: readList,
  internalOnly: readList,
  customersAffected: readCount,
  contributingFactors: readItems("tag: description", readFactor),
  timeline: readItems("time | text", readTimelineEntry),
  actionItems: readItems("status | text | owner", readActionItem),
  links: readItems("title | url", readLink),
};

/** Items of a list cell: split on `;` or a line break, `\;` kept as a semicolon, blanks dropped. */
function splitItems(cell: string): string[] {
  return splitUnescaped(cell, ";\n", ";").filter((item) => item !== "");
}

/** Parts of one item: split on `|`, `\|` kept as a bar; blanks kept so positions stay meaningful. */
function splitParts(item: string): string[] {
  return splitUnescaped(item, "|", "|");
}

function splitUnescaped(text: string, separators: string, escapable: string): string[] {
  const pieces: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && escapable.includes(text[i + 1] ?? "")) {
      current += text[++i];
    } else if (separators.includes(char)) {
      pieces.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  pieces.push(current.trim());
  return pieces;
}

/**
 * csv-parse reports where it stopped (for an unclosed quote, the end of the file), not where
 * the problem is, so we find the offending quote ourselves and point the line at it.
 */
function quoteError(text: string, error: CsvError): ImportError {
  const quote = findQuoteProblem(text);
  if (quote) return fileError(quote.message, lineAndColumn(text, quote.offset));
  return fileError(error.message, { line: Number(error.lines) || undefined });
}

function findQuoteProblem(text: string): { offset: number; message: string } | undefined {
  let inQuotes = false;
  let openedAt = 0;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char !== '"') continue;
      if (text[i + 1] === '"') i++;
      else if (i + 1 < text.length && !',\r\n'.includes(text[i + 1])) {
        return { offset: i + 1, message: 'unexpected text after a closing quote; write a quote inside a quoted cell as ""' };
      } else inQuotes = false;
    } else if (char === '"') {
      if (!fieldStart) return { offset: i, message: "quote inside an unquoted cell; quote the whole cell and double the inner quote" };
      inQuotes = true;
      openedAt = i;
    }
    fieldStart = ',\r\n'.includes(char) && !inQuotes;
  }
  return inQuotes ? { offset: openedAt, message: "quoted cell is never closed" } : undefined;
}

/** The column names of a CSV file's header, or undefined when the text has no readable header. */
export function readCsvHeader(text: string): string[] | undefined {
  try {
    const [header] = parse(text, { bom: true, to_line: 1, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return header?.map((name) => name.trim()).filter((name) => name !== "");
  } catch {
    return undefined;
  }
}
