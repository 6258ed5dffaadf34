/**
 * Comment threads: on a quoted passage of a draft version, or on a claim or its verdict before
 * any draft exists. Each write is one transaction with its audit event. Threads on a draft are
 * re-anchored on the version being read (domain/review/anchor); where the quote is gone they
 * show as outdated.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "#db/client";
import { claims, comments, commentThreads, drafts, draftVersions } from "#db/schema";
import { anchorRefusal, reanchor, type AnchorResult } from "~/domain/review/anchor";
import type { CommentTarget, ThreadStatus } from "~/domain/review-enums";
import { AppError } from "~/utils/app-error";
import { recordEvent } from "./audit.server";
import { actorOf, inTransaction } from "./case-input.server";
import type { ReviewActor } from "./review.server";

export const MAX_COMMENT_CHARS = 4000;

function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw new AppError("Write the comment first.", 400, "body");
  if (text.includes("\u0000")) throw new AppError("The comment contains a NUL character; remove it and send again.", 400, "body");
  if (text.length > MAX_COMMENT_CHARS) throw new AppError(`A comment can be at most ${MAX_COMMENT_CHARS} characters.`, 400, "body");
  return text;
}


export type NewThread =
  | { target: "passage"; draftId: string; versionId: string; quote: string; start: number; body: string }
  | { target: "claim" | "verdict"; caseId: string; claimId: string; body: string };

/** Opens a thread with its first comment. */
export async function openThread(db: Db, user: ReviewActor, input: NewThread): Promise<{ threadId: string }> {
  const body = checkBody(input.body);
  return inTransaction(db, async (tx) => {
    let values: typeof commentThreads.$inferInsert;
    let data: Record<string, unknown>;
    let versionHash: string | null = null;
    if (input.target === "passage") {
      const [row] = await tx
        .select({ caseId: drafts.caseId, title: drafts.title, body: draftVersions.body, hash: draftVersions.hash, number: draftVersions.number })
        .from(draftVersions)
        .innerJoin(drafts, eq(drafts.id, draftVersions.draftId))
        .where(and(eq(draftVersions.id, input.versionId), eq(draftVersions.draftId, input.draftId)));
      if (!row) throw new AppError("There is no such version of this draft.", 404);
      const refusal = anchorRefusal(row.body, input.quote, input.start);
      if (refusal) throw new AppError(refusal, 400, "quote");
      values = { caseId: row.caseId, target: "passage", draftId: input.draftId, versionId: input.versionId, quote: input.quote, start: input.start, end: input.start + input.quote.length, createdBy: user.id };
      data = { draftId: input.draftId, title: row.title, quote: input.quote, versionNumber: row.number, body };
      versionHash = row.hash;
    } else {
      const [claim] = await tx.select({ id: claims.id }).from(claims).where(and(eq(claims.id, input.claimId), eq(claims.caseId, input.caseId)));
      if (!claim) throw new AppError("There is no such claim in this case.", 404);
      values = { caseId: input.caseId, target: input.target, claimId: input.claimId, createdBy: user.id };
      data = { claimId: input.claimId, target: input.target, body };
    }
    const [thread] = await tx.insert(commentThreads).values(values).returning({ id: commentThreads.id, caseId: commentThreads.caseId });
    await tx.insert(comments).values({ threadId: thread.id, authorId: user.id, authorName: user.name, body });
    await recordEvent(tx, actorOf(user, user.ip), { action: "comment.thread_opened", caseId: thread.caseId, entityType: "comment_thread", entityId: thread.id, data, versionHash });
    return { threadId: thread.id };
  });
}

async function lockThread(db: Db, threadId: string) {
  const [thread] = await db.select().from(commentThreads).where(eq(commentThreads.id, threadId)).for("update");
  if (!thread) throw new AppError("There is no such comment thread.", 404);
  return thread;
}

export async function replyToThread(db: Db, user: ReviewActor, threadId: string, text: string) {
  const body = checkBody(text);
  await inTransaction(db, async (tx) => {
    const thread = await lockThread(tx, threadId);
    await tx.insert(comments).values({ threadId, authorId: user.id, authorName: user.name, body });
    await recordEvent(tx, actorOf(user, user.ip), { action: "comment.replied", caseId: thread.caseId, entityType: "comment_thread", entityId: threadId, data: { body } });
  });
}

/** Resolves or reopens a thread; doing what is already done is a 409 (a second click, or someone else got there first). */
export async function setThreadStatus(db: Db, user: ReviewActor, threadId: string, status: ThreadStatus) {
  await inTransaction(db, async (tx) => {
    const thread = await lockThread(tx, threadId);
    if (thread.status === status) throw new AppError(`This thread is already ${status === "open" ? "open" : "resolved"}.`, 409);
    const now = new Date();
    await tx
      .update(commentThreads)
      .set(status === "resolved" ? { status, resolvedBy: user.id, resolvedAt: now } : { status, resolvedBy: null, resolvedAt: null })
      .where(eq(commentThreads.id, threadId));
    await recordEvent(tx, actorOf(user, user.ip), { action: status === "resolved" ? "comment.resolved" : "comment.reopened", caseId: thread.caseId, entityType: "comment_thread", entityId: threadId, data: {} });
  });
}

export interface ThreadView {
  id: string;
  target: CommentTarget;
  claimId: string | null;
  quote: string | null;
  status: ThreadStatus;
  anchor: AnchorResult | null;
  comments: { id: string; authorName: string; body: string; createdAt: string }[];
}

async function withComments(db: Db, threads: (typeof commentThreads.$inferSelect)[], anchorOn?: string): Promise<ThreadView[]> {
  if (!threads.length) return [];
  const rows = await db.select().from(comments).where(inArray(comments.threadId, threads.map((t) => t.id))).orderBy(asc(comments.createdAt));
  return threads.map((t) => ({
    id: t.id,
    target: t.target,
    claimId: t.claimId,
    quote: t.quote,
    status: t.status,
    anchor: t.target === "passage" && anchorOn !== undefined ? reanchor(anchorOn, { quote: t.quote ?? "", start: t.start ?? 0 }) : null,
    comments: rows.filter((c) => c.threadId === t.id).map((c) => ({ id: c.id, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() })),
  }));
}

/** A draft's threads, anchored on `body` (the version being read). */
export async function listDraftThreads(db: Db, draftId: string, body: string): Promise<ThreadView[]> {
  const threads = await db.select().from(commentThreads).where(eq(commentThreads.draftId, draftId)).orderBy(asc(commentThreads.createdAt));
  return withComments(db, threads, body);
}

/** A case's threads on claims and verdicts. */
export async function listClaimThreads(db: Db, caseId: string): Promise<ThreadView[]> {
  const threads = await db
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.caseId, caseId), inArray(commentThreads.target, ["claim", "verdict"])))
    .orderBy(asc(commentThreads.createdAt));
  return withComments(db, threads);
}

/** The case's kept claims with their verdicts, for commenting before any draft exists. */
export async function listCommentableClaims(db: Db, caseId: string) {
  return db
    .select({ id: claims.id, text: claims.text, verdict: claims.verdict, verdictNote: claims.verdictNote })
    .from(claims)
    .where(and(eq(claims.caseId, caseId), eq(claims.review, "accepted")))
    .orderBy(asc(claims.createdAt), asc(claims.id));
}
