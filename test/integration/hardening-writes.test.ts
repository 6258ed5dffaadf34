/**
 * Issue 12, no lost updates: a verdict, a confirmation and a rewording carry what they were
 * based on, and the second of two writers gets a 409 with the current value instead of
 * silently replacing the first; a form's idempotency key makes a second "create case" or
 * "add source" a no-op. Also: a plain-text paste keeps its words.
 */
import fs from "node:fs";
import type { ActionFunctionArgs } from "@remix-run/node";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, claims, evidenceLinks, sources } from "../../db/schema";
import { importIncidents } from "../../app/models/incident.server";
import { actorOf, createCase } from "../../app/models/case.server";
import { assignClaim, listCaseClaims } from "../../app/models/claim.server";
import { linkEvidence } from "../../app/models/evidence.server";
import { addSource } from "../../app/models/source.server";
import { action as evidenceAction } from "../../app/routes/_app.cases.$caseId.evidence";
import { action as readerAction } from "../../app/routes/_app.cases.$caseId.sources.$sourceId";
import { action as caseAction } from "../../app/routes/_app.cases.$caseId";
import { action as newCaseAction } from "../../app/routes/_app.cases.new";
import { createTestDb, type TestDb } from "../setup/db";
import { call, cookieFor, createTestUser, makeContext, makeRequest, type SessionUser } from "../setup/remix";

const ARTICLE = fs.readFileSync(new URL("../../db/demo/meridian/article.md", import.meta.url), "utf8");

let testDb: TestDb;
let context: ReturnType<typeof makeContext>;
type Person = SessionUser & { cookie: string };
const people = {} as Record<"comms" | "comms2" | "engineer" | "admin", Person>;

beforeAll(async () => {
  testDb = await createTestDb();
  context = makeContext(testDb.db);
  for (const [key, roles] of [["comms", ["comms"]], ["comms2", ["comms"]], ["engineer", ["engineer"]], ["admin", ["admin"]]] as const) {
    const user = await createTestUser(testDb.db, [...roles]);
    people[key] = { ...user, cookie: await cookieFor(context, user) };
  }
});
afterAll(async () => {
  await testDb?.close();
});

async function setupCase() {
  const actor = actorOf(people.comms);
  const { id: caseId } = await createCase(testDb.db, actor, { title: "Writes" });
  const { sourceId } = await addSource(testDb.db, actor, caseId, { content: { kind: "paste", text: ARTICLE } });
  const [claim] = (await listCaseClaims(testDb.db, caseId)).filter((c) => !c.belowThreshold);
  return { caseId, sourceId, claim };
}

function postTo(fn: (args: ActionFunctionArgs) => Promise<unknown>, path: string, params: Record<string, string>, who: Person, form: Record<string, string>) {
  return call(() => fn({ request: makeRequest(path, { form, cookie: who.cookie }), context, params }));
}

describe("two people writing the same thing at once", () => {
  it("sets one verdict and answers the other 409 with the current verdict", async () => {
    const { caseId, claim } = await setupCase();
    const [row] = await testDb.db.select({ suggestion: claims.suggestion }).from(claims).where(eq(claims.id, claim.id));
    const suggestionAt = (row.suggestion as { analyzedAt: string } | null)?.analyzedAt ?? "";
    const form = (verdict: string) => ({ intent: "set-verdict", claimId: claim.id, verdict, note: "", suggestionAt, verdictAt: "" });
    const path = `/cases/${caseId}/evidence`;
    const [a, b] = await Promise.all([
      postTo(evidenceAction, path, { caseId }, people.comms, form("accurate")),
      postTo(evidenceAction, path, { caseId }, people.comms2, form("inaccurate")),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [stored] = await testDb.db.select({ verdict: claims.verdict, setAt: claims.verdictSetAt }).from(claims).where(eq(claims.id, claim.id));
    const loser = a.status === 409 ? a : b;
    const body = await loser.json();
    expect(body.message).toMatch(new RegExp(`set the verdict to “${stored.verdict}”`));
    expect(body.details).toMatchObject({ verdict: stored.verdict, verdictSetAt: stored.setAt!.toISOString() });

    // Based on the current verdict, a change goes through.
    const change = await postTo(evidenceAction, path, { caseId }, people.comms2, { ...form("misleading"), verdictAt: stored.setAt!.toISOString() });
    expect(change.status).toBe(200);
    // A write without the version it was based on is refused, not taken blind.
    const blind = await postTo(evidenceAction, path, { caseId }, people.comms, { intent: "set-verdict", claimId: claim.id, verdict: "accurate", suggestionAt });
    expect(blind.status).toBe(400);
  });

  it("confirms a link once and answers the second confirmer 409", async () => {
    const { caseId, claim } = await setupCase();
    const incident = { id: `RET-W-${Date.now()}` };
    const outcome = await importIncidents(testDb.db, {
      text: JSON.stringify({ incidents: [{ id: incident.id, title: "Checkout errors", status: "resolved", startedAt: "2026-03-07T10:00:00Z", resolvedAt: "2026-03-07T12:00:00Z", organization: "retail", services: ["checkout"] }] }),
      fileName: "w.json",
      actor: { label: "test" },
    });
    expect(outcome.ok).toBe(true);
    await assignClaim(testDb.db, actorOf(people.comms), caseId, claim.id, people.engineer.id);
    const { linkId } = await linkEvidence(testDb.db, actorOf(people.comms), { caseId, claimId: claim.id, incidentId: incident.id, stance: "context" });
    const path = `/cases/${caseId}/evidence`;
    const form = { intent: "confirm", claimId: claim.id, linkId, confirmedAt: "" };
    const [a, b] = await Promise.all([
      postTo(evidenceAction, path, { caseId }, people.engineer, form),
      postTo(evidenceAction, path, { caseId }, people.admin, form),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [link] = await testDb.db.select().from(evidenceLinks).where(eq(evidenceLinks.id, linkId));
    const winner = a.status === 200 ? people.engineer : people.admin;
    expect(link.confirmedBy).toBe(winner.id);
    const loser = await (a.status === 409 ? a : b).json();
    expect(loser.details).toMatchObject({ confirmedAt: link.confirmedAt!.toISOString(), confirmedVersion: 1 });
  });

  it("rewords a claim once and answers the second rewording 409 with the current wording", async () => {
    const { caseId, sourceId, claim } = await setupCase();
    const path = `/cases/${caseId}/sources/${sourceId}`;
    const form = (text: string) => ({ intent: "edit", claimId: claim.id, text, basedOn: claim.text });
    const [a, b] = await Promise.all([
      postTo(readerAction, path, { caseId, sourceId }, people.comms, form("First wording of the claim")),
      postTo(readerAction, path, { caseId, sourceId }, people.comms2, form("Second wording of the claim")),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    const [row] = await testDb.db.select({ text: claims.text }).from(claims).where(eq(claims.id, claim.id));
    const loser = await (a.status === 409 ? a : b).json();
    expect(loser.details).toEqual({ text: row.text });
    expect(loser.errors.text).toMatch(/reworded this claim since the page was loaded/);
  });
});

describe("a form sent twice", () => {
  it("opens one case for two simultaneous submits of the same new-case form", async () => {
    const [before] = await testDb.db.select({ n: count() }).from(cases);
    const form = { intent: "create-case", title: "Sent twice", summary: "", idempotencyKey: crypto.randomUUID() };
    const [a, b] = await Promise.all([
      postTo(newCaseAction, "/cases/new", {}, people.comms, form),
      postTo(newCaseAction, "/cases/new", {}, people.comms, form),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(a.headers.get("location")).toBe(b.headers.get("location"));
    const [after] = await testDb.db.select({ n: count() }).from(cases);
    expect(after.n).toBe(before.n + 1);
    // A new form (a new key) opens a new case.
    const again = await postTo(newCaseAction, "/cases/new", {}, people.comms, { ...form, idempotencyKey: crypto.randomUUID() });
    expect(again.headers.get("location")).not.toBe(a.headers.get("location"));
  });

  it("adds one source for two simultaneous submits of the same add-source form", async () => {
    const { id: caseId } = await createCase(testDb.db, actorOf(people.comms), { title: "Sources twice" });
    const form = { intent: "add-source", body: "The store was down for six hours on 5 March, the company said.", format: "auto", idempotencyKey: crypto.randomUUID() };
    const [a, b] = await Promise.all([
      postTo(caseAction, `/cases/${caseId}`, { caseId }, people.comms, form),
      postTo(caseAction, `/cases/${caseId}`, { caseId }, people.comms, form),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    const rows = await testDb.db.select({ id: sources.id }).from(sources).where(eq(sources.caseId, caseId));
    expect(rows).toHaveLength(1);
    for (const r of [a, b]) expect(r.headers.get("location")).toContain(`/sources/${rows[0].id}`);
  });
});

describe("a plain-text paste", () => {
  it("keeps its words, angle brackets and all", async () => {
    const { id: caseId } = await createCase(testDb.db, actorOf(people.comms), { title: "Plain text" });
    const text = "The checkout failed when x<y and y>z held, the engineers said on 5 March.";
    const response = await postTo(caseAction, `/cases/${caseId}`, { caseId }, people.comms, { intent: "add-source", body: text, format: "auto" });
    expect(response.status).toBe(302);
    const [row] = await testDb.db.select({ body: sources.body, format: sources.format }).from(sources).where(eq(sources.caseId, caseId));
    expect(row).toEqual({ body: text, format: "text" });
    // Markdown still loses its inline HTML; only HTML goes through the reader.
    const md = await postTo(caseAction, `/cases/${caseId}`, { caseId }, people.comms, { intent: "add-source", body: "# Title\n\nDown <script>x()</script>for hours.", format: "auto" });
    expect(md.status).toBe(302);
    const bodies = (await testDb.db.select({ body: sources.body }).from(sources).where(eq(sources.caseId, caseId))).map((r) => r.body);
    expect(bodies).toContain("# Title\n\nDown for hours.");
  });
});
