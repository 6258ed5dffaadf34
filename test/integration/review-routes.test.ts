/**
 * Review and publication through the routes with real Requests: the public page (no sign-in, no
 * internal text, JSON-LD only when switched on), downloads, the 404 page, each person's inbox,
 * the Audit page's filters, comment threads re-anchored across versions, and refusals as 4xx.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeReviewStep, type ReviewActor } from "../../app/models/review.server";
import { loader as auditLoader } from "../../app/routes/_app.audit";
import { action as claimCommentAction, loader as claimCommentLoader } from "../../app/routes/_app.cases.$caseId_.comments";
import { action as reviewAction, loader as reviewLoader } from "../../app/routes/_app.review.$draftId";
import { action as inboxAction, loader as inboxLoader } from "../../app/routes/_app.reviews";
import { loader as statementLoader } from "../../app/routes/statements.$slug";
import { loader as downloadLoader } from "../../app/routes/statements.$slug_.download";
import type { Db } from "../../db/client";
import { claims, evidenceLinks } from "../../db/schema";
import { createTestDb, TEST_DRIVER, type TestDb } from "../setup/db";
import { call, cookieFor, makeContext, makeRequest } from "../setup/remix";
import { addVersion, createDraft, reviewCase, reviewer } from "../setup/review-factory";

let handle: TestDb;
let db: Db;
let ctx: ReturnType<typeof makeContext>;
let author: ReviewActor, engineer: ReviewActor, legal: ReviewActor, lead: ReviewActor;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ctx = makeContext(db);
  author = await reviewer(db, ["comms"], "Casey Comms");
  engineer = await reviewer(db, ["engineer"], "Erin Engineer");
  legal = await reviewer(db, ["legal"], "Lee Legal");
  lead = await reviewer(db, ["comms"], "Robin Lead");
});
afterAll(async () => handle?.close());

const cookie = (user: ReviewActor) => cookieFor(ctx, { id: user.id, email: user.email, name: user.name, roles: user.roles as never });

async function publishedDraft() {
  const c = await reviewCase(db, { author, engineer });
  const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id });
  await takeReviewStep(db, author, draftId, { type: "submit" });
  await takeReviewStep(db, engineer, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
  await takeReviewStep(db, legal, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
  await takeReviewStep(db, lead, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
  const { slug } = await takeReviewStep(db, lead, draftId, { type: "publish", versionId: version.id, versionHash: version.hash });
  return { ...c, draftId, version, slug: slug! };
}

async function review(user: ReviewActor, draftId: string, form: Record<string, string>) {
  return call(async () => reviewAction({ request: makeRequest(`/review/${draftId}`, { form, cookie: await cookie(user) }), context: ctx, params: { draftId } }));
}

describe(`the public statement page (${TEST_DRIVER})`, () => {
  it("needs no sign-in and shows no internal-only text; ClaimReview only when switched on", async () => {
    const p = await publishedDraft();
    const res = await call(() => statementLoader({ request: makeRequest(`/statements/${p.slug}`), context: ctx, params: { slug: p.slug } }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("The outage lasted two hours, not a day.");
    for (const internal of ["[^c1]", "internal: record and timeline", p.caseId, p.draftId, p.claimId, p.incidentId, "Lee Legal", engineer.email])
      expect(text).not.toContain(internal);
    expect(JSON.parse(text).jsonLd).toBeNull();

    expect((await review(lead, p.draftId, { intent: "claimreview", enabled: "on" })).status).toBe(200);
    const on = await (await call(() => statementLoader({ request: makeRequest(`/statements/${p.slug}`), context: ctx, params: { slug: p.slug } }))).json();
    const [claimReview] = JSON.parse(on.jsonLd);
    expect(claimReview).toMatchObject({
      "@type": "ClaimReview",
      url: `http://factdesk.test/statements/${p.slug}`,
      reviewRating: { "@type": "Rating", alternateName: "False" },
      itemReviewed: { "@type": "Claim", appearance: { url: "https://news.example/store" }, datePublished: "2026-03-12" },
    });
    expect(claimReview.claimReviewed.length).toBeLessThan(75);
    expect((await review(lead, p.draftId, { intent: "claimreview", enabled: "on" })).status).toBe(409);
  });

  it("answers an unknown slug with a 404 page", async () => {
    const res = await call(() => statementLoader({ request: makeRequest("/statements/no-such"), context: ctx, params: { slug: "no-such" } }));
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("There is no published statement at this address.");
  });

  it("downloads Markdown and HTML, and shows the correction log once retracted", async () => {
    const p = await publishedDraft();
    expect((await review(lead, p.draftId, { intent: "retract", reason: "" })).status).toBe(409);
    expect((await review(lead, p.draftId, { intent: "retract", reason: "The duration was wrong." })).status).toBe(200);
    const md = await call(() => downloadLoader({ request: makeRequest(`/statements/${p.slug}/download?format=md`), context: ctx, params: { slug: p.slug } }));
    expect(md.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    const mdText = await md.text();
    expect(mdText).toContain("**This statement was retracted.**");
    expect(mdText).toContain("retracted. The duration was wrong.");
    expect(mdText).not.toContain("[^c1]");
    const html = await call(() => downloadLoader({ request: makeRequest(`/statements/${p.slug}/download?format=html`), context: ctx, params: { slug: p.slug } }));
    expect(await html.text()).toContain("<strong>This statement was retracted.</strong>");
    const bad = await call(() => downloadLoader({ request: makeRequest(`/statements/${p.slug}/download?format=pdf`), context: ctx, params: { slug: p.slug } }));
    expect(bad.status).toBe(400);
  });
});

describe(`the review page's refusals (${TEST_DRIVER})`, () => {
  it("answers a step from the wrong state with 409 and its sentence, bad input with 400, a role without the permission with 403", async () => {
    const c = await reviewCase(db, { author, engineer });
    const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id });
    const early = await review(legal, draftId, { intent: "approve", versionId: version.id, versionHash: version.hash });
    expect(early.status).toBe(409);
    expect((await early.json()).message).toBe("There is nothing to approve while the draft is in draft.");
    const nul = await review(legal, draftId, { intent: "request_changes", versionId: version.id, versionHash: version.hash, comment: "bad\u0000" });
    expect(nul.status).toBe(400);
    expect((await review(legal, draftId, { intent: "nonsense" })).status).toBe(400);
    expect((await review(legal, draftId, { intent: "publish", versionId: version.id, versionHash: version.hash })).status).toBe(403);
    expect((await review(author, draftId, { intent: "submit" })).status).toBe(200);
    expect((await review(author, draftId, { intent: "submit" })).status).toBe(409);
  });
});

describe(`comment threads across versions (${TEST_DRIVER})`, () => {
  it("re-anchors where the quote remains, marks it outdated where it is gone, and resolves once", async () => {
    const c = await reviewCase(db, { author, engineer });
    const { draftId, version } = await createDraft(db, { caseId: c.caseId, claimId: c.claimId, authorId: author.id, body: "We restored checkout in two hours. Customers were refunded." });
    expect((await review(legal, draftId, { intent: "comment", versionId: version.id, quote: "two hours", start: "24", body: "Cite the record." })).status).toBe(200);
    expect((await review(legal, draftId, { intent: "comment", versionId: version.id, quote: "refunded", start: "50", body: "All of them?" })).status).toBe(200);
    expect((await review(legal, draftId, { intent: "comment", versionId: version.id, quote: "not there", start: "0", body: "x" })).status).toBe(400);
    await addVersion(db, { draftId, claimId: c.claimId, authorId: author.id, body: "Since 7 March: we restored checkout in two hours." });
    const page = await (await call(async () => reviewLoader({ request: makeRequest(`/review/${draftId}`, { cookie: await cookie(legal) }), context: ctx, params: { draftId } }))).json();
    const [hours, refunded] = page.threads;
    expect(hours.anchor).toEqual({ state: "anchored", start: 39, end: 48 });
    expect(refunded.anchor).toEqual({ state: "outdated" });
    expect((await review(author, draftId, { intent: "reply", threadId: hours.id, body: "Done." })).status).toBe(200);
    expect((await review(author, draftId, { intent: "resolve", threadId: hours.id })).status).toBe(200);
    expect((await review(legal, draftId, { intent: "resolve", threadId: hours.id })).status).toBe(409);
    expect((await review(legal, draftId, { intent: "reopen", threadId: hours.id })).status).toBe(200);
  });
});

describe(`comments on a claim or verdict before any draft (${TEST_DRIVER})`, () => {
  it("lets legal and engineers comment on a claim and its verdict, and lists the threads by claim", async () => {
    const c = await reviewCase(db, { author, engineer });
    const post = async (user: ReviewActor, form: Record<string, string>) =>
      call(async () => claimCommentAction({ request: makeRequest(`/cases/${c.caseId}/comments`, { form, cookie: await cookie(user) }), context: ctx, params: { caseId: c.caseId } }));
    expect((await post(legal, { intent: "comment", claimId: c.claimId, target: "verdict", body: "Is “inaccurate” too strong?" })).status).toBe(200);
    expect((await post(engineer, { intent: "comment", claimId: c.claimId, target: "claim", body: "The record says two hours." })).status).toBe(200);
    expect((await post(engineer, { intent: "comment", claimId: c.claimId, target: "claim", body: "" })).status).toBe(400);
    const page = await (await call(async () => claimCommentLoader({ request: makeRequest(`/cases/${c.caseId}/comments`, { cookie: await cookie(legal) }), context: ctx, params: { caseId: c.caseId } }))).json();
    expect(page.threads.map((t: { target: string; comments: { authorName: string }[] }) => [t.target, t.comments[0].authorName])).toEqual([
      ["verdict", "Lee Legal"],
      ["claim", "Erin Engineer"],
    ]);
  });
});

describe(`each inbox shows exactly what waits on that person (${TEST_DRIVER})`, () => {
  it("engineer: their unconfirmed links; comms: claims without a verdict and drafts sent back; legal: drafts in legal review", async () => {
    const fresh = await createTestDb();
    try {
      const fdb = fresh.db;
      const fctx = makeContext(fdb);
      const a = await reviewer(fdb, ["comms"], "Casey Comms");
      const e = await reviewer(fdb, ["engineer"], "Erin Engineer");
      const other = await reviewer(fdb, ["engineer"], "Sam Ops");
      const l = await reviewer(fdb, ["legal"], "Lee Legal");
      const inbox = async (user: ReviewActor) =>
        (await call(async () => inboxLoader({ request: makeRequest("/reviews", { cookie: await cookieFor(fctx, { ...user, roles: user.roles as never }) }), context: fctx, params: {} }))).json();

      const c = await reviewCase(fdb, { author: a, engineer: e });
      await fdb.update(evidenceLinks).set({ confirmedVersion: null, confirmedBy: null }).where(eq(evidenceLinks.id, c.linkId));
      await fdb.update(claims).set({ verdict: null }).where(eq(claims.id, c.claimId));
      const { draftId, version } = await createDraft(fdb, { caseId: c.caseId, claimId: c.claimId, authorId: a.id });

      const eng = await inbox(e);
      expect(eng.confirm.map((x: { claimId: string; links: unknown[] }) => [x.claimId, x.links.length])).toEqual([[c.claimId, 1]]);
      expect(eng.confirm[0].due).toBe("overdue");
      expect(eng.count).toBe(1);
      expect((await inbox(other)).count).toBe(0);
      const comms = await inbox(a);
      expect(comms.verdicts.map((x: { claimId: string }) => x.claimId)).toEqual([c.claimId]);
      expect(comms.sentBack).toEqual([]);
      expect((await inbox(l)).legal).toEqual([]);

      // Confirm all for this claim, then the engineer's inbox is empty.
      const confirmed = await call(async () =>
        inboxAction({ request: makeRequest("/reviews", { form: { intent: "confirm-claim", claimId: c.claimId }, cookie: await cookieFor(fctx, { ...e, roles: e.roles as never }) }), context: fctx, params: {} }),
      );
      expect(confirmed.status).toBe(200);
      expect((await inbox(e)).count).toBe(0);

      await fdb.update(claims).set({ verdict: "inaccurate" }).where(eq(claims.id, c.claimId));
      await takeReviewStep(fdb, a, draftId, { type: "submit" });
      await takeReviewStep(fdb, e, draftId, { type: "decide", decision: "approved", versionId: version.id, versionHash: version.hash });
      const legalInbox = await inbox(l);
      expect(legalInbox.legal.map((x: { draftId: string }) => x.draftId)).toEqual([draftId]);
      await takeReviewStep(fdb, l, draftId, { type: "decide", decision: "changes_requested", versionId: version.id, versionHash: version.hash, comment: "Say “about”." });
      expect((await inbox(l)).legal).toEqual([]);
      const back = await inbox(a);
      expect(back.verdicts).toEqual([]);
      expect(back.sentBack.map((x: { draftId: string; comment: string }) => [x.draftId, x.comment])).toEqual([[draftId, "Say “about”."]]);
    } finally {
      await fresh.close();
    }
  });
});

describe(`the Audit page (${TEST_DRIVER})`, () => {
  it("lists events across cases as sentences, filterable by person and action", async () => {
    await publishedDraft();
    const get = async (query: string) =>
      (await call(async () => auditLoader({ request: makeRequest(`/audit${query}`, { cookie: await cookie(legal) }), context: ctx, params: {} }))).json();
    const all = await get("");
    expect(all.chain.ok).toBe(true);
    const byLegal = await get(`?person=${legal.id}`);
    expect(byLegal.events.length).toBeGreaterThan(0);
    expect(byLegal.events.every((e: { actorId: string }) => e.actorId === legal.id)).toBe(true);
    const published = await get("?action=statement.published");
    expect(published.events.every((e: { action: string }) => e.action === "statement.published")).toBe(true);
    expect(published.events[0].caseTitle).toBe("Store outages story");
    const engineerDenied = await call(async () => auditLoader({ request: makeRequest("/audit", { cookie: await cookie(engineer) }), context: ctx, params: {} }));
    expect(engineerDenied.status).toBe(403);
  });
});
