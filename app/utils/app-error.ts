/**
 * One way to refuse. An expected refusal (bad input, a missing row, a conflict, a forbidden step)
 * is an `AppError` carrying its HTTP status, a sentence a person understands and, for form
 * errors, the field it concerns. Models and routes throw it; `toActionResult` turns it into the
 * one action-result shape every form reads. Anything else is unexpected and reaches the error
 * boundary, which never shows a stack.
 */
import { json } from "@remix-run/node";

export type RefusalStatus = 400 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    message: string,
    readonly status: RefusalStatus = 400,
    readonly field?: string,
    /** Extra data a client needs to resolve the refusal, such as the current value on a 409. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The one shape of an action's answer. */
export type ActionResult<T = Record<string, never>> =
  | ({ ok: true; intent?: string; message?: string } & T)
  | {
      ok: false;
      intent?: string;
      message: string;
      field?: string;
      errors?: Record<string, string>;
      details?: Record<string, unknown>;
    };

export type ActionFailure = Extract<ActionResult, { ok: false }>;

/** A thrown 404 page with a sentence, for a row that does not exist or that the user may not see. */
export function notFound(message = "There is no such page."): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

/**
 * An AppError as the action's response: a 404 becomes the not-found page, anything else the
 * failure shape with its status. Anything that is not an AppError is rethrown.
 */
export function toActionResult<E extends { intent?: string } & Record<string, unknown> = Record<string, never>>(error: unknown, extra: E = {} as E) {
  if (!isAppError(error)) throw error;
  if (error.status === 404) throw notFound(error.message);
  return json<ActionFailure & E>(
    {
      ...extra,
      ok: false,
      message: error.message,
      field: error.field,
      errors: error.field ? { [error.field]: error.message } : undefined,
      details: error.details,
    },
    { status: error.status },
  );
}

/** Runs an action body and answers any AppError it throws in the one shape. */
export async function refusing<T>(fn: () => Promise<T>, extra: { intent?: string } & Record<string, unknown> = {}) {
  try {
    return await fn();
  } catch (error) {
    return toActionResult(error, extra);
  }
}
