/**
 * Writing and verifying the audit trail. Call `recordEvent` inside the same transaction as the
 * change it records; an advisory transaction lock keeps the chain in one line across processes.
 */
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { auditEvents, cases, claims } from "#db/schema";
import { auditHash, GENESIS_HASH, verifyChain, type AuditEventContent } from "~/domain/audit";

const AUDIT_LOCK_KEY = 7_246_118_302;

export interface AuditActor {
  id: string | null;
  /** The email (or "cli", "demo"): how the actor is named in the trail. */
  label: string;
  name?: string;
  roles?: readonly string[];
  /** The address the request came from. */
  ip?: string | null;
}

export async function recordEvent(
  db: Db,
  actor: AuditActor,
  event: { action: string; caseId?: string | null; entityType: string; entityId: string; data?: unknown; versionHash?: string | null },
): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditEventContent = {
    at: new Date().toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    action: event.action,
    caseId: event.caseId ?? null,
    entityType: event.entityType,
    entityId: event.entityId,
    data: event.data ?? {},
    actorName: actor.name || undefined,
    actorRole: actor.roles?.length ? actor.roles.join(",") : undefined,
    ip: actor.ip || undefined,
    versionHash: event.versionHash || undefined,
  };
  await db.insert(auditEvents).values({
    ...content,
    at: new Date(content.at),
    actorName: content.actorName ?? null,
    actorRole: content.actorRole ?? null,
    ip: content.ip ?? null,
    versionHash: content.versionHash ?? null,
    prevHash,
    hash: auditHash(prevHash, content),
  });
}

function toContent(row: typeof auditEvents.$inferSelect) {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    caseId: row.caseId,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data,
    actorName: row.actorName ?? undefined,
    actorRole: row.actorRole ?? undefined,
    ip: row.ip ?? undefined,
    versionHash: row.versionHash ?? undefined,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export interface EventFilter {
  caseId?: string;
  actorId?: string;
  action?: string;
  /** Only events before this sequence number: the next page. */
  beforeSeq?: number;
  limit?: number;
}

function eventWhere(filter: EventFilter) {
  return and(
    filter.caseId ? eq(auditEvents.caseId, filter.caseId) : undefined,
    filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.beforeSeq ? lt(auditEvents.seq, filter.beforeSeq) : undefined,
  );
}

export async function listEvents(db: Db, filter: EventFilter = {}) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(eventWhere(filter))
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit ?? 200);
  return rows.map(toContent);
}

/** Each claim's number in its case (1, 2, …, in the order the case lists them), for sentences. */
export async function claimNumbers(db: Db, caseIds: string[]): Promise<Record<string, number>> {
  if (!caseIds.length) return {};
  const rows = await db
    .select({ id: claims.id, caseId: claims.caseId })
    .from(claims)
    .where(inArray(claims.caseId, caseIds))
    .orderBy(claims.caseId, claims.createdAt, claims.id);
  const numbers: Record<string, number> = {};
  const counts = new Map<string, number>();
  for (const row of rows) {
    const n = (counts.get(row.caseId) ?? 0) + 1;
    counts.set(row.caseId, n);
    numbers[row.id] = n;
  }
  return numbers;
}

/** The Audit page: events across cases with their case's title, and the choices for its filters. */
export async function listAuditPage(db: Db, filter: EventFilter) {
  const limit = filter.limit ?? 100;
  const rows = await db
    .select({ event: auditEvents, caseTitle: cases.title })
    .from(auditEvents)
    .leftJoin(cases, eq(cases.id, auditEvents.caseId))
    .where(eventWhere(filter))
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const caseIds = [...new Set(page.map((r) => r.event.caseId).filter((id): id is string => !!id))];
  const [numbers, actors, actions, caseOptions] = await Promise.all([
    claimNumbers(db, caseIds),
    db
      .selectDistinct({ id: auditEvents.actorId, label: auditEvents.actorLabel })
      .from(auditEvents)
      .where(sql`${auditEvents.actorId} is not null`)
      .orderBy(auditEvents.actorLabel),
    db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action),
    db.select({ id: cases.id, title: cases.title }).from(cases).orderBy(desc(cases.createdAt)),
  ]);
  return {
    events: page.map((r) => ({ ...toContent(r.event), caseTitle: r.caseTitle })),
    nextBeforeSeq: rows.length > limit ? page[page.length - 1].event.seq : null,
    claimNumbers: numbers,
    options: {
      actors: actors.filter((a): a is { id: string; label: string } => !!a.id),
      actions: actions.map((a) => a.action),
      cases: caseOptions,
    },
  };
}

/** Recomputes the whole chain from the first event. */
export async function verifyAuditTrail(db: Db) {
  const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
  return verifyChain(rows.map(toContent));
}
