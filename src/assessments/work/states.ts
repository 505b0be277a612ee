/**
 * The assessment's workflow as one pure table (decision 032): which state each action leads to,
 * who may take it there, and which fields each party may write in each state. The store asks
 * `decide` before every write, so no route and no sequence of requests can reach a state the table
 * does not give, and the property tests walk the same function.
 *
 *   not_started ─save self─▶ in_progress ─submit─▶ submitted ─save manager─▶ in_review ─agree─▶ agreed
 *   agreed ─both sign─▶ signed_off;  submitted…signed_off ─reopen (reason)─▶ reopened ─submit─▶ submitted
 *   anything but withdrawn ─withdraw─▶ withdrawn.  A closed cycle or a withdrawn assessment takes nothing.
 */
import type { ASSESSMENT_STATES } from "../../db/migrations/017_assessments.ts";

export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

/** Who acts: the person assessed, the reviewing manager, or an organisation administrator (HR). */
export type Party = "person" | "reviewer" | "administrator";

/** Groups of fields written together; each belongs to one party. */
export type FieldGroup = "self" | "manager" | "agreed";

export interface Standing {
  state: AssessmentState;
  personSigned: boolean;
  reviewerSigned: boolean;
  /** The cycle is open (a draft or closed cycle takes no work). */
  cycleOpen: boolean;
}

export type Action =
  | { kind: "save"; group: FieldGroup }
  | { kind: "submit" }
  /** `complete`: every competency has its agreed level (the store counts them). */
  | { kind: "agree"; complete: boolean }
  | { kind: "sign" }
  | { kind: "reopen"; reason: string }
  | { kind: "withdraw"; reason: string }
  | { kind: "add-item" }
  /** Removing a competency the person or the manager added (`origin`); the profile's stay. */
  | { kind: "remove-item"; origin: "profile" | "person" | "manager" };

export type Refusal = "closed" | "not-allowed" | "reason-required" | "incomplete";

export type Decision = { ok: true; next: Standing } | { ok: false; refusal: Refusal };

/** States in which the person writes their own ratings. */
export const SELF_STATES: readonly AssessmentState[] = ["not_started", "in_progress", "reopened"];
/** States in which the reviewer writes their ratings. */
export const MANAGER_STATES: readonly AssessmentState[] = ["submitted", "in_review"];
/** The conversation: agreed levels and notes. */
export const AGREED_STATES: readonly AssessmentState[] = ["in_review"];
/** States from which the reviewer or HR may reopen. */
export const REOPENABLE_STATES: readonly AssessmentState[] = ["submitted", "in_review", "agreed", "signed_off"];

/** Which party writes which group, and when. */
const WRITES: Record<FieldGroup, { party: Party; states: readonly AssessmentState[] }> = {
  self: { party: "person", states: SELF_STATES },
  manager: { party: "reviewer", states: MANAGER_STATES },
  agreed: { party: "reviewer", states: AGREED_STATES },
};

export const REASON_MAX = 2000;

const to = (standing: Standing, changes: Partial<Standing>): Decision => ({
  ok: true,
  next: { ...standing, ...changes },
});
const no = (refusal: Refusal): Decision => ({ ok: false, refusal });

/** Whether `party` may write `group` in this standing (the page shows the fields only then). */
export function mayWrite(standing: Standing, party: Party, group: FieldGroup): boolean {
  return decide(standing, { kind: "save", group }, party).ok;
}

/** The one rule: what `party` doing `action` makes of `standing`, or why not. */
export function decide(standing: Standing, action: Action, party: Party): Decision {
  const { state } = standing;
  if (!standing.cycleOpen || state === "withdrawn") return no("closed");
  switch (action.kind) {
    case "save": {
      const rule = WRITES[action.group];
      if (party !== rule.party || !rule.states.includes(state)) return no("not-allowed");
      if (state === "not_started") return to(standing, { state: "in_progress" });
      if (state === "submitted") return to(standing, { state: "in_review" });
      return to(standing, {});
    }
    case "add-item":
      if (party === "person" && SELF_STATES.includes(state))
        return to(standing, { state: state === "not_started" ? "in_progress" : state });
      if (party === "reviewer" && MANAGER_STATES.includes(state)) return to(standing, { state: "in_review" });
      return no("not-allowed");
    case "remove-item": {
      if (action.origin === "profile") return no("not-allowed");
      const group: FieldGroup = action.origin === "person" ? "self" : "manager";
      return decide(standing, { kind: "save", group }, party);
    }
    case "submit":
      if (party !== "person" || (state !== "in_progress" && state !== "reopened")) return no("not-allowed");
      return to(standing, { state: "submitted" });
    case "agree":
      if (party !== "reviewer" || state !== "in_review") return no("not-allowed");
      if (!action.complete) return no("incomplete");
      return to(standing, { state: "agreed" });
    case "sign": {
      if (state !== "agreed" || party === "administrator") return no("not-allowed");
      if (party === "person" ? standing.personSigned : standing.reviewerSigned) return no("not-allowed");
      const signed = party === "person" ? { personSigned: true } : { reviewerSigned: true };
      const both = (standing.personSigned || party === "person") && (standing.reviewerSigned || party === "reviewer");
      return to(standing, { ...signed, state: both ? "signed_off" : "agreed" });
    }
    case "reopen":
      if (party === "person" || !REOPENABLE_STATES.includes(state)) return no("not-allowed");
      if (action.reason.trim() === "") return no("reason-required");
      return to(standing, { state: "reopened", personSigned: false, reviewerSigned: false });
    case "withdraw":
      if (party !== "administrator") return no("not-allowed");
      if (action.reason.trim() === "") return no("reason-required");
      return to(standing, { state: "withdrawn" });
  }
}

/** The edges of the table, for the decision record and the tests: state → states it may lead to. */
export const NEXT_STATES: Record<AssessmentState, readonly AssessmentState[]> = {
  not_started: ["in_progress", "withdrawn"],
  in_progress: ["in_progress", "submitted", "withdrawn"],
  submitted: ["in_review", "reopened", "withdrawn"],
  in_review: ["in_review", "agreed", "reopened", "withdrawn"],
  agreed: ["agreed", "signed_off", "reopened", "withdrawn"],
  signed_off: ["reopened", "withdrawn"],
  reopened: ["reopened", "submitted", "withdrawn"],
  withdrawn: [],
};
