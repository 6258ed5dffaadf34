/** Labels and badges for cases and claims, the same on every page. */
import type { DueState } from "~/domain/case-due";
import type { CaseStatus, ClaimReview, ClaimStatus } from "~/domain/workflow";

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { open: "Open", responding: "Responding", closed: "Closed" };
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = { new: "New", checking: "Checking", checked: "Checked" };
export const REVIEW_LABELS: Record<ClaimReview, string> = { proposed: "Proposed", accepted: "Accepted", dismissed: "Dismissed" };
export const KIND_LABELS: Record<string, string> = {
  causal: "Cause",
  numeric: "Number",
  scope: "Scope",
  temporal: "Time",
  attribution: "Attribution",
  other: "Other",
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const tone = status === "open" ? "" : status === "responding" ? "badge-warn" : "badge-ok";
  return <span className={`badge ${tone}`}>{CASE_STATUS_LABELS[status]}</span>;
}

export function ReviewBadge({ review }: { review: ClaimReview }) {
  const tone = review === "accepted" ? "badge-ok" : review === "dismissed" ? "badge-muted" : "badge-info";
  return <span className={`badge ${tone}`}>{REVIEW_LABELS[review]}</span>;
}

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const tone = status === "checked" ? "badge-ok" : status === "checking" ? "badge-warn" : "";
  return <span className={`badge ${tone}`}>{CLAIM_STATUS_LABELS[status]}</span>;
}

export function KindBadge({ kind }: { kind: string }) {
  return <span className="badge badge-kind">{KIND_LABELS[kind] ?? kind}</span>;
}

/** Check-worthiness as a percentage, with a bar for a quick read. */
export function Worthiness({ value }: { value: number }) {
  const pct = Math.round(value * 100);
  return (
    <span className="worthiness" title={`Check-worthiness ${pct}%`}>
      <span className="worthiness-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      <span>{pct}%</span>
    </span>
  );
}

export function DueBadge({ state }: { state: DueState }) {
  if (state === "overdue") return <span className="badge badge-danger">Overdue</span>;
  if (state === "soon") return <span className="badge badge-warn">Due soon</span>;
  return null;
}
