/**
 * The evidence section as another page of the assessment includes it (the assessment's own page,
 * src/assessments/work): the same list, rights and forms as the evidence page, with its forms
 * bringing the reader back to that page. Undefined when the reader may not read the assessment.
 */
import type { Context } from "hono";
import { type OrganisationEnv, organisationTimeZone } from "../../people/context.ts";
import type { OrganisationActor } from "../../policy/index.ts";
import { assessedCompetencies, loadAssessmentAccess } from "./access.ts";
import { megabytesOf } from "./file-types.ts";
import { addRight, mayRead, mayRemove } from "./rights.ts";
import { listEvidence } from "./store.ts";
import { evidenceUrls } from "./urls.ts";
import { EvidenceSection } from "./views.tsx";

export async function evidenceSectionFor(c: Context<OrganisationEnv>, assessmentId: string, back: string) {
  const access = await loadAssessmentAccess(c.var.db, c.var.organisation.id, assessmentId);
  const actor = c.var.orgActor as OrganisationActor | null;
  if (!access || !actor || !mayRead(actor, access)) return undefined;
  const entries = await listEvidence(c.var.db, access.id);
  const right = addRight(actor, access);
  return (
    <EvidenceSection
      lang={c.var.lang}
      urls={evidenceUrls(c.var.lang, c.var.organisation.slug, access.id)}
      entries={entries}
      competencies={await assessedCompetencies(c.var.db, access.id)}
      right={right === "add" ? "add" : right === "closed" ? "closed" : "read"}
      removable={new Set(entries.filter((e) => mayRemove(actor, access, e)).map((e) => e.id))}
      maxMb={megabytesOf(c.var.config.evidence.maxBytes)}
      timeZone={organisationTimeZone(c)}
      level={2}
      back={back}
    />
  );
}
