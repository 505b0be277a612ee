/**
 * A finished activity as evidence in the next cycle (issue 16, decision 049). From the plan page, the
 * person attaches a done activity to their own assessment of an open cycle, on the goal's
 * competency: a link-type evidence row (src/assessments/evidence/store.ts `addLink`, so the
 * assessment's history records it as any other), titled from the activity and pointing to the plan
 * page. Offered only where the evidence rules (decision 043) let the person add evidence now — the
 * cycle open, the assessment in its self-assessment phase — on an assessment that has the competency,
 * in a cycle whose period ends on or after the day the activity was done (a later cycle, not one the
 * activity came after). The same activity is not attached twice to one assessment, even by two
 * requests at once (the check is repeated in the write's transaction).
 */
import type { Kysely } from "kysely";
import { SELF_PHASE } from "../../assessments/evidence/rights.ts";
import { addLinkOnce } from "../../assessments/evidence/store.ts";
import type { DB } from "../../db/schema.ts";
import type { ChangeAuthor } from "../../people/organisations/changes.ts";

export interface EvidenceTarget {
  assessmentId: string;
  cycleName: { en: string; fr: string };
  /** The activity is already attached there. */
  attached: boolean;
}

const TITLE_MAX = 200;

/** What the evidence row is called: the activity's own words, bounded as evidence titles are. */
export const evidenceTitle = (description: string) =>
  description.length > TITLE_MAX ? `${description.slice(0, TITLE_MAX - 1)}…` : description;

/**
 * The person's assessments a done activity on this competency may go to, by activity id (only done
 * activities appear). `planUrl` is the address the evidence points to.
 */
export async function evidenceTargets(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
  activities: readonly { id: string; itemId: string; doneAt: string | null; description: string }[],
  planUrl: string,
): Promise<Map<string, EvidenceTarget[]>> {
  const done = activities.filter((a) => a.doneAt !== null);
  const byActivity = new Map<string, EvidenceTarget[]>();
  if (done.length === 0) return byActivity;
  const rows = await db
    .selectFrom("assessments as a")
    .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
    .innerJoin("assessment_items as i", "i.assessment_id", "a.id")
    .select(["a.id", "c.name_en", "c.name_fr", "c.period_end", "i.item_id"])
    .where("a.organisation_id", "=", organisationId)
    .where("a.person_id", "=", personId)
    .where("c.state", "=", "open")
    .where("a.state", "in", [...SELF_PHASE])
    .where(
      "i.item_id",
      "in",
      done.map((a) => a.itemId),
    )
    .orderBy("c.period_end")
    .orderBy("a.id")
    .execute();
  const attached =
    rows.length === 0
      ? []
      : await db
          .selectFrom("assessment_evidence")
          .select(["assessment_id", "item_id", "title"])
          .where(
            "assessment_id",
            "in",
            rows.map((r) => r.id),
          )
          .where("kind", "=", "link")
          .where("url", "=", planUrl)
          .execute();
  for (const activity of done) {
    const day = (activity.doneAt as string).slice(0, 10);
    const targets = rows
      .filter((r) => r.item_id === activity.itemId && r.period_end >= day)
      .map((r) => ({
        assessmentId: r.id,
        cycleName: { en: r.name_en, fr: r.name_fr },
        attached: attached.some(
          (e) =>
            e.assessment_id === r.id &&
            e.item_id === activity.itemId &&
            e.title === evidenceTitle(activity.description),
        ),
      }));
    if (targets.length > 0) byActivity.set(activity.id, targets);
  }
  return byActivity;
}

/**
 * Attaches the done activity to the assessment, if it is one of its targets and not attached yet;
 * returns whether it did.
 */
export async function attachActivity(
  db: Kysely<DB>,
  input: {
    organisationId: string;
    personId: string;
    activity: { id: string; itemId: string; doneAt: string | null; description: string };
    assessmentId: string;
    planUrl: string;
  },
  author: ChangeAuthor,
  now = new Date(),
): Promise<"attached" | "already" | "refused"> {
  const targets = await evidenceTargets(db, input.organisationId, input.personId, [input.activity], input.planUrl);
  const target = targets.get(input.activity.id)?.find((t) => t.assessmentId === input.assessmentId);
  if (!target) return "refused";
  if (target.attached) return "already";
  // Checked again where it is written: two clicks at once attach it once.
  const added = await addLinkOnce(
    db,
    {
      assessmentId: input.assessmentId,
      itemId: input.activity.itemId,
      title: evidenceTitle(input.activity.description),
      url: input.planUrl,
    },
    author,
    now,
  );
  return added === undefined ? "already" : "attached";
}
