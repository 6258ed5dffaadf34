/**
 * Drafts on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): generation
 * from the Meridian case, versions with optimistic concurrency (two saves from one version: one
 * wins, the other is a conflict), checks stored per version and waivers in the audit trail,
 * snippets and their approvals, exports, and who may do what through the routes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvents, verifyAuditTrail } from "../../app/models/audit.server";
import {
  approveSnippet,
  createHoldingDraft,
  createSnippet,
  generateCaseDraft,
  getDraftView,
  listSnippets,
  saveDraftVersion,
  updateSnippet,
  waiveFlag,
} from "../../app/models/draft.server";
import { recordTexts } from "../../app/domain/drafts";
import * as draftsIndex from "../../app/routes/_app.cases.$caseId.drafts._index";
import * as editor from "../../app/routes/_app.cases.$caseId.drafts.$draftId";
import * as exporter from "../../app/routes/cases.$caseId.drafts.$draftId.export";
import * as diff from "../../app/routes/_app.cases.$caseId.drafts.$draftId_.diff";
import * as snippetsPage from "../../app/routes/_app.snippets";
import type { Incident } from "../../app/domain/incidents";
import * as evidencePage from "../../app/routes/_app.cases.$caseId.evidence";
import { claims as claimsTable, draftVersions, evidenceLinks, incidentVersions } from "../../db/schema";
import { createTestDb, type TestDb } from "../setup/db";
import { seedMeridianCase } from "../setup/drafts";
import { call, cookieFor, createTestUser, makeContext, makeRequest } from "../setup/remix";
import type { AppLoadContext } from "@remix-run/node";

let t: TestDb;
let context: AppLoadContext;
let caseId: string;
const comms = { id: null as string | null, label: "comms" };
beforeAll(async () => {
  t = await createTestDb();
  context = makeContext(t.db);
  ({ caseId } = await seedMeridianCase(t.db));
});
afterAll(async () => {
  await t?.close();
});

describe("generation", () => {
  it("answers every Meridian claim with a verdict, with no internal-only text, and stores checks with no flag", async () => {
    const { draftId } = await generateCaseDraft(t.db, comms, caseId);
    const view = await getDraftView(t.db, caseId, draftId);
    expect(view.current.number).toBe(1);
    expect(view.current.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.current.citations).toHaveLength(7);
    expect(view.current.notReady).toEqual([]);
    expect(view.flags).toEqual([]);
    const internal = (await t.db.select({ record: incidentVersions.record }).from(incidentVersions)).flatMap((r) =>
      recordTexts(r.record as Incident).filter((f) => f.internal),
    );
    for (const f of internal) expect(view.current.body.toLowerCase()).not.toContain(f.text.toLowerCase());
    expect(view.current.body).not.toMatch(/RET-20|CLD-20/);
  });

  it("a repeated generate (a double click) gives the same draft, not a second one", async () => {
    const fresh = await seedMeridianCase(t.db);
    const [a, b] = await Promise.all([generateCaseDraft(t.db, comms, fresh.caseId), generateCaseDraft(t.db, comms, fresh.caseId)]);
    expect(b.draftId).toBe(a.draftId);
  });

  it("writes a holding statement before any claim is ready", async () => {
    const fresh = await seedMeridianCase(t.db, { withVerdicts: false });
    const statement = await generateCaseDraft(t.db, comms, fresh.caseId);
    const view = await getDraftView(t.db, fresh.caseId, statement.draftId);
    expect(view.current.notReady).toHaveLength(7);
    const holding = await createHoldingDraft(t.db, comms, fresh.caseId);
    const hv = await getDraftView(t.db, fresh.caseId, holding.draftId);
    expect(hv.draft.kind).toBe("holding");
    expect(hv.flags).toEqual([]);
  });
});

describe("versions and concurrency", () => {
  it("saves a new immutable version, and refuses a save based on an older one as a conflict with both texts", async () => {
    const { draftId, versionId } = await createHoldingDraft(t.db, comms, caseId);
    const v2 = await saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "# Statement\n\nFirst edit.\n" });
    expect(v2.number).toBe(2);
    const stale = saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "# Statement\n\nA different edit.\n" });
    await expect(stale).rejects.toMatchObject({ status: 409, details: { latestNumber: 2, latestBody: "# Statement\n\nFirst edit.\n", yours: "# Statement\n\nA different edit.\n" } });
    const rows = await t.db.select().from(draftVersions).where(eq(draftVersions.draftId, draftId));
    expect(rows.map((r) => r.number).sort()).toEqual([1, 2]);
  });

  it("two saves from the same version at once: one wins, the other gets the conflict", async () => {
    const { draftId, versionId } = await createHoldingDraft(t.db, comms, caseId);
    const results = await Promise.allSettled([
      saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "Text from the first editor.\n" }),
      saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "Text from the second editor.\n" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ status: 409 });
    const rows = await t.db.select().from(draftVersions).where(eq(draftVersions.draftId, draftId));
    expect(rows).toHaveLength(2);
  });

  it("refuses a NUL character and treats a repeated submit of the latest text as no change", async () => {
    const { draftId, versionId } = await createHoldingDraft(t.db, comms, caseId);
    await expect(saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "bad\u0000text" })).rejects.toMatchObject({ status: 400 });
    const first = await saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "Same text.\n" });
    const again = await saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "Same text.\n" });
    expect(again).toMatchObject({ versionId: first.versionId, unchanged: true });
  });
});

describe("checks and waivers", () => {
  it("flags a leak and an unsupported figure on save, and a waiver needs a reason and is audited", async () => {
    const { draftId, versionId } = await createHoldingDraft(t.db, comms, caseId);
    await saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "The checkout outage lasted six hours (RET-2026-0307-B).\n" });
    const view = await getDraftView(t.db, caseId, draftId);
    expect(view.flags.map((f) => [f.kind, f.text])).toEqual([
      ["support", "six hours"],
      ["disclosure", "RET-2026-0307-B"],
    ]);
    const flag = view.flags[0]!;
    await expect(waiveFlag(t.db, comms, { caseId, draftId, flagKey: flag.key, reason: "ok" })).rejects.toMatchObject({ status: 400, field: "reason" });
    await waiveFlag(t.db, comms, { caseId, draftId, flagKey: flag.key, reason: "Quoting the report's own figure to deny it." });
    const after = await getDraftView(t.db, caseId, draftId);
    expect(after.flags.find((f) => f.key === flag.key)?.waiver?.reason).toBe("Quoting the report's own figure to deny it.");
    const events = await listEvents(t.db, { caseId });
    expect(events.some((e) => e.action === "draft.flag_waived")).toBe(true);
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });
});

describe("snippets", () => {
  it("keeps a reference to the approval of an inserted snippet, and an edit clears the approval", async () => {
    const { id } = await createSnippet(t.db, comms, { title: "Standard apology", category: "sentence", body: "We apologise to every customer who was affected.", approve: true });
    const { draftId, versionId } = await createHoldingDraft(t.db, comms, caseId);
    await saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: versionId, body: "# Statement\n", insertSnippetId: id });
    const view = await getDraftView(t.db, caseId, draftId);
    expect(view.current.body).toContain("We apologise to every customer who was affected.");
    expect(view.current.snippetRefs.map((r) => r.snippetId)).toEqual([id]);
    const [s] = (await listSnippets(t.db)).filter((x) => x.id === id);
    await updateSnippet(t.db, comms, id, { title: "Standard apology", category: "sentence", body: "We are sorry.", expectedHash: s!.hash });
    const [edited] = (await listSnippets(t.db)).filter((x) => x.id === id);
    expect(edited!.approvedAt).toBeNull();
    await expect(saveDraftVersion(t.db, comms, { caseId, draftId, baseVersionId: view.current.id, body: "x\n", insertSnippetId: id })).rejects.toMatchObject({ status: 409 });
    await approveSnippet(t.db, comms, id, edited!.hash);
    expect((await listSnippets(t.db, { approvedOnly: true })).map((x) => x.id)).toContain(id);
  });
});

describe("routes and permissions", () => {
  async function as(roles: string[]) {
    const user = await createTestUser(t.db, roles);
    return cookieFor(context, user);
  }
  const path = (draftId?: string) => (draftId ? `/cases/${caseId}/drafts/${draftId}` : `/cases/${caseId}/drafts`);

  it("comms and admins generate and edit; legal and engineers read but may not edit", async () => {
    const commsCookie = await as(["comms"]);
    const generated = await call(() => draftsIndex.action({ request: makeRequest(path(), { form: { intent: "generate" }, cookie: commsCookie }), context, params: { caseId } }));
    expect(generated.status).toBe(302);
    const draftPath = generated.headers.get("Location")!;
    const draftId = draftPath.split("/").pop()!;

    for (const roles of [["legal"], ["engineer"]]) {
      const cookie = await as(roles);
      const read = await call(() => editor.loader({ request: makeRequest(draftPath, { cookie }), context, params: { caseId, draftId } }));
      expect(read.status).toBe(200);
      expect((await read.json()).canEdit).toBe(false);
      const write = await call(() =>
        editor.action({ request: makeRequest(draftPath, { form: { intent: "save", baseVersionId: draftId, body: "x" }, cookie }), context, params: { caseId, draftId } }),
      );
      expect(write.status).toBe(403);
      const gen = await call(() => draftsIndex.action({ request: makeRequest(path(), { form: { intent: "generate" }, cookie }), context, params: { caseId } }));
      expect(gen.status).toBe(403);
    }

    const adminCookie = await as(["admin"]);
    const view = await (await call(() => editor.loader({ request: makeRequest(draftPath, { cookie: adminCookie }), context, params: { caseId, draftId } }))).json();
    expect(view.canEdit).toBe(true);
    expect(view.current.html).toContain('<sup class="cite"');
    const saved = await call(() =>
      editor.action({
        request: makeRequest(draftPath, { form: { intent: "save", baseVersionId: view.current.id, body: `${view.current.body}\nOne more line.\n` }, cookie: adminCookie }),
        context,
        params: { caseId, draftId },
      }),
    );
    expect(saved.status).toBe(302);
    const conflict = await call(() =>
      editor.action({
        request: makeRequest(draftPath, { form: { intent: "save", baseVersionId: view.current.id, body: "Another text." }, cookie: commsCookie }),
        context,
        params: { caseId, draftId },
      }),
    );
    expect(conflict.status).toBe(409);
    const body = await conflict.json();
    expect(body.details.latestBody).toContain("One more line.");
    expect(body.details.yours).toBe("Another text.");

    const preview = await call(() =>
      editor.action({
        request: makeRequest(draftPath, { form: { intent: "preview", baseVersionId: view.current.id, body: "Hi <img src=x onerror=alert(1)> **there**" }, cookie: commsCookie }),
        context,
        params: { caseId, draftId },
      }),
    );
    expect((await preview.json()).html).toBe("<p>Hi  <strong>there</strong></p>\n");

    const bad = await call(() => editor.action({ request: makeRequest(draftPath, { form: { intent: "save", baseVersionId: "nope", body: "x" }, cookie: commsCookie }), context, params: { caseId, draftId } }));
    expect(bad.status).toBe(400);

    const legalCookie = await as(["legal"]);
    const redline = await call(() => diff.loader({ request: makeRequest(`${draftPath}/diff?from=1&to=2`, { cookie: legalCookie }), context, params: { caseId, draftId } }));
    expect(redline.status).toBe(200);
    expect((await redline.json()).counts.added).toBe(3);

    const md = await call(() => exporter.loader({ request: makeRequest(`${draftPath}/export?version=2&format=md`, { cookie: commsCookie }), context, params: { caseId, draftId } }));
    const mdText = await md.text();
    expect(md.headers.get("Content-Type")).toMatch(/text\/markdown/);
    expect(mdText).not.toMatch(/\[\^c\d+\]/);
    const html = await call(() => exporter.loader({ request: makeRequest(`${draftPath}/export?version=2&format=html`, { cookie: commsCookie }), context, params: { caseId, draftId } }));
    const htmlText = await html.text();
    expect(htmlText).toMatch(/^<!doctype html>/);
    expect(htmlText).toContain("@media print");
    expect(htmlText).not.toContain("cite");
    const missing = await call(() => exporter.loader({ request: makeRequest(`${draftPath}/export?version=99&format=md`, { cookie: commsCookie }), context, params: { caseId, draftId } }));
    expect(missing.status).toBe(404);
  });

  it("legal and admins manage snippets; comms may not, but edits the template", async () => {
    const legal = await as(["legal"]);
    const created = await call(() =>
      snippetsPage.action({ request: makeRequest("/snippets", { form: { intent: "create", title: "Holding", category: "holding", body: "We are looking into it.", approve: "on" }, cookie: legal }), context, params: {} }),
    );
    expect(created.status).toBe(302);
    const commsCookie = await as(["comms"]);
    const refused = await call(() =>
      snippetsPage.action({ request: makeRequest("/snippets", { form: { intent: "create", title: "X", category: "sentence", body: "Y" }, cookie: commsCookie }), context, params: {} }),
    );
    expect(refused.status).toBe(403);
    const template = await call(() =>
      snippetsPage.action({ request: makeRequest("/snippets", { form: { intent: "template", headline: "Setting the record straight" }, cookie: commsCookie }), context, params: {} }),
    );
    expect(template.status).toBe(302);
    const legalTemplate = await call(() => snippetsPage.action({ request: makeRequest("/snippets", { form: { intent: "template", headline: "No" }, cookie: legal }), context, params: {} }));
    expect(legalTemplate.status).toBe(403);
    const { draftId } = await generateCaseDraft(t.db, comms, caseId);
    expect((await getDraftView(t.db, caseId, draftId)).current.body).toMatch(/^# Setting the record straight/);
  });
});

describe("internal-only badge on quoted records", () => {
  it("marks a link to an internal-only field, and an excerpt found only in one, but not a public excerpt", async () => {
    const [claim] = await t.db.select({ id: claimsTable.id }).from(claimsTable).where(eq(claimsTable.caseId, caseId)).limit(1);
    const rows = await t.db
      .insert(evidenceLinks)
      .values([
        { claimId: claim!.id, incidentId: "RET-2026-0307-B", stance: "context", field: "trigger" },
        { claimId: claim!.id, incidentId: "RET-2026-0307-B", stance: "context", excerpt: "retry policy change  APPLIED" },
        { claimId: claim!.id, incidentId: "RET-2026-0307-B", stance: "context", excerpt: "No AI-generated code was involved." },
      ])
      .returning({ id: evidenceLinks.id });
    const user = await createTestUser(t.db, ["legal"]);
    const cookie = await cookieFor(context, user);
    const res = await call(() => evidencePage.loader({ request: makeRequest(`/cases/${caseId}/evidence`, { cookie }), context, params: { caseId } }));
    const data = await res.json();
    const links = data.evidence.claims.flatMap((c: { links: { id: string; internal: boolean }[] }) => c.links);
    expect(rows.map((r) => links.find((l: { id: string }) => l.id === r.id)?.internal)).toEqual([true, true, false]);
  });
});
