/**
 * Reading a posted form, bounded. Every action reads its body through `readForm` after it has
 * checked who is asking, with the limit its route allows: the bytes are counted as they stream
 * in and reading stops at the limit (a chunked upload has no Content-Length to trust), so a
 * body can never cost more memory than its route's limit. What is not a form (no or another
 * Content-Type, a multipart body without a boundary, bytes that do not parse) and any field
 * holding a NUL character are refused with an `AppError`, never a 500.
 */
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { AppError, toActionResult } from "./app-error";

/** The most a form without a file may be: ample for every text field the app accepts. */
export const FORM_LIMIT_BYTES = 256 * 1024;

export interface BodyLimit {
  /** The most the whole body may be, in bytes. */
  maxBytes: number;
  /** How the limit reads in a sentence ("8 MB"). */
  label?: string;
  /** Whether multipart bodies (file uploads) are accepted; forms without a file post urlencoded. */
  multipart?: boolean;
  /** The most one multipart part may be, when it is less than the whole body. */
  maxPartBytes?: number;
}

const SMALL_FORM: BodyLimit = { maxBytes: FORM_LIMIT_BYTES, label: "256 KB", multipart: true };

function tooLarge(limit: BodyLimit): AppError {
  const label = limit.label ?? `${Math.ceil(limit.maxBytes / 1024)} KB`;
  return new AppError(`The form is larger than ${label}, the most this page accepts.`, 413);
}

function notAForm(): AppError {
  return new AppError("This address accepts a posted form (application/x-www-form-urlencoded or multipart/form-data); the request was not one.", 415);
}

function unreadable(): AppError {
  return new AppError("The form could not be read: its body is malformed. Reload the page and send it again.", 400);
}

/** The body's bytes, refused with a 413 as soon as they pass `maxBytes`. */
async function readBytes(request: Request, limit: BodyLimit): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit.maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The request with a body that errors once more than `maxBytes` have streamed through. */
function limitedRequest(request: Request, limit: BodyLimit, exceeded: { value: boolean }): Request {
  let total = 0;
  const counted = request.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > limit.maxBytes) {
          exceeded.value = true;
          controller.error(tooLarge(limit));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body: counted, duplex: "half" } as RequestInit);
}

function refuseNul(form: FormData): FormData {
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && value.includes("\u0000")) {
      const field = key.length <= 40 && /^[\w.[\]-]+$/.test(key) ? key : "form";
      throw new AppError(`The field “${field}” contains a NUL character, which is not text. Remove it and send the form again.`, 400, field);
    }
  }
  return form;
}

/**
 * The posted form, read within `limit`. Urlencoded forms are read whole (they are small);
 * multipart forms stream through Remix's parser, each file held in memory up to its part limit.
 */
export async function readForm(request: Request, limit: BodyLimit = SMALL_FORM): Promise<FormData> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit.maxBytes) throw tooLarge(limit);
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const mediaType = type.split(";")[0].trim();

  if (mediaType === "application/x-www-form-urlencoded") {
    const bytes = await readBytes(request, limit);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw unreadable();
    }
    const form = new FormData();
    for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
    return refuseNul(form);
  }

  if (mediaType === "multipart/form-data" && limit.multipart) {
    if (!/;\s*boundary=/.test(type) || !request.body) throw unreadable();
    const exceeded = { value: false };
    try {
      const form = await unstable_parseMultipartFormData(
        limitedRequest(request, limit, exceeded),
        unstable_createMemoryUploadHandler({ maxPartSize: limit.maxPartBytes ?? limit.maxBytes }),
      );
      return refuseNul(form);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (exceeded.value || error instanceof MaxPartSizeExceededError) throw tooLarge(limit);
      throw unreadable();
    }
  }

  throw notAForm();
}

/**
 * `readForm` for an action that reads its form before anything else: a refusal (415, 400, 413)
 * comes back as the action's response in the one failure shape, never as a thrown error.
 */
export async function readFormOrRespond(request: Request, limit: BodyLimit = SMALL_FORM) {
  try {
    return await readForm(request, limit);
  } catch (error) {
    return toActionResult(error);
  }
}
