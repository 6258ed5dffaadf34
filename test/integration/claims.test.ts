import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, claimAppearances, claims, sources, users as usersTable } from "../../db/schema";
import { ArticleBody } from "../../app/components/article-body";
import { claimFingerprint } from "../../app/domain/claim-fingerprint";
import { actorOf, createCase } from "../../app/models/case.server";
import { listCaseClaims } from "../../app/models/claim.server";
import { addSource } from "../../app/models/source.server";
import { action as readerAction, loader as readerLoader } from "../../app/routes/_app.cases.$caseId.sources.$sourceId";
import { createTestDb, type TestDb } from "../setup/db";
import { call, cookieFor, createTestUser, makeContext, makeRequest, type SessionUser } from "../setup/remix";

const ARTICLE = fs.readFileSync(new URL("../../db/demo/meridian/article.md", import.meta.url), "utf8");
const SIX_HOURS = "One of the outages lasted more than six hours, leaving shoppers unable to reach the site during the evening peak";
const FOUR_TIMES = "The online store went down at least four times between 5 and 11 March";

type Who = "comms" | "legal" | "engineer" | "admin";
let testDb: TestDb;
let context: ReturnType<typeof makeContext>;
const users = {} as Record<Who, SessionUser & { cookie: string }>;

beforeAll(async () => {
  testDb = await createTestDb();
  context = makeContext(testDb.db);
  for (const role of ["comms", "legal", "engineer", "admin"] as const) {
    const user = await createTestUser(testDb.db, [role]);
    users[role] = { ...user, cookie: await cookieFor(context, user) };
  }
});
afterAll(async () => {
  await testDb?.close();
});

interface Workspace {
  caseId: string;
  sourceId: string;
}

/** A case with one source, made through the models (the routes under test are the claim actions). */
async function setupCase(body = ARTICLE, title = "Claims case"): Promise<Workspace> {
  const actor = actorOf(users.comms);
  const { id: caseId } = await createCase(testDb.db, actor, { title });
  const { sourceId } = await addSource(testDb.db, actor, caseId, { content: { kind: "paste", text: body } });
  return { caseId, sourceId };
}

async function addAnother(ws: Workspace, body: string): Promise<string> {
  const { sourceId } = await addSource(testDb.db, actorOf(users.comms), ws.caseId, { content: { kind: "paste", text: body } });
  return sourceId;
}

function post(ws: Workspace, form: Record<string, string | string[]>, who: Who = "comms", sourceId = ws.sourceId) {
  return call(() =>
    readerAction({
      request: makeRequest(`/cases/${ws.caseId}/sources/${sourceId}`, { form, cookie: users[who].cookie }),
      context,
      params: { caseId: ws.caseId, sourceId },
    }),
  );
}

function read(ws: Workspace, query = "", who: Who = "comms", sourceId = ws.sourceId) {
  return call(() =>
    readerLoader({ request: makeRequest(`/cases/${ws.caseId}/sources/${sourceId}${query}`, { cookie: users[who].cookie }), context, params: { caseId: ws.caseId, sourceId } }),
  );
}

async function claimsOf(ws: Workspace) {
  return listCaseClaims(testDb.db, ws.caseId);
}

async function claimByText(ws: Workspace, text: string) {
  const found = (await claimsOf(ws)).find((c) => c.text === text);
  if (!found) throw new Error(`no claim “${text}”`);
  return found;
}

async function bodyOf(sourceId: string) {
  const [row] = await testDb.db.select({ body: sources.body }).from(sources).where(eq(sources.id, sourceId));
  return row.body;
}

async function eventCount(caseId: string) {
  const [row] = await testDb.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.caseId, caseId));
  return row.n;
}

function redirectedTo(response: Response) {
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!, "http://x");
}

/** Every appearance's quote is the exact slice of its source's body. */
async function expectExactQuotes(ws: Workspace) {
  const rows = await testDb.db
    .select({ start: claimAppearances.start, end: claimAppearances.end, quote: claimAppearances.quote, body: sources.body })
    .from(claimAppearances)
    .innerJoin(sources, eq(sources.id, claimAppearances.sourceId))
    .where(eq(sources.caseId, ws.caseId));
  for (const r of rows) expect(r.body.slice(r.start, r.end)).toBe(r.quote);
}

describe("every claim action needs edit:claims: comms and admin may, legal and engineers get 403 and change nothing", () => {
  let ws: Workspace;
  let forms: Record<string, Record<string, string | string[]>>;
  beforeAll(async () => {
    ws = await setupCase();
    const six = await claimByText(ws, SIX_HOURS);
    const four = await claimByText(ws, FOUR_TIMES);
    const [engineerRow] = await testDb.db.select({ id: usersTable.id }).from(usersTable).where(eq(usersTable.id, users.engineer.id));
    forms = {
      accept: { intent: "accept", claimId: six.id },
      dismiss: { intent: "dismiss", claimId: six.id },
      reopen: { intent: "reopen", claimId: six.id },
      edit: { intent: "edit", claimId: six.id, text: "An outage lasted over six hours", basedOn: six.text },
      split: { intent: "split", claimId: six.id, offset: String(SIX_HOURS.indexOf("leaving")) },
      merge: { intent: "merge", claimId: six.id, mergeIds: four.id },
      add: { intent: "add", quote: "according to an internal briefing seen by The Financial Ledger" },
      assign: { intent: "assign", claimId: six.id, assigneeId: engineerRow.id },
      status: { intent: "status", claimId: six.id, status: "checking" },
    };
  });

  for (const intent of ["accept", "dismiss", "reopen", "edit", "split", "merge", "add", "assign", "status"]) {
    it(intent, async () => {
      const before = { claims: JSON.stringify(await claimsOf(ws)), events: await eventCount(ws.caseId) };
      for (const who of ["legal", "engineer"] as const) {
        const response = await post(ws, forms[intent], who);
        expect(response.status).toBe(403);
        expect(await response.text()).toContain("edit:claims");
      }
      expect(JSON.stringify(await claimsOf(ws))).toBe(before.claims);
      expect(await eventCount(ws.caseId)).toBe(before.events);
      const allowed = await setupCase(ARTICLE, `allowed ${intent}`);
      const six = await claimByText(allowed, SIX_HOURS);
      const four = await claimByText(allowed, FOUR_TIMES);
      const form = { ...forms[intent], ...(forms[intent].claimId ? { claimId: six.id } : {}), ...(intent === "merge" ? { mergeIds: four.id } : {}) };
      for (const who of intent === "reopen" ? (["admin"] as const) : (["comms"] as const)) {
        if (intent === "reopen") await post(allowed, { intent: "accept", claimId: six.id }, "comms");
        const response = await post(allowed, form, who);
        expect(response.status).toBe(302);
      }
      expect(await eventCount(allowed.caseId)).toBeGreaterThan(2);
    });
  }

  it("lets legal and engineers read the claims, without the editing forms", async () => {
    const six = await claimByText(ws, SIX_HOURS);
    for (const who of ["legal", "engineer"] as const) {
      const response = await read(ws, `?claim=${six.id}`, who);
      expect(response.status).toBe(200);
      const data = await response.json();
      expect(data.canEdit).toBe(false);
      expect(data.selected).toMatchObject({ id: six.id, text: SIX_HOURS });
    }
  });
});

describe("accepting, dismissing and reopening", () => {
  it("analyses a claim at once when it is accepted, leaving the other claims' suggestions as they were", async () => {
    const ws = await setupCase();
    const rows = await testDb.db.select().from(claims).where(eq(claims.caseId, ws.caseId));
    const below = rows.find((r) => r.belowThreshold && !r.suggestion)!;
    const other = rows.find((r) => r.suggestion)!;
    expect(below, "the demo article has a below-threshold sentence with no suggestion").toBeDefined();
    await post(ws, { intent: "accept", claimId: below.id });
    const [accepted] = await testDb.db.select().from(claims).where(eq(claims.id, below.id));
    expect(accepted.suggestion).toMatchObject({ suggested: expect.any(String), confidence: expect.any(Number) });
    const [untouched] = await testDb.db.select().from(claims).where(eq(claims.id, other.id));
    expect(untouched.suggestion).toEqual(other.suggestion);
  });

  it("moves the review state, redirects to the claim, and records each step", async () => {
    const ws = await setupCase();
    const claim = await claimByText(ws, FOUR_TIMES);
    expect(claim.review).toBe("proposed");

    const accepted = redirectedTo(await post(ws, { intent: "accept", claimId: claim.id }));
    expect(accepted.pathname).toBe(`/cases/${ws.caseId}/sources/${ws.sourceId}`);
    expect(accepted.searchParams.get("claim")).toBe(claim.id);
    expect(accepted.searchParams.get("done")).toBe("accept");
    expect((await claimByText(ws, FOUR_TIMES)).review).toBe("accepted");

    await post(ws, { intent: "dismiss", claimId: claim.id });
    expect((await claimByText(ws, FOUR_TIMES)).review).toBe("dismissed");
    await post(ws, { intent: "reopen", claimId: claim.id });
    expect((await claimByText(ws, FOUR_TIMES)).review).toBe("proposed");

    const actions = (await testDb.db.select({ action: auditEvents.action, entityId: auditEvents.entityId }).from(auditEvents).where(eq(auditEvents.caseId, ws.caseId)).orderBy(auditEvents.seq)).filter(
      (e) => e.entityId === claim.id,
    );
    expect(actions.map((e) => e.action)).toEqual(["claim.accepted", "claim.dismissed", "claim.reopened"]);
  });

  it("keeps ?all=1 across the redirect, and says when a claim is not in this case", async () => {
    const ws = await setupCase();
    const other = await setupCase(ARTICLE, "Other case");
    const claim = await claimByText(ws, FOUR_TIMES);
    const response = await call(() =>
      readerAction({
        request: makeRequest(`/cases/${ws.caseId}/sources/${ws.sourceId}?all=1&claim=${claim.id}`, { form: { intent: "accept", claimId: claim.id }, cookie: users.comms.cookie }),
        context,
        params: { caseId: ws.caseId, sourceId: ws.sourceId },
      }),
    );
    expect(redirectedTo(response).searchParams.get("all")).toBe("1");
    const foreign = await claimByText(other, FOUR_TIMES);
    expect((await post(ws, { intent: "accept", claimId: foreign.id })).status).toBe(404);
    expect((await claimByText(other, FOUR_TIMES)).review).toBe("proposed");
    const malformed = await post(ws, { intent: "accept", claimId: "nope" });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors.claimId).toMatch(/malformed/);
    expect((await post(ws, { intent: "explode", claimId: claim.id })).status).toBe(400);
  });
});

describe("editing a claim's wording", () => {
  it("changes the wording but keeps the exact quote and the fingerprint", async () => {
    const ws = await setupCase();
    const claim = await claimByText(ws, SIX_HOURS);
    const response = await post(ws, { intent: "edit", claimId: claim.id, text: "  One outage lasted more than six hours  ", basedOn: claim.text });
    expect(redirectedTo(response).searchParams.get("done")).toBe("edit");
    const [row] = await testDb.db.select().from(claims).where(eq(claims.id, claim.id));
    expect(row.text).toBe("One outage lasted more than six hours");
    expect(row.fingerprint).toBe(claimFingerprint(SIX_HOURS));
    const [appearance] = await testDb.db.select().from(claimAppearances).where(eq(claimAppearances.claimId, claim.id));
    expect(appearance.quote).toBe(SIX_HOURS);
    const [event] = await testDb.db.select().from(auditEvents).where(and(eq(auditEvents.action, "claim.edited"), eq(auditEvents.caseId, ws.caseId)));
    expect(event.data).toEqual({ from: SIX_HOURS, to: "One outage lasted more than six hours" });
  });

  it("refuses empty wording with 400 and the field's message", async () => {
    const ws = await setupCase();
    const claim = await claimByText(ws, SIX_HOURS);
    const response = await post(ws, { intent: "edit", claimId: claim.id, text: "   ", basedOn: claim.text });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, intent: "edit", errors: { text: expect.stringMatching(/wording/) } });
    expect((await claimByText(ws, SIX_HOURS)).id).toBe(claim.id);
  });
});

describe("splitting a claim", () => {
  it("splits at an offset into two claims with exact sub-spans", async () => {
    const ws = await setupCase();
    const claim = await claimByText(ws, SIX_HOURS);
    await post(ws, { intent: "accept", claimId: claim.id });
    const response = await post(ws, { intent: "split", claimId: claim.id, offset: String(SIX_HOURS.indexOf("leaving")) });
    const location = redirectedTo(response);
    expect(location.searchParams.get("claim")).toBe(claim.id);
    expect(location.searchParams.get("done")).toBe("split");

    const after = await claimsOf(ws);
    const first = after.find((c) => c.id === claim.id)!;
    const second = after.find((c) => c.text === "leaving shoppers unable to reach the site during the evening peak")!;
    expect(first.text).toBe("One of the outages lasted more than six hours");
    expect(second).toBeDefined();
    expect(second.review).toBe("accepted");
    const body = await bodyOf(ws.sourceId);
    const [a] = first.appearances;
    const [b] = second.appearances;
    expect(body.slice(a.start, a.end)).toBe("One of the outages lasted more than six hours");
    expect(body.slice(b.start, b.end)).toBe("leaving shoppers unable to reach the site during the evening peak");
    expect(a.end).toBeLessThan(b.start);
    const [row] = await testDb.db.select().from(claims).where(eq(claims.id, claim.id));
    expect(row.fingerprint).toBe(claimFingerprint("One of the outages lasted more than six hours"));
    expect(row.kind).toBe("numeric");
    // Both parts are analysed at once: the new second part has a suggestion without pressing anything.
    const [secondRow] = await testDb.db.select().from(claims).where(eq(claims.id, second.id));
    expect(row.suggestion).toMatchObject({ suggested: expect.any(String), confidence: expect.any(Number) });
    expect(secondRow.suggestion).toMatchObject({ suggested: expect.any(String), confidence: expect.any(Number) });
    await expectExactQuotes(ws);
  });

  it("splits the claim's appearances in other articles at the same word", async () => {
    const ws = await setupCase();
    const second = await addAnother(ws, `# Follow-up\n\nCustomers were angry. ${SIX_HOURS}.`);
    const claim = await claimByText(ws, SIX_HOURS);
    expect(new Set(claim.appearances.map((a) => a.sourceId))).toEqual(new Set([ws.sourceId, second]));
    const here = claim.appearances.find((a) => a.sourceId === second)!;
    await post(ws, { intent: "split", claimId: claim.id, offset: String(SIX_HOURS.indexOf("leaving")), appearanceId: here.id }, "comms", second);
    const after = await claimsOf(ws);
    const tail = after.find((c) => c.text.startsWith("leaving shoppers"))!;
    expect(tail.appearances).toHaveLength(2);
    expect(after.find((c) => c.id === claim.id)!.appearances).toHaveLength(2);
    await expectExactQuotes(ws);
  });

  it("refuses a split point at the edge, past the end, or with no words on one side", async () => {
    const ws = await setupCase();
    const claim = await claimByText(ws, SIX_HOURS);
    for (const offset of ["0", String(SIX_HOURS.length), "9999", "-3", "x"]) {
      const response = await post(ws, { intent: "split", claimId: claim.id, offset });
      expect(response.status).toBe(400);
      expect((await response.json()).intent).toBe("split");
    }
    expect((await claimsOf(ws)).filter((c) => c.text.startsWith("leaving"))).toHaveLength(0);
  });
});

describe("merging claims", () => {
  it("keeps the target with every appearance and deletes the others", async () => {
    const ws = await setupCase();
    const target = await claimByText(ws, FOUR_TIMES);
    const other = await claimByText(ws, SIX_HOURS);
    const response = await post(ws, { intent: "merge", claimId: target.id, mergeIds: other.id });
    expect(redirectedTo(response).searchParams.get("claim")).toBe(target.id);
    const after = await claimsOf(ws);
    expect(after.find((c) => c.id === other.id)).toBeUndefined();
    const merged = after.find((c) => c.id === target.id)!;
    expect(merged.text).toBe(FOUR_TIMES);
    expect(merged.appearances.map((a) => a.quote).sort()).toEqual([FOUR_TIMES, SIX_HOURS].sort());
    await expectExactQuotes(ws);
    const [event] = await testDb.db.select().from(auditEvents).where(and(eq(auditEvents.action, "claim.merged"), eq(auditEvents.caseId, ws.caseId)));
    expect(event.data).toMatchObject({ into: { id: target.id }, merged: [{ id: other.id, text: SIX_HOURS }] });

    const gone = await read(ws, `?claim=${other.id}`);
    expect((await gone.json()).selectedMissing).toBe(true);
  });

  it("refuses merging a claim into itself (400) or a claim of another case (404)", async () => {
    const ws = await setupCase();
    const other = await setupCase(ARTICLE, "Elsewhere");
    const target = await claimByText(ws, FOUR_TIMES);
    const self = await post(ws, { intent: "merge", claimId: target.id, mergeIds: target.id });
    expect(self.status).toBe(400);
    expect((await self.json()).message).toMatch(/another claim/);
    const none = await post(ws, { intent: "merge", claimId: target.id });
    expect(none.status).toBe(400);
    const foreign = await claimByText(other, SIX_HOURS);
    expect((await post(ws, { intent: "merge", claimId: target.id, mergeIds: foreign.id })).status).toBe(404);
    expect((await claimByText(other, SIX_HOURS)).appearances).toHaveLength(1);
  });
});

describe("adding a claim from a selection", () => {
  it("takes start and end offsets, trims the whitespace, and stores body.slice(start, end)", async () => {
    const ws = await setupCase();
    const body = await bodyOf(ws.sourceId);
    const phrase = "according to an internal briefing seen by The Financial Ledger";
    const at = body.indexOf(phrase);
    const response = await post(ws, { intent: "add", start: String(at - 1), end: String(at + phrase.length) });
    const location = redirectedTo(response);
    expect(location.searchParams.get("done")).toBe("created");
    const claim = (await claimsOf(ws)).find((c) => c.id === location.searchParams.get("claim"))!;
    expect(claim).toMatchObject({ text: phrase, review: "accepted", belowThreshold: false });
    expect(claim.appearances).toEqual([expect.objectContaining({ sourceId: ws.sourceId, start: at, end: at + phrase.length, quote: phrase })]);
    expect(body.slice(claim.appearances[0].start, claim.appearances[0].end)).toBe(phrase);
    const [event] = await testDb.db.select().from(auditEvents).where(and(eq(auditEvents.action, "claim.added"), eq(auditEvents.caseId, ws.caseId)));
    expect(event.data).toMatchObject({ quote: phrase, outcome: "created" });
    const [row] = await testDb.db.select().from(claims).where(eq(claims.id, claim.id));
    expect(row.suggestion, "a claim added from a selection is analysed at once").toMatchObject({ suggested: expect.any(String) });
  });

  it("finds a typed quote in the body, even across a line break typed as a space", async () => {
    const ws = await setupCase("# Wrapped\n\nThe outage began at 18:05 and\nended at 00:20 the next day, the\nstatus page said.");
    const response = await post(ws, { intent: "add", quote: "began at 18:05 and ended at 00:20", start: "", end: "" });
    const location = redirectedTo(response);
    const claim = (await claimsOf(ws)).find((c) => c.id === location.searchParams.get("claim"))!;
    expect(claim.appearances[0].quote).toBe("began at 18:05 and\nended at 00:20");
    await expectExactQuotes(ws);
  });

  it("answers with the existing claim when the passage already is one, and adds an appearance to the same claim elsewhere", async () => {
    const ws = await setupCase();
    const existing = await claimByText(ws, FOUR_TIMES);
    const body = await bodyOf(ws.sourceId);
    const at = body.indexOf(FOUR_TIMES);
    const again = redirectedTo(await post(ws, { intent: "add", start: String(at), end: String(at + FOUR_TIMES.length) }));
    expect(again.searchParams.get("done")).toBe("exists");
    expect(again.searchParams.get("claim")).toBe(existing.id);

    const second = await addAnother(ws, "# Critics\n\nCritics noted that the online store went down at least four times between 5 and 11 March and blamed the tools.");
    const response = await post(ws, { intent: "add", quote: "the online store went down at least four times between 5 and 11 March" }, "comms", second);
    const location = redirectedTo(response);
    expect(location.searchParams.get("done")).toBe("appearance");
    expect(location.searchParams.get("claim")).toBe(existing.id);
    const claim = (await claimsOf(ws)).find((c) => c.id === existing.id)!;
    expect(claim.appearances.map((a) => a.sourceId)).toEqual([ws.sourceId, second]);
    await expectExactQuotes(ws);
  });

  it("refuses a selection outside the body, of whitespace only, a quote not in the article, or nothing at all", async () => {
    const ws = await setupCase();
    const body = await bodyOf(ws.sourceId);
    const before = await testDb.db.select({ n: count() }).from(claimAppearances);
    const blank = body.indexOf("\n\n");
    const attempts: Array<[Record<string, string>, RegExp]> = [
      [{ start: "10", end: String(body.length + 5) }, /inside the article/],
      [{ start: "50", end: "20" }, /inside the article/],
      [{ start: String(blank), end: String(blank + 2) }, /Select some words/],
      [{ quote: "The store was never down" }, /does not appear/],
      [{}, /Select text in the article/],
    ];
    for (const [fields, message] of attempts) {
      const response = await post(ws, { intent: "add", ...fields });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
    expect(await testDb.db.select({ n: count() }).from(claimAppearances)).toEqual(before);
  });
});

describe("assigning a claim", () => {
  it("assigns to an engineer and unassigns, refusing anyone who is not an active engineer", async () => {
    const ws = await setupCase();
    const claim = await claimByText(ws, SIX_HOURS);
    redirectedTo(await post(ws, { intent: "assign", claimId: claim.id, assigneeId: users.engineer.id }));
    expect(await claimByText(ws, SIX_HOURS)).toMatchObject({ assigneeId: users.engineer.id, assigneeName: users.engineer.name });

    const notEngineer = await post(ws, { intent: "assign", claimId: claim.id, assigneeId: users.comms.id });
    expect(notEngineer.status).toBe(400);
    expect((await notEngineer.json()).errors.assigneeId).toMatch(/engineer role/);

    const retired = await createTestUser(testDb.db, ["engineer"]);
    await testDb.db.update(usersTable).set({ active: false }).where(eq(usersTable.id, retired.id));
    expect((await post(ws, { intent: "assign", claimId: claim.id, assigneeId: retired.id })).status).toBe(400);
    expect((await claimByText(ws, SIX_HOURS)).assigneeId).toBe(users.engineer.id);

    redirectedTo(await post(ws, { intent: "assign", claimId: claim.id, assigneeId: "" }));
    expect((await claimByText(ws, SIX_HOURS)).assigneeId).toBeNull();
    const actions = (await testDb.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, claim.id)).orderBy(auditEvents.seq)).map((e) => e.action);
    expect(actions).toEqual(["claim.assigned", "claim.unassigned"]);

    const engineers = (await (await read(ws, `?claim=${claim.id}`)).json()).engineers;
    expect(engineers.map((e: { id: string }) => e.id)).toContain(users.engineer.id);
    expect(engineers.map((e: { id: string }) => e.id)).not.toContain(users.comms.id);
  });
});

describe("a claim's status", () => {
  it("moves through new, checking and checked, and refuses anything else", async () => {
    const ws = await setupCase();
    const claim = await claimByText(ws, SIX_HOURS);
    for (const status of ["checking", "checked", "new"]) {
      expect(redirectedTo(await post(ws, { intent: "status", claimId: claim.id, status })).searchParams.get("done")).toBe("status");
      expect((await claimByText(ws, SIX_HOURS)).status).toBe(status);
    }
    const bad = await post(ws, { intent: "status", claimId: claim.id, status: "verified" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.status).toMatch(/status/);
  });
});

describe("the article as rendered", () => {
  it("renders a hostile source's stored body as text only: no script, no event handler, no markup from the source", async () => {
    const ws = await setupCase(ARTICLE, "Hostile render");
    const html = `<html><body><article><h1>Outage report</h1>
      <p>The store went down for six hours on Tuesday, the company said.<script>alert(1)</script><img src=x onerror="alert(2)"></p>
      <p>Engineers deployed untested code &lt;script&gt;alert(3)&lt;/script&gt;, people familiar with the matter said.</p></article></body></html>`;
    const { sourceId } = await addSource(testDb.db, actorOf(users.comms), ws.caseId, {
      content: { kind: "file", fileName: "hostile.html", bytes: new TextEncoder().encode(html) },
    });
    const response = await read(ws, "?all=1", "comms", sourceId);
    const data = await response.json();
    expect(data.source.body).not.toMatch(/onerror|alert\(1\)|alert\(2\)|<img/);
    // Text that spells out a tag is kept as text, and React escapes it.
    expect(data.source.body).toContain("<script>alert(3)</script>");

    const page = renderToString(
      createElement(
        StaticRouter,
        { location: `/cases/${ws.caseId}/sources/${sourceId}` },
        createElement(ArticleBody, { body: data.source.body, marks: data.marks, selectedClaimId: null, linkFor: (id: string) => `?claim=${id}` }),
      ),
    );
    expect(page).not.toMatch(/<script|<img|onerror|<iframe/i);
    expect(page).toContain("&lt;script&gt;alert(3)&lt;/script&gt;");
    expect(page).toMatch(/<mark data-start="\d+" data-end="\d+">/);
    expect(data.marks.length).toBeGreaterThan(0);
  });
});
