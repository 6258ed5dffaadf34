/**
 * A record's text, field by field, split into what may be quoted and what is internal-only.
 * Both the generator (which quotes only public fields) and the checks (which look for internal
 * text in a draft) read records through this one function.
 */
import type { Incident } from "../incidents";

export interface FieldText {
  incidentId: string;
  /** The record's field name, as `internalOnly` lists it. */
  field: string;
  text: string;
  internal: boolean;
}

/** True when the record lists the field (or the top-level field of a path like "timeline[2]") as internal-only. */
export function isInternalField(incident: Incident, field: string): boolean {
  const top = field.replace(/[[.].*$/, "");
  return (incident.internalOnly ?? []).includes(top);
}

/** Every text-bearing field of a record, each entry of a list on its own. */
export function recordTexts(incident: Incident): FieldText[] {
  const out: FieldText[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text && text.trim()) out.push({ incidentId: incident.id, field, text, internal: isInternalField(incident, field) });
  };
  add("title", incident.title);
  add("summary", incident.summary);
  add("rootCause", incident.rootCause);
  add("trigger", incident.trigger);
  add("customerImpact", incident.customerImpact);
  for (const f of incident.contributingFactors ?? []) add("contributingFactors", f.description);
  for (const t of incident.timeline ?? []) add("timeline", t.text);
  for (const a of incident.actionItems ?? []) {
    add("actionItems", a.text);
    add("actionItems", a.owner);
  }
  for (const l of incident.links ?? []) {
    add("links", l.title);
    add("links", l.url);
  }
  return out;
}

/** The record without its internal-only fields: all the generator may see. */
export function publicView(incident: Incident): Incident {
  const copy: Record<string, unknown> = { ...incident };
  for (const field of incident.internalOnly ?? []) delete copy[field];
  delete copy.internalOnly;
  return copy as unknown as Incident;
}

/**
 * Whether a link to a record quotes internal-only text: its field is listed internal-only, or
 * its excerpt occurs only in internal-only fields of the record (case and spacing aside).
 */
export function isInternalQuote(incident: Incident, field: string | null | undefined, excerpt: string | null | undefined): boolean {
  if (field && isInternalField(incident, field)) return true;
  if (!excerpt?.trim()) return false;
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
  const want = norm(excerpt);
  const texts = recordTexts(incident).filter((f) => norm(f.text).includes(want));
  return texts.length > 0 && texts.every((f) => f.internal);
}
