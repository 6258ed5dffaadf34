/**
 * The rules of evidence links: which parts of a record a link may point at, how an excerpt is
 * found in a field's text, and who may confirm a link (the engineer assigned to the claim, or
 * an admin). Pure: the models layer reads the record and the claim and asks here.
 */
import type { Incident } from "./incidents";

/** The fields of a record a link may point at, in the order a record reads, with their labels. */
export const LINKABLE_FIELDS = [
  ["title", "Title"],
  ["summary", "Summary"],
  ["customerImpact", "Customer impact"],
  ["customersAffected", "Customers affected"],
  ["rootCause", "Root cause"],
  ["trigger", "Trigger"],
  ["contributingFactors", "Contributing factors"],
  ["timeline", "Timeline"],
  ["actionItems", "Action items"],
  ["startedAt", "Started"],
  ["detectedAt", "Detected"],
  ["resolvedAt", "Resolved"],
  ["organization", "Organisation"],
  ["services", "Services"],
  ["regions", "Regions"],
  ["severity", "Severity"],
  ["status", "Status"],
] as const satisfies readonly (readonly [keyof Incident, string])[];

export type LinkableField = (typeof LINKABLE_FIELDS)[number][0];

const FIELD_LABELS = new Map<string, string>(LINKABLE_FIELDS);

export function isLinkableField(field: string): field is LinkableField {
  return FIELD_LABELS.has(field);
}

export function linkFieldLabel(field: string): string {
  return FIELD_LABELS.get(field) ?? field;
}

/** A field's text as a person reads it on the record's page; "" when the record has none. */
export function fieldText(record: Incident, field: LinkableField): string {
  switch (field) {
    case "contributingFactors":
      return (record.contributingFactors ?? []).map((f) => `${f.tag}: ${f.description}`).join("\n");
    case "timeline":
      return (record.timeline ?? []).map((e) => `${e.at} ${e.text}`).join("\n");
    case "actionItems":
      return (record.actionItems ?? []).map((a) => `${a.text} (${a.status}${a.owner ? `, ${a.owner}` : ""})`).join("\n");
    case "services":
    case "regions":
      return (record[field] ?? []).join(", ");
    case "customersAffected":
      return record.customersAffected === undefined ? "" : String(record.customersAffected);
    default:
      return record[field] ?? "";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Where `excerpt` occurs in `text`, ignoring case and differences in whitespace (a quote copied
 * from the page may lose a line break); returns the record's own wording, or null.
 */
export function findExcerpt(text: string, excerpt: string): string | null {
  const words = excerpt.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const match = new RegExp(words.map(escapeRegExp).join("\\s+"), "i").exec(text);
  return match ? match[0] : null;
}

/** Where an excerpt occurs in a record: the field given, else the first field (in reading order) holding it. */
export function locateExcerpt(record: Incident, excerpt: string, field?: LinkableField): { field: LinkableField; excerpt: string } | null {
  const fields = field ? [field] : LINKABLE_FIELDS.map(([f]) => f);
  for (const f of fields) {
    const found = findExcerpt(fieldText(record, f), excerpt);
    if (found) return { field: f, excerpt: found };
  }
  return null;
}

export type Refusal = { ok: true } | { ok: false; status: 403 | 409; reason: string };

/**
 * Who may confirm a claim's evidence: the engineer the claim is assigned to, or an admin. An
 * unassigned claim must be assigned first (409: the state is wrong, not the person).
 */
export function confirmRefusal(
  user: { id: string; roles: readonly string[] },
  assignee: { id: string; name: string } | null,
): Refusal {
  if (user.roles.includes("admin")) return { ok: true };
  if (!user.roles.includes("engineer")) {
    return { ok: false, status: 403, reason: "Evidence is confirmed by the engineer assigned to the claim; your role cannot confirm it." };
  }
  if (!assignee) {
    return { ok: false, status: 409, reason: "This claim is not assigned to an engineer yet. Assign it first; the assigned engineer then confirms its evidence." };
  }
  if (assignee.id !== user.id) {
    return { ok: false, status: 403, reason: `Only the engineer assigned to this claim (${assignee.name}) can confirm its evidence.` };
  }
  return { ok: true };
}

/** What a suggestion's checks say of one record, for preselecting a link's stance. */
interface StanceCheck {
  status: "supported" | "contradicted" | "partial" | "unknown";
  incidentIds: string[];
}

/**
 * The stance a link to `incidentId` most likely has, from the checks the suggestion made with
 * it: a check it contradicts makes it "contradicts", checks it only supports make it "supports",
 * any other check naming it makes it "context". Null where no check names the record: then the
 * form preselects nothing and a person chooses (never "supports" by default).
 */
export function suggestedStance(checks: readonly StanceCheck[], incidentId: string): "supports" | "contradicts" | "context" | null {
  const naming = checks.filter((c) => c.incidentIds.includes(incidentId));
  if (!naming.length) return null;
  if (naming.some((c) => c.status === "contradicted")) return "contradicts";
  if (naming.every((c) => c.status === "supported")) return "supports";
  return "context";
}
