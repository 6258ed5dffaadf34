/**
 * A case's drafts: the list, "Generate statement" from the verdicts and confirmed evidence, and
 * "New holding statement" (from an approved holding snippet or the default wording), which
 * needs no claim to be ready. Comms and admins create; everyone who sees the case reads.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/domain/roles";
import { actorOf } from "~/models/case.server";
import { createHoldingDraft, generateCaseDraft, listCaseDrafts, listSnippets } from "~/models/draft.server";
import { findCase } from "~/models/evidence.server";
import { refusing } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { requireCan, requireId } from "~/utils/case-routes.server";
import { parseForm } from "~/utils/forms";
import { readFormOrRespond } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Drafts · Factdesk" }];

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("generate"), outlet: z.string().trim().max(200, "The outlet's name can be at most 200 characters.").optional().default("") }),
  z.object({ intent: z.literal("holding"), snippetId: z.union([z.literal(""), z.uuid("Choose a snippet from the list.")]).optional().default("") }),
]);

async function requireCase(db: LoaderFunctionArgs["context"]["db"], caseId: string | undefined) {
  const found = await findCase(db, requireId(caseId, "case"));
  if (!found) throw new Response("There is no such case.", { status: 404, statusText: "Not Found" });
  return found;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const found = await requireCase(context.db, params.caseId);
  const [drafts, holdingSnippets] = await Promise.all([listCaseDrafts(context.db, found.id), listSnippets(context.db, { approvedOnly: true })]);
  return json({ caseId: found.id, drafts, holdingSnippets: holdingSnippets.filter((s) => s.category === "holding"), canEdit: can(user, "edit:drafts") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const found = await requireCase(context.db, params.caseId);
  requireCan(user, "edit:drafts");
  const form = await readFormOrRespond(request);
  if (!(form instanceof FormData)) return form;
  const parsed = parseForm(Intent, form);
  if (!parsed.ok) return json({ ok: false as const, message: Object.values(parsed.errors)[0] ?? "The form is incomplete.", errors: parsed.errors }, { status: 400 });
  const input = parsed.data;
  return refusing(
    async () => {
      const { draftId } =
        input.intent === "generate"
          ? await generateCaseDraft(context.db, actorOf(user), found.id, { outlet: input.outlet || undefined })
          : await createHoldingDraft(context.db, actorOf(user), found.id, input.snippetId || undefined);
      return redirect(`/cases/${found.id}/drafts/${draftId}`);
    },
    { intent: input.intent },
  );
}

export default function CaseDrafts() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="drafts-heading" className="drafts">
      <h2 id="drafts-heading">Drafts</h2>
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.message}
        </p>
      ) : null}
      {data.drafts.length === 0 ? (
        <p className="empty-state">No drafts yet. {data.canEdit ? "Generate a statement from the checked claims, or start a holding statement now." : "Comms writes the statement here."}</p>
      ) : (
        <ul className="draft-list">
          {data.drafts.map((d) => (
            <li key={d.id}>
              <Link to={`/cases/${data.caseId}/drafts/${d.id}`}>{d.title}</Link> <span className="badge">{d.kind === "holding" ? "Holding statement" : "Statement"}</span>{" "}
              <span className="badge">{d.state.replace(/_/g, " ")}</span> <span className="muted">version {d.number ?? 1}</span>
            </li>
          ))}
        </ul>
      )}
      {data.canEdit ? (
        <div className="draft-actions">
          <Form method="post">
            <input type="hidden" name="intent" value="generate" />
            <label htmlFor="draft-outlet">Outlet that published the story (optional)</label>
            <input id="draft-outlet" name="outlet" maxLength={200} />
            <button type="submit" disabled={busy}>
              Generate statement
            </button>
            <p className="muted">Uses only the claims with a verdict and confirmed evidence; the others are listed as not ready.</p>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="holding" />
            <label htmlFor="holding-snippet">Holding statement wording</label>
            <select id="holding-snippet" name="snippetId" defaultValue="">
              <option value="">Default wording</option>
              {data.holdingSnippets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} (approved)
                </option>
              ))}
            </select>
            <button type="submit" disabled={busy}>
              New holding statement
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
