/** My work: what waits on the signed-in person, by role, with each case's deadline and what is overdue. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { dueState, formatUtcDateTime, relativeDue } from "~/domain/case-due";
import { DRAFT_STATE_LABELS } from "~/domain/draft-workflow";
import { can } from "~/domain/roles";
import { confirmAllForClaim, getInbox } from "~/models/inbox.server";
import { refusing } from "~/utils/app-error";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { readFormOrRespond } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "My work · Factdesk" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "view:cases");
  const inbox = await getInbox(context.db, user);
  const now = new Date();
  const due = (dueAt: Date | null) => ({
    due: dueAt ? dueState(dueAt, "open", now) : ("none" as const),
    dueLabel: dueAt ? `${formatUtcDateTime(dueAt)} (${relativeDue(dueAt, now)})` : null,
  });
  const claimsOf = new Map<string, { claimId: string; claimText: string; caseId: string; caseTitle: string; dueAt: Date | null; links: { linkId: string; incidentId: string; state: string }[] }>();
  for (const l of inbox.links) {
    const entry = claimsOf.get(l.claimId) ?? { claimId: l.claimId, claimText: l.claimText, caseId: l.caseId, caseTitle: l.caseTitle, dueAt: l.dueAt, links: [] };
    entry.links.push({ linkId: l.linkId, incidentId: l.incidentId, state: l.state });
    claimsOf.set(l.claimId, entry);
  }
  return json({
    count: inbox.count,
    sections: {
      engineer: can(user, "confirm:evidence"),
      comms: can(user, "set:verdict"),
      legal: can(user, "review:drafts"),
    },
    confirm: [...claimsOf.values()].map((c) => ({ ...c, ...due(c.dueAt) })),
    verdicts: inbox.verdicts.map((v) => ({ ...v, ...due(v.dueAt) })),
    sentBack: inbox.sentBack.map((d) => ({ ...d, ...due(d.dueAt) })),
    legal: inbox.legal.map((d) => ({ ...d, ...due(d.dueAt) })),
    release: inbox.release.map((d) => ({ ...d, ...due(d.dueAt) })),
  });
}

const Intent = z.object({ intent: z.literal("confirm-claim"), claimId: z.string().uuid("Choose a claim.") });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readFormOrRespond(request);
  if (!(form instanceof FormData)) return form;
  const parsed = parseForm(Intent, form);
  if (!parsed.ok) return json({ ok: false as const, message: Object.values(parsed.errors)[0] ?? "That form is not one this page knows." }, { status: 400 });
  if (!can(user, "confirm:evidence")) return json({ ok: false as const, message: "Only engineers confirm evidence." }, { status: 403 });
  return refusing(async () => {
    const n = await confirmAllForClaim(context.db, user, parsed.data.claimId);
    return json({ ok: true as const, message: `Confirmed ${n} evidence link${n === 1 ? "" : "s"} on the records' current versions.` });
  });
}

function Due({ due, dueLabel }: { due: string; dueLabel: string | null }) {
  if (!dueLabel) return <span className="muted">no deadline</span>;
  return <span className={due === "overdue" ? "badge badge-danger" : due === "soon" ? "badge badge-warn" : "muted"}>{due === "overdue" ? `Overdue: due ${dueLabel}` : `Due ${dueLabel}`}</span>;
}

function Empty({ children }: { children: string }) {
  return <p className="muted">{children}</p>;
}

export default function MyWork() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="work-heading">
      <h1 id="work-heading">My work</h1>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={result.ok ? "notice" : "error"}>
          {result.message}
        </p>
      ) : null}
      {data.count === 0 ? <p>Nothing is waiting on you right now.</p> : null}
      {data.sections.engineer ? (
        <section aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">Evidence to confirm ({data.confirm.reduce((n, c) => n + c.links.length, 0)})</h2>
          {data.confirm.length ? (
            <ul className="inbox-list">
              {data.confirm.map((c) => (
                <li key={c.claimId}>
                  <Link to={`/cases/${c.caseId}/evidence`}>{c.claimText}</Link> · {c.caseTitle} · <Due due={c.due} dueLabel={c.dueLabel} />
                  <ul>
                    {c.links.map((l) => (
                      <li key={l.linkId}>
                        {l.incidentId} ({l.state === "stale" ? "the record changed since you confirmed it" : "not confirmed yet"})
                      </li>
                    ))}
                  </ul>
                  <Form method="post">
                    <input type="hidden" name="claimId" value={c.claimId} />
                    <button type="submit" name="intent" value="confirm-claim">
                      Confirm all for this claim
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No evidence is waiting for your confirmation.</Empty>
          )}
        </section>
      ) : null}
      {data.sections.comms ? (
        <>
          <section aria-labelledby="verdict-heading">
            <h2 id="verdict-heading">Claims that need a verdict ({data.verdicts.length})</h2>
            {data.verdicts.length ? (
              <ul className="inbox-list">
                {data.verdicts.map((v) => (
                  <li key={v.claimId}>
                    <Link to={`/cases/${v.caseId}/evidence`}>{v.claimText}</Link> · {v.caseTitle} · <Due due={v.due} dueLabel={v.dueLabel} />
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>Every accepted claim has a verdict.</Empty>
            )}
          </section>
          <section aria-labelledby="sentback-heading">
            <h2 id="sentback-heading">Drafts sent back ({data.sentBack.length})</h2>
            {data.sentBack.length ? (
              <ul className="inbox-list">
                {data.sentBack.map((d) => (
                  <li key={d.draftId}>
                    <Link to={`/review/${d.draftId}`}>{d.title}</Link> · {d.caseTitle} · {d.reviewerName}: “{d.comment}” · <Due due={d.due} dueLabel={d.dueLabel} />
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>No draft has been sent back.</Empty>
            )}
          </section>
          <section aria-labelledby="release-heading">
            <h2 id="release-heading">Drafts waiting for final approval ({data.release.length})</h2>
            {data.release.length ? (
              <ul className="inbox-list">
                {data.release.map((d) => (
                  <li key={d.draftId}>
                    <Link to={`/review/${d.draftId}`}>{d.title}</Link> · {d.caseTitle} · <Due due={d.due} dueLabel={d.dueLabel} />
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>No draft is waiting for final approval.</Empty>
            )}
          </section>
        </>
      ) : null}
      {data.sections.legal ? (
        <section aria-labelledby="legal-heading">
          <h2 id="legal-heading">Drafts in legal review ({data.legal.length})</h2>
          {data.legal.length ? (
            <ul className="inbox-list">
              {data.legal.map((d) => (
                <li key={d.draftId}>
                  <Link to={`/review/${d.draftId}`}>{d.title}</Link> · {d.caseTitle} · {DRAFT_STATE_LABELS[d.state]} · <Due due={d.due} dueLabel={d.dueLabel} />
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No draft is waiting for legal review.</Empty>
          )}
        </section>
      ) : null}
    </section>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
