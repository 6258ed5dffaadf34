/**
 * One draft's review: the current version with its comment threads anchored, every decision
 * (dismissed ones marked), what publication still needs, and the steps the person may take.
 * Every step is checked on the server by the workflow and answered in the one ActionResult shape.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatUtcDateTime } from "~/domain/case-due";
import { availableEvents, DRAFT_STATE_LABELS } from "~/domain/draft-workflow";
import { APPROVAL_MEANING_LABELS, CORRECTION_STATUSES } from "~/domain/review-enums";
import { STAGE_MEANING } from "~/domain/review/approvals";
import { can } from "~/domain/roles";
import { listDraftThreads, openThread, replyToThread, setThreadStatus } from "~/models/comment.server";
import { listCorrectionRequests, recordCorrectionRequest, updateCorrectionRequest } from "~/models/correction.server";
import { getDraftReview, setClaimReviewMarkup, takeReviewStep, type ReviewActor } from "~/models/review.server";
import { AppError, notFound, refusing } from "~/utils/app-error";
import { requirePermission } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { readFormOrRespond } from "~/utils/request-body.server";
import { ThreadReplies } from "~/components/thread-replies";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Review: ${data.draft.title} · Factdesk` : "Review · Factdesk" }];

const Id = z.string().uuid();
const NoNul = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine((s) => !s.includes("\u0000"), `${label} contains a NUL character.`);
const Hash = z.string().regex(/^[0-9a-f]{64}$/, "The version hash is not a SHA-256 hash.");

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("complete_fact_check") }),
  z.object({ intent: z.literal("approve"), versionId: Id, versionHash: Hash }),
  z.object({ intent: z.literal("request_changes"), versionId: Id, versionHash: Hash, comment: NoNul("The comment", 4000) }),
  z.object({ intent: z.literal("publish"), versionId: Id, versionHash: Hash }),
  z.object({ intent: z.literal("retract"), reason: NoNul("The reason", 2000) }),
  z.object({ intent: z.literal("supersede"), reason: NoNul("The reason", 2000), supersededBy: NoNul("The replacing statement", 200).optional() }),
  z.object({ intent: z.literal("claimreview"), enabled: z.enum(["on", "off"]) }),
  z.object({ intent: z.literal("comment"), versionId: Id, quote: NoNul("The quote", 2000), start: z.coerce.number().int().min(0), body: NoNul("The comment", 4000) }),
  z.object({ intent: z.literal("reply"), threadId: Id, body: NoNul("The reply", 4000) }),
  z.object({ intent: z.literal("resolve"), threadId: Id }),
  z.object({ intent: z.literal("reopen"), threadId: Id }),
  z.object({ intent: z.literal("correction"), sourceId: Id, sentAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD.") }),
  z.object({ intent: z.literal("correction_status"), requestId: Id, status: z.enum(CORRECTION_STATUSES), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD."), note: NoNul("The note", 2000).optional() }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const draftId = Id.safeParse(params.draftId);
  if (!draftId.success) throw notFound("There is no such draft.");
  const review = await getDraftReview(context.db, draftId.data);
  if (!review) throw notFound("There is no such draft.");
  const [threads, corrections] = await Promise.all([
    listDraftThreads(context.db, review.draft.id, review.current?.body ?? ""),
    review.publication ? listCorrectionRequests(context.db, review.draft.caseId) : Promise.resolve(null),
  ]);
  return json({
    draft: review.draft,
    current: review.current ? { id: review.current.id, number: review.current.number, hash: review.current.hash, body: review.current.body } : null,
    versions: review.versions,
    approvals: review.approvals,
    blockers: review.blockers,
    pendingEngineers: review.pendingEngineers,
    flags: review.flags,
    publication: review.publication ? { slug: review.publication.slug, state: review.publication.state, claimReview: review.publication.claimReview } : null,
    log: review.log,
    threads,
    corrections,
    available: availableEvents(review.draft.state, user),
    stageMeaning: STAGE_MEANING[review.draft.state] ?? null,
    canComment: can(user, "view:cases"),
    canPublish: can(user, "publish:statements"),
  });
}

const PERMITTED: Record<string, Parameters<typeof can>[1][]> = {
  submit: ["edit:drafts"],
  complete_fact_check: ["confirm:evidence", "edit:drafts"],
  approve: ["confirm:evidence", "review:drafts", "approve:drafts"],
  request_changes: ["confirm:evidence", "review:drafts", "approve:drafts"],
  publish: ["publish:statements"],
  retract: ["publish:statements"],
  supersede: ["publish:statements"],
  claimreview: ["publish:statements"],
  correction: ["publish:statements"],
  correction_status: ["publish:statements"],
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const draftId = Id.safeParse(params.draftId);
  if (!draftId.success) throw notFound("There is no such draft.");
  const form = await readFormOrRespond(request);
  if (!(form instanceof FormData)) return form;
  const parsed = parseForm(Intent, form);
  if (!parsed.ok) return json({ ok: false as const, message: Object.values(parsed.errors)[0] ?? "That form is not one this page knows.", errors: parsed.errors }, { status: 400 });
  const data = parsed.data;
  const needs = PERMITTED[data.intent];
  if (needs && !needs.some((p) => can(user, p))) return json({ ok: false as const, message: "Your role does not allow this step." }, { status: 403 });
  const actor: ReviewActor = { ...user, ip: context.clientIp ?? null };
  const id = draftId.data;
  return refusing(
    async () => {
      const db = context.db;
      switch (data.intent) {
        case "submit":
        case "complete_fact_check":
          await takeReviewStep(db, actor, id, { type: data.intent });
          break;
        case "approve":
        case "request_changes":
          await takeReviewStep(db, actor, id, {
            type: "decide",
            decision: data.intent === "approve" ? "approved" : "changes_requested",
            versionId: data.versionId,
            versionHash: data.versionHash,
            comment: data.intent === "request_changes" ? data.comment : undefined,
          });
          break;
        case "publish": {
          const { slug } = await takeReviewStep(db, actor, id, { type: "publish", versionId: data.versionId, versionHash: data.versionHash });
          return json({ ok: true as const, message: `Published at /statements/${slug}.` });
        }
        case "retract":
          await takeReviewStep(db, actor, id, { type: "retract", reason: data.reason });
          break;
        case "supersede":
          await takeReviewStep(db, actor, id, { type: "supersede", reason: data.reason, supersededBy: data.supersededBy });
          break;
        case "claimreview":
          await setClaimReviewMarkup(db, actor, id, data.enabled === "on");
          break;
        case "comment":
          await openThread(db, actor, { target: "passage", draftId: id, versionId: data.versionId, quote: data.quote, start: data.start, body: data.body });
          break;
        case "reply":
          await replyToThread(db, actor, data.threadId, data.body);
          break;
        case "resolve":
        case "reopen":
          await setThreadStatus(db, actor, data.threadId, data.intent === "resolve" ? "resolved" : "open");
          break;
        case "correction":
          await recordCorrectionRequest(db, actor, { draftId: id, sourceId: data.sourceId, sentAt: data.sentAt });
          break;
        case "correction_status":
          await updateCorrectionRequest(db, actor, { requestId: data.requestId, status: data.status, on: data.on, note: data.note });
          break;
        default:
          throw new AppError("That form is not one this page knows.", 400);
      }
      return json({ ok: true as const, message: "Done." });
    },
    { intent: data.intent },
  );
}

function VersionForm({ intent, label, version }: { intent: string; label: string; version: { id: string; hash: string } }) {
  return (
    <Form method="post">
      <input type="hidden" name="versionId" value={version.id} />
      <input type="hidden" name="versionHash" value={version.hash} />
      <button type="submit" name="intent" value={intent}>
        {label}
      </button>
    </Form>
  );
}

export default function DraftReview() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const current = d.current;
  const may = (e: string) => d.available.includes(e as (typeof d.available)[number]);
  return (
    <section aria-labelledby="review-heading">
      <p>
        <Link to={`/cases/${d.draft.caseId}`}>Back to the case</Link>
        {d.publication ? (
          <>
            {" · "}
            <Link to={`/certificates/${d.draft.id}`}>Approval certificate</Link> · <a href={`/statements/${d.publication.slug}`}>Public page</a>
          </>
        ) : null}
      </p>
      <h1 id="review-heading">{d.draft.title}</h1>
      <p>
        <span className="badge">{DRAFT_STATE_LABELS[d.draft.state]}</span>
        {current ? (
          <>
            {" "}
            version {current.number} · <span className="hash">{current.hash}</span>
          </>
        ) : null}
      </p>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "notice" : "error"}>
          {result.message}
        </p>
      ) : null}

      {current ? <div className="version-body">{current.body}</div> : <p className="muted">This draft has no text yet.</p>}

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps</h2>
        {d.pendingEngineers.length && d.draft.state === "fact_check" ? <p>Waiting for facts to be confirmed by: {d.pendingEngineers.join(", ")}.</p> : null}
        <div className="no-print">
          {may("submit") ? (
            <Form method="post">
              <button type="submit" name="intent" value="submit">
                Send to fact check
              </button>
            </Form>
          ) : null}
          {may("complete_fact_check") ? (
            <Form method="post">
              <button type="submit" name="intent" value="complete_fact_check">
                Finish the fact check
              </button>
            </Form>
          ) : null}
          {current && d.stageMeaning && (may("approve_legal") || may("approve_release") || may("complete_fact_check")) ? (
            <VersionForm intent="approve" label={`Approve: ${APPROVAL_MEANING_LABELS[d.stageMeaning]}`} version={current} />
          ) : null}
          {current && may("request_changes") ? (
            <Form method="post">
              <input type="hidden" name="versionId" value={current.id} />
              <input type="hidden" name="versionHash" value={current.hash} />
              <label>
                What should change (required)
                <textarea name="comment" required rows={3} />
              </label>
              <button type="submit" name="intent" value="request_changes">
                Request changes
              </button>
            </Form>
          ) : null}
          {current && may("publish") ? <VersionForm intent="publish" label="Publish" version={current} /> : null}
          {may("retract") ? (
            <Form method="post">
              <label>
                Reason for retracting (required) <input name="reason" required />
              </label>
              <button type="submit" name="intent" value="retract">
                Retract
              </button>
            </Form>
          ) : null}
          {may("supersede") ? (
            <Form method="post">
              <label>
                Reason for superseding (required) <input name="reason" required />
              </label>
              <label>
                Replacing statement's address <input name="supersededBy" placeholder="/statements/…" />
              </label>
              <button type="submit" name="intent" value="supersede">
                Supersede
              </button>
            </Form>
          ) : null}
        </div>
        {d.draft.state === "approved" || d.blockers.length ? (
          d.blockers.length ? (
            <>
              <h3>Before this can be published</h3>
              <ul>
                {d.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Everything publication needs is in place.</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Decisions</h2>
        {d.approvals.length ? (
          <ul>
            {d.approvals.map((a) => (
              <li key={a.id}>
                {a.reviewerName} ({a.reviewerRole}): {a.decision === "approved" ? `“${APPROVAL_MEANING_LABELS[a.meaning]}”` : "requested changes"} on{" "}
                <span className="hash">{a.versionHash.slice(0, 12)}…</span> at <time dateTime={a.createdAt}>{formatUtcDateTime(a.createdAt)}</time>
                {a.comment ? `: ${a.comment}` : ""}
                {a.dismissed ? " (dismissed: a newer version exists)" : a.counts ? "" : " (replaced by a later decision)"}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No one has decided on this draft yet.</p>
        )}
      </section>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        {d.threads.length ? null : <p className="muted">No comments yet.</p>}
        {d.threads.map((t) => (
          <article key={t.id} className="thread">
            <p>
              <strong>“{t.quote}”</strong> {t.anchor?.state === "outdated" ? <span className="badge">outdated: the passage is gone</span> : null}{" "}
              <span className="badge">{t.status}</span>
            </p>
            <ThreadReplies thread={t} formClassName="no-print" />
          </article>
        ))}
        {current && d.canComment ? (
          <Form method="post" className="no-print">
            <input type="hidden" name="versionId" value={current.id} />
            <label>
              Passage (copy it exactly) <input name="quote" required />
            </label>
            <label>
              Where it starts (character offset) <input name="start" inputMode="numeric" defaultValue="0" />
            </label>
            <label>
              Comment <textarea name="body" required rows={2} />
            </label>
            <button type="submit" name="intent" value="comment">
              Comment on this passage
            </button>
          </Form>
        ) : null}
      </section>

      {d.publication ? (
        <section aria-labelledby="publication-heading">
          <h2 id="publication-heading">Publication</h2>
          <p>
            <a href={`/statements/${d.publication.slug}`}>/statements/{d.publication.slug}</a> · {d.publication.state} · ClaimReview markup{" "}
            {d.publication.claimReview ? "on" : "off"}
          </p>
          {d.canPublish ? (
            <Form method="post" className="no-print">
              <input type="hidden" name="enabled" value={d.publication.claimReview ? "off" : "on"} />
              <button type="submit" name="intent" value="claimreview">
                {d.publication.claimReview ? "Turn ClaimReview markup off" : "Turn ClaimReview markup on"}
              </button>
            </Form>
          ) : null}
          {d.corrections ? (
            <>
              <h3>Correction requests to outlets</h3>
              <ul>
                {d.corrections.map((c) => (
                  <li key={c.sourceId}>
                    {c.outlet || "an outlet"} (<a href={c.url || "#"}>{c.title || c.url}</a>):{" "}
                    {c.request ? `${c.request.status}${c.request.corrected ? "" : ", still carries the uncorrected claim"}` : "no request recorded, still carries the uncorrected claim"}
                    {d.canPublish ? (
                      c.request ? (
                        <Form method="post" className="no-print">
                          <input type="hidden" name="requestId" value={c.request.id} />
                          <select name="status" defaultValue={c.request.status} aria-label="Outcome">
                            {CORRECTION_STATUSES.map((s) => (
                              <option key={s}>{s}</option>
                            ))}
                          </select>
                          <input name="on" type="date" required aria-label="On" />
                          <input name="note" aria-label="Note" />
                          <button type="submit" name="intent" value="correction_status">
                            Record outcome
                          </button>
                        </Form>
                      ) : (
                        <Form method="post" className="no-print">
                          <input type="hidden" name="sourceId" value={c.sourceId} />
                          <input name="sentAt" type="date" required aria-label="Sent on" />
                          <button type="submit" name="intent" value="correction">
                            Record a correction request
                          </button>
                        </Form>
                      )
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
