/**
 * Small pieces the incident pages share: badges for severity, status and internal-only fields,
 * and the names people read for fields and file formats. Every badge carries its meaning as
 * text; colour only repeats it.
 */
import type { IncidentField, IncidentFileFormat } from "~/domain/incidents";

export const FORMAT_LABELS: Record<IncidentFileFormat, string> = {
  json: "Canonical JSON",
  csv: "CSV",
  statuspage: "Statuspage",
  pagerduty: "PagerDuty",
  incidentio: "incident.io",
  firehydrant: "FireHydrant",
  opsgenie: "Opsgenie",
  rootly: "Rootly",
  dispatch: "Netflix Dispatch",
};

export function formatLabel(format: string | null | undefined): string {
  return (format && FORMAT_LABELS[format as IncidentFileFormat]) || format || "unknown format";
}

export const FIELD_LABELS: Record<IncidentField, string> = {
  id: "ID",
  title: "Title",
  status: "Status",
  severity: "Severity",
  startedAt: "Started",
  detectedAt: "Detected",
  resolvedAt: "Resolved",
  organization: "Organization",
  services: "Services",
  regions: "Regions",
  customerImpact: "Customer impact",
  customersAffected: "Customers affected",
  summary: "Summary",
  rootCause: "Root cause",
  trigger: "Trigger",
  contributingFactors: "Contributing factors",
  timeline: "Timeline",
  actionItems: "Action items",
  internalOnly: "Internal-only fields",
  links: "Links",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field as IncidentField] ?? field;
}

/** Contributing-factor tags as words: `ai_assisted_tooling` → "ai assisted tooling". */
export function tagLabel(tag: string): string {
  return tag.replace(/_/g, " ");
}

export function SeverityBadge({ severity }: { severity: string | null | undefined }) {
  if (!severity) return <span className="muted">—</span>;
  const level = /^sev\s*([0-9])/i.exec(severity)?.[1];
  const tone = level === "1" ? "badge-danger" : level === "2" ? "badge-warn" : "";
  return <span className={`badge badge-severity ${tone}`}>{severity}</span>;
}

const STATUS_TONE: Record<string, string> = {
  investigating: "badge-danger",
  identified: "badge-danger",
  monitoring: "badge-warn",
  resolved: "badge-ok",
  closed: "badge-ok",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${STATUS_TONE[status] ?? ""}`}>{status.charAt(0).toUpperCase() + status.slice(1)}</span>;
}

/** The visible "Internal only" marker; `field` names what it marks for assistive technology. */
export function InternalBadge({ field }: { field?: string }) {
  return (
    <span className="badge badge-internal" title="Must never be quoted in a public statement">
      Internal only{field ? <span className="visually-hidden">: {field} must never be quoted in a public statement</span> : null}
    </span>
  );
}
