/**
 * Leavers and movers in an open review cycle (issue 15, decision 040). src/people announces every
 * leave and move inside its own transaction (src/people/person-moves.ts); this applies the rule of
 * each open cycle that holds an unfinished assessment of the person:
 * - keep: nothing changes (the reviewer stays who they were);
 * - move: the assessment follows the person — its reviewer becomes their new manager, history
 *   "moved"; someone who leaves has nowhere to be followed to, so their assessment is withdrawn;
 * - withdraw: the assessment is withdrawn, its history saying why (left, or moved).
 * A signed-off or withdrawn assessment is finished and never touched; a closed cycle neither.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { ChangeAuthor } from "../../people/organisations/changes.ts";
import { onPersonMoves, type PersonMove } from "../../people/person-moves.ts";

const FINISHED = ["signed_off", "withdrawn"];

export type MoverOutcome = "kept" | "moved" | "withdrawn";

/** What the rule does with one assessment (pure). */
export function moverOutcome(rule: string, move: Pick<PersonMove, "left">): MoverOutcome {
  if (rule === "withdraw") return "withdrawn";
  if (rule === "move") return move.left ? "withdrawn" : "moved";
  return "kept";
}

export async function applyLeaverRules(
  trx: Kysely<DB>,
  moves: readonly PersonMove[],
  author: ChangeAuthor,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (const move of moves) {
    const held = await trx
      .selectFrom("assessments as a")
      .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
      .select(["a.id", "a.state", "a.manager_id", "a.version", "c.leaver_rule"])
      .where("a.person_id", "=", move.personId)
      .where("a.organisation_id", "=", move.organisationId)
      .where("c.state", "=", "open")
      .where("a.state", "not in", FINISHED)
      .execute();
    for (const assessment of held) {
      const outcome = moverOutcome(assessment.leaver_rule, move);
      if (outcome === "kept") continue;
      const reason = move.left ? "left" : "moved";
      if (outcome === "withdrawn") {
        await trx
          .updateTable("assessments")
          .set({ state: "withdrawn", version: assessment.version + 1, updated_at: at })
          .where("id", "=", assessment.id)
          .execute();
      } else {
        await trx
          .updateTable("assessments")
          .set({ manager_id: move.managerId, version: assessment.version + 1, updated_at: at })
          .where("id", "=", assessment.id)
          .execute();
      }
      await trx
        .insertInto("assessment_history")
        .values({
          id: randomUUID(),
          assessment_id: assessment.id,
          at,
          actor_id: author.id,
          actor_label: author.label.slice(0, 300),
          event: outcome === "withdrawn" ? "withdrawn" : "moved",
          from_state: assessment.state,
          to_state: outcome === "withdrawn" ? "withdrawn" : assessment.state,
          detail: JSON.stringify({
            reason,
            changed: move.moved,
            ...(outcome === "moved" ? { managerBefore: assessment.manager_id, managerAfter: move.managerId } : {}),
          }),
        })
        .execute();
    }
  }
}

/** Called once when the app is composed (src/app.tsx); registering twice is registering once. */
export function followLeaversAndMovers(): void {
  onPersonMoves(applyLeaverRules);
}
