import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ROLE_LABELS, ROLES } from "~/domain/roles";
import { createUser, listUsers, MAX_EMAIL_CHARS, MAX_PASSWORD_CHARS, setUserActive, setUserRoles } from "~/models/user.server";
import { toActionResult } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Users · Admin · Factdesk" }];

const RolesField = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(ROLES)).min(1, "Choose at least one role."),
);

const Intent = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    email: z.string().trim().max(MAX_EMAIL_CHARS, `An email address is at most ${MAX_EMAIL_CHARS} characters.`).email("Enter a valid email address."),
    name: z.string().trim().max(200, "Keep the name under 200 characters.").optional(),
    password: z.string().min(10, "The password must be at least 10 characters.").max(MAX_PASSWORD_CHARS, `A password is at most ${MAX_PASSWORD_CHARS} characters.`),
    roles: RolesField,
  }),
  z.object({ intent: z.literal("set-roles"), userId: z.string().uuid(), roles: RolesField }),
  z.object({ intent: z.literal("set-active"), userId: z.string().uuid(), active: z.enum(["true", "false"]) }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "manage:users");
  const users = await listUsers(context.db);
  return json({ me, users });
}

type ActionData = { ok: boolean; message?: string; errors?: FieldErrors; intent?: string; userId?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const me = await requirePermission(request, context, "manage:users");
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    return toActionResult(error);
  }
  const parsed = parseForm(Intent, form);
  const intent = String(form.get("intent") ?? "");
  const userId = String(form.get("userId") ?? "");
  if (!parsed.ok) return json<ActionData>({ ok: false, errors: parsed.errors, intent, userId }, { status: 400 });
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "create": {
        const user = await createUser(context.db, input);
        return json<ActionData>({ ok: true, intent, message: `Created ${user.email}.` });
      }
      case "set-roles": {
        if (input.userId === me.id && !input.roles.includes("admin")) {
          return json<ActionData>({ ok: false, intent, userId, message: "You cannot remove your own admin role." }, { status: 409 });
        }
        await setUserRoles(context.db, input.userId, input.roles);
        return json<ActionData>({ ok: true, intent, userId, message: "Roles saved." });
      }
      case "set-active": {
        if (input.userId === me.id) {
          return json<ActionData>({ ok: false, intent, userId, message: "You cannot deactivate yourself." }, { status: 409 });
        }
        await setUserActive(context.db, input.userId, input.active === "true");
        return json<ActionData>({ ok: true, intent, userId, message: input.active === "true" ? "User reactivated." : "User deactivated; their sessions were ended." });
      }
    }
  } catch (error) {
    return toActionResult(error, { intent, userId });
  }
}

export default function AdminUsers() {
  const { me, users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const createErrors = result?.intent === "create" ? (result.errors ?? {}) : {};
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Users</h1>
          <p>Who can sign in, and what each may do.</p>
        </div>
      </header>
      {result?.message ? (
        <div className={`alert ${result.ok ? "alert-ok" : "alert-error"}`} role={result.ok ? "status" : "alert"}>
          {result.message}
        </div>
      ) : null}
      <div className="table-wrap" style={{ marginBottom: "1.5rem" }}>
        <table>
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <strong>{u.name}</strong>
                  <div className="small muted">{u.email}</div>
                </td>
                <td>
                  <Form method="post" className="checks" aria-label={`Roles of ${u.email}`}>
                    <input type="hidden" name="intent" value="set-roles" />
                    <input type="hidden" name="userId" value={u.id} />
                    {ROLES.map((role) => (
                      <label key={role}>
                        <input type="checkbox" name="roles" value={role} defaultChecked={u.roles.includes(role)} />
                        {ROLE_LABELS[role]}
                      </label>
                    ))}
                    <button className="btn btn-secondary btn-small" type="submit">
                      Save roles
                    </button>
                    {result?.intent === "set-roles" && result.userId === u.id && result.errors?.roles ? (
                      <p className="field-error">{result.errors.roles}</p>
                    ) : null}
                  </Form>
                </td>
                <td>
                  <span className={`badge ${u.active ? "badge-ok" : "badge-danger"}`}>{u.active ? "Active" : "Deactivated"}</span>
                  {u.id !== me.id ? (
                    <Form method="post" style={{ display: "inline" }}>
                      <input type="hidden" name="intent" value="set-active" />
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                      <button className={`btn btn-small ${u.active ? "btn-danger" : "btn-secondary"}`} type="submit">
                        {u.active ? "Deactivate" : "Reactivate"}
                      </button>
                    </Form>
                  ) : (
                    <span className="small muted"> (you)</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-user">
        <h2 id="new-user">Add a user</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          <div className="grid-2">
            <div className="field">
              <label htmlFor="new-email">Email</label>
              <input id="new-email" name="email" type="email" required aria-invalid={createErrors.email ? true : undefined} aria-describedby="new-email-error" />
              {createErrors.email ? <p className="field-error" id="new-email-error">{createErrors.email}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="new-name">Name</label>
              <input id="new-name" name="name" type="text" />
            </div>
          </div>
          <div className="field">
            <label htmlFor="new-password">Initial password</label>
            <input id="new-password" name="password" type="password" autoComplete="new-password" required aria-invalid={createErrors.password ? true : undefined} aria-describedby="new-password-hint new-password-error" />
            <span className="hint" id="new-password-hint">At least 10 characters. Share it with the user privately.</span>
            {createErrors.password ? <p className="field-error" id="new-password-error">{createErrors.password}</p> : null}
          </div>
          <fieldset>
            <legend>Roles</legend>
            <div className="checks">
              {ROLES.map((role) => (
                <label key={role}>
                  <input type="checkbox" name="roles" value={role} defaultChecked={role === "comms"} />
                  {ROLE_LABELS[role]}
                </label>
              ))}
            </div>
            {createErrors.roles ? <p className="field-error">{createErrors.roles}</p> : null}
          </fieldset>
          <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
            Add user
          </button>
        </Form>
      </section>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
