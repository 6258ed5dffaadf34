/**
 * Writing and verifying the audit trail. Call `recordEvent` inside the same transaction as the
 * change it records; an advisory transaction lock keeps the chain in one line across processes.
 */
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { auditEvents } from "#db/schema";
import { auditHash, GENESIS_HASH, verifyChain, type AuditEventContent } from "~/domain/audit";

const AUDIT_LOCK_KEY = 7_246_118_302;

export interface AuditActor {
  id: string | null;
  label: string;
}

export async function recordEvent(
  db: Db,
  actor: AuditActor,
  event: { action: string; caseId?: string | null; entityType: string; entityId: string; data?: unknown },
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
  };
  await db.insert(auditEvents).values({ ...content, at: new Date(content.at), prevHash, hash: auditHash(prevHash, content) });
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
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export async function listEvents(db: Db, filter: { caseId?: string; limit?: number } = {}) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(filter.caseId ? eq(auditEvents.caseId, filter.caseId) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit ?? 200);
  return rows.map(toContent);
}

/** Recomputes the whole chain from the first event. */
export async function verifyAuditTrail(db: Db) {
  const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
  return verifyChain(rows.map(toContent));
}
