/**
 * The draft workflow as one pure state machine. Every step a person takes on a draft goes through
 * `transition`, which checks the step is possible from the draft's state and that one of the
 * actor's roles may take it; a refusal is a sentence the route answers with a 409.
 *
 *   draft → fact_check → legal_review → comms_approval → approved → published → retracted | superseded
 *
 * "Request changes" from any review stage, and a new version at any stage before publication,
 * send the draft back to draft (a new version dismisses every approval given on the old one).
 */
import type { Role } from "./roles";
import { DRAFT_STATES, type DraftState } from "./workflow";

export { DRAFT_STATES, type DraftState };

export const DRAFT_STATE_LABELS: Record<DraftState, string> = {
  draft: "Draft",
  fact_check: "Fact check",
  legal_review: "Legal review",
  comms_approval: "Comms approval",
  approved: "Approved",
  published: "Published",
  retracted: "Retracted",
  superseded: "Superseded",
};

export type DraftEvent =
  /** Comms sends the draft to the engineers for fact check. */
  | { type: "submit" }
  /** The engineers' fact check is done; `pendingEngineers` names those who have not confirmed. */
  | { type: "complete_fact_check"; pendingEngineers: readonly string[] }
  /** Legal approves the words. */
  | { type: "approve_legal" }
  /** Comms gives final approval for release. */
  | { type: "approve_release" }
  /** A reviewer sends the draft back, with a comment saying what to change. */
  | { type: "request_changes"; comment: string }
  /** A new version of the text. */
  | { type: "new_version" }
  | { type: "publish" }
  | { type: "retract"; reason: string }
  | { type: "supersede"; reason: string };

export type DraftEventType = DraftEvent["type"];
export const DRAFT_EVENT_TYPES: readonly DraftEventType[] = [
  "submit",
  "complete_fact_check",
  "approve_legal",
  "approve_release",
  "request_changes",
  "new_version",
  "publish",
  "retract",
  "supersede",
];

export interface WorkflowActor {
  roles: readonly Role[] | readonly string[];
}

export type TransitionResult = { ok: true; next: DraftState } | { ok: false; reason: string };

interface Rule {
  /** The states the step may start from. */
  from: readonly DraftState[];
  /** The roles that may take it (admin may take every step). */
  roles: readonly Role[];
  /** What the step is, for refusals: "send a draft to fact check". */
  doing: string;
  next: (state: DraftState) => DraftState;
}

const REVIEW_STAGES: readonly DraftState[] = ["fact_check", "legal_review", "comms_approval"];

/** Who reviews at each stage, and so who may request changes there. */
const STAGE_REVIEWERS: Partial<Record<DraftState, readonly Role[]>> = {
  fact_check: ["engineer", "comms"],
  legal_review: ["legal"],
  comms_approval: ["comms"],
};

const RULES: Record<DraftEventType, Rule> = {
  submit: { from: ["draft"], roles: ["comms"], doing: "send a draft to fact check", next: () => "fact_check" },
  complete_fact_check: { from: ["fact_check"], roles: ["engineer", "comms"], doing: "finish the fact check", next: () => "legal_review" },
  approve_legal: { from: ["legal_review"], roles: ["legal"], doing: "approve a draft for legal accuracy", next: () => "comms_approval" },
  approve_release: { from: ["comms_approval"], roles: ["comms"], doing: "approve a draft for release", next: () => "approved" },
  request_changes: { from: REVIEW_STAGES, roles: ["engineer", "legal", "comms"], doing: "request changes", next: () => "draft" },
  new_version: {
    from: ["draft", ...REVIEW_STAGES, "approved"],
    roles: ["comms"],
    doing: "write a new version",
    next: () => "draft",
  },
  publish: { from: ["approved"], roles: ["comms"], doing: "publish a statement", next: () => "published" },
  retract: { from: ["published"], roles: ["comms"], doing: "retract a statement", next: () => "retracted" },
  supersede: { from: ["published"], roles: ["comms"], doing: "supersede a statement", next: () => "superseded" },
};

function label(state: DraftState): string {
  return DRAFT_STATE_LABELS[state].toLowerCase();
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function hasRole(actor: WorkflowActor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => r === "admin" || (roles as readonly string[]).includes(r));
}

/**
 * The state after `event`, or the reason it cannot happen: the wrong state, a role that may not
 * take the step, or a missing comment, reason or confirmation.
 */
export function transition(state: DraftState, event: DraftEvent, actor: WorkflowActor): TransitionResult {
  const rule = RULES[event.type];
  if (!rule) return { ok: false, reason: "That is not a step a draft can take." };
  if (!rule.from.includes(state)) {
    const from = rule.from.map(label);
    return {
      ok: false,
      reason: `You cannot ${rule.doing} while it is in ${label(state)}; only from ${list(from)}.`,
    };
  }
  const roles = event.type === "request_changes" ? (STAGE_REVIEWERS[state] ?? rule.roles) : rule.roles;
  if (!hasRole(actor, roles)) {
    const stage = event.type === "request_changes" ? ` in ${label(state)}` : "";
    return { ok: false, reason: `Only ${list(roles.map((r) => r))} may ${rule.doing}${stage}.` };
  }
  switch (event.type) {
    case "complete_fact_check":
      if (event.pendingEngineers.length)
        return {
          ok: false,
          reason: `The fact check is not finished: ${list([...event.pendingEngineers])} ${event.pendingEngineers.length === 1 ? "has" : "have"} not confirmed the evidence yet.`,
        };
      break;
    case "request_changes":
      if (!event.comment.trim()) return { ok: false, reason: "Say what should change: requesting changes needs a comment." };
      break;
    case "retract":
    case "supersede":
      if (!event.reason.trim()) return { ok: false, reason: `Give a reason to ${event.type} a published statement; it goes in the correction log.` };
      break;
  }
  return { ok: true, next: rule.next(state) };
}

/** The steps `actor` may take from `state`, for showing only the buttons that would work. */
export function availableEvents(state: DraftState, actor: WorkflowActor): DraftEventType[] {
  return DRAFT_EVENT_TYPES.filter((type) => {
    const rule = RULES[type];
    if (!rule.from.includes(state)) return false;
    const roles = type === "request_changes" ? (STAGE_REVIEWERS[state] ?? rule.roles) : rule.roles;
    return hasRole(actor, roles);
  });
}

/** Whether the draft is out in public (or was): its text can no longer change. */
export function isFinal(state: DraftState): boolean {
  return state === "published" || state === "retracted" || state === "superseded";
}
