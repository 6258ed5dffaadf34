/**
 * The zod schema of one canonical incident record (shared/formats/incidents.md), built once at
 * module load. Every message is written here so that an error reads the same whichever import
 * path produced the record. Objects are strict: an unknown field is rejected, not dropped,
 * because a dropped field would silently lose what the source said.
 */

import { z } from "zod";
import { dateTimeProblem, normaliseDateTime } from "./date-time";
import { showValue } from "./import-error";
import { INCIDENT_STATUSES, type Incident } from "./types";

/** Every field of the canonical record, in the order of the format's table. */
export const INCIDENT_FIELDS = [
  "id",
  "title",
  "status",
  "severity",
  "startedAt",
  "detectedAt",
  "resolvedAt",
  "organization",
  "services",
  "regions",
  "customerImpact",
  "customersAffected",
  "summary",
  "rootCause",
  "trigger",
  "contributingFactors",
  "timeline",
  "actionItems",
  "internalOnly",
  "links",
] as const satisfies readonly (keyof Incident)[];
export type IncidentField = (typeof INCIDENT_FIELDS)[number];

// Fails to compile when types.ts gains a field this list does not name.
const everyFieldListed: [Exclude<keyof Incident, IncidentField>] extends [never] ? true : false = true;
void everyFieldListed;

/** The fields of the objects inside list fields, for "unknown field" hints. */
export const NESTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  contributingFactors: ["tag", "description"],
  timeline: ["at", "text"],
  actionItems: ["text", "status", "owner"],
  links: ["title", "url"],
};

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
const REQUIRED = "required field is missing";

type Presence = "required" | "optional";
type Issue = { code?: string; input?: unknown };

/** An error map that names the expected type and shows the value that was given instead. */
function expected(what: string, presence: Presence = "required") {
  return (issue: Issue) => {
    if (issue.code === "unrecognized_keys") return undefined;
    if (issue.input === undefined) return REQUIRED;
    if (issue.input === null && presence === "optional") return `null is not ${what}; leave the field out when it has no value`;
    return `${showValue(issue.input)} is not ${what}`;
  };
}

const text = (presence?: Presence) => z.string({ error: expected("a string", presence) });

const dateTime = (presence?: Presence) =>
  text(presence).superRefine((value, ctx) => {
    const problem = dateTimeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }).transform(normaliseDateTime);

const list = <T extends z.ZodType>(item: T, what: string) => z.array(item, { error: expected(what, "optional") }).optional();

const record = <T extends z.core.$ZodLooseShape>(shape: T, what: string) => z.strictObject(shape, { error: expected(what) });

const id = text().regex(ID_PATTERN, {
  error: (issue) => `${showValue(issue.input)} is not a valid id: use 1-64 characters from A-Z a-z 0-9 . _ : -`,
});

const title = text().refine((value) => value.trim() !== "", { error: "must not be empty" });

const status = z.enum(INCIDENT_STATUSES, { error: expected(`one of ${INCIDENT_STATUSES.join(", ")}`, "optional") }).optional();

const countMessage = expected("an integer >= 0", "optional");
const count = z.number({ error: countMessage }).int({ error: countMessage }).min(0, { error: countMessage }).optional();

const fieldName = z.enum(INCIDENT_FIELDS, { error: expected("a field of the incident format") });

const factor = record({ tag: text(), description: text() }, "an object with tag and description");
const timelineEntry = record({ at: dateTime(), text: text() }, "an object with at and text");
const actionItem = record(
  {
    text: text(),
    status: z.enum(["open", "done"], { error: expected("one of open, done") }),
    owner: text("optional").optional(),
  },
  "an object with text, status and owner",
);
const link = record({ title: text(), url: text() }, "an object with title and url");

const shape = {
  id,
  title,
  status,
  severity: text("optional").optional(),
  startedAt: dateTime(),
  detectedAt: dateTime("optional").optional(),
  resolvedAt: dateTime("optional").optional(),
  organization: text("optional").optional(),
  services: list(text(), "a list of strings"),
  regions: list(text(), "a list of strings"),
  customerImpact: text("optional").optional(),
  customersAffected: count,
  summary: text("optional").optional(),
  rootCause: text("optional").optional(),
  trigger: text("optional").optional(),
  contributingFactors: list(factor, "a list of {tag, description}"),
  timeline: list(timelineEntry, "a list of {at, text}"),
  actionItems: list(actionItem, "a list of {text, status, owner}"),
  internalOnly: list(fieldName, "a list of field names"),
  links: list(link, "a list of {title, url}"),
} satisfies Record<IncidentField, z.ZodType>;

/** The schema of one canonical record; its output type is checked against `Incident`. */
export const IncidentSchema = record(shape, "an object") satisfies z.ZodType<Incident>;
