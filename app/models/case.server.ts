/**
 * Cases: one press story each, with an owner, a "respond by" deadline and a status. The
 * workspace read gathers what the case page shows (the case, its sources, its claims with their
 * appearances); every write records its audit event in the same transaction.
 */
import { and, desc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client";
import { cases, claims, sources, users } from "#db/schema";
import { can } from "~/domain/roles";
import type { CaseStatus } from "~/domain/workflow";
import { recordEvent, type AuditActor } from "./audit.server";
import { AppError } from "~/utils/app-error";
import { inTransaction } from "./case-input.server";
import { listCaseClaims } from "./claim.server";

export { actorOf } from "./case-input.server";

export interface CaseFields {
  title: string;
  summary: string;
  ownerId: string | null;
  dueAt: Date | null;
  status: CaseStatus;
}

// Subqueries name the outer table explicitly: drizzle leaves a single-table select's columns unqualified.
const owner = sql<string | null>`(select u.name from ${users} u where u.id = "cases"."owner_id")`;

const caseColumns = {
  id: cases.id,
  title: cases.title,
  summary: cases.summary,
  status: cases.status,
  ownerId: cases.ownerId,
  ownerName: owner,
  dueAt: cases.dueAt,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
};

/** The people who can own a case: active users whose role lets them edit cases. */
export async function listCaseOwners(db: Db) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, roles: users.roles })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(users.name);
  return rows.filter((u) => can(u, "edit:cases")).map(({ id, name, email }) => ({ id, name, email }));
}

async function checkOwner(db: Db, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [row] = await db.select({ roles: users.roles, active: users.active }).from(users).where(eq(users.id, ownerId));
  if (!row || !row.active || !can(row, "edit:cases")) {
    throw new AppError("The owner must be an active user who can edit cases (comms or admin).", 400, "ownerId");
  }
}

/**
 * Opens a case. With an idempotency key (the new-case form's), a second call with the same key
 * (a double submit, or two at once) creates nothing and answers the first call's case.
 */
export async function createCase(
  db: Db,
  actor: AuditActor,
  input: Partial<CaseFields> & { title: string; idempotencyKey?: string | null },
): Promise<{ id: string; duplicate?: boolean }> {
  return inTransaction(db, async (tx) => {
    await checkOwner(tx, input.ownerId);
    const [row] = await tx
      .insert(cases)
      .values({
        title: input.title,
        summary: input.summary ?? "",
        ownerId: input.ownerId ?? null,
        dueAt: input.dueAt ?? null,
        status: input.status ?? "open",
        createdBy: actor.id,
        idempotencyKey: input.idempotencyKey ?? null,
      })
      .onConflictDoNothing({ target: cases.idempotencyKey })
      .returning({ id: cases.id });
    if (!row) {
      // The key's case was made by an earlier submit (whose transaction has committed by now).
      const [first] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.idempotencyKey, input.idempotencyKey!));
      if (!first) throw new AppError("This form was just sent and is still being saved. Reload the cases list in a moment.", 409);
      return { id: first.id, duplicate: true };
    }
    await recordEvent(tx, actor, {
      action: "case.created",
      caseId: row.id,
      entityType: "case",
      entityId: row.id,
      data: { title: input.title, ownerId: input.ownerId ?? null, dueAt: input.dueAt?.toISOString() ?? null },
    });
    return row;
  });
}

/** Changes the given fields; the audit event names each change with its old and new value. */
export async function updateCase(db: Db, actor: AuditActor, caseId: string, patch: Partial<CaseFields>): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
    if (!before) throw new AppError("There is no such case.", 404);
    if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) await checkOwner(tx, patch.ownerId);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const show = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
    for (const key of ["title", "summary", "ownerId", "dueAt", "status"] as const) {
      if (patch[key] === undefined) continue;
      if (show(patch[key]) !== show(before[key])) changes[key] = { from: show(before[key]), to: show(patch[key]) };
    }
    if (!Object.keys(changes).length) return;
    await tx
      .update(cases)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(cases.id, caseId));
    await recordEvent(tx, actor, { action: "case.updated", caseId, entityType: "case", entityId: caseId, data: changes });
  });
}

export async function getCase(db: Db, caseId: string) {
  const [row] = await db.select(caseColumns).from(cases).where(eq(cases.id, caseId));
  return row ?? null;
}

export interface CaseFilters {
  /** "active" (open or responding, the default), one status, or "all". */
  status?: CaseStatus | "active" | "all";
  /** A user id, or "none" for cases without an owner. */
  ownerId?: string;
}

/** Cases that match the filters, the nearest deadline first (none last), then the newest. */
export async function listCases(db: Db, filters: CaseFilters = {}) {
  const where: SQL[] = [];
  const status = filters.status ?? "active";
  if (status === "active") where.push(ne(cases.status, "closed"));
  else if (status !== "all") where.push(eq(cases.status, status));
  if (filters.ownerId === "none") where.push(isNull(cases.ownerId));
  else if (filters.ownerId) where.push(eq(cases.ownerId, filters.ownerId));
  return db
    .select({
      ...caseColumns,
      sourceCount: sql<number>`(select count(*)::int from ${sources} s where s.case_id = "cases"."id")`,
      claimCount: sql<number>`(select count(*)::int from ${claims} c where c.case_id = "cases"."id" and not c.below_threshold and c.review <> 'dismissed')`,
    })
    .from(cases)
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`${cases.dueAt} asc nulls last`, desc(cases.createdAt), desc(cases.id));
}

/** The sources of a case, oldest first, without their bodies. */
export async function listSources(db: Db, caseId: string) {
  return db
    .select({
      id: sources.id,
      title: sources.title,
      outlet: sources.outlet,
      author: sources.author,
      url: sources.url,
      publishedAt: sources.publishedAt,
      format: sources.format,
      createdAt: sources.createdAt,
      length: sql<number>`length(${sources.body})::int`,
    })
    .from(sources)
    .where(eq(sources.caseId, caseId))
    .orderBy(sources.createdAt, sources.id);
}

/** Everything the case page shows: the case, its sources, and its claims with their appearances. Null when there is no such case. */
export async function getCaseWorkspace(db: Db, caseId: string) {
  const found = await getCase(db, caseId);
  if (!found) return null;
  const [sourceRows, claimRows] = await Promise.all([listSources(db, caseId), listCaseClaims(db, caseId)]);
  return { case: found, sources: sourceRows, claims: claimRows };
}

/** Titles of the given cases, for links. */
export async function caseTitles(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: cases.id, title: cases.title }).from(cases).where(inArray(cases.id, ids));
  return new Map(rows.map((r) => [r.id, r.title]));
}
