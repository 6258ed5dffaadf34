/**
 * Server-side pieces the case routes share: reading ids from the URL (a malformed id is a 404,
 * never a database error), turning a model's refusal into a response, reading the add-source
 * form with its upload limits, and checking a permission per intent.
 */
import { z } from "zod";
import { can, type Permission } from "~/domain/roles";
import { MAX_HTML_BYTES, MAX_HTML_LABEL } from "~/domain/source-input";
import { notFound, toActionResult, type ActionFailure } from "./app-error";
import { forbidden } from "./auth.server";
import { readForm, type BodyLimit } from "./request-body.server";

const Id = z.uuid();

/** The id in a route parameter, or a thrown 404. */
export function requireId(value: string | undefined, what: string): string {
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw notFound(`There is no such ${what}.`);
  return parsed.data;
}

/** Throws a 403 unless the user's roles grant the permission (for actions whose intents need different ones). */
export function requireCan(user: { roles: readonly string[] }, permission: Permission): void {
  if (!can(user, permission)) {
    throw forbidden(`Your role does not allow this (it needs the “${permission}” permission). Ask an admin if you need it.`);
  }
}

export type FailureData = ActionFailure & { intent: string; claimId?: string };

/** A model's refusal as the action's answer: a 404 page, or the message with its status for the form. */
export function refusal(error: unknown, extra: { intent: string; claimId?: string }) {
  return toActionResult(error, extra);
}

/** The case pages' forms: an article upload (multipart) may be up to the HTML page limit. */
export const CASE_FORM_LIMIT: BodyLimit = {
  maxBytes: MAX_HTML_BYTES * 2,
  label: MAX_HTML_LABEL,
  multipart: true,
  maxPartBytes: MAX_HTML_BYTES,
};

/**
 * The posted form: multipart (files held in memory, each part at most the HTML page limit) or
 * urlencoded, counted as it streams and refused with a 413 at the limit (see request-body.server.ts).
 */
export function readLimitedForm(request: Request): Promise<FormData> {
  return readForm(request, CASE_FORM_LIMIT);
}

/** The chosen file of a form field, or null when none was chosen (a file input left empty posts a nameless, empty part). */
export function chosenFile(value: FormDataEntryValue | null): File | null {
  if (!value || typeof value === "string") return null;
  if (!value.name && value.size === 0) return null;
  return value;
}
