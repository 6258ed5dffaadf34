/**
 * One claim, beside the article it was opened from: its wording and quote, where else it appears
 * (in this case and in others), and, for those who may edit claims, the forms that accept or
 * dismiss, set the status, assign an engineer, reword, split and merge it. Every form posts an
 * intent to the page's own action, so all of it works without JavaScript.
 *
 * The verdict section is a placeholder, and `children` render after it: evidence links and
 * verdicts extend the panel there.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { splitPoints } from "~/domain/claim-spans";
import { CLAIM_STATUSES, type ClaimReview, type ClaimStatus } from "~/domain/workflow";
import { CLAIM_STATUS_LABELS, ClaimStatusBadge, KindBadge, ReviewBadge, Worthiness } from "./case-badges";

export interface PanelLinkedClaim {
  claimId: string;
  caseId: string;
  caseTitle: string;
  sourceId: string | null;
  text: string;
}

export interface PanelClaim {
  id: string;
  text: string;
  kind: string;
  checkWorthiness: number;
  belowThreshold: boolean;
  review: ClaimReview;
  status: ClaimStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  verdict: string | null;
  appearances: Array<{ id: string; sourceId: string; sourceTitle: string; start: number; end: number; quote: string }>;
  sameAs: PanelLinkedClaim | null;
  laterCopies: PanelLinkedClaim[];
}

export interface PanelFailure {
  intent: string;
  message: string;
  field?: string;
}

function linkTo(l: PanelLinkedClaim): string {
  return l.sourceId ? `/cases/${l.caseId}/sources/${l.sourceId}?claim=${l.claimId}` : `/cases/${l.caseId}`;
}

function shorten(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function ClaimPanel({
  claim,
  caseId,
  sourceId,
  canEdit,
  engineers,
  mergeOptions,
  failure,
  children,
}: {
  claim: PanelClaim;
  caseId: string;
  /** The source the panel is shown beside; its appearance is the one split and quoted first. */
  sourceId: string;
  canEdit: boolean;
  engineers: Array<{ id: string; name: string }>;
  /** The other claims of the case, to merge into this one. */
  mergeOptions: Array<{ id: string; text: string; belowThreshold: boolean }>;
  failure?: PanelFailure | null;
  children?: ReactNode;
}) {
  const here = claim.appearances.find((a) => a.sourceId === sourceId) ?? claim.appearances[0];
  const points = here ? splitPoints(here.quote) : [];
  const otherSources = claim.appearances.filter((a) => a.sourceId !== sourceId);
  const sourcesElsewhere = [...new Map(otherSources.map((a) => [a.sourceId, a])).values()];
  const timesHere = claim.appearances.filter((a) => a.sourceId === sourceId).length;
  const errorFor = (intent: string) =>
    failure?.intent === intent ? (
      <p className="field-error" role="alert">
        {failure.message}
      </p>
    ) : null;

  return (
    <section className="claim-panel card" aria-labelledby="claim-panel-heading" id="claim-panel">
      <header className="claim-panel-header">
        <h2 id="claim-panel-heading">Claim</h2>
        <div className="claim-badges">
          <ReviewBadge review={claim.review} />
          <ClaimStatusBadge status={claim.status} />
          <KindBadge kind={claim.kind} />
          {claim.belowThreshold ? <span className="badge">Below threshold</span> : null}
        </div>
      </header>

      <p className="claim-wording">{claim.text}</p>
      {here && here.quote !== claim.text ? (
        <p className="claim-quote">
          <span className="muted">Quote:</span> “{here.quote}”
        </p>
      ) : null}

      <dl className="claim-facts">
        <div>
          <dt>Check-worthiness</dt>
          <dd>
            <Worthiness value={claim.checkWorthiness} />
          </dd>
        </div>
        <div>
          <dt>Assigned to</dt>
          <dd>{claim.assigneeName ?? <span className="muted">Nobody yet</span>}</dd>
        </div>
        <div>
          <dt>Appears in</dt>
          <dd>
            This article{timesHere > 1 ? ` (${timesHere} times)` : ""}
            {sourcesElsewhere.length ? (
              <ul className="plain-list">
                {sourcesElsewhere.map((a) => (
                  <li key={a.sourceId}>
                    <Link to={`/cases/${caseId}/sources/${a.sourceId}?claim=${claim.id}`}>{a.sourceTitle || "Untitled article"}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
        {claim.sameAs ? (
          <div>
            <dt>Seen before</dt>
            <dd>
              The same claim is in the earlier case <Link to={linkTo(claim.sameAs)}>{claim.sameAs.caseTitle}</Link>.
            </dd>
          </div>
        ) : null}
        {claim.laterCopies.length ? (
          <div>
            <dt>Seen again</dt>
            <dd>
              <ul className="plain-list">
                {claim.laterCopies.map((l) => (
                  <li key={l.claimId}>
                    <Link to={linkTo(l)}>{l.caseTitle}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Verdict</dt>
          <dd>
            {claim.verdict ?? <span className="muted">Not set yet.</span>}{" "}
            <Link to={`/cases/${caseId}/evidence#claim-${claim.id}`}>Evidence and verdict</Link>
          </dd>
        </div>
      </dl>

      {children}

      {canEdit ? (
        <div className="claim-actions">
          <Form method="post" className="claim-review" aria-label="Review">
            <input type="hidden" name="claimId" value={claim.id} />
            {claim.review !== "accepted" ? (
              <button className="btn btn-small" type="submit" name="intent" value="accept">
                Accept
              </button>
            ) : null}
            {claim.review !== "dismissed" ? (
              <button className="btn btn-danger btn-small" type="submit" name="intent" value="dismiss">
                Dismiss
              </button>
            ) : null}
            {claim.review !== "proposed" ? (
              <button className="btn btn-secondary btn-small" type="submit" name="intent" value="reopen">
                Back to proposed
              </button>
            ) : null}
          </Form>
          {errorFor("accept") ?? errorFor("dismiss") ?? errorFor("reopen")}

          <div className="claim-selects">
            <Form method="post" className="inline-form">
              <input type="hidden" name="claimId" value={claim.id} />
              <input type="hidden" name="intent" value="status" />
              <label htmlFor="claim-status">Status</label>
              <div className="inline-controls">
                <select id="claim-status" name="status" defaultValue={claim.status}>
                  {CLAIM_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {CLAIM_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
                <button className="btn btn-secondary btn-small" type="submit">
                  Save
                </button>
              </div>
              {errorFor("status")}
            </Form>
            <Form method="post" className="inline-form">
              <input type="hidden" name="claimId" value={claim.id} />
              <input type="hidden" name="intent" value="assign" />
              <label htmlFor="claim-assignee">Engineer</label>
              <div className="inline-controls">
                <select id="claim-assignee" name="assigneeId" defaultValue={claim.assigneeId ?? ""}>
                  <option value="">Nobody</option>
                  {engineers.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
                <button className="btn btn-secondary btn-small" type="submit">
                  Assign
                </button>
              </div>
              {errorFor("assign")}
            </Form>
          </div>

          <details className="claim-tool" open={failure?.intent === "edit" || undefined}>
            <summary>Edit wording</summary>
            <Form method="post">
              <input type="hidden" name="claimId" value={claim.id} />
              <input type="hidden" name="intent" value="edit" />
              <input type="hidden" name="basedOn" value={claim.text} />
              <div className="field">
                <label htmlFor="claim-text">Wording</label>
                <textarea id="claim-text" name="text" rows={4} defaultValue={claim.text} aria-describedby="claim-text-hint" />
                <span className="hint" id="claim-text-hint">
                  The quote stays exactly as it appears in the article.
                </span>
                {errorFor("edit")}
              </div>
              <button className="btn btn-small" type="submit">
                Save wording
              </button>
            </Form>
          </details>

          {here && points.length ? (
            <details className="claim-tool" open={failure?.intent === "split" || undefined}>
              <summary>Split into two claims</summary>
              <Form method="post">
                <input type="hidden" name="claimId" value={claim.id} />
                <input type="hidden" name="intent" value="split" />
                <input type="hidden" name="appearanceId" value={here.id} />
                <div className="field">
                  <label htmlFor="claim-split">Split before</label>
                  <select id="claim-split" name="offset" defaultValue={points[Math.floor(points.length / 2)]?.offset} aria-describedby="claim-split-hint">
                    {points.map((p) => (
                      <option key={p.offset} value={p.offset}>
                        …{p.before} | {p.after}…
                      </option>
                    ))}
                  </select>
                  <span className="hint" id="claim-split-hint">
                    This claim keeps the part before the split; a new claim takes the rest. Other articles' copies are split at the same word.
                  </span>
                  {errorFor("split")}
                </div>
                <button className="btn btn-small" type="submit">
                  Split
                </button>
              </Form>
            </details>
          ) : null}

          {mergeOptions.length ? (
            <details className="claim-tool" open={failure?.intent === "merge" || undefined}>
              <summary>Merge another claim into this one</summary>
              <Form method="post">
                <input type="hidden" name="claimId" value={claim.id} />
                <input type="hidden" name="intent" value="merge" />
                <div className="field">
                  <label htmlFor="claim-merge">Claim to merge</label>
                  <select id="claim-merge" name="mergeIds" aria-describedby="claim-merge-hint" defaultValue="">
                    <option value="" disabled>
                      Choose a claim
                    </option>
                    {mergeOptions.map((o) => (
                      <option key={o.id} value={o.id}>
                        {shorten(o.text)}
                        {o.belowThreshold ? " (below threshold)" : ""}
                      </option>
                    ))}
                  </select>
                  <span className="hint" id="claim-merge-hint">
                    This claim takes over its appearances; the other claim is removed.
                  </span>
                  {errorFor("merge")}
                </div>
                <button className="btn btn-small" type="submit">
                  Merge
                </button>
              </Form>
            </details>
          ) : null}
        </div>
      ) : (
        <p className="muted small">Comms and admins review claims; you can read them.</p>
      )}
    </section>
  );
}
