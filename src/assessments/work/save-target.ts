/**
 * What a save needs to know before it writes, and nothing more (decision 032, "the light save"): the
 * assessment's row with its state, version, person and reviewer, its cycle's state, the size of the
 * cycle's scale, and the competencies the form may name — one of them for an autosave (with its
 * position on the page, which names the fragment's hidden fields), all of them for the form sent
 * without JavaScript. One query; the policy's manager chain is a second. The page's own read
 * (read.ts: statements, scale, descriptors, history) is left to the pages that draw it.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { managersAbove } from "../../people/membership.ts";
import type { OrganisationResource } from "../../policy/index.ts";
import { type AssessmentItem, itemKey, parseItemKey } from "./read.ts";
import type { AssessmentState, FieldGroup, Standing } from "./states.ts";
import type { ItemChange } from "./store.ts";

/** A competency as a save sees it: its key, its place on the page and the values it holds. */
export type SaveItem = Pick<AssessmentItem, "key" | "self" | "manager" | "agreedLevel"> & { index: number };

export interface SaveTarget {
  id: string;
  organisationId: string;
  personId: string;
  /** The person's own manager (the start of the policy's chain), not the assessment's reviewer. */
  personManagerId: string | null;
  reviewerId: string | null;
  state: AssessmentState;
  personSignedAt: string | null;
  managerSignedAt: string | null;
  version: number;
  cycleState: string;
  /** The number of levels of the cycle's scale. */
  levels: number;
  items: SaveItem[];
}

/**
 * The assessment for a save; `only` (a competency's key) narrows the competencies to that one — a key
 * the assessment does not have, or cannot have, gives none. Undefined when the organisation has no
 * such assessment.
 */
export async function readSaveTarget(
  db: Kysely<DB>,
  organisationId: string,
  assessmentId: string,
  only?: string,
): Promise<SaveTarget | undefined> {
  const one = only === undefined ? undefined : (parseItemKey(only) ?? { frameworkId: "", itemId: "" });
  const rows = await db
    .selectFrom("assessments as a")
    .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
    .leftJoin("people as p", "p.id", "a.person_id")
    .leftJoin("assessment_items as ai", (join) => {
      const mine = join.onRef("ai.assessment_id", "=", "a.id");
      return one ? mine.on("ai.framework_id", "=", one.frameworkId).on("ai.item_id", "=", one.itemId) : mine;
    })
    .select([
      "a.id",
      "a.organisation_id",
      "a.person_id",
      "a.manager_id",
      "a.state",
      "a.person_signed_at",
      "a.manager_signed_at",
      "a.version",
      "c.state as cycle_state",
      "p.manager_id as person_manager_id",
      "ai.framework_id",
      "ai.item_id",
      "ai.self_level",
      "ai.self_comment",
      "ai.manager_level",
      "ai.manager_comment",
      "ai.agreed_level",
    ])
    .select((eb) =>
      eb
        .selectFrom("proficiency_levels as l")
        .select((inner) => inner.fn.countAll().as("n"))
        .whereRef("l.scale_id", "=", "c.scale_id")
        .as("levels"),
    )
    // The page lists the competencies by ordinal, then item id (read.ts): the one saved is preceded by
    // as many as sort before it in that order — counted by the database, in the same collation.
    .$if(one !== undefined, (query) =>
      query.select((eb) =>
        eb
          .selectFrom("assessment_items as x")
          .select((inner) => inner.fn.countAll().as("n"))
          .whereRef("x.assessment_id", "=", "a.id")
          .where((inner) =>
            inner.or([
              inner("x.ordinal", "<", inner.ref("ai.ordinal")),
              inner.and([
                inner("x.ordinal", "=", inner.ref("ai.ordinal")),
                inner("x.item_id", "<", inner.ref("ai.item_id")),
              ]),
            ]),
          )
          .as("position"),
      ),
    )
    .where("a.id", "=", assessmentId)
    .where("a.organisation_id", "=", organisationId)
    .orderBy("ai.ordinal")
    .orderBy("ai.item_id")
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const items: SaveItem[] = [];
  for (const [order, row] of rows.entries()) {
    if (row.framework_id === null || row.item_id === null) continue;
    const position = "position" in row ? Number(row.position) : order;
    items.push({
      key: itemKey(row.framework_id, row.item_id),
      index: position,
      self: { level: row.self_level, comment: row.self_comment },
      manager: { level: row.manager_level, comment: row.manager_comment },
      agreedLevel: row.agreed_level,
    });
  }
  return {
    id: first.id,
    organisationId: first.organisation_id,
    personId: first.person_id,
    personManagerId: first.person_manager_id ?? null,
    reviewerId: first.manager_id,
    state: first.state as AssessmentState,
    personSignedAt: first.person_signed_at,
    managerSignedAt: first.manager_signed_at,
    version: first.version,
    cycleState: first.cycle_state,
    levels: Number(first.levels ?? 0),
    items,
  };
}

/**
 * The target as a policy resource (as read.ts's `assessmentResource`, from what the target already
 * holds). The manager chain is a query of its own, and it decides nothing for the assessment's
 * person or its reviewer — the policy's rules for them (read, rate, review) do not look at it — so
 * for them, who send nearly every save, it is left empty rather than read.
 */
export async function targetResource(
  db: Kysely<DB>,
  target: SaveTarget,
  actorPersonId: string | null = null,
): Promise<OrganisationResource & { kind: "assessment" }> {
  const ownOrReviewing =
    actorPersonId !== null && (actorPersonId === target.personId || actorPersonId === target.reviewerId);
  return {
    kind: "assessment",
    organisationId: target.organisationId,
    personId: target.personId,
    managerChain: !ownOrReviewing && target.personManagerId ? await managersAbove(db, target.personManagerId) : [],
    reviewerId: target.reviewerId,
  };
}

export const targetStanding = (target: SaveTarget): Standing => ({
  state: target.state,
  personSigned: target.personSignedAt !== null,
  reviewerSigned: target.managerSignedAt !== null,
  cycleOpen: target.cycleState === "open",
});

/** The competencies with a group of saved changes applied (what the fragment's hidden fields then hold). */
export function withChanges(items: SaveItem[], group: FieldGroup, changes: ItemChange[]): SaveItem[] {
  const byItem = new Map(changes.map((change) => [itemKey(change.frameworkId, change.itemId), change.values]));
  return items.map((item) => {
    const values = byItem.get(item.key);
    if (!values) return item;
    if (group === "agreed") return { ...item, agreedLevel: values.level };
    const rating = { level: values.level, comment: values.comment?.trim() ? values.comment : null };
    return group === "self" ? { ...item, self: rating } : { ...item, manager: rating };
  });
}

/** The changes with what the target read for each (the save's compare and set, store.ts `stored`). */
export function withStored(items: SaveItem[], group: FieldGroup, changes: ItemChange[]): ItemChange[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  return changes.map((change) => {
    const item = byKey.get(itemKey(change.frameworkId, change.itemId));
    if (!item) return change;
    const stored = group === "agreed" ? { level: item.agreedLevel } : group === "self" ? item.self : item.manager;
    return { ...change, stored };
  });
}
