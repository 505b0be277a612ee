/**
 * Who may change an assessment's evidence, and when (decision 043). The policy says who
 * (src/policy: `assessment.self`, `assessment.review`, `assessment.read`); the assessment's state
 * says when: the person while they assess themself, the reviewer during the review; nobody once it
 * is agreed, signed off or withdrawn, nor while the cycle is not open. Each removes only what they
 * added. Pure.
 */
import { can, type OrganisationActor } from "../../policy/index.ts";
import type { AssessmentResource } from "./access.ts";

/** States in which the person assesses themself. */
export const SELF_PHASE: readonly string[] = ["not_started", "in_progress", "reopened"];
/** States in which the reviewer reviews. */
export const REVIEW_PHASE: readonly string[] = ["submitted", "in_review"];

export interface EvidenceSubject {
  state: string;
  cycleState: string;
  resource: AssessmentResource;
}

export type EvidenceRight = "add" | "closed" | "refused";

export const mayRead = (actor: OrganisationActor | null, subject: EvidenceSubject) =>
  actor !== null && can(actor, "assessment.read", subject.resource);

/** Whether the actor may add evidence now: "add", "closed" (theirs to add, but not in this state), or "refused". */
export function addRight(actor: OrganisationActor | null, subject: EvidenceSubject): EvidenceRight {
  if (!actor) return "refused";
  const self = can(actor, "assessment.self", subject.resource);
  const review = can(actor, "assessment.review", subject.resource);
  if (!self && !review) return "refused";
  if (subject.cycleState !== "open") return "closed";
  if (self && SELF_PHASE.includes(subject.state)) return "add";
  if (review && REVIEW_PHASE.includes(subject.state)) return "add";
  return "closed";
}

export const mayRemove = (
  actor: OrganisationActor | null,
  subject: EvidenceSubject,
  entry: { createdBy: string | null },
): boolean => actor !== null && addRight(actor, subject) === "add" && entry.createdBy === actor.id;
