/**
 * The canonical incident record (../shared/formats/incidents.md). Every import path
 * (canonical JSON, CSV, Statuspage, PagerDuty) produces this shape; the database stores it
 * as given, so that export then import is the identity.
 */

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The contributing-factor vocabulary the app understands. Unknown tags are kept as given. */
export const FACTOR_TAGS = [
  "ai_assisted_tooling",
  "ai_generated_code",
  "human_error",
  "config_change",
  "deployment",
  "capacity",
  "dependency_failure",
  "third_party",
  "hardware",
  "network",
  "security",
  "data_loss",
  "process_gap",
  "outdated_documentation",
  "monitoring_gap",
] as const;
export type FactorTag = (typeof FACTOR_TAGS)[number];

export interface ContributingFactor {
  tag: string;
  description: string;
}
export interface TimelineEntry {
  at: string;
  text: string;
}
export interface ActionItem {
  text: string;
  status: "open" | "done";
  owner?: string;
}
export interface IncidentLink {
  title: string;
  url: string;
}

/** A validated record. Optional fields are absent (not null) when the source did not give them. */
export interface Incident {
  id: string;
  title: string;
  status?: IncidentStatus;
  severity?: string;
  startedAt: string;
  detectedAt?: string;
  resolvedAt?: string;
  organization?: string;
  services?: string[];
  regions?: string[];
  customerImpact?: string;
  customersAffected?: number;
  summary?: string;
  rootCause?: string;
  trigger?: string;
  contributingFactors?: ContributingFactor[];
  timeline?: TimelineEntry[];
  actionItems?: ActionItem[];
  internalOnly?: string[];
  links?: IncidentLink[];
}
