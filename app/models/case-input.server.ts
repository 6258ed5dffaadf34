/**
 * Shared by the case, source and claim models: the audit actor of a user, and a transaction typed
 * as the Db the model functions take. Their expected refusals are `AppError`s (app/utils/app-error.ts).
 */
import type { Db } from "#db/client";
import type { AuditActor } from "./audit.server";

/** The audit actor for a signed-in user. */
/** The audit actor for a signed-in user: who, with which roles, and from which address. */
export function actorOf(user: { id: string; email: string; name?: string; roles?: readonly string[] }, ip?: string | null): AuditActor {
  return { id: user.id, label: user.email, name: user.name, roles: user.roles, ip: ip ?? null };
}

/** Runs `fn` in one transaction, with the transaction typed as a Db for the model functions it calls. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}
