import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArticleBody, type ArticleMark, type MarkTone } from "~/components/article-body";
import { ReviewBadge } from "~/components/case-badges";
import { ClaimPanel } from "~/components/claim-panel";
import { SelectionClaim } from "~/components/selection-claim";
import { formatDay } from "~/domain/case-due";
import { can } from "~/domain/roles";
import { actorOf } from "~/models/case.server";
import {
  addClaimFromSelection,
  assignClaim,
  editClaimText,
  listCaseClaims,
  listEngineers,
  mergeClaims,
  setClaimReview,
  setClaimStatus,
  splitClaim,
  type CaseClaim,
} from "~/models/claim.server";
import { getSource } from "~/models/source.server";
import { requirePermission } from "~/utils/auth.server";
import { ClaimIntent } from "~/utils/case-forms";
import { refusal, requireId, type FailureData } from "~/utils/case-routes.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.source.title || "Article"} · Factdesk` }];

/** What the page says after each action (the action redirects here with ?done=…). */
const DONE_MESSAGES: Record<string, string> = {
  accept: "Claim accepted and analysed; its suggestion is on the Evidence tab.",
  dismiss: "Claim dismissed.",
  reopen: "Claim put back to proposed.",
  edit: "Wording saved; the quote is unchanged.",
  split: "Claim split in two and both parts analysed. This claim kept the first part; the second is highlighted after it.",
  merge: "Claims merged into this one.",
  created: "Claim added from your selection and analysed; its suggestion is on the Evidence tab.",
  appearance: "That passage is the same as a claim already in the case, so it was added as another appearance of that claim.",
  exists: "That passage already is a claim; here it is.",
  assign: "Assignment saved.",
  status: "Status saved.",
};

function toneOf(claim: Pick<CaseClaim, "review" | "belowThreshold">): MarkTone {
  if (claim.review === "dismissed") return "dismissed";
  if (claim.review === "accepted") return "accepted";
  return claim.belowThreshold ? "below" : "proposed";
}

function count(params: URLSearchParams, name: string): number {
  const n = Number(params.get(name));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const caseId = requireId(params.caseId, "case");
  const sourceId = requireId(params.sourceId, "source");
  const source = await getSource(context.db, caseId, sourceId);
  if (!source) throw new Response("There is no such article in this case.", { status: 404, statusText: "Not Found" });
  const [claims, engineers] = await Promise.all([listCaseClaims(context.db, caseId), listEngineers(context.db)]);
  const url = new URL(request.url);
  const showAll = url.searchParams.get("all") === "1";
  const wanted = url.searchParams.get("claim");
  const selected = claims.find((c) => c.id === wanted) ?? null;
  const inSource = claims.filter((c) => c.appearances.some((a) => a.sourceId === sourceId));
  const marks: ArticleMark[] = inSource
    .filter((c) => showAll || !c.belowThreshold || c.id === selected?.id)
    .flatMap((c) =>
      c.appearances
        .filter((a) => a.sourceId === sourceId)
        .map((a) => ({ id: a.id, claimId: c.id, start: a.start, end: a.end, label: c.text, tone: toneOf(c) })),
    );
  const listed = inSource
    .filter((c) => showAll || !c.belowThreshold)
    .map((c) => ({ id: c.id, text: c.text, review: c.review, belowThreshold: c.belowThreshold }));
  const done = url.searchParams.get("done");
  return json({
    caseId,
    source,
    marks,
    listed,
    hiddenCount: inSource.filter((c) => c.belowThreshold).length,
    selected: selected ? (({ facts: _facts, ...c }) => c)(selected) : null,
    selectedMissing: !!wanted && !selected,
    mergeOptions: claims.filter((c) => c.id !== selected?.id).map((c) => ({ id: c.id, text: c.text, belowThreshold: c.belowThreshold })),
    engineers: engineers.map(({ id, name }) => ({ id, name })),
    showAll,
    canEdit: can(user, "edit:claims"),
    added: url.searchParams.has("added")
      ? { checkWorthy: count(url.searchParams, "added"), linked: count(url.searchParams, "linked"), earlier: count(url.searchParams, "earlier"), stripped: count(url.searchParams, "stripped"), analyzed: url.searchParams.get("analysed") === "1" }
      : null,
    doneMessage: done ? (DONE_MESSAGES[done] ?? null) : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "edit:claims");
  const caseId = requireId(params.caseId, "case");
  const sourceId = requireId(params.sourceId, "source");
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (error) {
    return refusal(error, { intent: "add" });
  }
  const intent = String(form.get("intent") ?? "");
  const claimId = String(form.get("claimId") ?? "") || undefined;
  const parsed = parseForm(ClaimIntent, form);
  if (!parsed.ok) {
    const [field, message] = Object.entries(parsed.errors)[0];
    return json<FailureData>({ ok: false, intent, claimId, message, field, errors: parsed.errors }, { status: 400 });
  }
  const input = parsed.data;
  const actor = actorOf(user, context.clientIp);
  const all = new URL(request.url).searchParams.get("all") === "1";
  const back = (id: string, done: string) =>
    redirect(`/cases/${caseId}/sources/${sourceId}?${new URLSearchParams({ ...(all ? { all: "1" } : {}), claim: id, done })}`);
  try {
    switch (input.intent) {
      case "accept":
      case "dismiss":
      case "reopen": {
        const review = input.intent === "accept" ? "accepted" : input.intent === "dismiss" ? "dismissed" : "proposed";
        await setClaimReview(context.db, actor, caseId, input.claimId, review);
        return back(input.claimId, input.intent);
      }
      case "edit":
        await editClaimText(context.db, actor, caseId, input.claimId, input.text, input.basedOn);
        return back(input.claimId, "edit");
      case "split": {
        const { firstId } = await splitClaim(context.db, actor, caseId, input.claimId, { offset: input.offset, appearanceId: input.appearanceId });
        return back(firstId, "split");
      }
      case "merge":
        await mergeClaims(context.db, actor, caseId, input.claimId, input.mergeIds);
        return back(input.claimId, "merge");
      case "add": {
        const byOffsets = input.start !== undefined && input.end !== undefined;
        if (!byOffsets && !input.quote?.trim()) {
          const message = "Select text in the article, or give the exact quote (or its start and end positions).";
          return json<FailureData>({ ok: false, intent, message, field: "quote", errors: { quote: message } }, { status: 400 });
        }
        const selection = byOffsets ? { start: input.start!, end: input.end! } : { quote: input.quote! };
        const added = await addClaimFromSelection(context.db, actor, caseId, sourceId, selection);
        return back(added.claimId, added.outcome);
      }
      case "assign":
        await assignClaim(context.db, actor, caseId, input.claimId, input.assigneeId ?? null);
        return back(input.claimId, "assign");
      case "status":
        await setClaimStatus(context.db, actor, caseId, input.claimId, input.status);
        return back(input.claimId, "status");
    }
  } catch (error) {
    return refusal(error, { intent, claimId });
  }
}

function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export default function SourceReader() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { source, caseId } = data;
  const query = (claimId: string) => `?${new URLSearchParams({ ...(data.showAll ? { all: "1" } : {}), claim: claimId })}`;
  const toggle = new URLSearchParams({ ...(data.showAll ? {} : { all: "1" }), ...(data.selected ? { claim: data.selected.id } : {}) });
  const addFailure = failure && failure.intent === "add" ? failure : null;
  const panelFailure = failure && failure.intent !== "add" ? failure : null;
  const meta = [source.outlet, source.author ? `by ${source.author}` : null, source.publishedAt ? formatDay(source.publishedAt) : null].filter(Boolean);

  return (
    <div className="reader-layout">
      <article className="card reader" aria-labelledby="source-title">
        <header className="reader-header">
          <p className="case-breadcrumb">
            <Link to={`/cases/${caseId}`}>All sources</Link>
          </p>
          <h2 id="source-title">{source.title || "Untitled article"}</h2>
          <p className="source-meta">
            {meta.join(" · ") || "No outlet or author given"}
            <span className="badge">{source.format}</span>
            {source.url && isWebAddress(source.url) ? (
              <a href={source.url} rel="noopener noreferrer nofollow" target="_blank" className="case-break">
                Original article<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : null}
          </p>
        </header>

        {data.added ? (
          <div className="alert alert-ok" role="status">
            Source added: {data.added.checkWorthy} check-worthy claim{data.added.checkWorthy === 1 ? "" : "s"} found.
            {data.added.linked ? ` ${data.added.linked} passage${data.added.linked === 1 ? " repeats a claim" : "s repeat claims"} already in the case, linked as appearances.` : ""}
            {data.added.earlier ? ` ${data.added.earlier} claim${data.added.earlier === 1 ? " was" : "s were"} seen in earlier cases and ${data.added.earlier === 1 ? "is" : "are"} linked to them.` : ""}
            {data.added.analyzed ? (
              <>
                {" "}
                Each claim was checked against the incident records: see <Link to={`/cases/${data.caseId}/evidence`}>Evidence</Link> for the suggested verdicts.
              </>
            ) : null}
            {data.added.stripped ? ` HTML markup was removed from the text (${data.added.stripped} piece${data.added.stripped === 1 ? "" : "s"}).` : ""}
          </div>
        ) : null}

        <div className="reader-toolbar">
          <p className="small">
            <strong>{data.marks.length}</strong> highlighted passage{data.marks.length === 1 ? "" : "s"}
            {data.canEdit ? ". Select text to add a claim." : "."}
          </p>
          {data.hiddenCount ? (
            <Link to={`?${toggle}`} preventScrollReset className="small">
              {data.showAll ? "Hide sentences below the threshold" : `Show ${data.hiddenCount} sentence${data.hiddenCount === 1 ? "" : "s"} below the threshold`}
            </Link>
          ) : null}
          <ul className="mark-legend small" aria-label="Highlight colours">
            <li>
              <span className="legend-swatch tone-accepted" aria-hidden="true" /> Accepted
            </li>
            <li>
              <span className="legend-swatch tone-proposed" aria-hidden="true" /> Proposed
            </li>
            <li>
              <span className="legend-swatch tone-dismissed" aria-hidden="true" /> Dismissed
            </li>
            {data.showAll ? (
              <li>
                <span className="legend-swatch tone-below" aria-hidden="true" /> Below threshold
              </li>
            ) : null}
          </ul>
        </div>

        <ArticleBody body={source.body} marks={data.marks} selectedClaimId={data.selected?.id ?? null} linkFor={query} />

        {data.canEdit ? (
          <>
            <SelectionClaim containerId="article-body" body={source.body} />
            <details className="claim-tool add-claim" open={!!addFailure || undefined}>
              <summary>Add a claim by quoting the article</summary>
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="add" />
                {addFailure ? (
                  <p className="field-error" role="alert">
                    {addFailure.message}
                  </p>
                ) : null}
                <div className="field">
                  <label htmlFor="add-quote">Exact quote</label>
                  <textarea id="add-quote" name="quote" rows={3} aria-describedby="add-quote-hint" aria-invalid={addFailure?.field === "quote" || undefined} />
                  <span className="hint" id="add-quote-hint">
                    Copy the words exactly as they stand in the article; line breaks and spaces may differ.
                  </span>
                </div>
                <fieldset>
                  <legend className="small">Or by character positions</legend>
                  <div className="inline-controls">
                    <div className="field">
                      <label htmlFor="add-start">Start</label>
                      <input id="add-start" name="start" type="number" min={0} max={source.body.length} inputMode="numeric" />
                    </div>
                    <div className="field">
                      <label htmlFor="add-end">End</label>
                      <input id="add-end" name="end" type="number" min={0} max={source.body.length} inputMode="numeric" />
                    </div>
                  </div>
                  <span className="hint">Positions count characters from 0 to {source.body.length}; the end is not included.</span>
                </fieldset>
                <button className="btn btn-small" type="submit">
                  Add claim
                </button>
              </Form>
            </details>
          </>
        ) : null}
      </article>

      <aside className="reader-aside" aria-label="Claim details">
        {data.doneMessage ? (
          <div className="alert alert-ok" role="status">
            {data.doneMessage}
          </div>
        ) : null}
        {data.selectedMissing ? (
          <div className="alert alert-warn" role="status">
            That claim is no longer in this case (it may have been merged into another).
          </div>
        ) : null}
        {data.selected ? (
          <p className="small panel-back">
            <Link to={data.showAll ? "?all=1" : "?"} preventScrollReset>
              All claims in this article
            </Link>
          </p>
        ) : null}
        {data.selected ? (
          <ClaimPanel
            key={data.selected.id}
            claim={data.selected}
            caseId={caseId}
            sourceId={source.id}
            canEdit={data.canEdit}
            engineers={data.engineers}
            mergeOptions={data.mergeOptions}
            failure={panelFailure && (!panelFailure.claimId || panelFailure.claimId === data.selected.id) ? panelFailure : null}
          />
        ) : (
          <section className="card" aria-labelledby="claims-here-heading">
            <h2 id="claims-here-heading">Claims in this article</h2>
            {data.listed.length ? (
              <>
                <p className="small muted">Choose a highlight in the article, or a claim here, to review it.</p>
                <ol className="claims-here">
                  {data.listed.map((c) => (
                    <li key={c.id}>
                      <Link to={query(c.id)} preventScrollReset>
                        {c.text}
                      </Link>{" "}
                      <ReviewBadge review={c.review} />
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p className="muted">No check-worthy claims were found in this article.</p>
            )}
          </section>
        )}
      </aside>
    </div>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
