/**
 * Factories for review tests: a case with one claim assigned to an engineer, its evidence
 * linked and confirmed on a real imported record, and a draft whose versions cite the claim.
 * Drafting's own models write versions in the app; these write the same rows directly.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, claimAppearances, claims, drafts, draftVersions, evidenceLinks, sources, users } from "../../db/schema";
import { importIncidents } from "../../app/models/incident.server";
import type { ReviewActor } from "../../app/models/review.server";
import { createTestUser } from "./remix";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export async function reviewer(db: Db, roles: string[], name: string): Promise<ReviewActor> {
  const user = await createTestUser(db, roles);
  await db.update(users).set({ name }).where(eq(users.id, user.id));
  return { id: user.id, email: user.email, name, roles: user.roles, ip: "192.0.2.10" };
}

let recordCounter = 0;

export async function reviewCase(db: Db, people: { author: ReviewActor; engineer: ReviewActor }) {
  recordCounter += 1;
  const incidentId = `REV-2026-${String(recordCounter).padStart(4, "0")}`;
  const record = {
    id: incidentId,
    title: "Checkout errors",
    status: "resolved",
    startedAt: "2026-03-07T10:00:00Z",
    resolvedAt: "2026-03-07T12:00:00Z",
    organization: "retail",
    services: ["checkout"],
    regions: ["eu-west"],
  };
  const outcome = await importIncidents(db, { text: JSON.stringify({ incidents: [record] }), fileName: "r.json", actor: { label: "test" } });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  const [c] = await db.insert(cases).values({ title: "Store outages story", dueAt: new Date("2026-03-14T12:00:00Z"), createdBy: people.author.id }).returning();
  const body = "Checkout was down for a whole day on 7 March.";
  const [source] = await db
    .insert(sources)
    .values({ caseId: c.id, title: "Trouble at the store", outlet: "Example News", url: "https://news.example/store", publishedAt: "2026-03-12", format: "text", body })
    .returning();
  const [claim] = await db
    .insert(claims)
    .values({ caseId: c.id, text: body, fingerprint: "checkout down whole day", kind: "duration", checkWorthiness: 0.9, facts: {}, review: "accepted", assigneeId: people.engineer.id, verdict: "inaccurate" })
    .returning();
  await db.insert(claimAppearances).values({ claimId: claim.id, sourceId: source.id, start: 0, end: body.length, quote: body });
  const [link] = await db
    .insert(evidenceLinks)
    .values({ claimId: claim.id, incidentId, stance: "contradicts", createdBy: people.engineer.id, confirmedBy: people.engineer.id, confirmedAt: new Date(), confirmedVersion: 1 })
    .returning();
  return { caseId: c.id, claimId: claim.id, sourceId: source.id, incidentId, linkId: link.id };
}

/** A draft citing `claimId`, with a first version by `authorId`. */
export async function createDraft(db: Db, input: { caseId: string; claimId: string; authorId: string; title?: string; body?: string; checks?: unknown }) {
  const [draft] = await db.insert(drafts).values({ caseId: input.caseId, title: input.title ?? "Our answer on the store outages", createdBy: input.authorId }).returning();
  const version = await addVersion(db, { draftId: draft.id, claimId: input.claimId, authorId: input.authorId, body: input.body, checks: input.checks });
  return { draftId: draft.id, version };
}

/**
 * A new version as drafting saves it: in one transaction, lock the draft, insert the next number,
 * point the draft at it, and send the draft back to draft when it was in review.
 */
export async function addVersion(db: Db, input: { draftId: string; claimId: string; authorId: string; body?: string; checks?: unknown }) {
  return db.transaction(async (tx) => {
    const [draft] = await tx.select().from(drafts).where(eq(drafts.id, input.draftId)).for("update");
    const existing = await tx.select({ number: draftVersions.number }).from(draftVersions).where(eq(draftVersions.draftId, input.draftId));
    const number = existing.length + 1;
    const body = input.body ?? `The outage lasted two hours [^c1], not a day. (version ${number})\n\n[^c1]: internal: record and timeline`;
    const [version] = await tx
      .insert(draftVersions)
      .values({ draftId: input.draftId, number, body, hash: sha256(body), authorId: input.authorId, citations: [{ marker: "c1", claimId: input.claimId }], checks: input.checks ?? {} })
      .returning();
    const state = ["draft", "fact_check", "legal_review", "comms_approval", "approved"].includes(draft.state) ? "draft" : draft.state;
    await tx.update(drafts).set({ currentVersionId: version.id, state }).where(eq(drafts.id, input.draftId));
    return { id: version.id, hash: version.hash, number, body };
  });
}
