import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IncidentTimeline } from "../../app/components/incident-timeline";
import { incidents, incidentUploads } from "../../db/schema";
import { importIncidents } from "../../app/models/incident.server";
import { loader as detailLoader } from "../../app/routes/_app.incidents.$id";
import { loader as listLoader } from "../../app/routes/_app.incidents._index";
import { action as importAction, loader as importLoader } from "../../app/routes/_app.incidents.import";
import { action as runAction, loader as runLoader } from "../../app/routes/incidents.import.run";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from "../../app/utils/incident-pages.server";
import { createTestDb, type TestDb } from "../setup/db";
import { BASE, call, cookieFor, createTestUser, makeContext, makeRequest } from "../setup/remix";

const FIXTURES = path.resolve(__dirname, "../fixtures/incidents");
const MERIDIAN = path.resolve(__dirname, "../../db/demo/meridian/incidents.json");
const meridianText = fs.readFileSync(MERIDIAN, "utf8");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");

let testDb: TestDb;
let context: ReturnType<typeof makeContext>;
let engineerCookie: string;
let adminCookie: string;
let commsCookie: string;
let legalCookie: string;

beforeAll(async () => {
  testDb = await createTestDb();
  context = makeContext(testDb.db);
  engineerCookie = await cookieFor(context, await createTestUser(testDb.db, ["engineer"]));
  adminCookie = await cookieFor(context, await createTestUser(testDb.db, ["admin"]));
  commsCookie = await cookieFor(context, await createTestUser(testDb.db, ["comms"]));
  legalCookie = await cookieFor(context, await createTestUser(testDb.db, ["legal"]));
});
afterAll(async () => {
  await testDb?.close();
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, context, params });
const countRows = async () => (await testDb.db.select({ n: sql<number>`count(*)::int` }).from(incidents))[0].n;
const countUploads = async () => (await testDb.db.select({ n: sql<number>`count(*)::int` }).from(incidentUploads))[0].n;

async function list(query: string, cookie = commsCookie) {
  const response = await call(() => listLoader(args(makeRequest(`/incidents${query}`, { cookie }))));
  return { status: response.status, body: await response.json() };
}

function uploadForm(text: string | Uint8Array<ArrayBuffer>, fileName = "incidents.json", format = "") {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("format", format);
  form.set("file", new File([text], fileName, { type: "application/octet-stream" }));
  return form;
}

async function preview(cookie: string, text: string | Uint8Array<ArrayBuffer>, fileName?: string, format?: string) {
  const response = await call(() => importAction(args(makeRequest("/incidents/import", { cookie, form: uploadForm(text, fileName, format) }))));
  return { status: response.status, body: await response.json() };
}

function ndjson(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

describe("the incident list, before anything is imported", () => {
  it("says there are no records, and offers the import page only to those who may import", async () => {
    const asComms = await list("");
    expect(asComms.status).toBe(200);
    expect(asComms.body.anyRecords).toBe(false);
    expect(asComms.body.canImport).toBe(false);
    const asEngineer = await list("", engineerCookie);
    expect(asEngineer.body.canImport).toBe(true);
  });
});

describe("the import page", () => {
  it("is refused (403) to comms and legal, in the loader and the action", async () => {
    for (const cookie of [commsCookie, legalCookie]) {
      const page = await call(() => importLoader(args(makeRequest("/incidents/import", { cookie }))));
      expect(page.status).toBe(403);
      const post = await call(() => importAction(args(makeRequest("/incidents/import", { cookie, form: uploadForm(meridianText) }))));
      expect(post.status).toBe(403);
      const run = await call(() => runAction(args(makeRequest("/incidents/import/run", { cookie, form: { uploadId: crypto.randomUUID() } }))));
      expect(run.status).toBe(403);
    }
    expect(await countUploads()).toBe(0);
  });

  it("is open to engineers and admins", async () => {
    for (const cookie of [engineerCookie, adminCookie]) {
      const page = await call(() => importLoader(args(makeRequest("/incidents/import", { cookie }))));
      expect(page.status).toBe(200);
    }
  });

  it("previews a file with its counts and format, writing no records", async () => {
    const { status, body } = await preview(engineerCookie, meridianText, "incidents.json");
    expect(status).toBe(200);
    expect(body).toMatchObject({ step: "preview", fileName: "incidents.json", format: "json", total: 6, new: 6, updated: 0, unchanged: 0 });
    expect(body.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countRows()).toBe(0);
  });

  it("lists every error of a bad file and stages nothing", async () => {
    const before = await countUploads();
    const { status, body } = await preview(engineerCookie, fixture("invalid-records.json"), "invalid-records.json");
    expect(status).toBe(400);
    expect(body.step).toBe("errors");
    expect(body.problems.length).toBeGreaterThan(3);
    expect(body.problems[0]).toMatch(/^record 1 \(RET-2026-0309-C\): startedAt: .*no UTC offset/);
    expect(body.problems.some((e: string) => e.includes("customersAffected"))).toBe(true);

    const malformed = await preview(engineerCookie, fixture("malformed.json"), "malformed.json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.problems[0]).toMatch(/^malformed\.json:\d+:\d+: /);

    const csv = await preview(engineerCookie, fixture("unclosed-quote.csv"), "unclosed-quote.csv");
    expect(csv.status).toBe(400);
    expect(csv.body.problems.length).toBeGreaterThan(0);

    expect(await countUploads()).toBe(before);
    expect(await countRows()).toBe(0);
  });

  it("names an empty, binary or non-UTF-8 file, and a missing one", async () => {
    const empty = await preview(engineerCookie, "", "empty.json");
    expect(empty.status).toBe(400);
    expect(empty.body.problems).toEqual(["empty.json is empty."]);
    const blank = await preview(engineerCookie, "  \n", "blank.json");
    expect(blank.status).toBe(400);
    expect(blank.body.problems[0]).toMatch(/the file is empty/);
    const binary = await preview(engineerCookie, new Uint8Array([0x7b, 0x00, 0x01, 0x7d]), "image.png");
    expect(binary.status).toBe(400);
    expect(binary.body.problems[0]).toMatch(/not a text file \(it contains NUL bytes\)/);
    const latin1 = await preview(engineerCookie, new Uint8Array([0x69, 0x64, 0x0a, 0xe9, 0x74, 0xe9]), "latin1.csv");
    expect(latin1.status).toBe(400);
    expect(latin1.body.problems[0]).toMatch(/not UTF-8 text/);

    const form = new FormData();
    form.set("intent", "preview");
    form.set("format", "");
    const missing = await call(() => importAction(args(makeRequest("/incidents/import", { cookie: engineerCookie, form }))));
    expect(missing.status).toBe(400);
    expect((await missing.json()).problems).toEqual(["Choose a file to import."]);

    const badFormat = await preview(engineerCookie, meridianText, "x.json", "yaml");
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.problems).toEqual(["Choose one of the listed formats."]);
    expect(await countRows()).toBe(0);
  });

  it("answers 413 for a file over the upload limit, stopping at the limit and staging nothing", async () => {
    // The body is generated as it is read: a 257 MB file that never sits in memory.
    const boundary = "----factdesk-limit-test";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\npreview\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.json"\r\nContent-Type: application/json\r\n\r\n`,
    );
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const stagedBefore = await countUploads();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        if (sent < MAX_UPLOAD_BYTES + chunk.length) {
          controller.enqueue(chunk);
          sent += chunk.length;
        } else {
          controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
          controller.close();
        }
      },
    });
    const request = new Request(`${BASE}/incidents/import`, {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Origin: BASE, Cookie: engineerCookie },
      body,
      duplex: "half",
    } as RequestInit);
    const response = await call(() => importAction(args(request)));
    expect(response.status).toBe(413);
    expect((await response.json()).problems).toEqual([`The file is larger than ${MAX_UPLOAD_LABEL}, the most one import accepts. Split it into smaller files.`]);
    expect(sent).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + chunk.length);
    expect(await countUploads()).toBe(stagedBefore);
  });

  it("honours a forced format", async () => {
    const { status, body } = await preview(engineerCookie, meridianText, "meridian.json", "csv");
    expect(status).toBe(400);
    expect(body.problems.length).toBeGreaterThan(0);
  });

  it("does not let one user confirm or run another user's upload", async () => {
    const { body } = await preview(engineerCookie, meridianText);
    const other = await cookieFor(context, await createTestUser(testDb.db, ["engineer"]));
    const confirm = await call(() => importAction(args(makeRequest("/incidents/import", { cookie: other, form: { intent: "confirm", uploadId: body.uploadId } }))));
    expect(confirm.status).toBe(404);
    expect((await confirm.json()).problems[0]).toMatch(/not waiting to be imported/);
    const run = await call(() => runAction(args(makeRequest("/incidents/import/run", { cookie: other, form: { uploadId: body.uploadId } }))));
    expect(run.status).toBe(404);
    expect(ndjson(await run.text())).toEqual([{ ok: false, errors: [expect.stringMatching(/not waiting to be imported/)] }]);
    expect(await countRows()).toBe(0);
    const [still] = await testDb.db.select({ id: incidentUploads.id }).from(incidentUploads).where(eq(incidentUploads.id, body.uploadId));
    expect(still).toBeDefined();
  });

  it("cancels a preview: the staged upload is dropped", async () => {
    const { body } = await preview(engineerCookie, meridianText);
    const cancel = await call(() => importAction(args(makeRequest("/incidents/import", { cookie: engineerCookie, form: { intent: "cancel", uploadId: body.uploadId } }))));
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toEqual({ ok: true, step: "cancelled" });
    const rows = await testDb.db.select().from(incidentUploads).where(eq(incidentUploads.id, body.uploadId));
    expect(rows).toHaveLength(0);
  });

  it("rejects a malformed upload id with 400", async () => {
    const response = await call(() => importAction(args(makeRequest("/incidents/import", { cookie: engineerCookie, form: { intent: "confirm", uploadId: "nope" } }))));
    expect(response.status).toBe(400);
    const run = await call(() => runAction(args(makeRequest("/incidents/import/run", { cookie: engineerCookie, form: { uploadId: "nope" } }))));
    expect(run.status).toBe(400);
    const unknown = await call(() => importAction(args(makeRequest("/incidents/import", { cookie: engineerCookie, form: { intent: "launch" } }))));
    expect(unknown.status).toBe(400);
  });

  it("confirms: imports the staged file, drops it, and redirects to the list with the import's counts", async () => {
    const { body } = await preview(engineerCookie, meridianText, "meridian.json");
    const confirm = await call(() => importAction(args(makeRequest("/incidents/import", { cookie: engineerCookie, form: { intent: "confirm", uploadId: body.uploadId } }))));
    expect(confirm.status).toBe(302);
    const location = confirm.headers.get("location")!;
    expect(location).toMatch(/^\/incidents\?imported=[0-9a-f-]{36}$/);
    expect(await countRows()).toBe(6);
    expect(await testDb.db.select().from(incidentUploads).where(eq(incidentUploads.id, body.uploadId))).toHaveLength(0);

    const page = await list(location.slice("/incidents".length));
    expect(page.body.imported).toMatchObject({ fileName: "meridian.json", new: 6, updated: 0, unchanged: 0 });
    expect(page.body.total).toBe(6);

    // The same upload cannot be confirmed twice.
    const again = await call(() => importAction(args(makeRequest("/incidents/import", { cookie: engineerCookie, form: { intent: "confirm", uploadId: body.uploadId } }))));
    expect(again.status).toBe(404);
  });

  it("refuses a cross-site post to the run route before doing anything", async () => {
    const { body } = await preview(engineerCookie, meridianText);
    const response = await call(() =>
      runAction(args(makeRequest("/incidents/import/run", { cookie: engineerCookie, form: { uploadId: body.uploadId }, origin: "https://evil.example" }))),
    );
    expect(response.status).toBe(403);
    const rows = await testDb.db.select().from(incidentUploads).where(eq(incidentUploads.id, body.uploadId));
    expect(rows).toHaveLength(1);
  });

  it("answers GET on the run route with 405, after sending an anonymous visitor to sign in", async () => {
    const anonymous = await call(() => runLoader(args(makeRequest("/incidents/import/run"))));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/sign-in\?redirectTo=/);
    const response = await call(() => runLoader(args(makeRequest("/incidents/import/run", { cookie: engineerCookie }))));
    expect(response.status).toBe(405);
  });
});

describe("the run route", () => {
  it("streams progress after each batch as NDJSON and ends with the counts", async () => {
    const records = Array.from({ length: 2100 }, (_, i) => ({
      id: `BULK-${String(i).padStart(5, "0")}`,
      title: `Bulk record ${i}`,
      startedAt: "2025-01-01T00:00:00Z",
      organization: "bulk",
    }));
    const { body } = await preview(adminCookie, JSON.stringify({ incidents: records }), "bulk.json");
    expect(body).toMatchObject({ step: "preview", new: 2100 });
    const response = await call(() => runAction(args(makeRequest("/incidents/import/run", { cookie: adminCookie, form: { uploadId: body.uploadId } }))));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    expect(response.body).toBeInstanceOf(ReadableStream);
    const lines = ndjson(await response.text());
    expect(lines.slice(0, -1)).toEqual([
      { done: 1000, total: 2100 },
      { done: 2000, total: 2100 },
      { done: 2100, total: 2100 },
    ]);
    expect(lines.at(-1)).toMatchObject({ ok: true, new: 2100, updated: 0, unchanged: 0, total: 2100, format: "json" });
    expect((lines.at(-1) as { importId: string }).importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countRows()).toBe(2106);
    expect(await testDb.db.select().from(incidentUploads).where(eq(incidentUploads.id, body.uploadId))).toHaveLength(0);

    const page = await list(`?imported=${(lines.at(-1) as { importId: string }).importId}`);
    expect(page.body.imported).toMatchObject({ new: 2100, fileName: "bulk.json" });
  });

  it("re-importing unchanged records reports them unchanged", async () => {
    const { body } = await preview(engineerCookie, meridianText);
    expect(body).toMatchObject({ new: 0, updated: 0, unchanged: 6 });
    const response = await call(() => runAction(args(makeRequest("/incidents/import/run", { cookie: engineerCookie, form: { uploadId: body.uploadId } }))));
    const lines = ndjson(await response.text());
    expect(lines.at(-1)).toMatchObject({ ok: true, new: 0, updated: 0, unchanged: 6 });
  });
});

describe("the incident list", () => {
  beforeAll(async () => {
    // One record that keeps its summary and services internal, to check the list leaves them out.
    const secret = {
      id: "SEC-2026-0001",
      title: "Checkout latency in the internal pricing cache",
      severity: "SEV3",
      startedAt: "2026-03-08T10:00:00Z",
      resolvedAt: "2026-03-08T10:30:00Z",
      organization: "retail",
      services: ["pricing-cache"],
      summary: "A confidential vendor's pricing cache made checkout slow.",
      internalOnly: ["summary", "services"],
    };
    const outcome = await importIncidents(testDb.db, { text: JSON.stringify([secret]), fileName: "secret.json", actor: { label: "test" } });
    expect(outcome.ok).toBe(true);
  });

  it("filters by organization, severity, tag, service, region and date range", async () => {
    const retail = await list("?organization=retail&from=2026-01-01");
    expect(retail.status).toBe(200);
    expect(retail.body.rows.every((r: { organization: string }) => r.organization === "retail")).toBe(true);
    expect(retail.body.total).toBe(retail.body.rows.length);

    const sev1 = await list("?severity=SEV1&organization=retail");
    expect(sev1.body.rows.map((r: { id: string }) => r.id)).toContain("RET-2026-0307-B");
    expect(sev1.body.rows.every((r: { severity: string }) => r.severity === "SEV1")).toBe(true);

    const ai = await list("?tag=ai_assisted_tooling");
    expect(ai.body.rows.map((r: { id: string }) => r.id)).toContain("RET-2026-0307-B");
    expect(ai.body.rows.every((r: { tags: string[] }) => r.tags.includes("ai_assisted_tooling"))).toBe(true);

    const day = await list("?from=2026-03-07&to=2026-03-07");
    expect(day.body.rows.map((r: { id: string }) => r.id)).toEqual(["RET-2026-0307-B"]);
    expect(day.body.rows[0].duration).toBe("2 h 40 min");

    const service = await list("?service=checkout&region=eu-west");
    expect(service.body.rows.map((r: { id: string }) => r.id)).toContain("RET-2026-0307-B");
    expect(service.body.filtered).toBe(true);
  });

  it("ranks search results and marks the matched words in the snippet", async () => {
    const { body } = await list("?q=wiki+assistant");
    expect(body.searched).toBe(true);
    expect(body.rows[0].id).toBe("RET-2026-0307-B");
    expect(body.rows[0].snippet).toMatch(/<<<\w+>>>/);
  });

  it("leaves out the fields a record marks internal only", async () => {
    const { body } = await list("?q=confidential+vendor");
    expect(body.rows.map((r: { id: string }) => r.id)).toEqual(["SEC-2026-0001"]);
    const [row] = body.rows;
    expect(row.snippet).toBeNull();
    expect(row.services).toBeNull();
    expect(row.hidden).toEqual(["summary", "services"]);
    expect(row.organization).toBe("retail");
    expect(JSON.stringify(body.rows)).not.toMatch(/confidential|pricing-cache/);
  });

  it("pages through results keeping the filters", async () => {
    const first = await list("?organization=bulk");
    expect(first.body.total).toBe(2100);
    expect(first.body.pages).toBe(84);
    expect(first.body.rows).toHaveLength(25);
    const third = await list("?organization=bulk&page=3");
    expect(third.body.page).toBe(3);
    expect(third.body.rows[0].id).not.toBe(first.body.rows[0].id);
    const past = await list("?organization=bulk&page=999");
    expect(past.body.rows).toHaveLength(0);
    expect(past.body.total).toBe(2100);
  });

  it("says when nothing matches", async () => {
    const { status, body } = await list("?q=zeppelin");
    expect(status).toBe(200);
    expect(body.total).toBe(0);
    expect(body.anyRecords).toBe(true);
    expect(body.filtered).toBe(true);
  });

  it("answers 400 naming a bad filter", async () => {
    const bad = await list("?from=2026-13-45&page=-2");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.from).toBe("“Started from” is not a real date.");
    expect(bad.body.errors.page).toMatch(/whole number of 1 or more/);
    expect(bad.body.rows).toEqual([]);
    const reversed = await list("?from=2026-04-01&to=2026-03-01");
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors.to).toBe("“Started from” is after “Started until”.");
  });

  it("ignores an unknown or malformed import id", async () => {
    expect((await list(`?imported=${crypto.randomUUID()}`)).body.imported).toBeNull();
    expect((await list("?imported=not-a-uuid")).body.imported).toBeNull();
  });

  it("sends an anonymous visitor to sign in", async () => {
    const response = await call(() => listLoader(args(makeRequest("/incidents?q=x"))));
    expect(response.status).toBe(302);
  });
});

describe("the incident detail", () => {
  const detail = (id: string, query = "", cookie = legalCookie) =>
    call(() => detailLoader(args(makeRequest(`/incidents/${encodeURIComponent(id)}${query}`, { cookie }), { id })));

  it("answers 404 with a sentence for an unknown id", async () => {
    const response = await detail("NOPE-0000");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("There is no incident record with the id “NOPE-0000”. It may not have been imported yet, or the id may be mistyped.");
  });

  it("shows the record with its Markdown rendered, its raw source and its versions", async () => {
    const response = await detail("RET-2026-0307-B");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.record.id).toBe("RET-2026-0307-B");
    expect(body.record.internalOnly).toEqual(["trigger", "timeline"]);
    expect(body.summaryHtml).toMatch(/^<p>An engineer changed/);
    expect(body.rootCauseHtml).toMatch(/^<p>Human error/);
    expect(JSON.parse(body.rawText).id).toBe("RET-2026-0307-B");
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0]).toMatchObject({ version: 1, fileName: "meridian.json", sourceFormat: "json" });
    expect(body.compare).toBeNull();
  });

  it("sanitizes Markdown: no scripts, no javascript: links, and safe links get rel=noopener noreferrer", async () => {
    const record = {
      id: "MD-0001",
      title: "Markdown test",
      startedAt: "2026-01-01T00:00:00Z",
      summary: "# Heading\n\n<script>alert(1)</script>\n\n**bold** [bad](javascript:alert(1)) [good](https://example.com) <img src=x onerror=alert(1)>",
      rootCause: "<iframe src='https://evil.example'></iframe>\n\nPlain *cause*",
    };
    await importIncidents(testDb.db, { text: JSON.stringify([record]), fileName: "md.json", actor: { label: "test" } });
    const body = await (await detail("MD-0001")).json();
    expect(body.summaryHtml).not.toMatch(/<script|alert\(1\)<\/script|href="javascript:|onerror|<img|<h1/i);
    expect(body.summaryHtml).toContain('<a rel="noopener noreferrer">bad</a>');
    expect(body.summaryHtml).toContain("<strong>bold</strong>");
    expect(body.summaryHtml).toContain('<a href="https://example.com" rel="noopener noreferrer">good</a>');
    expect(body.summaryHtml).toContain("<h4>Heading</h4>");
    expect(body.rootCauseHtml.trim()).toBe("<p>Plain <em>cause</em></p>");
  });

  it("compares two versions field by field", async () => {
    const v1 = JSON.parse(meridianText).incidents.find((r: { id: string }) => r.id === "RET-2026-0305-A");
    const v2 = { ...v1, customersAffected: 42000, summary: `${v1.summary} Updated after review.` };
    const outcome = await importIncidents(testDb.db, { text: JSON.stringify([v2]), fileName: "v2.json", actor: { label: "reviewer@example.com" } });
    expect(outcome).toMatchObject({ ok: true, updated: 1 });

    const body = await (await detail("RET-2026-0305-A", "?from=1&to=2")).json();
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(body.versions[0]).toMatchObject({ importedBy: "reviewer@example.com", changedFields: ["customersAffected", "summary"] });
    expect(body.compare.fields.map((f: { field: string }) => f.field)).toEqual(["customersAffected", "summary"]);
    const summary = body.compare.fields[1].segments;
    expect(summary.filter((s: { kind: string }) => s.kind === "added").map((s: { text: string }) => s.text).join("")).toContain("Updated after review.");
    const number = body.compare.fields[0].segments;
    expect(number).toEqual(
      expect.arrayContaining([
        { kind: "removed", text: "41000" },
        { kind: "added", text: "42000" },
      ]),
    );
  });

  it("answers 400 naming a bad comparison, still showing the record", async () => {
    const missing = await detail("RET-2026-0305-A", "?from=1&to=9");
    expect(missing.status).toBe(400);
    const body = await missing.json();
    expect(body.compareError).toBe("There is no version 9; this record has 2 versions.");
    expect(body.record.id).toBe("RET-2026-0305-A");
    const junk = await detail("RET-2026-0305-A", "?from=one&to=2");
    expect(junk.status).toBe(400);
    expect((await junk.json()).compareError).toBe("A version must be a whole number.");
    const half = await detail("RET-2026-0305-A", "?from=1");
    expect(half.status).toBe(400);
  });
});

describe("the timeline drawing", () => {
  const props = {
    incidentId: "RET-2026-0307-B",
    startedAt: "2026-03-07T19:40:00Z",
    detectedAt: "2026-03-07T19:44:00Z",
    resolvedAt: "2026-03-07T22:20:00Z",
    events: [
      { at: "2026-03-07T19:40:00Z", text: "Retry policy change applied" },
      { at: "2026-03-07T19:44:00Z", text: "Checkout error-rate alarm" },
      { at: "2026-03-07T19:45:00Z", text: "Incident commander paged" },
      { at: "2026-03-07T22:20:00Z", text: "Error rate back to baseline" },
    ],
  };

  it("is one labelled image whose description says what the drawing shows", () => {
    const html = renderToStaticMarkup(createElement(IncidentTimeline, props));
    expect(html).toMatch(/<svg role="img" aria-labelledby="timeline-title-RET-2026-0307-B timeline-desc-RET-2026-0307-B"/);
    expect(html).toContain('<title id="timeline-title-RET-2026-0307-B">Timeline of RET-2026-0307-B (times in UTC)</title>');
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(html)![1];
    expect(desc).toContain("Impact from 7 Mar 2026, 19:40 UTC to 22:20 UTC (2 h 40 min).");
    expect(desc).toContain("Detected at 19:44 UTC, 4 min after impact began.");
    expect(desc).toContain("4 events: 1, 19:40: Retry policy change applied;");
    expect(html).toContain("Impact 2 h 40 min");
    expect(html).toContain("Detected 19:44");
  });

  it("puts labels that would overlap on separate rows", () => {
    const html = renderToStaticMarkup(createElement(IncidentTimeline, props));
    const times = [...html.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*class="tl-event-time"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(times).toHaveLength(4);
    // The three events within five minutes of each other sit close together, so each gets its own row.
    expect(new Set(times.slice(0, 3).map((t) => t.y)).size).toBe(3);
  });

  it("draws an open-ended band when no end is recorded", () => {
    const html = renderToStaticMarkup(createElement(IncidentTimeline, { ...props, resolvedAt: undefined, events: [] }));
    expect(html).toContain("Impact, no end recorded");
    expect(html).toContain("no end is recorded");
    expect(html).toContain("No timeline events are recorded.");
  });
});
