import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cases, claimAppearances, claims, sources } from "../../db/schema";
import { MAX_BODY_BYTES } from "../../app/domain/source-input";
import { listEvents, verifyAuditTrail } from "../../app/models/audit.server";
import { importIncidents } from "../../app/models/incident.server";
import { action as workspaceAction, loader as workspaceLoader } from "../../app/routes/_app.cases.$caseId";
import { loader as readerLoader } from "../../app/routes/_app.cases.$caseId.sources.$sourceId";
import { loader as listLoader } from "../../app/routes/_app.cases._index";
import { action as newAction, loader as newLoader } from "../../app/routes/_app.cases.new";
import { createTestDb, type TestDb } from "../setup/db";
import { call, cookieFor, createTestUser, makeContext, makeRequest, type SessionUser } from "../setup/remix";

const ARTICLE = fs.readFileSync(new URL("../../db/demo/meridian/article.md", import.meta.url), "utf8");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let testDb: TestDb;
let context: ReturnType<typeof makeContext>;
const users: Record<"comms" | "legal" | "engineer" | "admin", SessionUser & { cookie: string }> = {} as never;

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

const args = (request: Request, params: Record<string, string> = {}) => ({ request, context, params });

async function newCase(form: Record<string, string>, who: keyof typeof users = "comms") {
  return call(() => newAction(args(makeRequest("/cases/new", { form: { intent: "create-case", ...form }, cookie: users[who].cookie }))));
}

async function openCase(title: string, form: Record<string, string> = {}): Promise<string> {
  const response = await newCase({ title, ...form });
  expect(response.status).toBe(302);
  return response.headers.get("location")!.split("/").pop()!;
}

function sourceForm(fields: Record<string, string>, file?: File): FormData {
  const form = new FormData();
  form.set("intent", "add-source");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", file);
  else form.set("file", new File([], "", { type: "application/octet-stream" }));
  return form;
}

async function postSource(caseId: string, form: FormData, who: keyof typeof users = "comms") {
  return call(() => workspaceAction(args(makeRequest(`/cases/${caseId}`, { form, cookie: users[who].cookie }), { caseId })));
}

async function workspace(caseId: string, who: keyof typeof users = "comms", query = "") {
  const response = await call(() => workspaceLoader(args(makeRequest(`/cases/${caseId}${query}`, { cookie: users[who].cookie }), { caseId })));
  expect(response.status).toBe(200);
  return response.json();
}

async function totals() {
  const [s] = await testDb.db.select({ n: count() }).from(sources);
  const [c] = await testDb.db.select({ n: count() }).from(claims);
  const [a] = await testDb.db.select({ n: count() }).from(claimAppearances);
  return { sources: s.n, claims: c.n, appearances: a.n };
}

describe("cases", () => {
  it("opens a case with an owner and deadline, recorded in the audit trail", async () => {
    const response = await newCase({ title: "Meridian outages", summary: "The Ledger says AI code caused outages.", ownerId: users.comms.id, dueAt: "2026-03-13T17:00" });
    expect(response.status).toBe(302);
    const caseId = response.headers.get("location")!.replace("/cases/", "");
    expect(caseId).toMatch(UUID);
    const [row] = await testDb.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ title: "Meridian outages", status: "open", ownerId: users.comms.id, createdBy: users.comms.id });
    expect(row.dueAt?.toISOString()).toBe("2026-03-13T17:00:00.000Z");
    const events = await listEvents(testDb.db, { caseId });
    expect(events.map((e) => e.action)).toEqual(["case.created"]);
  });

  it("refuses a case without a title, or with an owner who cannot edit cases, with 400 and nothing stored", async () => {
    const before = await testDb.db.select({ n: count() }).from(cases);
    const noTitle = await newCase({ title: "  " });
    expect(noTitle.status).toBe(400);
    expect((await noTitle.json()).errors.title).toMatch(/title/);
    const badOwner = await newCase({ title: "X", ownerId: users.legal.id });
    expect(badOwner.status).toBe(400);
    expect((await badOwner.json()).errors.ownerId).toMatch(/owner/);
    const badDate = await newCase({ title: "X", dueAt: "2026-02-30T10:00" });
    expect(badDate.status).toBe(400);
    const after = await testDb.db.select({ n: count() }).from(cases);
    expect(after[0].n).toBe(before[0].n);
  });

  it("lets only comms and admin open cases", async () => {
    for (const who of ["legal", "engineer"] as const) {
      expect((await newCase({ title: "Nope" }, who)).status).toBe(403);
      const page = await call(() => newLoader(args(makeRequest("/cases/new", { cookie: users[who].cookie }))));
      expect(page.status).toBe(403);
    }
    expect((await newCase({ title: "Admin case" }, "admin")).status).toBe(302);
  });

  it("lists the nearest deadline first (none last, then newest), with status and owner filters in the URL", async () => {
    const tag = `list-${Date.now()}`;
    const late = await openCase(`${tag} late`, { dueAt: "2030-01-02T10:00", ownerId: users.admin.id });
    const soon = await openCase(`${tag} soon`, { dueAt: "2030-01-01T10:00", ownerId: users.comms.id });
    const undatedOld = await openCase(`${tag} undated old`);
    const undatedNew = await openCase(`${tag} undated new`);
    const overdue = await openCase(`${tag} overdue`, { dueAt: "2020-01-01T10:00", ownerId: users.comms.id });
    const closed = await openCase(`${tag} closed`, { dueAt: "2019-01-01T10:00" });
    await call(() =>
      workspaceAction(
        args(makeRequest(`/cases/${closed}`, { form: { intent: "update-case", title: `${tag} closed`, status: "closed", dueAt: "2019-01-01T10:00" }, cookie: users.comms.cookie }), {
          caseId: closed,
        }),
      ),
    );

    const list = async (query: string, who: keyof typeof users = "comms") => {
      const response = await call(() => listLoader(args(makeRequest(`/cases${query}`, { cookie: users[who].cookie }))));
      expect(response.status).toBe(200);
      const body = await response.json();
      return body.cases.filter((c: { title: string }) => c.title.startsWith(tag)) as Array<{ id: string; due: string; title: string }>;
    };
    const active = await list("");
    expect(active.map((c) => c.id)).toEqual([overdue, soon, late, undatedNew, undatedOld]);
    expect(active[0].due).toBe("overdue");
    expect(active[0]).toMatchObject({ ownerName: users.comms.name, sourceCount: 0, claimCount: 0 });
    expect((await list("?status=closed")).map((c) => c.id)).toEqual([closed]);
    expect((await list("?status=all")).map((c) => c.id)).toEqual([closed, overdue, soon, late, undatedNew, undatedOld]);
    expect((await list("?owner=me")).map((c) => c.id)).toEqual([overdue, soon]);
    expect((await list(`?owner=${users.admin.id}`)).map((c) => c.id)).toEqual([late]);
    expect((await list("?owner=none")).map((c) => c.id)).toEqual([undatedNew, undatedOld]);
    expect((await list("?status=bogus&owner=not-a-uuid")).map((c) => c.id)).toEqual([overdue, soon, late, undatedNew, undatedOld]);
    // Every role may read the list.
    expect((await list("", "engineer")).length).toBe(5);
  });

  it("edits a case (title, owner, deadline, status), audited with old and new values; legal and engineers may not", async () => {
    const caseId = await openCase("Edit me");
    const form = { intent: "update-case", title: "Edited", summary: "New summary", ownerId: users.admin.id, dueAt: "2026-04-01T09:30", status: "responding" };
    for (const who of ["legal", "engineer"] as const) {
      const refused = await call(() => workspaceAction(args(makeRequest(`/cases/${caseId}`, { form, cookie: users[who].cookie }), { caseId })));
      expect(refused.status).toBe(403);
    }
    const response = await call(() => workspaceAction(args(makeRequest(`/cases/${caseId}`, { form, cookie: users.comms.cookie }), { caseId })));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, message: "Case saved." });
    const data = await workspace(caseId);
    expect(data.case).toMatchObject({ title: "Edited", summary: "New summary", ownerId: users.admin.id, status: "responding", dueAt: "2026-04-01T09:30:00.000Z" });
    const [event] = data.events;
    expect(event.action).toBe("case.updated");
    expect(event.data.status).toEqual({ from: "open", to: "responding" });
    expect(event.data.ownerId).toEqual({ from: null, to: users.admin.id });
  });

  it("answers 404 for an unknown or malformed case id, and lets every role read a case", async () => {
    for (const caseId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const response = await call(() => workspaceLoader(args(makeRequest(`/cases/${caseId}`, { cookie: users.comms.cookie }), { caseId })));
      expect(response.status).toBe(404);
    }
    const caseId = await openCase("Readable");
    for (const who of ["legal", "engineer"] as const) {
      const data = await workspace(caseId, who);
      expect(data).toMatchObject({ canEditCase: false, canEditClaims: false });
    }
    const anonymous = await call(() => workspaceLoader(args(makeRequest(`/cases/${caseId}`), { caseId })));
    expect(anonymous.status).toBe(302);
  });
});

describe("adding sources", () => {
  it("adds a pasted article, stores the body exactly, and extracts claims whose quotes are exact slices", async () => {
    const caseId = await openCase("Paste");
    const response = await postSource(caseId, sourceForm({ body: ARTICLE, outlet: "The Financial Ledger", url: "https://ledger.example/meridian" }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!, "http://x");
    const sourceId = location.pathname.split("/").pop()!;
    expect(location.pathname).toBe(`/cases/${caseId}/sources/${sourceId}`);
    expect(Number(location.searchParams.get("added"))).toBeGreaterThan(3);

    const [source] = await testDb.db.select().from(sources).where(eq(sources.id, sourceId));
    expect(source.body).toBe(ARTICLE);
    expect(source).toMatchObject({ format: "markdown", outlet: "The Financial Ledger", publishedAt: "2026-03-13", title: "AI-written code blamed for string of Meridian store outages" });

    const rows = await testDb.db
      .select({ quote: claimAppearances.quote, start: claimAppearances.start, end: claimAppearances.end, text: claims.text, belowThreshold: claims.belowThreshold })
      .from(claimAppearances)
      .innerJoin(claims, eq(claims.id, claimAppearances.claimId))
      .where(eq(claimAppearances.sourceId, sourceId));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(source.body.slice(row.start, row.end)).toBe(row.quote);
      expect(row.text).toBe(row.quote);
    }
    const quotes = rows.filter((r) => !r.belowThreshold).map((r) => r.quote);
    expect(quotes).toContain("The online store went down at least four times between 5 and 11 March");
    expect(rows.some((r) => r.belowThreshold)).toBe(true);

    const listed = await call(() => listLoader(args(makeRequest("/cases?status=all", { cookie: users.comms.cookie }))));
    const row = (await listed.json()).cases.find((c: { id: string }) => c.id === caseId);
    expect(row).toMatchObject({ sourceCount: 1, claimCount: new Set(quotes).size, ownerName: null });

    const data = await workspace(caseId);
    expect(data.sources).toHaveLength(1);
    expect(data.sources[0]).toMatchObject({ claimCount: new Set(quotes).size, length: ARTICLE.length });
    expect(data.events.map((e: { action: string }) => e.action)).toContain("source.added");
    expect((await verifyAuditTrail(testDb.db)).ok).toBe(true);
  });

  it("adds a .md upload exactly as the file's text", async () => {
    const caseId = await openCase("Markdown upload");
    const text = "# Store down\n\nThe store went down for more than six hours on Tuesday, the company said.\r\n\r\nIt was the third outage this month.\n";
    const response = await postSource(caseId, sourceForm({ outlet: "Daily" }, new File([text], "story.md", { type: "text/markdown" })));
    expect(response.status).toBe(302);
    const [source] = await testDb.db.select().from(sources).where(eq(sources.caseId, caseId));
    expect(source).toMatchObject({ body: text, format: "markdown", title: "Store down", originalHtml: null });
    const apps = await testDb.db.select().from(claimAppearances).where(eq(claimAppearances.sourceId, source.id));
    expect(apps.length).toBeGreaterThan(0);
    for (const a of apps) expect(text.slice(a.start, a.end)).toBe(a.quote);
  });

  it("reduces an .html upload to its readable text, keeping the page only for reference", async () => {
    const caseId = await openCase("HTML upload");
    const html = `<!doctype html><html><head><title>Outage | Daily</title><meta name="author" content="Jo Smith"></head><body>
      <nav>Home · World</nav>
      <article><h1>Meridian store down for six hours</h1>
      <p>The Meridian online store went down for more than six hours on 10 March 2026, leaving shoppers unable to reach the site, the company said.</p>
      <p>It was the fourth outage between 5 and 11 March, according to people familiar with the matter.</p></article>
      <footer>© Daily</footer></body></html>`;
    const response = await postSource(caseId, sourceForm({ outlet: "Daily" }, new File([html], "page.html", { type: "text/html" })));
    expect(response.status).toBe(302);
    const [source] = await testDb.db.select().from(sources).where(eq(sources.caseId, caseId));
    expect(source.format).toBe("html");
    expect(source.body).toBe(
      "# Meridian store down for six hours\n\nThe Meridian online store went down for more than six hours on 10 March 2026, leaving shoppers unable to reach the site, the company said.\n\nIt was the fourth outage between 5 and 11 March, according to people familiar with the matter.",
    );
    expect(source.author).toBe("Jo Smith");
    expect(source.originalHtml).toBe(html);
    const apps = await testDb.db.select().from(claimAppearances).where(eq(claimAppearances.sourceId, source.id));
    expect(apps.length).toBeGreaterThan(1);
    for (const a of apps) expect(source.body.slice(a.start, a.end)).toBe(a.quote);
  });

  it("never stores markup from a source: scripts and event handlers are gone from HTML uploads and pasted Markdown", async () => {
    const caseId = await openCase("Hostile");
    const html = `<html><body><article><h1>Hostile page</h1><script>alert(1)</script>
      <p>The store went down for six hours on Tuesday, the company said. <img src=x onerror="alert(2)"></p>
      <p onmouseover="alert(3)">Engineers deployed untested code, people familiar with the matter said.</p></article></body></html>`;
    expect((await postSource(caseId, sourceForm({}, new File([html], "hostile.html", { type: "text/html" })))).status).toBe(302);
    const pasted = "# Pasted\n\nThe store went down <script>alert(1)</script>for six hours.<img src=x onerror=alert(2)>\n\n<iframe src=\"https://evil.example\"></iframe>Customers lost data.";
    const response = await postSource(caseId, sourceForm({ body: pasted, format: "markdown" }));
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location")!, "http://x").searchParams.get("stripped")).toBe("3");

    const stored = await testDb.db.select({ body: sources.body }).from(sources).where(eq(sources.caseId, caseId));
    expect(stored).toHaveLength(2);
    for (const { body } of stored) {
      expect(body).not.toMatch(/<|>|script|onerror|onmouseover|alert|iframe/i);
    }
    expect(stored.map((s) => s.body)).toContain("# Pasted\n\nThe store went down for six hours.\n\nCustomers lost data.");
  });

  describe("refuses bad input with a clear error, storing nothing", () => {
    const cases_: Array<{ name: string; form: () => FormData; status: number; message: RegExp }> = [
      { name: "nothing pasted or chosen", form: () => sourceForm({ body: "   " }), status: 400, message: /Paste the article's text or choose its file/ },
      { name: "both pasted text and a file", form: () => sourceForm({ body: "Text" }, new File(["x"], "a.txt")), status: 400, message: /not both/ },
      { name: "an empty file", form: () => sourceForm({}, new File([], "empty.txt", { type: "text/plain" })), status: 400, message: /empty\.txt is empty/ },
      { name: "a whitespace-only file", form: () => sourceForm({}, new File([" \n\n "], "blank.md")), status: 400, message: /no text/ },
      {
        name: "a binary file",
        form: () => sourceForm({}, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])], "photo.txt")),
        status: 400,
        message: /not a text file/,
      },
      { name: "a file that is not UTF-8", form: () => sourceForm({}, new File([new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])], "latin1.txt")), status: 400, message: /not UTF-8/ },
      { name: "a file of another type", form: () => sourceForm({}, new File(["%PDF-1.4"], "story.pdf")), status: 400, message: /not a \.txt, \.md or \.html file/ },
      { name: "a text file over 2 MB", form: () => sourceForm({}, new File(["a".repeat(MAX_BODY_BYTES + 1)], "big.txt")), status: 413, message: /larger than 2 MB/ },
      { name: "pasted text over 2 MB", form: () => sourceForm({ body: "word ".repeat(MAX_BODY_BYTES / 5 + 1) }), status: 413, message: /larger than 2 MB/ },
      { name: "malformed HTML (an unclosed comment)", form: () => sourceForm({}, new File(["<p>Story</p>\n<!-- unclosed\n<p>More</p>"], "bad.html")), status: 400, message: /HTML could not be read: a comment opened on line 2/ },
      { name: "malformed HTML (a cut-off tag)", form: () => sourceForm({}, new File(['<html><body><p>Story text</p><p class="lede'], "cut.html")), status: 400, message: /cut off/ },
      { name: "HTML with no readable text", form: () => sourceForm({}, new File(["<html><body><script>alert(1)</script><div></div></body></html>"], "empty.html")), status: 400, message: /no readable text/ },
      { name: "a URL that is not a web address", form: () => sourceForm({ body: "The store went down.", url: "javascript:alert(1)" }), status: 400, message: /web address/ },
    ];
    for (const c of cases_) {
      it(c.name, async () => {
        const caseId = await openCase(`Bad input: ${c.name}`);
        const before = await totals();
        const response = await postSource(caseId, c.form());
        expect(response.status).toBe(c.status);
        const body = await response.json();
        expect(body.ok).toBe(false);
        expect(body.message).toMatch(c.message);
        expect(await totals()).toEqual(before);
        const [events] = await testDb.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.caseId, caseId));
        expect(events.n).toBe(1);
      });
    }
  });

  it("lets only comms and admin add sources", async () => {
    const caseId = await openCase("Permissions");
    for (const who of ["legal", "engineer"] as const) {
      const before = await totals();
      expect((await postSource(caseId, sourceForm({ body: ARTICLE }), who)).status).toBe(403);
      expect(await totals()).toEqual(before);
    }
    expect((await postSource(caseId, sourceForm({ body: ARTICLE }), "admin")).status).toBe(302);
  });
});

describe("duplicate claims", () => {
  const shared = "Meridian's online store went down at least four times between 5 and 11 March, according to an internal briefing.";

  it("shows the same claim in two articles of a case as one claim with two appearances", async () => {
    const caseId = await openCase("Two articles");
    await postSource(caseId, sourceForm({ body: `# First\n\n${shared}\n\nThe company has not commented on the report.` }));
    // The second article words it with other punctuation and line breaks: still the same claim.
    await postSource(caseId, sourceForm({ body: `# Second\n\nAnalysts were worried. Meridian’s online store went down at least four times\nbetween 5 and 11 March, according to an internal briefing.` }));
    const data = await workspace(caseId);
    const matching = data.claims.filter((c: { text: string }) => c.text.startsWith("Meridian"));
    expect(matching).toHaveLength(1);
    const [claim] = matching;
    expect(claim.appearances).toHaveLength(2);
    expect(new Set(claim.appearances.map((a: { sourceId: string }) => a.sourceId)).size).toBe(2);
    const bodies = await testDb.db.select({ id: sources.id, body: sources.body }).from(sources).where(eq(sources.caseId, caseId));
    for (const a of claim.appearances) {
      const body = bodies.find((b) => b.id === a.sourceId)!.body;
      expect(body.slice(a.start, a.end)).toBe(a.quote);
    }
    expect(claim.appearances[1].quote).toContain("\n");
  });

  it("links the same claim in a later case to the earlier case's claim instead of copying it", async () => {
    const earlierCase = await openCase("Earlier story");
    const sentence = "Meridian Cloud customers lost access to their storage services for nine hours on 6 March.";
    await postSource(earlierCase, sourceForm({ body: `# Earlier\n\n${sentence}` }));
    const laterCase = await openCase("Later story");
    const response = await postSource(laterCase, sourceForm({ body: `# Later\n\n${sentence}\n\nShoppers complained on social media for hours.` }));
    expect(new URL(response.headers.get("location")!, "http://x").searchParams.get("earlier")).toBe("1");

    const earlier = (await workspace(earlierCase)).claims.find((c: { text: string }) => c.text.includes("nine hours"));
    const later = (await workspace(laterCase)).claims.find((c: { text: string }) => c.text.includes("nine hours"));
    expect(later.id).not.toBe(earlier.id);
    expect(later.sameAsClaimId).toBe(earlier.id);
    expect(later.sameAs).toMatchObject({ claimId: earlier.id, caseId: earlierCase, caseTitle: "Earlier story" });
    expect(later.sameAs.sourceId).toBe(earlier.appearances[0].sourceId);
    const earlierAgain = (await workspace(earlierCase)).claims.find((c: { id: string }) => c.id === earlier.id);
    expect(earlierAgain.laterCopies).toEqual([expect.objectContaining({ claimId: later.id, caseId: laterCase, caseTitle: "Later story" })]);
    // The earlier case is not linked forwards by its own claims.
    expect(earlier.sameAs).toBeNull();
  });
});

describe("the article reader", () => {
  it("highlights check-worthy claims, keeps below-threshold sentences one click away, and lets every role read", async () => {
    const caseId = await openCase("Reader");
    const response = await postSource(caseId, sourceForm({ body: ARTICLE }));
    const sourceId = new URL(response.headers.get("location")!, "http://x").pathname.split("/").pop()!;
    const read = async (query: string, who: keyof typeof users = "comms") => {
      const page = await call(() => readerLoader(args(makeRequest(`/cases/${caseId}/sources/${sourceId}${query}`, { cookie: users[who].cookie }), { caseId, sourceId })));
      expect(page.status).toBe(200);
      return page.json();
    };
    const normal = await read("");
    const all = await read("?all=1");
    expect(all.marks.length).toBeGreaterThan(normal.marks.length);
    expect(normal.marks.every((m: { tone: string }) => m.tone !== "below")).toBe(true);
    expect(all.marks.some((m: { tone: string }) => m.tone === "below")).toBe(true);
    expect(normal.hiddenCount).toBe(all.marks.length - normal.marks.length);
    for (const m of all.marks) expect(typeof m.start).toBe("number");

    const legal = await read(`?claim=${normal.marks[0].claimId}`, "legal");
    expect(legal.canEdit).toBe(false);
    expect(legal.selected.id).toBe(normal.marks[0].claimId);

    const missing = await call(() =>
      readerLoader(args(makeRequest(`/cases/${caseId}/sources/00000000-0000-4000-8000-000000000000`, { cookie: users.comms.cookie }), { caseId, sourceId: "00000000-0000-4000-8000-000000000000" })),
    );
    expect(missing.status).toBe(404);
  });
});

describe("analysis when a source is added", () => {
  it("suggests a verdict and candidate records for each new claim in the same action, and says so", async () => {
    const records = fs.readFileSync(new URL("../../db/demo/meridian/incidents.json", import.meta.url), "utf8");
    const imported = await importIncidents(testDb.db, { text: records, fileName: "incidents.json", actor: { label: "test" } });
    expect(imported.ok).toBe(true);
    const caseId = await openCase("Analysed on add");
    const response = await postSource(caseId, sourceForm({ body: ARTICLE }));
    const location = new URL(response.headers.get("location")!, "http://x");
    expect(location.searchParams.get("analysed")).toBe("1");

    const rows = await testDb.db.select({ text: claims.text, belowThreshold: claims.belowThreshold, suggestion: claims.suggestion }).from(claims).where(eq(claims.caseId, caseId));
    const shown = rows.filter((r) => !r.belowThreshold);
    expect(shown.length).toBeGreaterThan(3);
    for (const row of shown) expect(row.suggestion).toMatchObject({ suggested: expect.any(String), basis: expect.any(String) });
    const sixHours = shown.find((r) => r.text.startsWith("One of the outages lasted more than six hours"))!;
    const suggestion = sixHours.suggestion as { suggested: string; candidates: { incidentId: string }[] };
    expect(suggestion.suggested).toBe("inaccurate");
    expect(suggestion.candidates.length).toBeGreaterThan(0);

    const actions = (await testDb.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.caseId, caseId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["source.added", "evidence.analyzed"]));

    const reader = await call(() => readerLoader(args(makeRequest(`${location.pathname}${location.search}`, { cookie: users.comms.cookie }), { caseId, sourceId: location.pathname.split("/").pop()! })));
    expect((await reader.json()).added).toMatchObject({ analyzed: true });
  });
});
