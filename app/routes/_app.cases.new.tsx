import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CaseFields } from "~/components/case-fields";
import { actorOf, createCase, listCaseOwners } from "~/models/case.server";
import { requirePermission } from "~/utils/auth.server";
import { NewCaseForm } from "~/utils/case-forms";
import { refusal } from "~/utils/case-routes.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "New case · Factdesk" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "edit:cases");
  const owners = await listCaseOwners(context.db);
  // The form's idempotency key: sending the same form twice opens one case.
  return json({ owners, defaultOwnerId: owners.some((o) => o.id === user.id) ? user.id : null, formKey: crypto.randomUUID() });
}

type ActionData = { ok: false; message?: string; errors?: FieldErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "edit:cases");
  try {
    const parsed = parseForm(NewCaseForm, await readForm(request));
    if (!parsed.ok) return json<ActionData>({ ok: false, errors: parsed.errors }, { status: 400 });
    const { id } = await createCase(context.db, actorOf(user, context.clientIp), {
      title: parsed.data.title,
      summary: parsed.data.summary,
      ownerId: parsed.data.ownerId ?? null,
      dueAt: parsed.data.dueAt,
      idempotencyKey: parsed.data.idempotencyKey,
    });
    return redirect(`/cases/${id}`);
  } catch (error) {
    return refusal(error, { intent: "create-case" });
  }
}

export default function NewCase() {
  const { owners, defaultOwnerId, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result?.errors ?? {};
  return (
    <>
      <p className="case-breadcrumb">
        <Link to="/cases">Cases</Link> / New case
      </p>
      <header className="page-header">
        <div>
          <h1>Open a case</h1>
          <p>One case per press story. You add its articles next.</p>
        </div>
      </header>
      {result?.message ? (
        <div className="alert alert-error" role="alert">
          {result.message}
        </div>
      ) : null}
      <section className="card case-form" aria-labelledby="new-case-heading">
        <h2 id="new-case-heading" className="visually-hidden">
          The case
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create-case" />
          <input type="hidden" name="idempotencyKey" value={formKey} />
          <CaseFields idPrefix="new-case" owners={owners} errors={errors} values={{ title: "", summary: "", ownerId: defaultOwnerId, dueAt: null }} />
          <div className="case-actions">
            <button className="btn" type="submit" disabled={navigation.state === "submitting"}>
              Open case
            </button>
            <Link to="/cases">Cancel</Link>
          </div>
        </Form>
      </section>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
