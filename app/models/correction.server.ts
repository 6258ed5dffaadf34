/**
 * Correction requests: after publishing, comms records a request to each outlet that carried a
 * claim and follows its outcome (sent, acknowledged, corrected, declined) with dates. The case
 * shows which outlets still carry an uncorrected claim.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { correctionRequests, drafts, publications, sources } from "#db/schema";
import type { CorrectionStatus } from "~/domain/review-enums";
import { AppError } from "~/utils/app-error";
import { recordEvent } from "./audit.server";
import { actorOf, inTransaction } from "./case-input.server";
import type { ReviewActor } from "./review.server";

function day(value: string, field: string): Date {
  const date = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new AppError("Give the date as YYYY-MM-DD.", 400, field);
  return date;
}

/** Each article of the case with its outlet and the request made to it, if any. */
export async function listCorrectionRequests(db: Db, caseId: string) {
  const rows = await db
    .select({ sourceId: sources.id, title: sources.title, outlet: sources.outlet, url: sources.url, request: correctionRequests })
    .from(sources)
    .leftJoin(correctionRequests, eq(correctionRequests.sourceId, sources.id))
    .where(eq(sources.caseId, caseId))
    .orderBy(asc(sources.createdAt));
  return rows.map((r) => ({
    sourceId: r.sourceId,
    title: r.title,
    outlet: r.outlet,
    url: r.url,
    request: r.request
      ? {
          id: r.request.id,
          status: r.request.status,
          note: r.request.note,
          sentAt: r.request.sentAt.toISOString(),
          acknowledgedAt: r.request.acknowledgedAt?.toISOString() ?? null,
          correctedAt: r.request.correctedAt?.toISOString() ?? null,
          declinedAt: r.request.declinedAt?.toISOString() ?? null,
          corrected: r.request.status === "corrected",
        }
      : null,
  }));
}

/** The outlets that still carry an uncorrected claim: no request yet, or one not (yet) corrected. */
export async function uncorrectedOutlets(db: Db, caseId: string) {
  return (await listCorrectionRequests(db, caseId)).filter((s) => !s.request?.corrected);
}

export async function recordCorrectionRequest(db: Db, user: ReviewActor, input: { draftId: string; sourceId: string; sentAt: string }) {
  const sentAt = day(input.sentAt, "sentAt");
  return inTransaction(db, async (tx) => {
    const [pub] = await tx
      .select({ id: publications.id, caseId: publications.caseId })
      .from(publications)
      .innerJoin(drafts, eq(drafts.id, publications.draftId))
      .where(eq(publications.draftId, input.draftId));
    if (!pub) throw new AppError("Publish the statement before asking outlets to correct the claim.", 409);
    const [source] = await tx.select().from(sources).where(and(eq(sources.id, input.sourceId), eq(sources.caseId, pub.caseId)));
    if (!source) throw new AppError("There is no such article in this case.", 404);
    const inserted = await tx
      .insert(correctionRequests)
      .values({ caseId: pub.caseId, sourceId: source.id, publicationId: pub.id, outlet: source.outlet || source.title, sentAt, createdBy: user.id })
      .onConflictDoNothing()
      .returning({ id: correctionRequests.id });
    if (!inserted.length) throw new AppError(`A correction request to ${source.outlet || "this outlet"} is already recorded; update its outcome instead.`, 409);
    await recordEvent(tx, actorOf(user, user.ip), { action: "correction.requested", caseId: pub.caseId, entityType: "correction_request", entityId: inserted[0].id, data: { outlet: source.outlet || source.title, url: source.url, sentAt: input.sentAt } });
    return { id: inserted[0].id };
  });
}

const DATE_COLUMN: Record<CorrectionStatus, "sentAt" | "acknowledgedAt" | "correctedAt" | "declinedAt"> = {
  sent: "sentAt",
  acknowledged: "acknowledgedAt",
  corrected: "correctedAt",
  declined: "declinedAt",
};

export async function updateCorrectionRequest(db: Db, user: ReviewActor, input: { requestId: string; status: CorrectionStatus; on: string; note?: string }) {
  const on = day(input.on, "on");
  const note = input.note?.trim() ?? "";
  await inTransaction(db, async (tx) => {
    const [request] = await tx.select().from(correctionRequests).where(eq(correctionRequests.id, input.requestId)).for("update");
    if (!request) throw new AppError("There is no such correction request.", 404);
    if (request.status === input.status && !note) throw new AppError(`This request is already marked ${input.status}.`, 409);
    await tx
      .update(correctionRequests)
      .set({ status: input.status, [DATE_COLUMN[input.status]]: on, note: note || request.note, updatedAt: new Date() })
      .where(eq(correctionRequests.id, request.id));
    await recordEvent(tx, actorOf(user, user.ip), { action: "correction.updated", caseId: request.caseId, entityType: "correction_request", entityId: request.id, data: { outlet: request.outlet, status: input.status, on: input.on, note } });
  });
}
