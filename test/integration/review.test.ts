/**
 * Review and publication on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is
 * set): the workflow through the model, approvals bound to the exact version (including a new
 * version racing an approval), self-approval, each publication precondition, and the audit trail.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvents, verifyAuditTrail } from "../../app/models/audit.server";
import { saveDraftVersion } from "../../app/models/draft.server";
import { getDraftReview, takeReviewStep, type ReviewActor } from "../../app/models/review.server";
import { AppError } from "../../app/utils/app-error";
import type { Db } from "../../db/client";
import { commentThreads, draftFlagWaivers, drafts, evidenceLinks, incidents } from "../../db/schema";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";
import { addVersion, createDraft, reviewCase, reviewer } from "../setup/review-factory";

let handle: TestDb;
let db: Db;
let author: ReviewActor, engineer: ReviewActor, legal: ReviewActor, lead: ReviewActor;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  author = await reviewer(db, ["comms"], "Casey Comms");
  engineer = await reviewer(db, ["engineer"], "Erin Engineer");
  legal = await reviewer(db, ["legal"], "Lee Legal");
  lead = await reviewer(db, ["comms"], "Robin Lead");
});
afterAll(async () => handle?.close());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A draft taken through every review stage to approved. */
async function approvedDraft(options: { checks?: unknown } = {}) {
  const c = await reviewCase(db, { author, engineer });
  const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id, checks: options.checks });
  await takeReviewStep(db, author, draftId, { type: "submit" });
  await takeReviewStep(db, engineer, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
  await takeReviewStep(db, legal, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
  await takeReviewStep(db, lead, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
  return { ...c, draftId, version };
}

describe(`the workflow through the model (${TEST_DRIVER})`, () => {
  it("moves a draft from draft to published, each step by its role, and records who, role, IP and hash", async () => {
    const d = await approvedDraft();
    const review = await getDraftReview(db, d.draftId);
    expect(review!.draft.state).toBe("approved");
    expect(review!.blockers).toEqual([]);
    expect(review!.decisions.map((x) => x.meaning).sort()).toEqual(["facts_confirmed", "legal_accuracy", "release"]);
    const published = await takeReviewStep(db, lead, d.draftId, { type: "publish", versionId: d.version.id, versionHash: d.version.hash });
    expect(published).toMatchObject({ state: "published", slug: "our-answer-on-the-store-outages" });

    const events = await listEvents(db, { caseId: d.caseId });
    const approval = events.find((e) => e.action === "approval.given" && e.actorId === legal.id)!;
    expect(approval).toMatchObject({ actorName: "Lee Legal", actorRole: "legal", ip: "192.0.2.10", versionHash: d.version.hash });
    expect(events[0]).toMatchObject({ action: "draft.transition", data: { from: "approved", to: "published" } });
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });

  it("refuses a step from the wrong state or role with a 409 and a sentence", async () => {
    const c = await reviewCase(db, { author, engineer });
    const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id });
    const wrongRole = await refusal(takeReviewStep(db, legal, draftId, { type: "submit" }));
    expect(wrongRole.status).toBe(409);
    expect(wrongRole.message).toBe("Only comms may send a draft to fact check.");
    const wrongState = await refusal(takeReviewStep(db, legal, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash }));
    expect(wrongState).toMatchObject({ status: 409, message: "There is nothing to approve while the draft is in draft." });
    const [row] = await db.select({ state: drafts.state }).from(drafts).where(eq(drafts.id, draftId));
    expect(row.state).toBe("draft");
  });

  it("needs every assigned engineer's confirmation before legal review, and a comment to request changes", async () => {
    const c = await reviewCase(db, { author, engineer });
    const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id });
    await takeReviewStep(db, author, draftId, { type: "submit" });
    expect((await refusal(takeReviewStep(db, author, draftId, { type: "complete_fact_check" }))).message).toBe(
      "The fact check is not finished: Erin Engineer has not confirmed the evidence yet.",
    );
    await takeReviewStep(db, engineer, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
    const noComment = await refusal(takeReviewStep(db, legal, draftId, { type: "decide", decision: "changes_requested", versionId: version.id, versionHash: version.hash, comment: " " }));
    expect(noComment.message).toBe("Say what should change: requesting changes needs a comment.");
    const back = await takeReviewStep(db, legal, draftId, { type: "decide", decision: "changes_requested", versionId: version.id, versionHash: version.hash, comment: "Say “about two hours”." });
    expect(back.state).toBe("draft");
  });
});

describe(`approvals bound to the exact version (${TEST_DRIVER})`, () => {
  it("refuses self-approval by the author or an earlier editor", async () => {
    const legalAuthor = await reviewer(db, ["legal", "comms"], "Pat Both");
    const c = await reviewCase(db, { author, engineer });
    const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: legalAuthor.id });
    await takeReviewStep(db, author, draftId, { type: "submit" });
    await takeReviewStep(db, engineer, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
    const self = await refusal(takeReviewStep(db, legalAuthor, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash }));
    expect(self).toMatchObject({ status: 409, message: "You wrote or edited this text, so you cannot approve it; another reviewer must." });
  });

  it("dismisses earlier approvals when a new version is written, and refuses a decision on the old one", async () => {
    const d = await approvedDraft();
    const v2 = await addVersion(db, { draftId: d.draftId, claimId: d.claimId, authorId: author.id });
    const review = (await getDraftReview(db, d.draftId))!;
    expect(review.draft.state).toBe("draft");
    expect(review.decisions).toEqual([]);
    expect(review.approvals.every((a) => a.dismissed)).toBe(true);
    await takeReviewStep(db, author, d.draftId, { type: "submit" });
    const old = await refusal(takeReviewStep(db, engineer, d.draftId, { type: "decide", decision: "approved", versionId: d.version.id, versionHash: d.version.hash }));
    expect(old.message).toBe("A newer version of this draft exists; read it and decide on that one.");
    await takeReviewStep(db, engineer, d.draftId, { type: "decide", decision: "approved", versionId: v2.id, versionHash: v2.hash });
    expect((await getDraftReview(db, d.draftId))!.draft.state).toBe("legal_review");
  });

  it("works with drafting's own save: changes requested, a new version saved, earlier decisions dismissed", async () => {
    const c = await reviewCase(db, { author, engineer });
    const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id });
    await takeReviewStep(db, author, draftId, { type: "submit" });
    await takeReviewStep(db, engineer, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
    await takeReviewStep(db, legal, draftId, { type: "decide", decision: "changes_requested", versionId: version.id, versionHash: version.hash, comment: "Say “about two hours”." });
    const saved = await saveDraftVersion(db, { id: author.id, label: author.email }, { caseId: c.caseId, draftId, baseVersionId: version.id, body: "The outage lasted about two hours [^c1]." });
    const review = (await getDraftReview(db, draftId))!;
    expect(review.current!.id).toBe(saved.versionId);
    expect(review.decisions).toEqual([]);
    expect(review.approvals.map((a) => a.dismissed)).toEqual([true, true]);
    expect(review.engineers.map((e) => e.id)).toEqual([engineer.id]);
  });

  it("never counts an approval that races a new version", async () => {
    for (let round = 0; round < 4; round++) {
      const c = await reviewCase(db, { author, engineer });
      const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id });
      await takeReviewStep(db, author, draftId, { type: "submit" });
      await takeReviewStep(db, engineer, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
      const [approval, v2] = await Promise.allSettled([
        takeReviewStep(db, legal, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash }),
        addVersion(db, { draftId, claimId: c.claimId, authorId: author.id }),
      ]);
      expect(v2.status).toBe("fulfilled");
      if (approval.status === "rejected") expect(approval.reason).toMatchObject({ status: 409 });
      const review = (await getDraftReview(db, draftId))!;
      expect(review.current!.number).toBe(2);
      expect(review.decisions).toEqual([]);
      expect(review.draft.state).toBe("draft");
    }
  });

  it("counts only each reviewer's latest decision", async () => {
    const c = await reviewCase(db, { author, engineer });
    const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id });
    await takeReviewStep(db, author, draftId, { type: "submit" });
    await takeReviewStep(db, engineer, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
    await takeReviewStep(db, legal, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
    await takeReviewStep(db, lead, draftId, { type: "decide", decision: "changes_requested", versionId: version.id, versionHash: version.hash, comment: "Not yet." });
    const review = (await getDraftReview(db, draftId))!;
    expect(review.decisions.find((x) => x.reviewerId === lead.id)?.decision).toBe("changes_requested");
    expect(review.blockers).toContain("Robin Lead requested changes on the current version.");
  });
});

describe(`publication is refused for each missing condition (${TEST_DRIVER})`, () => {
  async function blockersOf(draftId: string, version: { id: string; hash: string }) {
    const error = await refusal(takeReviewStep(db, lead, draftId, { type: "publish", versionId: version.id, versionHash: version.hash }));
    expect(error.status).toBe(409);
    return error.details?.blockers as string[];
  }

  it("when a required approval is missing", async () => {
    const c = await reviewCase(db, { author, engineer });
    const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id });
    // Straight to approved without the approvals (as an import or a bug might leave it).
    await db.update(drafts).set({ state: "approved" }).where(eq(drafts.id, draftId));
    expect(await blockersOf(draftId, version)).toEqual([
      "“Facts confirmed” from Erin Engineer is missing on the current version.",
      "“Approved for legal accuracy” is missing on the current version.",
      "“Approved for release” is missing on the current version.",
    ]);
  });

  it("when a comment thread is unresolved", async () => {
    const d = await approvedDraft();
    await db.insert(commentThreads).values({ caseId: d.caseId, target: "passage", draftId: d.draftId, versionId: d.version.id, quote: "two hours", start: 18, end: 27 });
    expect(await blockersOf(d.draftId, d.version)).toEqual(["1 comment thread is not resolved."]);
  });

  it("when a check flag is neither fixed nor waived, and not once it is waived", async () => {
    const d = await approvedDraft({ checks: { flags: [{ key: "absolute:never", message: "absolute word “never”" }] } });
    expect(await blockersOf(d.draftId, d.version)).toEqual(["1 check flag is neither fixed nor waived: absolute word “never”."]);
    await db.insert(draftFlagWaivers).values({ draftId: d.draftId, flagKey: "absolute:never", reason: "Quoted from the record", waivedBy: legal.id });
    expect(await takeReviewStep(db, lead, d.draftId, { type: "publish", versionId: d.version.id, versionHash: d.version.hash })).toMatchObject({ state: "published" });
  });

  it("when an evidence confirmation is stale", async () => {
    const d = await approvedDraft();
    await db.update(incidents).set({ version: 2 }).where(eq(incidents.id, d.incidentId));
    expect(await blockersOf(d.draftId, d.version)).toEqual([`An evidence confirmation is stale: ${d.incidentId} changed to version 2 after it was confirmed on version 1.`]);
  });

  it("when evidence is not confirmed", async () => {
    const d = await approvedDraft();
    await db.update(evidenceLinks).set({ confirmedVersion: null }).where(eq(evidenceLinks.id, d.linkId));
    expect((await blockersOf(d.draftId, d.version))[0]).toMatch(/^Evidence is not confirmed: /);
  });

  it("when the version is not the current one", async () => {
    const d = await approvedDraft();
    const error = await refusal(takeReviewStep(db, lead, d.draftId, { type: "publish", versionId: d.version.id, versionHash: "0".repeat(64) }));
    expect(error).toMatchObject({ status: 409, message: "A newer version of this draft exists; only the approved current version can be published." });
  });

  it("retracts and supersedes with a reason, in the correction log", async () => {
    const d = await approvedDraft();
    await takeReviewStep(db, lead, d.draftId, { type: "publish", versionId: d.version.id, versionHash: d.version.hash });
    expect((await refusal(takeReviewStep(db, lead, d.draftId, { type: "retract", reason: "" }))).status).toBe(409);
    await takeReviewStep(db, lead, d.draftId, { type: "retract", reason: "The duration was wrong." });
    const review = (await getDraftReview(db, d.draftId))!;
    expect(review.publication?.state).toBe("retracted");
    expect(review.log.map((l) => [l.kind, l.reason])).toEqual([["published", ""], ["retracted", "The duration was wrong."]]);
  });
});
