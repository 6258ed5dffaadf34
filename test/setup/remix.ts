/**
 * Route-test helpers: real Requests against exported loaders and actions, with a real database
 * in the load context and real signed session cookies.
 */
import type { AppLoadContext } from "@remix-run/node";
import type { Db } from "../../db/client";
import { createSession, createUser, type SessionUser } from "../../app/models/user.server";
import { serializeSessionCookie } from "../../app/utils/auth.server";

export const BASE = "http://factdesk.test";

export function makeContext(db: Db): AppLoadContext {
  return { db, sessionSecret: "test-secret-0123456789abcdef0123456789", demo: false };
}

let counter = 0;
/** A user with the given roles; a factory, so each call makes a new account. */
export async function createTestUser(db: Db, roles: string[], overrides: { email?: string; password?: string } = {}) {
  counter += 1;
  const password = overrides.password ?? "correct-horse-battery";
  const user = await createUser(db, {
    email: overrides.email ?? `${roles.join("-") || "user"}${counter}-${Date.now()}@example.com`,
    password,
    roles,
  });
  return { ...user, password };
}

export async function cookieFor(context: AppLoadContext, user: SessionUser): Promise<string> {
  const session = await createSession(context.db, user.id);
  const setCookie = await serializeSessionCookie(context, session.id, session.expiresAt, false);
  return setCookie.split(";")[0];
}

export interface RequestOptions {
  method?: string;
  form?: Record<string, string | string[]> | FormData;
  cookie?: string;
  /** The Origin header; defaults to this site for mutations. Pass null to send none. */
  origin?: string | null;
  headers?: Record<string, string>;
}

export function makeRequest(path: string, options: RequestOptions = {}): Request {
  const method = options.method ?? (options.form ? "POST" : "GET");
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (method !== "GET" && options.origin !== null) headers.set("Origin", options.origin ?? BASE);
  let body: BodyInit | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    }
    body = params;
  }
  return new Request(`${BASE}${path}`, { method, headers, body });
}

/** Runs a loader or action and returns the Response whether it was returned or thrown. */
export async function call(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await fn();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200, headers: { "Content-Type": "application/json" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export type { SessionUser };
