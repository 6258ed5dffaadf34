/**
 * Issue 11 (incident formats) and the import items of issue 12, end to end on a real database:
 * the tools' exports through the model and the import page, skipping invalid records with
 * their history, the CSV column mapper, the status-page pull against a local server, and the
 * command line's conventions.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/run";
import { CliError } from "../../app/cli/types";
import type { Incident } from "../../app/domain/incidents";
import { exportIncidents, getImportSummary, getIncident, importIncidents } from "../../app/models/incident.server";
import { action as importAction } from "../../app/routes/_app.incidents.import";
import { action as runAction } from "../../app/routes/incidents.import.run";
import { pullStatuspage } from "../../app/utils/statuspage-pull.server";
import { auditEvents, csvMappings, incidentUploads } from "../../db/schema";
import { createTestDb, type TestDb } from "../setup/db";
import { call, cookieFor, createTestUser, makeContext, makeRequest } from "../setup/remix";

const FIXTURES = path.resolve(__dirname, "../fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, "incidents", name), "utf8");
const actor = { label: "test" };

let testDb: TestDb;
let context: ReturnType<typeof makeContext>;
let engineerCookie: string;
let otherCookie: string;

/** A local stand-in for a Statuspage site: recorded pages, a slow page and an HTML page. Nothing leaves the machine. */
let site: http.Server;
let siteUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  // The status-page tests serve their pages from this machine, which the web form allows only when configured to.
  context = { ...makeContext(testDb.db), allowPrivatePull: true };
  engineerCookie = await cookieFor(context, await createTestUser(testDb.db, ["engineer"]));
  otherCookie = await cookieFor(context, await createTestUser(testDb.db, ["engineer"]));
  site = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requested.push(`${url.pathname}${url.search}`);
    const page = (name: string, type = "application/json") => {
      response.writeHead(200, { "Content-Type": type });
      response.end(fs.readFileSync(path.join(FIXTURES, "statuspage-site", name)));
    };
    if (url.pathname === "/slow/api/v2/incidents.json") return void setTimeout(() => page("incidents-page-1.json"), 2_000);
    if (url.pathname === "/api/v2/incidents.json") return page(`incidents-page-${url.searchParams.get("page") ?? "1"}.json`);
    if (url.pathname === "/html/api/v2/incidents.json") return page("not-a-status-page.html", "text/html; charset=utf-8");
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  site?.closeAllConnections();
  await new Promise((resolve) => site?.close(resolve));
  await testDb?.close();
});

const args = (request: Request) => ({ request, context, params: {} });

function uploadForm(text: string, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("intent", "preview");
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set("file", new File([text], fileName, { type: "application/octet-stream" }));
  return form;
}

async function post(form: FormData | Record<string, string | string[]>, cookie = engineerCookie) {
  const response = await call(() => importAction(args(makeRequest("/incidents/import", { cookie, form }))));
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, location: response.headers.get("location"), body: type.includes("json") ? await response.json() : null };
}

async function exported(): Promise<Incident[]> {
  const out: Incident[] = [];
  for await (const record of exportIncidents(testDb.db)) out.push(record);
  return out;
}

describe("each tool's export through the model, and back out through export", () => {
  it.each([
    ["incidentio-incidents.json", "incidentio", ["INC-412"]],
    ["firehydrant-incidents.json", "firehydrant", ["FH-1187"]],
    ["opsgenie-incidents.json", "opsgenie", ["OG-1791"]],
    ["rootly-incidents.json", "rootly", ["RLY-208"]],
    ["dispatch-incidents.json", "dispatch", ["dispatch-default-default-42"]],
    ["pagerduty-incident-whole.json", "pagerduty", ["PD-4521"]],
  ])("imports %s, keeps the raw source, and round-trips through export", async (file, format, ids) => {
    const outcome = await importIncidents(testDb.db, { text: fixture(file), fileName: file, actor });
    expect(outcome).toMatchObject({ ok: true, format, new: ids.length });
    const detail = await getIncident(testDb.db, ids[0]);
    expect(detail?.raw).toBeTruthy();
    const out = (await exported()).filter((record) => ids.includes(record.id));
    const again = await importIncidents(testDb.db, { text: JSON.stringify({ incidents: out }), fileName: "export.json", actor });
    expect(again).toMatchObject({ ok: true, format: "json", new: 0, updated: 0, unchanged: ids.length });
  });

  it("stores +hhmm dates normalised, and export then import is the identity", async () => {
    const record = { id: "JIRA-1", title: "Jira-dated", startedAt: "2026-03-09T09:02:00.000+0000", resolvedAt: "2026-03-09T16:00:00.000+0530" };
    expect(await importIncidents(testDb.db, { text: JSON.stringify([record]), fileName: "jira.json", actor })).toMatchObject({ ok: true, new: 1 });
    const [out] = (await exported()).filter((r) => r.id === "JIRA-1");
    expect(out).toMatchObject({ startedAt: "2026-03-09T09:02:00.000+00:00", resolvedAt: "2026-03-09T16:00:00.000+05:30" });
    expect(await importIncidents(testDb.db, { text: JSON.stringify([out]), fileName: "again.json", actor })).toMatchObject({ unchanged: 1 });
  });
});

describe("skipping invalid records", () => {
  const good = (id: string) => ({ id, title: `Record ${id}`, startedAt: "2026-03-09T09:00:00Z" });
  const backfilled = (id: string) => ({ ...good(id), resolvedAt: "2026-03-09T08:00:00Z" });
  const file = JSON.stringify({ incidents: [good("SK-1"), backfilled("SK-2"), good("SK-3")] });

  it("is refused by default, and with the choice records the skipped ids and reasons in the import's history", async () => {
    expect(await importIncidents(testDb.db, { text: file, fileName: "backfill.json", actor })).toMatchObject({ ok: false, skippable: { valid: 2, invalid: 1 } });
    const outcome = await importIncidents(testDb.db, { text: file, fileName: "backfill.json", actor, skipInvalid: true });
    expect(outcome).toMatchObject({ ok: true, new: 2, total: 2 });
    if (!outcome.ok || !outcome.importId) throw new Error("not imported");
    const history = await getImportSummary(testDb.db, outcome.importId);
    expect(history?.skipped).toEqual([{ index: 2, id: "SK-2", reasons: ['resolvedAt: "2026-03-09T08:00:00Z" is before startedAt "2026-03-09T09:00:00Z"'] }]);
    const [event] = await testDb.db.select().from(auditEvents).where(eq(auditEvents.entityId, outcome.importId));
    expect(event).toMatchObject({ action: "incidents.imported", entityType: "incident_import" });
    expect((event.data as { skipped: unknown[] }).skipped).toHaveLength(1);
  });

  it("is offered on the import page after the preview, and confirmed there", async () => {
    const file2 = JSON.stringify({ incidents: [good("SK-11"), backfilled("SK-12"), good("SK-13")] });
    const previewed = await post(uploadForm(file2, "backfill2.json"));
    expect(previewed.status).toBe(400);
    expect(previewed.body).toMatchObject({ step: "errors", skippable: { valid: 2, invalid: 1 } });
    expect(previewed.body.problems).toEqual(['record 2 (SK-12): resolvedAt: "2026-03-09T08:00:00Z" is before startedAt "2026-03-09T09:00:00Z"']);
    const confirmed = await post({ intent: "confirm", uploadId: previewed.body.uploadId, skipInvalid: "1" });
    expect(confirmed.status).toBe(302);
    const importId = confirmed.location!.split("imported=")[1];
    expect((await getImportSummary(testDb.db, importId))?.skipped).toMatchObject([{ index: 2, id: "SK-12" }]);
    expect(await getIncident(testDb.db, "SK-12")).toBeNull();
    expect(await getIncident(testDb.db, "SK-13")).not.toBeNull();
  });
});

describe("the import page (issue 12, imports)", () => {
  it("gives the preview the same field-level error for a NUL character that the confirm would, and writes nothing", async () => {
    const text = JSON.stringify([{ id: "NUL-1", title: "Bad\u0000title", startedAt: "2026-03-09T09:00:00Z" }]);
    const previewed = await post(uploadForm(text, "nul.json"));
    expect(previewed.status).toBe(400);
    expect(previewed.body.problems).toEqual(["record 1 (NUL-1): title: contains a NUL character (\\u0000), which cannot be stored; remove it"]);
    const direct = await importIncidents(testDb.db, { text, fileName: "nul.json", actor });
    expect(direct).toMatchObject({ ok: false, errors: [{ index: 1, field: "title" }] });
    expect(await getIncident(testDb.db, "NUL-1")).toBeNull();
  });

  it.each(["a=b.json", "incidents;v2.json", 'quote"d; name=x.json'])("accepts an upload named %s", async (name) => {
    const previewed = await post(uploadForm(JSON.stringify([{ id: "NAME-1", title: "Named", startedAt: "2026-03-09T09:00:00Z" }]), name));
    expect(previewed.status).toBe(200);
    expect(previewed.body).toMatchObject({ step: "preview", fileName: name, total: 1 });
  });

  it("answers 404 when cancelling another user's upload, and leaves it staged", async () => {
    const previewed = await post(uploadForm(JSON.stringify([{ id: "MINE-1", title: "Mine", startedAt: "2026-03-09T09:00:00Z" }]), "mine.json"));
    const cancelled = await post({ intent: "cancel", uploadId: previewed.body.uploadId }, otherCookie);
    expect(cancelled.status).toBe(404);
    expect(await testDb.db.select().from(incidentUploads).where(eq(incidentUploads.id, previewed.body.uploadId))).toHaveLength(1);
  });

  it("names a known but unsupported tool in one sentence", async () => {
    const previewed = await post(uploadForm(fixture("jira-issues.json"), "jira.json"));
    expect(previewed.status).toBe(400);
    expect(previewed.body.problems).toHaveLength(1);
    expect(previewed.body.problems[0]).toMatch(/looks like a Jira \(or Jira Service Management\) export, which Factdesk cannot import/);
  });
});

describe("the CSV column mapper", () => {
  const csv = "Key,Summary,Created,Assignee\nMAP-1,Mail down,2026-03-09T09:02:00.000+0000,dana\n";

  it("offers the file's columns, saves the mapping by name for the workspace, and previews with it", async () => {
    const previewed = await post(uploadForm(csv, "jira.csv"));
    expect(previewed.status).toBe(400);
    expect(previewed.body).toMatchObject({ step: "errors", columns: ["Key", "Summary", "Created", "Assignee"] });
    const mapped = await post({
      intent: "map",
      uploadId: previewed.body.uploadId,
      name: "Jira CSV",
      column: ["Key", "Summary", "Created", "Assignee"],
      field: ["id", "title", "startedAt", ""],
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body).toMatchObject({ step: "preview", format: "csv", total: 1, new: 1, mapping: "Jira CSV" });
    const [saved] = await testDb.db.select().from(csvMappings).where(eq(csvMappings.name, "Jira CSV"));
    expect(saved.mapping).toEqual({ Key: "id", Summary: "title", Created: "startedAt", Assignee: null });

    const again = await post(uploadForm(csv.replace("MAP-1", "MAP-2"), "jira2.csv", { mapping: "Jira CSV" }));
    expect(again.body).toMatchObject({ step: "preview", total: 1, new: 1 });
    const unknown = await post(uploadForm(csv, "jira3.csv", { mapping: "Nope" }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems).toEqual(["There is no saved column mapping named “Nope”."]);
  });

  it("refuses a mapping onto something that is not a field", async () => {
    const previewed = await post(uploadForm(csv, "jira.csv"));
    const mapped = await post({ intent: "map", uploadId: previewed.body.uploadId, name: "Bad", column: ["Key"], field: ["jiraKey"] });
    expect(mapped.status).toBe(400);
    expect(mapped.body.problems).toEqual(["“jiraKey” is not a field of the incident format."]);
    const nul = await post({ intent: "map", uploadId: previewed.body.uploadId, name: "Bad\u0000", column: ["Key"], field: ["id"] });
    expect(nul.status).toBe(400);
    const nulColumn = await post({ intent: "map", uploadId: previewed.body.uploadId, name: "Bad", column: ["K\u0000ey"], field: ["id"] });
    expect(nulColumn.status).toBe(400);
    expect(await testDb.db.select().from(csvMappings).where(eq(csvMappings.name, "Bad"))).toHaveLength(0);
  });
});

describe("pulling a public status page", () => {
  it("reads every page, skips the maintenance, previews, imports, and a second pull duplicates nothing", async () => {
    const pulled = await post({ intent: "pull", url: siteUrl });
    expect(pulled.status).toBe(200);
    expect(pulled.body).toMatchObject({ step: "preview", format: "statuspage", total: 60, new: 60, ignored: 1 });
    expect(requested).toEqual(expect.arrayContaining(["/api/v2/incidents.json", "/api/v2/incidents.json?page=2", "/api/v2/incidents.json?page=3"]));
    const confirmed = await post({ intent: "confirm", uploadId: pulled.body.uploadId });
    expect(confirmed.status).toBe(302);
    const record = await getIncident(testDb.db, "sp0007");
    expect(record?.record).toMatchObject({ services: ["API"], summary: "Some customers see slow pages on service 7." });

    const again = await post({ intent: "pull", url: `${siteUrl}/api/v2/incidents.json` });
    expect(again.body).toMatchObject({ step: "preview", total: 60, new: 0, unchanged: 60 });
    const count = await testDb.db.execute(sql`select count(*)::int as n from incidents where id like 'sp%'`);
    expect(JSON.stringify(count)).toContain('"n":60');
  });

  it("refuses an HTML page with a sentence, and stages nothing", async () => {
    const before = (await testDb.db.select().from(incidentUploads)).length;
    const pulled = await post({ intent: "pull", url: `${siteUrl}/html/` });
    expect(pulled.status).toBe(400);
    expect(pulled.body).toMatchObject({ step: "errors", field: "url" });
    expect(pulled.body.problems[0]).toMatch(/returned a web page \(HTML\), not Statuspage's JSON/);
    expect((await testDb.db.select().from(incidentUploads)).length).toBe(before);
  });

  it("gives up on a page that does not answer in time", async () => {
    await expect(pullStatuspage(`${siteUrl}/slow/api/v2/incidents.json`, { timeoutMs: 200, privateAddresses: true })).rejects.toThrow(/did not answer within 0.2 seconds/);
  });

  it("refuses an address on this machine or a private network unless configured to allow it", async () => {
    const strict = makeContext(testDb.db);
    for (const url of [`${siteUrl}/api/v2/incidents.json`, "http://localhost:9/", "http://10.0.0.7/", "http://[::1]:9/", "http://169.254.169.254/latest/"]) {
      const form = new FormData();
      form.set("intent", "pull");
      form.set("url", url);
      const response = await call(() => importAction({ request: makeRequest("/incidents/import", { form, cookie: engineerCookie }), context: strict, params: {} }));
      expect(response.status, url).toBe(400);
      expect((await response.json()).problems[0], url).toMatch(/this machine or a private network/);
    }
    await expect(pullStatuspage(`${siteUrl}/api/v2/incidents.json`)).rejects.toThrow(/private network/);
  });

  it("refuses an address that is not http(s)", async () => {
    const pulled = await post({ intent: "pull", url: "file:///etc/passwd" });
    expect(pulled.status).toBe(400);
    expect(pulled.body.problems).toEqual(["Give an http or https address for the status page."]);
  });
});

describe("the command line", () => {
  async function cli(argv: string[], stdin?: string) {
    let stdout = "";
    let stderr = "";
    const io = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: {} as NodeJS.ProcessEnv,
      readStdin: async () => stdin ?? "",
    };
    try {
      return { code: await runCli([...argv, "--db", testDb.url], io), stdout, stderr };
    } catch (error) {
      return { code: error instanceof CliError ? error.exitCode : 1, stdout, stderr: stderr + (error as Error).message };
    }
  }
  // On PostgreSQL the command line opens this file's database; on PGlite each run opens a fresh
  // memory:// workspace, so only the test that needs a saved mapping beforehand is PostgreSQL-only.
  const sharesTestDb = () => testDb.url !== "memory://";

  it("prints --version and answers a usage error with exit status 2", async () => {
    const version = await cli(["--version"]);
    expect(version).toMatchObject({ code: 0 });
    expect(version.stdout).toMatch(/^factdesk \d+\.\d+\.\d+\n$/);
    expect((await cli(["import", "things", "x"])).code).toBe(2);
    expect((await cli(["import", "incidents"])).code).toBe(2);
    expect((await cli(["import", "incidents", "x.json", "--colour"])).code).toBe(2);
    expect((await cli(["nonsense"])).code).toBe(2);
  });

  it("reads - from standard input, prints --json, and --skip-invalid imports the valid records", async () => {
    const file = JSON.stringify([
      { id: "CLI-1", title: "One", startedAt: "2026-03-09T09:00:00Z" },
      { id: "CLI-2", title: "Two", startedAt: "2026-03-09T09:00:00Z", resolvedAt: "2026-03-09T08:00:00Z" },
    ]);
    const refused = await cli(["import", "incidents", "-", "--json"], file);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, file: "standard input", skippable: { valid: 1, invalid: 1 } });
    expect(refused.stderr).toContain("run again with --skip-invalid");
    const imported = await cli(["import", "incidents", "-", "--json", "--skip-invalid"], file);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, new: 1, skipped: [{ index: 2, id: "CLI-2" }] });
  });

  it("pulls a status page with import statuspage URL", async () => {
    const result = await cli(["import", "statuspage", siteUrl, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, format: "statuspage", total: 60, ignored: [{ id: "sp0061" }] });
  });

  it("imports a CSV through a saved mapping with --mapping NAME", async () => {
    if (!sharesTestDb()) return;
    await testDb.db.insert(csvMappings).values({ name: "cli-map", mapping: { Key: "id", Summary: "title", Created: "startedAt" }, updatedBy: "test" }).onConflictDoNothing();
    const result = await cli(["import", "incidents", "-", "--mapping", "cli-map", "--json"], "Key,Summary,Created\nCSV-9,Mapped,2026-03-09T09:02:00Z\n");
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, format: "csv", new: 1 });
    const unknown = await cli(["import", "incidents", "-", "--mapping", "nope"], "Key\n");
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toMatch(/no saved column mapping named "nope"/);
  });
});

describe("a NUL character with --skip-invalid", () => {
  it("skips the record and keeps its history storable", async () => {
    const text = JSON.stringify([
      { id: "NULSKIP-1", title: "Fine", startedAt: "2026-03-09T09:00:00Z" },
      { id: "NUL\u0000SKIP", title: "Bad\u0000", startedAt: "2026-03-09T09:00:00Z" },
    ]);
    const outcome = await importIncidents(testDb.db, { text, fileName: "nul.json", actor, skipInvalid: true });
    expect(outcome).toMatchObject({ ok: true, new: 1, skipped: [{ index: 2, id: "NUL\uFFFDSKIP" }] });
  });
});

describe("a PagerDuty incident with its log entries and notes as separate files", () => {
  const whole = JSON.parse(fixture("pagerduty-incident-whole.json"));
  const parts = {
    incident: JSON.stringify({ incident: { ...whole.incident, incident_number: 4600 } }),
    logEntries: JSON.stringify({ log_entries: whole.log_entries, limit: 25, offset: 0, more: false, total: null }),
    notes: JSON.stringify({ notes: whole.notes }),
  };

  it("becomes one record with a timeline, uploaded together on the import page", async () => {
    const form = new FormData();
    form.set("intent", "preview");
    form.append("file", new File([parts.incident], "incident.json"));
    form.append("file", new File([parts.logEntries], "log_entries.json"));
    form.append("file", new File([parts.notes], "notes.json"));
    const previewed = await post(form);
    expect(previewed.body).toMatchObject({ step: "preview", format: "pagerduty", total: 1, fileName: "incident.json + log_entries.json + notes.json" });
    expect((await post({ intent: "confirm", uploadId: previewed.body.uploadId })).status).toBe(302);
    const record = (await getIncident(testDb.db, "PD-4600"))?.record;
    expect(record?.timeline).toHaveLength(4);
  });

  it("becomes one record given as several files on the command line", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-pd-"));
    const files = Object.entries(parts).map(([name, text]) => {
      const file = path.join(dir, `${name}.json`);
      fs.writeFileSync(file, text);
      return file;
    });
    let stdout = "";
    const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, env: {} as NodeJS.ProcessEnv };
    const code = await runCli(["import", "incidents", ...files, "--json", "--db", testDb.url], io);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, format: "pagerduty", total: 1 });
  });
});

describe("the run route (the import page's confirm with JavaScript)", () => {
  it("honours the choice to skip invalid records and reports the count", async () => {
    const file = JSON.stringify([
      { id: "RUN-1", title: "One", startedAt: "2026-03-09T09:00:00Z" },
      { id: "RUN-2", title: "Two", startedAt: "2026-03-09T09:00:00Z", resolvedAt: "2026-03-09T08:00:00Z" },
    ]);
    const previewed = await post(uploadForm(file, "run.json"));
    expect(previewed.body).toMatchObject({ skippable: { valid: 1, invalid: 1 } });
    const response = await call(() =>
      runAction(args(makeRequest("/incidents/import/run", { cookie: engineerCookie, form: { uploadId: previewed.body.uploadId, skipInvalid: "1" } }))),
    );
    const lines = (await response.text()).split("\n").filter(Boolean).map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ ok: true, new: 1, skipped: 1 });
  });
});
