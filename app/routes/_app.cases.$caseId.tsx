import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useMatches, useNavigation, useOutlet } from "@remix-run/react";
import { CaseActivity } from "~/components/case-activity";
import { CaseStatusBadge, ClaimStatusBadge, DueBadge, KindBadge, ReviewBadge, Worthiness } from "~/components/case-badges";
import { CaseFields } from "~/components/case-fields";
import { dueState, formatDay, formatUtcDateTime, relativeDue } from "~/domain/case-due";
import { can } from "~/domain/roles";
import { MAX_BODY_LABEL, SOURCE_FILE_TYPES } from "~/domain/source-input";
import { SOURCE_FORMATS } from "~/domain/workflow";
import { CaseReviews } from "~/components/case-reviews";
import { claimNumbers, listEvents } from "~/models/audit.server";
import { uncorrectedOutlets } from "~/models/correction.server";
import { listCaseReviews } from "~/models/review.server";
import { actorOf, getCaseWorkspace, listCaseOwners, updateCase } from "~/models/case.server";
import { addSource } from "~/models/source.server";
import { requirePermission } from "~/utils/auth.server";
import { CaseIntent } from "~/utils/case-forms";
import { chosenFile, readLimitedForm, refusal, requireId, type FailureData } from "~/utils/case-routes.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.case.title ?? "Case"} · Factdesk` }];

/** The evidence page's route id (app/routes/_app.cases.$caseId.evidence.tsx). */
const EVIDENCE_ROUTE_ID = "routes/_app.cases.$caseId.evidence";
const DRAFTS_ROUTE_PREFIX = "routes/_app.cases.$caseId.drafts";

const TABS = [
  { id: "sources", label: "Sources" },
  { id: "claims", label: "Claims" },
  { id: "evidence", label: "Evidence" },
  { id: "drafts", label: "Drafts" },
  { id: "reviews", label: "Reviews" },
  { id: "activity", label: "Activity" },
] as const;
type TabId = (typeof TABS)[number]["id"];

const FORMAT_LABELS: Record<string, string> = { auto: "Detect from the file or text", text: "Plain text", markdown: "Markdown", html: "HTML" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const caseId = requireId(params.caseId, "case");
  const workspace = await getCaseWorkspace(context.db, caseId);
  if (!workspace) throw new Response("There is no such case.", { status: 404, statusText: "Not Found" });
  const [events, owners, claimRefs, reviews] = await Promise.all([
    listEvents(context.db, { caseId, limit: 200 }),
    listCaseOwners(context.db),
    claimNumbers(context.db, [caseId]),
    listCaseReviews(context.db, caseId),
  ]);
  const outlets = reviews.some((r) => r.slug) ? await uncorrectedOutlets(context.db, caseId) : [];
  const url = new URL(request.url);
  const tab = (TABS.find((t) => t.id === url.searchParams.get("tab"))?.id ?? "sources") as TabId;
  const now = new Date();
  const c = workspace.case;
  return json({
    case: {
      ...c,
      due: dueState(c.dueAt, c.status, now),
      dueLabel: c.dueAt ? formatUtcDateTime(c.dueAt) : null,
      dueRelative: c.dueAt ? relativeDue(c.dueAt, now) : null,
    },
    sources: workspace.sources.map((s) => ({
      ...s,
      claimCount: workspace.claims.filter((cl) => !cl.belowThreshold && cl.review !== "dismissed" && cl.appearances.some((a) => a.sourceId === s.id)).length,
    })),
    claims: workspace.claims.map(({ facts: _facts, ...claim }) => claim),
    events,
    claimRefs,
    reviews,
    outlets,
    owners,
    tab,
    showAll: url.searchParams.get("all") === "1",
    canEditCase: can(user, "edit:cases"),
    canEditClaims: can(user, "edit:claims"),
    // A fresh key per rendering of the add-source form: sending the same form twice adds one source.
    sourceFormKey: crypto.randomUUID(),
  });
}

type ActionData = { ok: true; intent: string; message: string } | FailureData;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "edit:cases");
  const caseId = requireId(params.caseId, "case");
  let form: FormData;
  try {
    form = await readLimitedForm(request);
  } catch (error) {
    return refusal(error, { intent: "add-source" });
  }
  const intent = String(form.get("intent") ?? "");
  const parsed = parseForm(CaseIntent, form);
  if (!parsed.ok) {
    const message = Object.values(parsed.errors)[0];
    return json<ActionData>({ ok: false, intent, message, errors: parsed.errors, field: Object.keys(parsed.errors)[0] }, { status: 400 });
  }
  const input = parsed.data;
  const actor = actorOf(user, context.clientIp);
  try {
    switch (input.intent) {
      case "update-case": {
        await updateCase(context.db, actor, caseId, {
          title: input.title,
          summary: input.summary,
          ownerId: input.ownerId ?? null,
          dueAt: input.dueAt,
          status: input.status,
        });
        return json<ActionData>({ ok: true, intent, message: "Case saved." });
      }
      case "add-source": {
        const file = chosenFile(form.get("file"));
        const pasted = input.body;
        if (file && pasted.trim()) {
          const message = "Paste the article's text or choose its file, not both.";
          return json<ActionData>({ ok: false, intent, message, field: "body", errors: { body: message } }, { status: 400 });
        }
        if (!file && !pasted.trim()) {
          const message = "Paste the article's text or choose its file.";
          return json<ActionData>({ ok: false, intent, message, field: "body", errors: { body: message } }, { status: 400 });
        }
        const added = await addSource(context.db, actor, caseId, {
          content: file ? { kind: "file", fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : { kind: "paste", text: pasted },
          format: input.format,
          title: input.title,
          outlet: input.outlet,
          author: input.author,
          url: input.url,
          publishedAt: input.publishedAt,
          idempotencyKey: input.idempotencyKey,
        });
        if (added.duplicate) return redirect(`/cases/${caseId}/sources/${added.sourceId}`);
        const notes = new URLSearchParams({ added: String(added.checkWorthy) });
        if (added.appearances) notes.set("linked", String(added.appearances));
        if (added.linkedEarlier) notes.set("earlier", String(added.linkedEarlier));
        if (added.markupRemoved) notes.set("stripped", String(added.markupRemoved));
        if (added.checkWorthy) notes.set("analysed", "1");
        return redirect(`/cases/${caseId}/sources/${added.sourceId}?${notes}`);
      }
    }
  } catch (error) {
    return refusal(error, { intent });
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function CaseWorkspace() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const outlet = useOutlet();
  const matches = useMatches();
  const c = data.case;
  const visibleClaims = data.claims.filter((cl) => !cl.belowThreshold);
  const counts: Partial<Record<TabId, number>> = { sources: data.sources.length, claims: visibleClaims.length, activity: data.events.length };
  // The evidence page is a child route (/cases/:id/evidence); other children are source readers.
  const onEvidence = matches.some((m) => m.id === EVIDENCE_ROUTE_ID);
  const onDrafts = matches.some((m) => m.id.startsWith(DRAFTS_ROUTE_PREFIX));
  const activeTab: TabId = outlet ? (onEvidence ? "evidence" : onDrafts ? "drafts" : "sources") : data.tab;
  const updateErrors = result && !result.ok && result.intent === "update-case" ? (result.errors ?? {}) : {};

  return (
    <>
      <p className="case-breadcrumb">
        <Link to="/cases">Cases</Link> / <span aria-current="page">{c.title}</span>
      </p>
      <header className="case-header">
        <div className="case-header-main">
          <h1>{c.title}</h1>
          <div className="case-meta">
            <CaseStatusBadge status={c.status} />
            <span>
              <span className="muted">Owner</span> {c.ownerName ?? "none yet"}
            </span>
            <span className={c.due === "overdue" ? "case-due case-due-overdue" : "case-due"}>
              <span className="muted">Respond by</span>{" "}
              {c.dueLabel ? (
                <>
                  {c.dueLabel} <span className="muted">({c.dueRelative})</span> <DueBadge state={c.due} />
                </>
              ) : (
                "no deadline"
              )}
            </span>
          </div>
          {c.summary ? <p className="case-summary-full">{c.summary}</p> : null}
        </div>
        {data.canEditCase ? (
          <details className="case-edit" open={Object.keys(updateErrors).length > 0 || undefined}>
            <summary className="btn btn-secondary btn-small">Edit case</summary>
            <Form method="post" noValidate className="card case-edit-form">
              <input type="hidden" name="intent" value="update-case" />
              <CaseFields
                idPrefix="edit-case"
                owners={data.owners}
                errors={updateErrors}
                withStatus
                values={{ title: c.title, summary: c.summary, ownerId: c.ownerId, dueAt: c.dueAt, status: c.status }}
              />
              <button className="btn" type="submit">
                Save case
              </button>
            </Form>
          </details>
        ) : null}
      </header>
      {result?.intent === "update-case" ? (
        <div className={`alert ${result.ok ? "alert-ok" : "alert-error"}`} role={result.ok ? "status" : "alert"}>
          {result.message}
        </div>
      ) : null}

      <nav className="case-tabs" aria-label="Case sections">
        {TABS.map((t) => (
          <Link key={t.id} to={t.id === "evidence" || t.id === "drafts" ? `/cases/${c.id}/${t.id}` : `/cases/${c.id}?tab=${t.id}`} aria-current={t.id === activeTab ? "page" : undefined} preventScrollReset>
            {t.label}
            {counts[t.id] !== undefined ? <span className="tab-count">{counts[t.id]}</span> : null}
          </Link>
        ))}
      </nav>

      {outlet ?? (
        <div className="case-tab-panel">
          {data.tab === "sources" ? <SourcesTab data={data} result={result} /> : null}
          {data.tab === "claims" ? <ClaimsTab data={data} /> : null}
          {data.tab === "evidence" ? (
            <NextStep title="Evidence">
              Each claim's suggested verdict, the records linked to it and their confirmations are on the{" "}
              <Link to={`/cases/${c.id}/evidence`}>evidence page</Link>.
            </NextStep>
          ) : null}
          {data.tab === "drafts" ? (
            <NextStep title="Drafts">
              The statement for this story is written on the <Link to={`/cases/${c.id}/drafts`}>drafts page</Link>.
            </NextStep>
          ) : null}
          {data.tab === "reviews" ? (
            <CaseReviews caseId={c.id} drafts={data.reviews} outlets={data.outlets} />
          ) : null}
          {data.tab === "activity" ? (
            <section aria-labelledby="activity-heading">
              <h2 id="activity-heading">Activity</h2>
              <CaseActivity events={data.events} refs={{ claimNumbers: data.claimRefs }} />
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}

function NextStep({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="next-step-heading" className="empty-state">
      <h2 id="next-step-heading" className="empty-title">
        {title}
      </h2>
      <p>{children}</p>
    </section>
  );
}

function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function SourcesTab({ data, result }: { data: LoaderData; result: ActionData | undefined }) {
  const navigation = useNavigation();
  const failed = result && !result.ok && result.intent === "add-source" ? result : null;
  const errors = failed?.errors ?? {};
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "add-source";
  const fieldProps = (name: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `source-${name}-error` : undefined,
  });
  const fieldError = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`source-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  return (
    <>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {data.sources.length === 0 ? (
          <p className="muted">No articles yet. Add the story's articles below; their claims are found as each is added.</p>
        ) : (
          <ul className="source-list">
            {data.sources.map((s) => (
              <li key={s.id} className="card source-item">
                <h3>
                  <Link to={`/cases/${data.case.id}/sources/${s.id}`}>{s.title || "Untitled article"}</Link>
                </h3>
                <p className="source-meta">
                  {[s.outlet, s.author, s.publishedAt ? formatDay(s.publishedAt) : null].filter(Boolean).join(" · ") || "No outlet or author given"}
                  <span className="badge">{s.format}</span>
                </p>
                <p className="small">
                  <strong>{s.claimCount}</strong> check-worthy claim{s.claimCount === 1 ? "" : "s"}
                  {s.url && isWebAddress(s.url) ? (
                    <>
                      {" · "}
                      <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" className="case-break">
                        Original article<span className="visually-hidden"> (opens in a new tab)</span>
                      </a>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.canEditCase ? (
        <section className="card" aria-labelledby="add-source-heading">
          <h2 id="add-source-heading">Add a source</h2>
          <p className="muted small">
            Paste the article's text or Markdown, or upload it as a .txt, .md or .html file (up to {MAX_BODY_LABEL} of text). The text is kept
            exactly as given, apart from any HTML markup, which is removed; claims are found as soon as it is added.
          </p>
          {failed ? (
            <div className="alert alert-error" role="alert">
              {failed.message}
            </div>
          ) : null}
          <Form method="post" encType="multipart/form-data" noValidate>
            <input type="hidden" name="intent" value="add-source" />
            <input type="hidden" name="idempotencyKey" value={data.sourceFormKey} />
            <div className="field">
              <label htmlFor="source-body">Paste the article</label>
              <textarea id="source-body" name="body" rows={10} className="mono-area" {...fieldProps("body")} />
              {fieldError("body")}
            </div>
            <div className="grid-2">
              <div className="field">
                <label htmlFor="source-file">Or upload a file</label>
                <input id="source-file" name="file" type="file" accept={SOURCE_FILE_TYPES} {...fieldProps("file")} />
                {fieldError("file")}
              </div>
              <div className="field">
                <label htmlFor="source-format">Format</label>
                <select id="source-format" name="format" defaultValue="auto">
                  {["auto", ...SOURCE_FORMATS].map((f) => (
                    <option key={f} value={f}>
                      {FORMAT_LABELS[f]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="grid-2">
              <div className="field">
                <label htmlFor="source-title">Headline</label>
                <input id="source-title" name="title" type="text" aria-describedby="source-title-hint" />
                <span className="hint" id="source-title-hint">
                  Optional: taken from the article when left empty.
                </span>
              </div>
              <div className="field">
                <label htmlFor="source-outlet">Outlet</label>
                <input id="source-outlet" name="outlet" type="text" placeholder="The Financial Ledger" />
              </div>
              <div className="field">
                <label htmlFor="source-author">Author</label>
                <input id="source-author" name="author" type="text" />
              </div>
              <div className="field">
                <label htmlFor="source-url">Web address</label>
                <input id="source-url" name="url" type="url" placeholder="https://" {...fieldProps("url")} />
                {fieldError("url")}
              </div>
              <div className="field">
                <label htmlFor="source-published">Published</label>
                <input
                  id="source-published"
                  name="publishedAt"
                  type="date"
                  aria-invalid={errors.publishedAt ? true : undefined}
                  aria-describedby={`source-published-hint${errors.publishedAt ? " source-publishedAt-error" : ""}`}
                />
                <span className="hint" id="source-published-hint">
                  Optional: read from the byline when left empty. Dates like “last Tuesday” count from it.
                </span>
                {fieldError("publishedAt")}
              </div>
            </div>
            <button className="btn" type="submit" disabled={busy}>
              {busy ? "Adding and finding claims…" : "Add source and find claims"}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function ClaimsTab({ data }: { data: LoaderData }) {
  const hidden = data.claims.filter((c) => c.belowThreshold).length;
  const shown = data.showAll ? data.claims : data.claims.filter((c) => !c.belowThreshold);
  const caseId = data.case.id;
  const readerLink = (claim: (typeof shown)[number]) =>
    claim.appearances[0] ? `/cases/${caseId}/sources/${claim.appearances[0].sourceId}?claim=${claim.id}${claim.belowThreshold ? "&all=1" : ""}` : null;
  return (
    <section aria-labelledby="claims-heading">
      <div className="section-header">
        <h2 id="claims-heading">Claims</h2>
        {hidden ? (
          data.showAll ? (
            <Link to={`/cases/${caseId}?tab=claims`} preventScrollReset>
              Hide the {hidden} sentence{hidden === 1 ? "" : "s"} below the threshold
            </Link>
          ) : (
            <Link to={`/cases/${caseId}?tab=claims&all=1`} preventScrollReset>
              Show {hidden} more sentence{hidden === 1 ? "" : "s"} below the threshold
            </Link>
          )
        ) : null}
      </div>
      {shown.length === 0 ? (
        <p className="muted">No claims yet. Add a source and its check-worthy claims appear here.</p>
      ) : (
        <div className="table-wrap">
          <table className="claim-table">
            <caption className="visually-hidden">Claims in article order</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Kind</th>
                <th scope="col">Check-worthiness</th>
                <th scope="col">Review</th>
                <th scope="col">Status</th>
                <th scope="col">Assigned to</th>
                <th scope="col">Appears in</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((claim) => {
                const link = readerLink(claim);
                const quote = claim.appearances[0]?.quote;
                const sourceIds = [...new Set(claim.appearances.map((a) => a.sourceId))];
                return (
                  <tr key={claim.id} className={claim.review === "dismissed" || claim.belowThreshold ? "row-muted" : undefined}>
                    <th scope="row">
                      {link ? <Link to={link}>{claim.text}</Link> : claim.text}
                      {quote && quote !== claim.text ? <p className="claim-quote small">Quote: “{quote}”</p> : null}
                      {claim.sameAs ? (
                        <p className="small claim-link-note">
                          Same claim as in{" "}
                          <Link to={claim.sameAs.sourceId ? `/cases/${claim.sameAs.caseId}/sources/${claim.sameAs.sourceId}?claim=${claim.sameAs.claimId}` : `/cases/${claim.sameAs.caseId}`}>
                            {claim.sameAs.caseTitle}
                          </Link>
                        </p>
                      ) : null}
                      {claim.laterCopies.length ? (
                        <p className="small claim-link-note">
                          Also in{" "}
                          {claim.laterCopies.map((l, i) => (
                            <span key={l.claimId}>
                              {i ? ", " : ""}
                              <Link to={`/cases/${l.caseId}`}>{l.caseTitle}</Link>
                            </span>
                          ))}
                        </p>
                      ) : null}
                    </th>
                    <td>
                      <KindBadge kind={claim.kind} />
                    </td>
                    <td>
                      <Worthiness value={claim.checkWorthiness} />
                    </td>
                    <td>
                      <ReviewBadge review={claim.review} />
                    </td>
                    <td>
                      <ClaimStatusBadge status={claim.status} />
                    </td>
                    <td>{claim.assigneeName ?? <span className="muted">Nobody</span>}</td>
                    <td>
                      {sourceIds.length} article{sourceIds.length === 1 ? "" : "s"}
                      {claim.appearances.length > sourceIds.length ? <span className="muted small"> ({claim.appearances.length} times)</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
