/**
 * Issue 12, sign-in: the open redirect after sign-in, the throttle under a burst, and bodies
 * that are not forms, too large, or carry NUL characters.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInThrottle } from "../../db/schema";
import { action as signInAction, loader as signInLoader } from "../../app/routes/sign-in";
import { FREE_FAILURES } from "../../app/domain/throttle";
import { safeRedirect } from "../../app/utils/auth.server";
import { createTestDb, type TestDb } from "../setup/db";
import { BASE, call, cookieFor, createTestUser, makeContext, makeRequest } from "../setup/remix";

let testDb: TestDb;
let context: ReturnType<typeof makeContext>;
beforeAll(async () => {
  testDb = await createTestDb();
  context = makeContext(testDb.db);
});
afterAll(async () => {
  await testDb?.close();
});

const args = (request: Request) => ({ request, context, params: {} });

/** Decoded values of redirectTo (as a form field or searchParams.get gives them). */
const HOSTILE = [
  "/\t/evil.example/phish",
  "/\n/evil.example",
  "/\r\nSet-Cookie: x=1",
  "//evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "/x\\..\\..\\evil",
  "https://evil.example/",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/\u0085/evil.example",
  " /evil",
  "evil.example",
];

describe("redirect after sign-in", () => {
  it("keeps same-origin paths, with their query", () => {
    expect(safeRedirect("/cases?status=open")).toBe("/cases?status=open");
    expect(safeRedirect("/incidents/INC-1#timeline")).toBe("/incidents/INC-1#timeline");
  });

  it.each(HOSTILE.map((to) => [JSON.stringify(to), to]))("refuses %s", (_label, to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("keeps an encoded tab encoded, which browsers leave in the path", () => {
    expect(safeRedirect("/%09/evil.example/phish")).toBe("/%09/evil.example/phish");
  });

  it("signs in and lands on the home page, not another site, for every hostile redirectTo", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    // A NUL anywhere in the form is refused as a whole (400) before the redirect is looked at.
    for (const to of HOSTILE.filter((t) => !t.includes("\u0000"))) {
      const response = await call(() =>
        signInAction(args(makeRequest("/sign-in", { form: { email: user.email, password: user.password, redirectTo: to } }))),
      );
      expect(response.status, to).toBe(302);
      expect(response.headers.get("location"), to).toBe("/");
    }
  });

  it("sends a signed-in user opening /sign-in?redirectTo=… home, with no 500 for a newline", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    const cookie = await cookieFor(context, user);
    const queries = [...HOSTILE.map(encodeURIComponent), "/%09/evil.example/phish", "/%0a/evil.example", "/%0d%0aX:%20y"];
    for (const query of queries) {
      const response = await call(() => signInLoader(args(new Request(`${BASE}/sign-in?redirectTo=${query}`, { headers: { Cookie: cookie } }))));
      expect(response.status, query).toBe(302);
      expect(response.headers.get("location"), query).toBe("/");
    }
  });
});

describe("the sign-in throttle under a burst", () => {
  it("checks only the free attempts of forty parallel wrong passwords", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    const responses = await Promise.all(
      Array.from({ length: 40 }, () => call(() => signInAction(args(makeRequest("/sign-in", { form: { email: user.email, password: "wrong-password-1" } }))))),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - FREE_FAILURES);
    const throttled = responses.find((r) => r.status === 429)!;
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    const [row] = await testDb.db.select().from(signInThrottle).where(eq(signInThrottle.key, user.email));
    expect(row.failures).toBe(FREE_FAILURES);
  });

  it("clears the count after a successful sign-in", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    await call(() => signInAction(args(makeRequest("/sign-in", { form: { email: user.email, password: "wrong-password-1" } }))));
    const ok = await call(() => signInAction(args(makeRequest("/sign-in", { form: { email: user.email, password: user.password } }))));
    expect(ok.status).toBe(302);
    expect(await testDb.db.select().from(signInThrottle).where(eq(signInThrottle.key, user.email))).toHaveLength(0);
  });
});

describe("sign-in bodies that are not a sign-in form", () => {
  const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    call(() => signInAction(args(new Request(`${BASE}/sign-in`, { method: "POST", headers: { Origin: BASE, ...headers }, body }))));

  it("answers 415 or 400 with a sentence, never a 500", async () => {
    const cases: [BodyInit | null, Record<string, string>, number][] = [
      [null, {}, 415],
      ["", { "Content-Type": "application/x-www-form-urlencoded" }, 400],
      ['{"email":"a@b.c"}', { "Content-Type": "application/json" }, 415],
      ["email=a@b.c", { "Content-Type": "text/plain" }, 415],
      ["--x\r\n", { "Content-Type": "multipart/form-data" }, 400],
      ["garbage", { "Content-Type": "multipart/form-data; boundary=zzz" }, 400],
      ["email=a%00@example.com&password=xxxxxxxxxxxx", { "Content-Type": "application/x-www-form-urlencoded" }, 400],
    ];
    for (const [body, headers, status] of cases) {
      const response = await post(body, headers);
      expect(response.status, `${headers["Content-Type"]}: ${String(body)}`).toBe(status);
      const data = await response.json();
      expect(typeof data.message === "string" || Object.keys(data.errors ?? {}).length > 0).toBe(true);
    }
  });

  it("refuses a 1 MB email with a 400 naming the field", async () => {
    const response = await post(new URLSearchParams({ email: `${"a".repeat(1024 * 1024)}@example.com`, password: "x" }), {});
    expect(response.status).toBe(413);
    const small = await post(new URLSearchParams({ email: `${"a".repeat(100 * 1024)}@example.com`, password: "x" }), {});
    expect(small.status).toBe(400);
    expect((await small.json()).errors.email).toMatch(/at most 254 characters/);
  });

  it("stops reading an oversized chunked body at the limit", async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 50 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`${BASE}/sign-in`, {
      method: "POST",
      headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await call(() => signInAction(args(request)));
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });
});
