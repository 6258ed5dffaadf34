/**
 * The text of an incident record grouped by search weight. The database layer turns these
 * into a weighted tsvector (A highest): a match in the title says more than one in an
 * action item.
 */

import type { Incident } from "./types";

/** Text for each tsvector weight, parts joined by newlines; empty when the record has none. */
export interface IncidentSearchText {
  a: string;
  b: string;
  c: string;
  d: string;
}

/**
 * A: title. B: summary and root cause. C: customer impact, trigger, contributing factors (tag
 * and description), services, regions, organization. D: timeline texts and action items.
 * Factor tags are written with spaces (`ai assisted tooling`) so that press wording matches
 * them whatever the text-search parser makes of underscores.
 */
export function incidentSearchText(incident: Incident): IncidentSearchText {
  const factors = incident.contributingFactors ?? [];
  return {
    a: incident.title,
    b: joinParts([incident.summary, incident.rootCause]),
    c: joinParts([
      incident.customerImpact,
      incident.trigger,
      ...factors.flatMap((factor) => [factor.tag.replace(/_/g, " "), factor.description]),
      ...(incident.services ?? []),
      ...(incident.regions ?? []),
      incident.organization,
    ]),
    d: joinParts([...(incident.timeline ?? []).map((entry) => entry.text), ...(incident.actionItems ?? []).map((item) => item.text)]),
  };
}

function joinParts(parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== "").join("\n");
}
