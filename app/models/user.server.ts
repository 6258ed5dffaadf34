/**
 * Accounts, sessions and sign-in throttling. Sessions live in the database so that any app
 * process can serve any request, and sign-out or deactivation takes effect at once.
 */
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { sessions, settings, signInThrottle, users } from "#db/schema";
import { isRole, type Role } from "~/domain/roles";
import { FAILURE_WINDOW_SECONDS, FREE_FAILURES, MAX_DELAY_SECONDS, secondsUntilAllowed } from "~/domain/throttle";
import { AppError } from "~/utils/app-error";
import { DUMMY_HASH, hashPassword, verifyPassword } from "~/utils/password.server";

export const SESSION_TTL_SECONDS = 60 * 60 * 12;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

const userColumns = { id: users.id, email: users.email, name: users.name, roles: users.roles };

/** RFC 5321's limit on an address; longer ones are refused before they reach an index. */
export const MAX_EMAIL_CHARS = 254;
/** Hashing cost grows with the input; no real password is longer. */
export const MAX_PASSWORD_CHARS = 1024;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  email: string;
  name?: string;
  password: string;
  roles: string[];
}

function checkRoles(roles: string[]): Role[] {
  if (roles.length === 0) throw new AppError("A user needs at least one role (comms, legal, engineer, admin).");
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length) throw new AppError(`Unknown role ${bad.map((r) => `"${r}"`).join(", ")}: use comms, legal, engineer or admin.`);
  return [...new Set(roles)] as Role[];
}

export async function createUser(db: Db, input: NewUser): Promise<SessionUser> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AppError(`"${input.email}" is not an email address.`);
  if (input.password.length < 10) throw new AppError("The password must be at least 10 characters.");
  const roles = checkRoles(input.roles);
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing.length) throw new AppError(`A user with the email ${email} already exists.`, 400, "email");
  const [row] = await db
    .insert(users)
    .values({ email, name: input.name?.trim() || email.split("@")[0], passwordHash: await hashPassword(input.password), roles })
    .returning(userColumns);
  return row;
}

export async function listUsers(db: Db) {
  return db
    .select({ ...userColumns, active: users.active, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}

export async function setUserRoles(db: Db, userId: string, roles: string[]): Promise<void> {
  const checked = checkRoles(roles);
  const updated = await db
    .update(users)
    .set({ roles: checked, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!updated.length) throw new AppError("There is no such user.", 404);
}

/** Deactivating also ends the user's sessions; one transaction. */
export async function setUserActive(db: Db, userId: string, active: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ active, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("There is no such user.", 404);
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks the password, slowing down repeated failures per email. Unknown emails cost the same
 * time as known ones and give the same answer.
 */
export async function verifySignIn(db: Db, emailInput: string, password: string, now = new Date()): Promise<SignInResult> {
  const email = normalizeEmail(emailInput);
  if (email.length > MAX_EMAIL_CHARS || password.length > MAX_PASSWORD_CHARS) return { ok: false, reason: "invalid" };
  if (!(await countSignInAttempt(db, email, now))) {
    const [throttle] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, email));
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(1, secondsUntilAllowed(throttle ?? null, now)) };
  }

  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  const valid = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !row.active || !valid) return { ok: false, reason: "invalid" };
  await db.delete(signInThrottle).where(eq(signInThrottle.key, email));
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, roles: row.roles } };
}

/**
 * Counts a sign-in attempt for `email` and says whether it may be checked, in one statement, so
 * that a burst of parallel attempts cannot all pass the check before any is counted. Every
 * attempt counts as a failure until a success clears the row. The condition is the domain's
 * `secondsUntilAllowed(state, now) === 0` (see throttle.ts) written in SQL: the row is only
 * updated, and so the attempt only allowed, when the previous failures' wait has passed.
 */
async function countSignInAttempt(db: Db, email: string, now: Date): Promise<boolean> {
  const t = signInThrottle;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const elapsed = sql`extract(epoch from (${nowSql} - ${t.lastFailureAt}))`;
  const delay = sql`case when ${t.failures} < ${FREE_FAILURES} then 0 else least(power(2, ${t.failures} - ${FREE_FAILURES} + 1), ${MAX_DELAY_SECONDS}) end`;
  const counted = await db
    .insert(t)
    .values({ key: email, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${elapsed} > ${FAILURE_WINDOW_SECONDS} then 1 else ${t.failures} + 1 end`,
        lastFailureAt: now,
      },
      setWhere: sql`${elapsed} > ${FAILURE_WINDOW_SECONDS} or ${elapsed} >= ${delay}`,
    })
    .returning({ failures: t.failures });
  return counted.length > 0;
}

export async function createSession(db: Db, userId: string, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  const [row] = await db.insert(sessions).values({ userId, expiresAt }).returning({ id: sessions.id });
  return { id: row.id, expiresAt };
}

/** The signed-in user behind a session id, or null when the session is unknown, expired or the user inactive. */
export async function getSessionUser(db: Db, sessionId: string, now = new Date()): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await db
    .select(userColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), eq(users.active, true)));
  return row ?? null;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** A workspace-wide setting, created with `make()` the first time it is asked for (race-safe). */
export async function getOrCreateSetting(db: Db, key: string, make: () => string): Promise<string> {
  await db.insert(settings).values({ key, value: make() }).onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row.value;
}
