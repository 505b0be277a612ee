/** What the plan page is drawn from (views.tsx, plan-sections.tsx), as the routes gather it. */
import type { OrganisationFrame } from "../../people/organisations/views.tsx";
import type { FieldErrors, FormValues } from "../../ui/forms/index.ts";
import type { EvidenceTarget } from "./evidence.ts";
import type { Plan } from "./read.ts";
import type { PlanSuggestion } from "./suggestions.ts";

export interface PlanAbilities {
  /** The person: edit the draft, submit, report progress, attach evidence. */
  edit: boolean;
  /** A manager up the chain: approve, send back, close. */
  approve: boolean;
  /** Write check-ins (the person or a manager). */
  checkin: boolean;
}

/** A refused form, drawn again with what was typed (scope: which form). */
export interface KeptForm {
  scope: string;
  values: FormValues;
  errors?: FieldErrors;
}

export interface PlanPageProps {
  frame: OrganisationFrame;
  person: { id: string; name: string };
  plan: Plan;
  can: PlanAbilities;
  maxGoals: number;
  suggestions: PlanSuggestion[];
  evidence: ReadonlyMap<string, EvidenceTarget[]>;
  notice?: string;
  message?: string;
  kept?: KeptForm;
}
