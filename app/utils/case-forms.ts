/**
 * The zod schemas of the case pages' forms: one per form, each posting an `intent`. Shared by the
 * actions and the pages (for labels and limits).
 */
import { z } from "zod";
import { parseDateTimeLocal } from "~/domain/case-due";
import { CASE_STATUSES, CLAIM_STATUSES, SOURCE_FORMATS } from "~/domain/workflow";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const toArray = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** A form's idempotency key, made when the page was rendered: a second submit of the same form changes nothing. */
const IdempotencyKey = z.preprocess(blankToUndefined, z.uuid({ error: "This form is malformed; reload the page and try again." }).optional());

const Title = z.string().trim().min(1, "Give the case a title (the story's headline will do).").max(200, "Keep the title under 200 characters.");
const Summary = z.string().trim().max(5000, "Keep the summary under 5,000 characters.").optional().default("");
const OwnerId = z.preprocess(blankToUndefined, z.uuid({ error: "Choose an owner from the list." }).optional());
const DueAt = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return null;
      const date = parseDateTimeLocal(v);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "Enter the deadline as a date and time, like 2026-03-13 17:00." });
        return z.NEVER;
      }
      return date;
    }),
);

export const NewCaseForm = z.object({
  intent: z.literal("create-case"),
  idempotencyKey: IdempotencyKey,
  title: Title,
  summary: Summary,
  ownerId: OwnerId,
  dueAt: DueAt,
});

export const UpdateCaseForm = z.object({
  intent: z.literal("update-case"),
  title: Title,
  summary: Summary,
  ownerId: OwnerId,
  dueAt: DueAt,
  status: z.enum(CASE_STATUSES, { error: "Choose a status from the list." }),
});

const isRealDay = (value: string) => {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

export const AddSourceForm = z.object({
  intent: z.literal("add-source"),
  idempotencyKey: IdempotencyKey,
  title: z.string().trim().max(300, "Keep the headline under 300 characters.").optional(),
  outlet: z.string().trim().max(200, "Keep the outlet under 200 characters.").optional(),
  author: z.string().trim().max(200, "Keep the author under 200 characters.").optional(),
  url: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(2000, "That address is too long.")
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), "Enter the article's web address, starting with http:// or https://.")
      .optional(),
  ),
  publishedAt: z.preprocess(
    blankToUndefined,
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date like 2026-03-13.").refine(isRealDay, "That is not a real date.").optional(),
  ),
  format: z.preprocess(blankToUndefined, z.enum(["auto", ...SOURCE_FORMATS], { error: "Choose a format from the list." }).optional().default("auto")),
  body: z.string().optional().default(""),
});

export const CaseIntent = z.discriminatedUnion("intent", [UpdateCaseForm, AddSourceForm]);

const ClaimId = z.uuid({ error: "That claim reference is malformed; reload the page." });
const Offset = (message: string) => z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int(message).min(0, message));
const OptionalOffset = (message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int(message).min(0, message).optional());

export const ClaimIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), claimId: ClaimId }),
  z.object({ intent: z.literal("dismiss"), claimId: ClaimId }),
  z.object({ intent: z.literal("reopen"), claimId: ClaimId }),
  z.object({
    intent: z.literal("edit"),
    claimId: ClaimId,
    text: z.string().trim().min(1, "Write the claim's wording, or leave it as it was.").max(3000, "A claim can be at most 3,000 characters."),
    /** The wording the person edited; a rewording by someone else since then is a 409, not overwritten. */
    basedOn: z.string({ error: "This form is from an older page; reload the page and try again." }).max(3000),
  }),
  z.object({
    intent: z.literal("split"),
    claimId: ClaimId,
    offset: Offset("Choose where to split the claim."),
    appearanceId: z.preprocess(blankToUndefined, z.uuid().optional()),
  }),
  z.object({
    intent: z.literal("merge"),
    claimId: ClaimId,
    mergeIds: z.preprocess(toArray, z.array(z.uuid({ error: "Choose a claim from the list." })).min(1, "Choose a claim to merge into this one.")),
  }),
  z.object({
    intent: z.literal("add"),
    start: OptionalOffset("The selection's start must be a character position (0 or more)."),
    end: OptionalOffset("The selection's end must be a character position (0 or more)."),
    quote: z.preprocess(blankToUndefined, z.string().max(3000, "A claim can be at most 3,000 characters.").optional()),
  }),
  z.object({
    intent: z.literal("assign"),
    claimId: ClaimId,
    assigneeId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose an engineer from the list." }).optional()),
  }),
  z.object({ intent: z.literal("status"), claimId: ClaimId, status: z.enum(CLAIM_STATUSES, { error: "Choose a status from the list." }) }),
]);

export type ClaimIntentName = z.infer<typeof ClaimIntent>["intent"];
