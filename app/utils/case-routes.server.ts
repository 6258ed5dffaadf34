/**
 * Server-side pieces the case routes share: reading ids from the URL (a malformed id is a 404,
 * never a database error), turning a model's refusal into a response, reading the add-source
 * form with its upload limits, and checking a permission per intent.
 */
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { z } from "zod";
import { can, type Permission } from "~/domain/roles";
import { MAX_HTML_BYTES, MAX_HTML_LABEL } from "~/domain/source-input";
import { CaseInputError } from "~/models/case-input.server";
import { forbidden } from "./auth.server";

const Id = z.uuid();

/** The id in a route parameter, or a thrown 404. */
export function requireId(value: string | undefined, what: string): string {
  const parsed = Id.safeParse(value);
  if (!parsed.success) throw new Response(`There is no such ${what}.`, { status: 404, statusText: "Not Found" });
  return parsed.data;
}

/** Throws a 403 unless the user's roles grant the permission (for actions whose intents need different ones). */
export function requireCan(user: { roles: readonly string[] }, permission: Permission): void {
  if (!can(user, permission)) {
    throw forbidden(`Your role does not allow this (it needs the “${permission}” permission). Ask an admin if you need it.`);
  }
}

export type FailureData = { ok: false; intent: string; message: string; field?: string; claimId?: string; errors?: Record<string, string> };

/** A model's refusal as the action's answer: a 404 page, or the message with its status for the form. */
export function refusal(error: unknown, extra: { intent: string; claimId?: string }) {
  if (!(error instanceof CaseInputError)) throw error;
  if (error.status === 404) throw new Response(error.message, { status: 404, statusText: "Not Found" });
  return json<FailureData>(
    { ok: false, ...extra, message: error.message, field: error.field, errors: error.field ? { [error.field]: error.message } : undefined },
    { status: error.status },
  );
}

export class FormTooLargeError extends Error {}

/**
 * The posted form: multipart (files held in memory, each part at most the HTML page limit) or
 * urlencoded. A body larger than any form we accept is refused before it is read.
 */
export async function readLimitedForm(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_HTML_BYTES * 2) throw new FormTooLargeError(`The upload is larger than ${MAX_HTML_LABEL}, the most an article may be.`);
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_HTML_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new FormTooLargeError(`The upload is larger than ${MAX_HTML_LABEL}, the most an article may be.`);
    throw error;
  }
}

/** The chosen file of a form field, or null when none was chosen (a file input left empty posts a nameless, empty part). */
export function chosenFile(value: FormDataEntryValue | null): File | null {
  if (!value || typeof value === "string") return null;
  if (!value.name && value.size === 0) return null;
  return value;
}
