/**
 * The audit trail's hash chain. Each event's hash covers its content and the previous event's
 * hash, so altering, removing or reordering any event breaks every hash after it.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "./incidents/json";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEventContent {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  caseId: string | null;
  entityType: string;
  entityId: string;
  data: unknown;
  /**
   * Added later; left out of the hash when absent, so events written before them still verify.
   * The actor's name and roles at the time, the address the request came from, and the SHA-256
   * of the draft version the step was taken on.
   */
  actorName?: string;
  actorRole?: string;
  ip?: string;
  versionHash?: string;
}

export function auditHash(prevHash: string, event: AuditEventContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(event)).digest("hex");
}

export type ChainCheck = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/** Recomputes the chain over events in order; reports the first event that does not verify. */
export function verifyChain(events: Array<AuditEventContent & { seq: number; prevHash: string; hash: string }>): ChainCheck {
  let prev = GENESIS_HASH;
  for (const event of events) {
    if (event.prevHash !== prev) return { ok: false, count: events.length, brokenAt: event.seq, reason: "its link to the previous event does not match (an event before it was removed or altered)" };
    const { seq: _seq, prevHash: _p, hash, ...content } = event;
    if (auditHash(prev, content) !== hash) return { ok: false, count: events.length, brokenAt: event.seq, reason: "its content does not match its hash (it was altered)" };
    prev = hash;
  }
  return { ok: true, count: events.length };
}
