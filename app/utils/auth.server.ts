/**
 * Who is asking, and may they? Every loader and action calls `requireUser` or
 * `requirePermission` first; both also refuse cross-site mutations.
 */
import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import { can, type Permission } from "~/domain/roles";
import {
  createSession,
  deleteSession,
  getSessionUser,
  SESSION_TTL_SECONDS,
  type SessionUser,
} from "~/models/user.server";
import { requireSameOrigin } from "./csrf.server";

export const SESSION_COOKIE = "__factdesk_session";

function sessionCookie(secret: string) {
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secrets: [secret],
    maxAge: SESSION_TTL_SECONDS,
  });
}

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

async function readSessionId(request: Request, context: AppLoadContext): Promise<string | null> {
  const value = await sessionCookie(context.sessionSecret).parse(request.headers.get("cookie"));
  return typeof value === "string" ? value : null;
}

export async function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request, context);
  return sessionId ? getSessionUser(context.db, sessionId) : null;
}

// C0 and C1 control characters, DEL and backslashes: browsers strip or rewrite them in a
// Location, so "/\t/host" or "/\\host" would leave the site.
const UNSAFE_REDIRECT_CHARS = /[\u0000-\u001f\u007f-\u009f\\]/;
const REDIRECT_BASE = "http://factdesk.invalid";

/**
 * A same-origin path to return to after sign-in; anything else falls back to the home page.
 * The path is resolved against a placeholder origin and must keep it, so no spelling of
 * another host passes.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || UNSAFE_REDIRECT_CHARS.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  requireSameOrigin(request);
  const user = await getUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export function forbidden(message = "You do not have permission to do this."): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!can(user, permission)) {
    throw forbidden(`Your role does not allow this (it needs the “${permission}” permission). Ask an admin if you need it.`);
  }
  return user;
}

/** The signed Set-Cookie value for a session id. */
export function serializeSessionCookie(context: AppLoadContext, sessionId: string, expires: Date, secure: boolean) {
  return sessionCookie(context.sessionSecret).serialize(sessionId, { expires, secure });
}

/** Starts a session and redirects with its signed cookie. */
export async function signInAndRedirect(
  request: Request,
  context: AppLoadContext,
  userId: string,
  redirectTo: string,
): Promise<Response> {
  const session = await createSession(context.db, userId);
  const cookie = await serializeSessionCookie(context, session.id, session.expiresAt, isHttps(request));
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export async function signOutAndRedirect(request: Request, context: AppLoadContext): Promise<Response> {
  const sessionId = await readSessionId(request, context);
  if (sessionId) await deleteSession(context.db, sessionId);
  const cookie = await sessionCookie(context.sessionSecret).serialize("", { maxAge: 0, secure: isHttps(request) });
  return redirect("/sign-in", { headers: { "Set-Cookie": cookie } });
}
