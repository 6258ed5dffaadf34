/**
 * The snippet library (pre-approved language: holding statements and standard sentences) and the
 * generator's template. Everyone who sees cases reads both; legal and admins manage snippets
 * (an edit clears the approval until someone approves the new words); comms and admins edit the
 * template.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Markdown } from "~/components/markdown";
import { DEFAULT_STATEMENT_TEMPLATE, renderMarkdown, STATEMENT_TEMPLATE_KEYS } from "~/domain/drafts";
import { can } from "~/domain/roles";
import { actorOf } from "~/models/case.server";
import { approveSnippet, archiveSnippet, createSnippet, getStatementTemplate, listSnippets, saveStatementTemplate, updateSnippet } from "~/models/draft.server";
import { refusing } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { requireCan } from "~/utils/case-routes.server";
import { formToObject, parseForm } from "~/utils/forms";
import { readFormOrRespond } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Snippets and template · Factdesk" }];

const Id = z.uuid("That is not a valid id.");
const Fields = {
  title: z.string().trim().min(1, "Give the snippet a title.").max(200, "The title can be at most 200 characters."),
  body: z.string().trim().min(1, "The snippet's text is empty.").max(10_000, "A snippet can be at most 10,000 characters."),
  category: z.enum(["holding", "sentence"], { error: 'Choose "holding" or "sentence".' }),
};
const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), ...Fields, approve: z.string().optional() }),
  z.object({ intent: z.literal("update"), id: Id, expectedHash: z.string().length(64, "Reload the page and edit again."), ...Fields }),
  z.object({ intent: z.literal("approve"), id: Id, expectedHash: z.string().length(64, "Reload the page and approve again.") }),
  z.object({ intent: z.literal("archive"), id: Id }),
  z.object({ intent: z.literal("template") }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const [snippets, template] = await Promise.all([listSnippets(context.db), getStatementTemplate(context.db)]);
  return json({
    snippets: snippets.map((s) => ({ ...s, html: renderMarkdown(s.body) })),
    template,
    canManage: can(user, "manage:snippets"),
    canEditTemplate: can(user, "edit:drafts"),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const form = await readFormOrRespond(request);
  if (!(form instanceof FormData)) return form;
  const parsed = parseForm(Intent, form);
  if (!parsed.ok) return json({ ok: false as const, message: Object.values(parsed.errors)[0] ?? "The form is incomplete.", errors: parsed.errors }, { status: 400 });
  const input = parsed.data;
  requireCan(user, input.intent === "template" ? "edit:drafts" : "manage:snippets");
  const actor = actorOf(user);
  return refusing(
    async () => {
      switch (input.intent) {
        case "create":
          await createSnippet(context.db, actor, { title: input.title, body: input.body, category: input.category, approve: input.approve === "on" });
          break;
        case "update":
          await updateSnippet(context.db, actor, input.id, input);
          break;
        case "approve":
          await approveSnippet(context.db, actor, input.id, input.expectedHash);
          break;
        case "archive":
          await archiveSnippet(context.db, actor, input.id);
          break;
        case "template": {
          const values = formToObject(form);
          const strings = Object.fromEntries(STATEMENT_TEMPLATE_KEYS.flatMap((k) => (typeof values[k] === "string" ? [[k, values[k] as string]] : [])));
          await saveStatementTemplate(context.db, actor, strings);
          break;
        }
      }
      return redirect("/snippets");
    },
    { intent: input.intent },
  );
}

export default function Snippets() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="snippets-heading">
      <h1 id="snippets-heading">Snippets</h1>
      <p className="muted">Pre-approved language. Inserting one into a draft keeps a reference to its approval; editing one clears the approval until it is approved again.</p>
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.message}
        </p>
      ) : null}
      {data.snippets.length === 0 ? <p className="empty-state">No snippets yet.{data.canManage ? " Add the first one below." : " Legal and admins add them."}</p> : null}
      <ul className="snippet-list">
        {data.snippets.map((s) => (
          <li key={s.id}>
            <h2>
              {s.title} <span className="badge">{s.category}</span>{" "}
              {s.approvedAt ? <span className="badge">pre-approved by {s.approvedBy ?? "someone"}</span> : <span className="badge">not approved</span>}
            </h2>
            <Markdown html={s.html} />
            {data.canManage ? (
              <details>
                <summary>Edit</summary>
                <Form method="post">
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="expectedHash" value={s.hash} />
                  <label htmlFor={`title-${s.id}`}>Title</label>
                  <input id={`title-${s.id}`} name="title" defaultValue={s.title} required maxLength={200} />
                  <label htmlFor={`category-${s.id}`}>Category</label>
                  <select id={`category-${s.id}`} name="category" defaultValue={s.category}>
                    <option value="holding">holding</option>
                    <option value="sentence">sentence</option>
                  </select>
                  <label htmlFor={`body-${s.id}`}>Text</label>
                  <textarea id={`body-${s.id}`} name="body" defaultValue={s.body} rows={5} required maxLength={10000} />
                  <button type="submit" disabled={busy}>
                    Save (clears the approval if the words change)
                  </button>
                </Form>
              </details>
            ) : null}
            {data.canManage && !s.approvedAt ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="approve" />
                <input type="hidden" name="id" value={s.id} />
                <input type="hidden" name="expectedHash" value={s.hash} />
                <button type="submit" disabled={busy}>
                  Approve these words
                </button>
              </Form>
            ) : null}
            {data.canManage ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="archive" />
                <input type="hidden" name="id" value={s.id} />
                <button type="submit" className="secondary" disabled={busy}>
                  Archive
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {data.canManage ? (
        <Form method="post" className="snippet-new">
          <h2>New snippet</h2>
          <input type="hidden" name="intent" value="create" />
          <label htmlFor="new-title">Title</label>
          <input id="new-title" name="title" required maxLength={200} />
          <label htmlFor="new-category">Category</label>
          <select id="new-category" name="category" defaultValue="sentence">
            <option value="holding">holding</option>
            <option value="sentence">sentence</option>
          </select>
          <label htmlFor="new-body">Text (Markdown)</label>
          <textarea id="new-body" name="body" rows={5} required maxLength={10000} />
          <label>
            <input type="checkbox" name="approve" defaultChecked /> Approve now
          </label>
          <button type="submit" disabled={busy}>
            Add snippet
          </button>
        </Form>
      ) : null}

      <h1 id="template-heading">Statement template</h1>
      <p className="muted">The wording the generator uses. Placeholders in braces ({"{quote}"}, {"{verdict}"}, {"{date}"} …) are filled in; leave them as they are.</p>
      <Form method="post" aria-labelledby="template-heading" className="template-form">
        <input type="hidden" name="intent" value="template" />
        {STATEMENT_TEMPLATE_KEYS.map((key) => (
          <div key={key}>
            <label htmlFor={`tpl-${key}`}>{key}</label>
            <textarea id={`tpl-${key}`} name={key} defaultValue={data.template[key]} rows={2} maxLength={2000} readOnly={!data.canEditTemplate} placeholder={DEFAULT_STATEMENT_TEMPLATE[key]} />
          </div>
        ))}
        {data.canEditTemplate ? (
          <button type="submit" disabled={busy}>
            Save template
          </button>
        ) : null}
      </Form>
    </section>
  );
}
