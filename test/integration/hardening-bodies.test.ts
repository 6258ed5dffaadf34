/**
 * Issue 12, bad input is a 4xx: every action gets a small corpus of malformed bodies (no or the
 * wrong Content-Type, empty, JSON, text/plain, multipart without a boundary or with garbage, NUL
 * characters in every text field, oversized) and must answer 4xx with a sentence, never a 500,
 * and store nothing.
 */
import fs from "node:fs";
import type { ActionFunctionArgs } from "@remix-run/node";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approvals,
  auditEvents,
  cases,
  claims,
  commentThreads,
  drafts,
  draftVersions,
  evidenceLinks,
  incidentUploads,
  signInThrottle,
  snippets,
  sources,
  users as usersTable,
} from "../../db/schema";
import { actorOf, createCase } from "../../app/models/case.server";
import { listCaseClaims } from "../../app/models/claim.server";
import { addSource } from "../../app/models/source.server";
import { action as adminUsersAction } from "../../app/routes/_app.admin.users";
import { action as evidenceAction } from "../../app/routes/_app.cases.$caseId.evidence";
import { action as readerAction } from "../../app/routes/_app.cases.$caseId.sources.$sourceId";
import { action as caseAction } from "../../app/routes/_app.cases.$caseId";
import { action as newCaseAction } from "../../app/routes/_app.cases.new";
import { loader as incidentLoader } from "../../app/routes/_app.incidents.$id";
import { action as importAction } from "../../app/routes/_app.incidents.import";
import { action as importRunAction } from "../../app/routes/incidents.import.run";
import { action as signInAction } from "../../app/routes/sign-in";
import { action as draftsAction } from "../../app/routes/_app.cases.$caseId.drafts._index";
import { action as draftAction } from "../../app/routes/_app.cases.$caseId.drafts.$draftId";
import { action as commentsAction } from "../../app/routes/_app.cases.$caseId_.comments";
import { action as reviewAction } from "../../app/routes/_app.review.$draftId";
import { action as inboxAction } from "../../app/routes/_app.reviews";
import { action as snippetsAction } from "../../app/routes/_app.snippets";
import { action as previewAction } from "../../app/routes/drafts.preview";
import { createTestDb, type TestDb } from "../setup/db";
import { BASE, call, cookieFor, createTestUser, makeContext, makeRequest } from "../setup/remix";

const ARTICLE = fs.readFileSync(new URL("../../db/demo/meridian/article.md", import.meta.url), "utf8");

let testDb: TestDb;
let context: ReturnType<typeof makeContext>;
let admin: { cookie: string };
let caseId: string;
let sourceId: string;
let claimId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  context = makeContext(testDb.db);
  const user = await createTestUser(testDb.db, ["admin"]);
  admin = { cookie: await cookieFor(context, user) };
  ({ id: caseId } = await createCase(testDb.db, actorOf(user), { title: "Bodies" }));
  ({ sourceId } = await addSource(testDb.db, actorOf(user), caseId, { content: { kind: "paste", text: ARTICLE } }));
  claimId = (await listCaseClaims(testDb.db, caseId))[0].id;
});
afterAll(async () => {
  await testDb?.close();
});

type Action = (args: ActionFunctionArgs) => Promise<unknown>;
const NO_ID = "00000000-0000-4000-8000-000000000000";

/** Every action, with the path it answers and a valid form's fields (the NUL corpus poisons each). */
function actions(): { name: string; path: string; fn: Action; params: Record<string, string>; form: Record<string, string> }[] {
  return [
    { name: "sign-in", path: "/sign-in", fn: signInAction, params: {}, form: { email: "a@example.com", password: "password-123" } },
    { name: "admin users", path: "/admin/users", fn: adminUsersAction, params: {}, form: { intent: "create", email: "new@example.com", name: "New", password: "password-123", roles: "comms" } },
    { name: "new case", path: "/cases/new", fn: newCaseAction, params: {}, form: { intent: "create-case", title: "A title", summary: "" } },
    { name: "case", path: `/cases/${caseId}`, fn: caseAction, params: { caseId }, form: { intent: "add-source", body: "The store was down for six hours on 5 March.", format: "text" } },
    { name: "claims", path: `/cases/${caseId}/sources/${sourceId}`, fn: readerAction, params: { caseId, sourceId }, form: { intent: "edit", claimId, text: "The store was down.", basedOn: "" } },
    { name: "evidence", path: `/cases/${caseId}/evidence`, fn: evidenceAction, params: { caseId }, form: { intent: "set-verdict", claimId, verdict: "accurate", note: "A note.", verdictAt: "" } },
    { name: "import run", path: "/incidents/import/run", fn: importRunAction, params: {}, form: { uploadId: "00000000-0000-4000-8000-000000000000" } },
    { name: "drafts", path: `/cases/${caseId}/drafts`, fn: draftsAction, params: { caseId }, form: { intent: "generate", outlet: "The Daily" } },
    { name: "draft editor", path: `/cases/${caseId}/drafts/${NO_ID}`, fn: draftAction, params: { caseId, draftId: NO_ID }, form: { intent: "save", baseVersionId: NO_ID, body: "A statement." } },
    { name: "comments", path: `/cases/${caseId}/comments`, fn: commentsAction, params: { caseId }, form: { intent: "comment", claimId, target: "claim", body: "A comment." } },
    { name: "review", path: `/review/${NO_ID}`, fn: reviewAction, params: { draftId: NO_ID }, form: { intent: "retract", reason: "A reason." } },
    { name: "inbox", path: "/reviews", fn: inboxAction, params: {}, form: { intent: "confirm-claim", claimId } },
    { name: "snippets", path: "/snippets", fn: snippetsAction, params: {}, form: { intent: "archive", id: NO_ID } },
    { name: "preview", path: "/drafts/preview", fn: previewAction, params: {}, form: { body: "A statement." } },
  ];
}

const CORPUS: { label: string; body: BodyInit | null; type?: string }[] = [
  { label: "no body, no type", body: null },
  { label: "empty, no type", body: "" },
  { label: "empty urlencoded", body: "", type: "application/x-www-form-urlencoded" },
  { label: "JSON", body: '{"intent":"create-case","title":"x"}', type: "application/json" },
  { label: "text/plain", body: "intent=create-case&title=x", type: "text/plain" },
  { label: "multipart without boundary", body: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", type: "multipart/form-data" },
  { label: "multipart garbage", body: "not multipart at all", type: "multipart/form-data; boundary=----zz" },
  { label: "truncated multipart", body: "------zz\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\nedit", type: "multipart/form-data; boundary=----zz" },
  { label: "oversized urlencoded", body: `title=${"a".repeat(20 * 1024 * 1024)}`, type: "application/x-www-form-urlencoded" },
];

async function counts() {
  const tables = { approvals, auditEvents, cases, claims, commentThreads, drafts, draftVersions, evidenceLinks, incidentUploads, snippets, sources, users: usersTable };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await testDb.db.select({ n: count() }).from(table);
    out[name] = row.n;
  }
  return out;
}

function send(a: ReturnType<typeof actions>[number], body: BodyInit | null, type?: string) {
  const headers: Record<string, string> = { Origin: BASE, Cookie: admin.cookie };
  if (type) headers["Content-Type"] = type;
  const request = new Request(`${BASE}${a.path}`, { method: "POST", headers, body });
  if (!type && body !== null) request.headers.delete("Content-Type");
  return call(() => a.fn({ request, context, params: a.params }));
}

async function expectRefusal(response: Response, label: string) {
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  const text = await response.text();
  expect(text.length, label).toBeGreaterThan(10);
}

describe("malformed bodies get a 4xx with a sentence and store nothing", () => {
  it("for every action and every malformed body", async () => {
    const before = await counts();
    for (const a of actions()) {
      for (const item of CORPUS) {
        const response = await send(a, item.body, item.type);
        await expectRefusal(response, `${a.name}: ${item.label}`);
        // What is not a form is 415; a form that does not parse or is empty is 400; too big is 413.
        if (item.type === "application/json" || item.type === "text/plain" || !item.type) expect([400, 415], `${a.name}: ${item.label}`).toContain(response.status);
        if (item.label.startsWith("oversized")) expect(response.status, a.name).toBe(413);
      }
    }
    // The import page takes uploads up to its own, larger limit; what is not a form is still a 4xx.
    const importPage = { name: "import", path: "/incidents/import", fn: importAction, params: {}, form: {} };
    for (const item of CORPUS) {
      await expectRefusal(await send(importPage, item.body, item.type), `import: ${item.label}`);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a NUL character in any field of any form", async () => {
    await testDb.db.delete(signInThrottle);
    const before = await counts();
    for (const a of actions()) {
      for (const field of Object.keys(a.form)) {
        const form = { ...a.form, [field]: `${a.form[field]}\u0000` };
        const response = await send(a, new URLSearchParams(form), "application/x-www-form-urlencoded");
        expect(response.status, `${a.name}.${field}`).toBe(400);
        const text = await response.text();
        expect(text, `${a.name}.${field}`).toContain("NUL character");
        const multipart = new FormData();
        for (const [k, v] of Object.entries(form)) multipart.append(k, v);
        const asMultipart = await call(() =>
          a.fn({ request: makeRequest(a.path, { form: multipart, cookie: admin.cookie }), context, params: a.params }),
        );
        expect(asMultipart.status, `${a.name}.${field} (multipart)`).toBe(400);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("answers GET /incidents/%00 with a 404", async () => {
    for (const id of ["\u0000", "INC\u0000-1", "a".repeat(5000)]) {
      const response = await call(() =>
        incidentLoader({ request: makeRequest(`/incidents/${encodeURIComponent(id)}`, { cookie: admin.cookie }), context, params: { id } }),
      );
      expect(response.status).toBe(404);
    }
  });

  it("refuses a 1 MB email when an admin creates a user", async () => {
    const before = await counts();
    const response = await send(
      actions()[1],
      new URLSearchParams({ intent: "create", email: `${"a".repeat(200 * 1024)}@example.com`, password: "password-123", roles: "comms" }),
      "application/x-www-form-urlencoded",
    );
    expect(response.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});
