import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { DEMO_PASSWORD, DEMO_USERS } from "~/models/demo.server";
import { MAX_EMAIL_CHARS, MAX_PASSWORD_CHARS, verifySignIn } from "~/models/user.server";
import { getUser, safeRedirect, signInAndRedirect } from "~/utils/auth.server";
import { isAppError } from "~/utils/app-error";
import { requireSameOrigin } from "~/utils/csrf.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Factdesk" }];


const SignInSchema = z.object({
  email: z
    .string({ error: "Enter your email address." })
    .trim()
    .min(1, "Enter your email address.")
    .max(MAX_EMAIL_CHARS, `An email address is at most ${MAX_EMAIL_CHARS} characters.`),
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(MAX_PASSWORD_CHARS, `A password is at most ${MAX_PASSWORD_CHARS} characters.`),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (user) throw redirect(redirectTo);
  return json({ demo: context.demo ? { accounts: DEMO_USERS.map((u) => u.email), password: DEMO_PASSWORD } : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireSameOrigin(request);
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const errors: Record<string, string> = error.field ? { [error.field]: error.message } : {};
    return json({ errors, message: error.message }, { status: error.status });
  }
  const parsed = parseForm(SignInSchema, form);
  if (!parsed.ok) return json({ errors: parsed.errors, message: null }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const result = await verifySignIn(context.db, email, password);
  if (!result.ok) {
    if (result.reason === "throttled") {
      return json(
        { errors: {}, message: `Too many failed sign-ins for this email. Try again in ${result.retryAfterSeconds} seconds.` },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return json({ errors: {}, message: "That email and password do not match an active account." }, { status: 401 });
  }
  return signInAndRedirect(request, context, result.user.id, safeRedirect(redirectTo));
}

export default function SignIn() {
  const { demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const busy = navigation.state === "submitting";
  return (
    <main id="main" className="main-narrow">
      <div className="card auth-card">
        <h1>Sign in to Factdesk</h1>
        {demo ? (
          <div className="demo-box" role="note">
            <strong>Demo workspace.</strong> Sign in as any of these with the password <code>{demo.password}</code>:
            <ul>
              {demo.accounts.map((a) => (
                <li key={a}>
                  <code>{a}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {actionData?.message ? (
          <div className="alert alert-error" role="alert">
            {actionData.message}
          </div>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "email-error" : undefined}
            />
            {errors.email ? (
              <p className="field-error" id="email-error">
                {errors.email}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? "password-error" : undefined}
            />
            {errors.password ? (
              <p className="field-error" id="password-error">
                {errors.password}
              </p>
            ) : null}
          </div>
          <button className="btn" type="submit" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </Form>
      </div>
    </main>
  );
}
