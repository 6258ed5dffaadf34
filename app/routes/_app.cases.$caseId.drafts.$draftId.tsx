/**
 * The draft editor: a Markdown text area with its preview (rendered and sanitized on the server
 * by the one policy; live through drafts.preview with JavaScript, after "Preview" without), the
 * checks of the latest version beside it with waivers, claims not ready, citations, pre-approved
 * passages, snippets to insert, the version list with a redline between any two, and exports.
 * A save based on an old version comes back as a conflict with both texts side by side.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { Markdown } from "~/components/markdown";
import { renderMarkdown } from "~/domain/drafts";
import { can } from "~/domain/roles";
import { actorOf } from "~/models/case.server";
import { citationClaims, getDraftView, listSnippets, MAX_DRAFT_CHARS, saveDraftVersion, waiveFlag } from "~/models/draft.server";
import { isAppError, notFound, refusing } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { requireCan, requireId } from "~/utils/case-routes.server";
import { parseForm } from "~/utils/forms";
import { readFormOrRespond } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Draft · Factdesk" }];

const Id = z.uuid("That is not a valid id.");
const Body = z.string({ error: "Send the draft's text." }).max(MAX_DRAFT_CHARS, "The draft is too long.");

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), baseVersionId: Id, body: Body }),
  z.object({ intent: z.literal("preview"), baseVersionId: Id, body: Body }),
  z.object({ intent: z.literal("insert-snippet"), baseVersionId: Id, body: Body, snippetId: Id }),
  z.object({
    intent: z.literal("waive"),
    flagKey: z.string().min(1, "Choose a flag to waive.").max(2000, "That flag key is too long."),
    reason: z.string().trim().min(1, "Write why this flag can be waived.").max(2000, "A reason can be at most 2000 characters."),
  }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const caseId = requireId(params.caseId, "case");
  const draftId = requireId(params.draftId, "draft");
  const view = await getDraftView(context.db, caseId, draftId).catch((error: unknown) => {
    throw isAppError(error) && error.status === 404 ? notFound(error.message) : error;
  });
  const [snippets, citations] = await Promise.all([listSnippets(context.db, { approvedOnly: true }), citationClaims(context.db, view.current.citations)]);
  return json({
    caseId,
    draft: { id: view.draft.id, title: view.draft.title, kind: view.draft.kind, state: view.draft.state },
    current: { ...view.current, html: renderMarkdown(view.current.body) },
    versions: view.versions,
    flags: view.flags,
    citations,
    snippets: snippets.map((s) => ({ id: s.id, title: s.title, category: s.category })),
    canEdit: can(user, "edit:drafts") && view.draft.state === "draft",
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const caseId = requireId(params.caseId, "case");
  const draftId = requireId(params.draftId, "draft");
  requireCan(user, "edit:drafts");
  const form = await readFormOrRespond(request);
  if (!(form instanceof FormData)) return form;
  const parsed = parseForm(Intent, form);
  if (!parsed.ok) return json({ ok: false as const, intent: "form", message: Object.values(parsed.errors)[0] ?? "The form is incomplete.", errors: parsed.errors }, { status: 400 });
  const input = parsed.data;
  return refusing(
    async () => {
      switch (input.intent) {
        case "preview":
          if (input.body.includes("\u0000")) return json({ ok: false as const, intent: "preview", message: "The text contains a NUL character; remove it." }, { status: 400 });
          return json({ ok: true as const, intent: "preview", body: input.body, html: renderMarkdown(input.body) });
        case "save":
        case "insert-snippet":
          await saveDraftVersion(context.db, actorOf(user), {
            caseId,
            draftId,
            baseVersionId: input.baseVersionId,
            body: input.body,
            insertSnippetId: input.intent === "insert-snippet" ? input.snippetId : undefined,
          });
          return redirect(`/cases/${caseId}/drafts/${draftId}`);
        case "waive":
          await waiveFlag(context.db, actorOf(user), { caseId, draftId, flagKey: input.flagKey, reason: input.reason });
          return redirect(`/cases/${caseId}/drafts/${draftId}#checks`);
      }
    },
    { intent: input.intent, body: "body" in input ? input.body : undefined },
  );
}

function LivePreview({ body, initialHtml }: { body: string; initialHtml: string }) {
  const fetcher = useFetcher<{ ok: boolean; html?: string }>();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => fetcher.submit({ body }, { method: "post", action: "/drafts/preview" }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body]);
  return <Markdown html={fetcher.data?.html ?? initialHtml} id="draft-preview" />;
}

export default function DraftEditor() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    | { ok: true; intent: "preview"; body: string; html: string }
    | { ok: false; intent?: string; message: string; body?: string; errors?: Record<string, string>; details?: { latestBody?: string; latestNumber?: number; latestVersionId?: string; latestAuthor?: string | null; yours?: string } }
    | undefined;
  const busy = useNavigation().state === "submitting";
  const posted = result && "body" in result && typeof result.body === "string" ? result.body : undefined;
  const [body, setBody] = useState(posted ?? data.current.body);
  useEffect(() => setBody(posted ?? data.current.body), [posted, data.current.body]);
  const conflict = result && !result.ok && result.details?.latestBody !== undefined ? result.details : undefined;
  const previewHtml = result && result.ok && result.intent === "preview" ? result.html : data.current.html;
  const open = data.flags.filter((f) => !f.waiver);
  const waived = data.flags.filter((f) => f.waiver);

  return (
    <section className="draft-editor" aria-labelledby="draft-title">
      <p className="case-breadcrumb">
        <Link to={`/cases/${data.caseId}/drafts`}>Drafts</Link> / <span aria-current="page">{data.draft.title}</span>
      </p>
      <h2 id="draft-title">
        {data.draft.title} <span className="badge">{data.draft.kind === "holding" ? "Holding statement" : "Statement"}</span>{" "}
        <span className="badge">{data.draft.state.replace(/_/g, " ")}</span>
      </h2>
      <p className="muted">
        Version {data.current.number}, saved by {data.current.authorEmail ?? "someone"} at {new Date(data.current.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC · SHA-256{" "}
        <code>{data.current.hash.slice(0, 12)}</code> · Export: <a href={`/cases/${data.caseId}/drafts/${data.draft.id}/export?version=${data.current.number}&format=md`}>Markdown</a> ·{" "}
        <a href={`/cases/${data.caseId}/drafts/${data.draft.id}/export?version=${data.current.number}&format=html`}>HTML for print</a>
      </p>

      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.message}
        </p>
      ) : null}

      {conflict ? (
        <section className="draft-conflict" aria-labelledby="conflict-heading">
          <h3 id="conflict-heading">Conflict: version {conflict.latestNumber} was saved while you edited</h3>
          <div className="side-by-side">
            <div>
              <h4>Latest (version {conflict.latestNumber}, by {conflict.latestAuthor ?? "someone"})</h4>
              <pre className="draft-text">{conflict.latestBody}</pre>
              <Link to={`/cases/${data.caseId}/drafts/${data.draft.id}`}>Keep the latest and discard mine</Link>
            </div>
            <div>
              <h4>Yours (not saved)</h4>
              <pre className="draft-text">{conflict.yours}</pre>
              <Form method="post">
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="baseVersionId" value={conflict.latestVersionId} />
                <input type="hidden" name="body" value={conflict.yours} />
                <button type="submit" disabled={busy}>
                  Save mine as the next version
                </button>
              </Form>
            </div>
          </div>
        </section>
      ) : null}

      <div className="draft-columns">
        <div className="draft-main">
          {data.canEdit ? (
            <Form method="post" className="draft-form">
              <input type="hidden" name="baseVersionId" value={data.current.id} />
              <label htmlFor="draft-body">Text (Markdown; citation markers like [^c1] link a sentence to its claim and evidence)</label>
              <textarea id="draft-body" name="body" rows={24} value={body} onChange={(e) => setBody(e.target.value)} maxLength={MAX_DRAFT_CHARS} />
              <div className="form-actions">
                <button type="submit" name="intent" value="save" disabled={busy}>
                  Save new version
                </button>
                <button type="submit" name="intent" value="preview" className="secondary" disabled={busy}>
                  Preview
                </button>
              </div>
              {data.snippets.length ? (
                <div className="snippet-insert">
                  <label htmlFor="snippet-id">Pre-approved snippet</label>
                  <select id="snippet-id" name="snippetId">
                    {data.snippets.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title}
                      </option>
                    ))}
                  </select>
                  <button type="submit" name="intent" value="insert-snippet" className="secondary" disabled={busy}>
                    Insert at the end and save
                  </button>
                </div>
              ) : (
                <p className="muted">No approved snippets yet. Legal and admins add them in the <Link to="/snippets">snippet library</Link>.</p>
              )}
            </Form>
          ) : (
            <p className="muted">You can read this draft; comms and admins edit it.</p>
          )}
          <h3>Preview</h3>
          {data.canEdit ? <LivePreview key={previewHtml} body={body} initialHtml={previewHtml} /> : <Markdown html={previewHtml} id="draft-preview" />}
          {data.citations.length ? (
            <ol className="citations" aria-label="Citations">
              {data.citations.map((c) => (
                <li key={c.marker} id={`cite-${c.marker}`}>
                  <strong>{c.marker}</strong>: claim “{c.claim?.text ?? "removed"}” ({c.claim?.verdict ?? "no verdict"}); records {c.incidentIds.join(", ") || "none"}{" "}
                  <span className="badge">internal reference, dropped from the public text</span>
                </li>
              ))}
            </ol>
          ) : null}
        </div>

        <aside className="draft-side" aria-labelledby="checks-heading" id="checks">
          <h3 id="checks-heading">Checks</h3>
          {open.length === 0 ? <p className="empty-state">No open flags on version {data.current.number}.</p> : null}
          <ul className="draft-flags">
            {open.map((f) => (
              <li key={f.key} className={`flag flag-${f.kind}`}>
                <span className="badge">{f.kind}</span> {f.text ? <mark>{f.text}</mark> : null} <span className="muted">(characters {f.start}–{f.end})</span>
                <div>{f.reason}</div>
                {data.canEdit ? (
                  <Form method="post" className="waive-form">
                    <input type="hidden" name="intent" value="waive" />
                    <input type="hidden" name="flagKey" value={f.key} />
                    <label htmlFor={`waive-${f.key}`}>Reason to waive</label>
                    <input id={`waive-${f.key}`} name="reason" required minLength={10} maxLength={2000} />
                    <button type="submit" className="secondary" disabled={busy}>
                      Waive
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {waived.length ? (
            <>
              <h4>Waived</h4>
              <ul className="draft-flags">
                {waived.map((f) => (
                  <li key={f.key}>
                    <span className="badge">{f.kind}</span> {f.text ? <mark>{f.text}</mark> : null} — waived by {f.waiver!.waivedBy ?? "someone"}: {f.waiver!.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.current.notReady.length ? (
            <>
              <h4>Not ready</h4>
              <ul>
                {data.current.notReady.map((n) => (
                  <li key={n.claimId}>
                    “{n.text}”: {n.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>Pre-approved passages</h4>
          {data.current.snippetRefs.length ? (
            <ul>
              {data.current.snippetRefs.map((r) => (
                <li key={r.snippetId}>
                  <span className="badge">pre-approved</span> {r.title}, approved {r.approvedAt ? r.approvedAt.slice(0, 10) : ""} (hash <code>{r.hash.slice(0, 12)}</code>)
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None: no passage of this version is an approved snippet, word for word.</p>
          )}
          <h4>Versions</h4>
          <Form method="get" action={`/cases/${data.caseId}/drafts/${data.draft.id}/diff`} className="version-diff-form">
            <ol className="version-list" reversed>
              {data.versions.map((v) => (
                <li key={v.id}>
                  Version {v.number} by {v.authorEmail ?? "someone"}, {new Date(v.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC
                </li>
              ))}
            </ol>
            {data.versions.length > 1 ? (
              <>
                <label htmlFor="diff-from">Compare version</label>
                <select id="diff-from" name="from" defaultValue={String(data.versions[1]!.number)}>
                  {data.versions.map((v) => (
                    <option key={v.id} value={v.number}>
                      {v.number}
                    </option>
                  ))}
                </select>
                <label htmlFor="diff-to">with</label>
                <select id="diff-to" name="to" defaultValue={String(data.versions[0]!.number)}>
                  {data.versions.map((v) => (
                    <option key={v.id} value={v.number}>
                      {v.number}
                    </option>
                  ))}
                </select>
                <button type="submit" className="secondary">
                  Show redline
                </button>
              </>
            ) : null}
          </Form>
        </aside>
      </div>
    </section>
  );
}
