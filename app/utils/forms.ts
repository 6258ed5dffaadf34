/** Form parsing with zod: invalid input becomes per-field messages for a 400 re-render, never a throw. */
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function formToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    out[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return out;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): ParseResult<z.infer<S>> {
  const result = schema.safeParse(formToObject(formData));
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
