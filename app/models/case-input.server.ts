/**
 * Shared by the case, source and claim models: the expected refusal they throw, the audit actor
 * of a user, and a transaction typed as the Db the model functions take.
 */
import type { Db } from "#db/client";
import type { AuditActor } from "./audit.server";

/** An expected refusal: the route shows its message with its status (a 404 is thrown as a page). */
export class CaseInputError extends Error {
  name = "CaseInputError";
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 413 = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The audit actor for a signed-in user. */
/** The audit actor for a signed-in user: who, with which roles, and from which address. */
export function actorOf(user: { id: string; email: string; name?: string; roles?: readonly string[] }, ip?: string | null): AuditActor {
  return { id: user.id, label: user.email, name: user.name, roles: user.roles, ip: ip ?? null };
}

/** Runs `fn` in one transaction, with the transaction typed as a Db for the model functions it calls. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}
