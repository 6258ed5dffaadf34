import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../db/schema";
import { loader as adminLoader, action as adminAction } from "../../app/routes/_app.admin.users";
import { loader as casesLoader } from "../../app/routes/_app.cases._index";
import { loader as healthLoader } from "../../app/routes/healthz";
import { action as signInAction, loader as signInLoader } from "../../app/routes/sign-in";
import { action as signOutAction } from "../../app/routes/sign-out";
import { createTestDb, type TestDb } from "../setup/db";
import { call, cookieFor, createTestUser, makeContext, makeRequest } from "../setup/remix";

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

function sessionCookieFrom(response: Response): string {
  const setCookie = response.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0];
}

describe("sign-in and sign-out", () => {
  it("signs in with the right password, sets a signed httpOnly SameSite=Lax cookie, and returns to the page asked for", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    const response = await call(() =>
      signInAction(args(makeRequest("/sign-in", { form: { email: user.email.toUpperCase(), password: user.password, redirectTo: "/cases?status=open" } }))),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/cases?status=open");
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Expires=/i);
    expect(setCookie).not.toMatch(/Secure/i);

    const page = await call(() => casesLoader(args(makeRequest("/cases", { cookie: sessionCookieFrom(response) }))));
    expect(page.status).toBe(200);
  });

  it("marks the cookie Secure behind https", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    const request = new Request("https://factdesk.test/sign-in", {
      method: "POST",
      headers: { Origin: "https://factdesk.test" },
      body: new URLSearchParams({ email: user.email, password: user.password }),
    });
    const response = await call(() => signInAction(args(request)));
    expect(response.headers.get("set-cookie")).toMatch(/Secure/i);
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    const wrong = await call(() => signInAction(args(makeRequest("/sign-in", { form: { email: user.email, password: "nope-nope-nope" } }))));
    const unknown = await call(() => signInAction(args(makeRequest("/sign-in", { form: { email: "ghost@example.com", password: "x" } }))));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it("names the missing fields", async () => {
    const response = await call(() => signInAction(args(makeRequest("/sign-in", { form: { email: "" } }))));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.email).toBe("Enter your email address.");
    expect(body.errors.password).toBe("Enter your password.");
  });

  it("slows down repeated failures, even for the right password", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    for (let i = 0; i < 5; i++) {
      await call(() => signInAction(args(makeRequest("/sign-in", { form: { email: user.email, password: "wrong-password" } }))));
    }
    const response = await call(() => signInAction(args(makeRequest("/sign-in", { form: { email: user.email, password: user.password } }))));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await response.json()).message).toMatch(/Too many failed sign-ins/);
  });

  it("does not redirect off-site after sign-in", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    const response = await call(() =>
      signInAction(args(makeRequest("/sign-in", { form: { email: user.email, password: user.password, redirectTo: "//evil.example/x" } }))),
    );
    expect(response.headers.get("location")).toBe("/");
  });

  it("signs out: the session is deleted and the cookie cleared", async () => {
    const user = await createTestUser(testDb.db, ["legal"]);
    const cookie = await cookieFor(context, user);
    const response = await call(() => signOutAction(args(makeRequest("/sign-out", { method: "POST", cookie }))));
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    const after = await call(() => casesLoader(args(makeRequest("/cases", { cookie }))));
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/sign-in?redirectTo=%2Fcases");
  });

  it("sends a signed-in user away from the sign-in page", async () => {
    const user = await createTestUser(testDb.db, ["legal"]);
    const cookie = await cookieFor(context, user);
    const response = await call(() => signInLoader(args(makeRequest("/sign-in?redirectTo=/reviews", { cookie }))));
    expect(response.headers.get("location")).toBe("/reviews");
  });
});

describe("sessions", () => {
  it("expire: an expired session is treated as signed out", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    const cookie = await cookieFor(context, user);
    await testDb.db.update(sessions).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(sessions.userId, user.id));
    const response = await call(() => casesLoader(args(makeRequest("/cases", { cookie }))));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it("ignore a cookie whose signature does not match", async () => {
    const user = await createTestUser(testDb.db, ["comms"]);
    const cookie = await cookieFor(context, user);
    const forged = cookie.replace(/=([^.]*)\./, "=$1x.");
    const response = await call(() => casesLoader(args(makeRequest("/cases", { cookie: forged }))));
    expect(response.status).toBe(302);
  });
});

describe("protected routes", () => {
  it("let an allowed user in", async () => {
    const admin = await createTestUser(testDb.db, ["admin"]);
    const ok = await call(async () => adminLoader(args(makeRequest("/admin/users", { cookie: await cookieFor(context, admin) }))));
    expect(ok.status).toBe(200);
    expect((await ok.json()).users.some((u: { email: string }) => u.email === admin.email)).toBe(true);
  });

  it("answer 403 to a user whose role does not allow it", async () => {
    const comms = await createTestUser(testDb.db, ["comms"]);
    const response = await call(async () => adminLoader(args(makeRequest("/admin/users", { cookie: await cookieFor(context, comms) }))));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/manage:users/);
  });

  it("redirect an anonymous user to sign-in, remembering the page", async () => {
    const response = await call(() => adminLoader(args(makeRequest("/admin/users?tab=x"))));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/sign-in?redirectTo=%2Fadmin%2Fusers%3Ftab%3Dx");
  });

  it("refuse a cross-site POST before doing anything", async () => {
    const admin = await createTestUser(testDb.db, ["admin"]);
    const cookie = await cookieFor(context, admin);
    const form = { intent: "create", email: "xsite@example.com", password: "long-enough-pw", roles: "comms" };
    const response = await call(() => adminAction(args(makeRequest("/admin/users", { form, cookie, origin: "https://evil.example" }))));
    expect(response.status).toBe(403);
    const sneaky = await call(() =>
      adminAction(args(makeRequest("/admin/users", { form, cookie, origin: null, headers: { "Sec-Fetch-Site": "cross-site" } }))),
    );
    expect(sneaky.status).toBe(403);
    const rows = await testDb.db.select().from(users).where(eq(users.email, "xsite@example.com"));
    expect(rows).toHaveLength(0);
  });
});

describe("admin user management", () => {
  it("creates users, changes roles and deactivates (ending their sessions)", async () => {
    const admin = await createTestUser(testDb.db, ["admin"]);
    const cookie = await cookieFor(context, admin);
    const created = await call(() =>
      adminAction(args(makeRequest("/admin/users", { cookie, form: { intent: "create", email: "new.person@example.com", password: "a-long-password", roles: ["legal", "comms"] } }))),
    );
    expect(created.status).toBe(200);
    const [row] = await testDb.db.select().from(users).where(eq(users.email, "new.person@example.com"));
    expect(row.roles.sort()).toEqual(["comms", "legal"]);

    await call(() => adminAction(args(makeRequest("/admin/users", { cookie, form: { intent: "set-roles", userId: row.id, roles: "engineer" } }))));
    const [updated] = await testDb.db.select().from(users).where(eq(users.id, row.id));
    expect(updated.roles).toEqual(["engineer"]);

    const theirCookie = await cookieFor(context, { ...row, roles: updated.roles });
    await call(() => adminAction(args(makeRequest("/admin/users", { cookie, form: { intent: "set-active", userId: row.id, active: "false" } }))));
    const after = await call(() => casesLoader(args(makeRequest("/cases", { cookie: theirCookie }))));
    expect(after.status).toBe(302);
    const signIn = await call(() => signInAction(args(makeRequest("/sign-in", { form: { email: row.email, password: "a-long-password" } }))));
    expect(signIn.status).toBe(401);
  });

  it("rejects bad input with the field named, and writes nothing", async () => {
    const admin = await createTestUser(testDb.db, ["admin"]);
    const cookie = await cookieFor(context, admin);
    const response = await call(() =>
      adminAction(args(makeRequest("/admin/users", { cookie, form: { intent: "create", email: "not-an-email", password: "short" } }))),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.email).toBe("Enter a valid email address.");
    expect(body.errors.password).toBe("The password must be at least 10 characters.");
    expect(body.errors.roles).toBe("Choose at least one role.");
  });

  it("refuses a duplicate email", async () => {
    const admin = await createTestUser(testDb.db, ["admin"]);
    const cookie = await cookieFor(context, admin);
    const response = await call(() =>
      adminAction(args(makeRequest("/admin/users", { cookie, form: { intent: "create", email: admin.email, password: "a-long-password", roles: "comms" } }))),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(`A user with the email ${admin.email} already exists.`);
  });
});

describe("/healthz", () => {
  it("answers 200 when the database answers", async () => {
    const response = await call(() => healthLoader(args(makeRequest("/healthz"))));
    expect(response.status).toBe(200);
  });

  it("answers 503 when it does not", async () => {
    const broken = await createTestDb();
    await broken.close();
    const response = await call(() => healthLoader({ request: makeRequest("/healthz"), context: makeContext(broken.db), params: {} }));
    expect(response.status).toBe(503);
  });
});
