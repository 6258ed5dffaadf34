/**
 * Several JSON files read as one: a tool's API answers an incident and its details in separate
 * responses (PagerDuty's incident, its `log_entries` and its `notes`), and lists in pages. The
 * files' top-level objects are merged; lists under the same key are joined in file order.
 */

import { fileError, type ImportError } from "./import-error";
import { isPlainObject, parseJsonText } from "./json";

export type CombineResult = { ok: true; text: string } | { ok: false; errors: ImportError[] };

/** One JSON text from several; a single file is returned as it is. */
export function combineJsonFiles(files: readonly { name: string; text: string }[]): CombineResult {
  if (files.length === 1) return { ok: true, text: files[0].text };
  const merged: Record<string, unknown> = {};
  const errors: ImportError[] = [];
  for (const file of files) {
    const parsed = parseJsonText(file.text.replace(/^\uFEFF/, ""));
    if (!parsed.ok) {
      errors.push({ ...parsed.error, message: `${file.name}: ${parsed.error.message}` });
      continue;
    }
    if (!isPlainObject(parsed.value)) {
      errors.push(fileError(`${file.name}: only JSON objects (an API's responses) can be read together; import a list on its own`));
      continue;
    }
    for (const [key, value] of Object.entries(parsed.value)) {
      const before = merged[key];
      if (Array.isArray(before) && Array.isArray(value)) merged[key] = [...before, ...value];
      else if (isPlainObject(before) && isPlainObject(value) && key === "incident") {
        errors.push(fileError(`${file.name}: another file already holds an incident; import each incident with its own details`));
      } else merged[key] = value;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, text: JSON.stringify(merged) };
}
