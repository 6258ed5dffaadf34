/** A case's Reviews tab: each draft's review state with a link to its review, and the outlets still carrying an uncorrected claim. */
import { Link } from "@remix-run/react";
import { DRAFT_STATE_LABELS } from "~/domain/draft-workflow";
import type { DraftState } from "~/domain/workflow";

export function CaseReviews({
  caseId,
  drafts,
  outlets,
}: {
  caseId: string;
  drafts: { id: string; title: string; state: DraftState; slug: string | null; publicationState: string | null }[];
  outlets: { sourceId: string; outlet: string; title: string; url: string; request: { status: string } | null }[];
}) {
  return (
    <section aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      <p>
        <Link to={`/cases/${caseId}/comments`}>Comments on claims and verdicts</Link>: raise a point before any draft exists.
      </p>
      {drafts.length ? (
        <ul>
          {drafts.map((d) => (
            <li key={d.id}>
              <Link to={`/review/${d.id}`}>{d.title}</Link> <span className="badge">{DRAFT_STATE_LABELS[d.state]}</span>
              {d.slug ? (
                <>
                  {" "}
                  · <a href={`/statements/${d.slug}`}>/statements/{d.slug}</a> · <Link to={`/certificates/${d.id}`}>approval certificate</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No drafts yet. Write one on the Drafts tab; its review happens here.</p>
      )}
      {drafts.some((d) => d.slug) ? (
        <>
          <h3>Outlets still carrying an uncorrected claim</h3>
          {outlets.length ? (
            <ul>
              {outlets.map((o) => (
                <li key={o.sourceId}>
                  {o.outlet || o.title} {o.url ? <a href={o.url}>{o.url}</a> : null}: {o.request ? `correction request ${o.request.status}` : "no correction request yet"}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Every outlet has corrected the claim.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
