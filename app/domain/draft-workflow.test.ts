import { describe, expect, it } from "vitest";
import { availableEvents, DRAFT_STATES, transition, type DraftEvent, type DraftEventType, type DraftState } from "./draft-workflow";
import { ROLES, type Role } from "./roles";

/** Each event with the details a valid request carries. */
const EVENTS: Record<DraftEventType, DraftEvent> = {
  submit: { type: "submit" },
  complete_fact_check: { type: "complete_fact_check", pendingEngineers: [] },
  approve_legal: { type: "approve_legal" },
  approve_release: { type: "approve_release" },
  request_changes: { type: "request_changes", comment: "Soften the second paragraph." },
  new_version: { type: "new_version" },
  publish: { type: "publish" },
  retract: { type: "retract", reason: "The figure was wrong." },
  supersede: { type: "supersede", reason: "A fuller statement replaces it." },
};

/**
 * The whole table of allowed steps, written out by hand: [state, event, roles other than admin
 * that may take it, next state]. Admin may take every step. Everything not listed is refused.
 */
const ALLOWED: Array<[DraftState, DraftEventType, Role[], DraftState]> = [
  ["draft", "submit", ["comms"], "fact_check"],
  ["draft", "new_version", ["comms"], "draft"],
  ["fact_check", "complete_fact_check", ["engineer", "comms"], "legal_review"],
  ["fact_check", "request_changes", ["engineer", "comms"], "draft"],
  ["fact_check", "new_version", ["comms"], "draft"],
  ["legal_review", "approve_legal", ["legal"], "comms_approval"],
  ["legal_review", "request_changes", ["legal"], "draft"],
  ["legal_review", "new_version", ["comms"], "draft"],
  ["comms_approval", "approve_release", ["comms"], "approved"],
  ["comms_approval", "request_changes", ["comms"], "draft"],
  ["comms_approval", "new_version", ["comms"], "draft"],
  ["approved", "publish", ["comms"], "published"],
  ["approved", "new_version", ["comms"], "draft"],
  ["published", "retract", ["comms"], "retracted"],
  ["published", "supersede", ["comms"], "superseded"],
];

function expected(state: DraftState, event: DraftEventType, role: Role): DraftState | null {
  const row = ALLOWED.find(([s, e]) => s === state && e === event);
  if (!row) return null;
  return role === "admin" || row[2].includes(role) ? row[3] : null;
}

describe("every transition for every role", () => {
  for (const state of DRAFT_STATES) {
    for (const type of Object.keys(EVENTS) as DraftEventType[]) {
      for (const role of ROLES) {
        const next = expected(state, type, role);
        it(`${role}: ${type} from ${state} is ${next ? `allowed (→ ${next})` : "refused"}`, () => {
          const result = transition(state, EVENTS[type], { roles: [role] });
          if (next) expect(result).toEqual({ ok: true, next });
          else {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.reason).toMatch(/^[A-Z].*\.$/);
          }
        });
      }
    }
  }

  it("lists exactly the allowed steps as available", () => {
    for (const state of DRAFT_STATES)
      for (const role of ROLES) {
        const allowed = ALLOWED.filter(([s, , roles]) => s === state && (role === "admin" || roles.includes(role))).map(([, e]) => e);
        expect(new Set(availableEvents(state, { roles: [role] }))).toEqual(new Set(allowed));
      }
  });
});

describe("refusals say why", () => {
  it("names the state and where the step may start from", () => {
    const result = transition("draft", { type: "publish" }, { roles: ["comms"] });
    expect(result).toEqual({ ok: false, reason: "You cannot publish a statement while it is in draft; only from approved." });
  });

  it("names the roles that may take the step", () => {
    const result = transition("legal_review", { type: "approve_legal" }, { roles: ["comms"] });
    expect(result).toEqual({ ok: false, reason: "Only legal may approve a draft for legal accuracy." });
  });

  it("needs a comment to request changes", () => {
    const result = transition("legal_review", { type: "request_changes", comment: "  " }, { roles: ["legal"] });
    expect(result).toEqual({ ok: false, reason: "Say what should change: requesting changes needs a comment." });
  });

  it("needs every assigned engineer's confirmation to finish the fact check", () => {
    const result = transition("fact_check", { type: "complete_fact_check", pendingEngineers: ["Erin Engineer", "Sam Ops"] }, { roles: ["engineer"] });
    expect(result).toEqual({ ok: false, reason: "The fact check is not finished: Erin Engineer and Sam Ops have not confirmed the evidence yet." });
  });

  it("needs a reason to retract or supersede", () => {
    expect(transition("published", { type: "retract", reason: "" }, { roles: ["comms"] }).ok).toBe(false);
    expect(transition("published", { type: "supersede", reason: " " }, { roles: ["admin"] }).ok).toBe(false);
  });

  it("lets a person with several roles take a step any of them allows", () => {
    expect(transition("legal_review", { type: "approve_legal" }, { roles: ["engineer", "legal"] })).toEqual({ ok: true, next: "comms_approval" });
  });
});
