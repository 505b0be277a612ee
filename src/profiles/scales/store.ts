/**
 * Writing scales: an organisation chooses the instance's default scale or its own (one per
 * organisation, made from a copy of the default the first time), defines its own scale's levels,
 * and writes per-competency level descriptors on its own scale. Reading is in read.ts.
 *
 * A scale's level numbers are keys others hold (job profile targets, descriptors, later
 * assessments): when levels are reordered or removed, the save says where each level came from
 * (`was`), descriptors and profile targets follow their level, and removing a level a profile
 * targets is refused rather than silently moving the target.
 *
 * Every save of an organisation's scale is written to its change history (subject `scale`) in the
 * same transaction, so the history neither misses a save nor lists one that was rolled back. The
 * instance's default scale belongs to no organisation: its descriptors are not in any history.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { isPostgres } from "../../auth/accounts.ts";
import type { DB } from "../../db/schema.ts";
import { type ChangeAuthor, recordChange } from "../../people/organisations/changes.ts";
import { type Bilingual, DEFAULT_SCALE_ID, organisationScaleId, readScale, type Scale } from "./read.ts";
import {
  descriptorProblems,
  type LevelInput,
  normaliseScale,
  type ScaleInput,
  type ScaleProblem,
  scaleProblems,
} from "./validate.ts";

/** The scale is not well formed (validate.ts says why). */
export class ScaleInvalidError extends Error {
  constructor(readonly problems: ScaleProblem[]) {
    super("the scale is not valid");
  }
}

/** Someone saved the scale since this version was read. */
export class ScaleConflictError extends Error {
  constructor(readonly current: number) {
    super("the scale changed since it was read");
  }
}

/** Levels that job profiles target would disappear. */
export class LevelInUseError extends Error {
  constructor(readonly levels: number[]) {
    super(`job profiles target levels ${levels.join(", ")}`);
  }
}

/** A level as saved: where it was in the scale before (null: a new level). */
export interface SavedLevel extends LevelInput {
  was?: number | null;
}

export interface SaveScale extends ScaleInput {
  levels: SavedLevel[];
  /** The version the editor read (absent: no check, as a CASE import or the first definition). */
  expectedVersion?: number;
}

const nowIso = () => new Date().toISOString();

/*
 * Saves of one organisation's scale take turns: each first locks a row the others lock too (the
 * organisation's, where its own scale may be made or chosen; the scale's, before its levels or
 * descriptors are rewritten), so on PostgreSQL the second waits and then reads what the first
 * committed. Without it, both could find no own scale and each make one, or each delete the rows it
 * saw and insert its own over the other's (a 500 on the primary key). SQLite runs one writing
 * transaction at a time. The same lock as the assessment evidence store's.
 */
const holdOrganisation = async (trx: Transaction<DB>, organisationId: string) => {
  if (isPostgres(trx))
    await trx.selectFrom("organisations").select("id").where("id", "=", organisationId).forUpdate().execute();
};
const holdScale = async (trx: Transaction<DB>, scaleId: string) => {
  if (isPostgres(trx))
    await trx.selectFrom("proficiency_scales").select("id").where("id", "=", scaleId).forUpdate().execute();
};

/** The id of the organisation's own scale, whether or not it uses it now. */
export async function ownScaleId(db: Kysely<DB>, organisationId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("proficiency_scales")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at")
    .executeTakeFirst();
  return row?.id;
}

async function setChoice(trx: Transaction<DB>, organisationId: string, scaleId: string, by: ChangeAuthor) {
  const at = nowIso();
  await trx.deleteFrom("organisation_scales").where("organisation_id", "=", organisationId).execute();
  // No row stands for the default, so a later change of the default reaches every organisation on it.
  if (scaleId === DEFAULT_SCALE_ID) return;
  await trx
    .insertInto("organisation_scales")
    .values({ organisation_id: organisationId, scale_id: scaleId, chosen_at: at, chosen_by: by.id })
    .execute();
}

async function insertLevels(trx: Transaction<DB>, scaleId: string, levels: readonly LevelInput[]) {
  if (levels.length === 0) return;
  await trx
    .insertInto("proficiency_levels")
    .values(
      levels.map((level) => ({
        scale_id: scaleId,
        number: level.number,
        label_en: level.label.en,
        label_fr: level.label.fr,
        descriptor_en: level.descriptor.en,
        descriptor_fr: level.descriptor.fr,
      })),
    )
    .execute();
}

/** What the history keeps of a scale's levels: enough to see what a save changed. */
const levelsForHistory = (scale: Scale | undefined) =>
  scale?.levels.map((level) => ({ number: level.number, label: level.label, descriptor: level.descriptor })) ?? [];

const choiceName = (scaleId: string) => (scaleId === DEFAULT_SCALE_ID ? "default" : "own");

/** Makes the organisation's own scale as a copy of the default (its levels; not its descriptors). */
async function createOwnScale(trx: Transaction<DB>, organisationId: string): Promise<string> {
  const base = await readScale(trx, DEFAULT_SCALE_ID);
  if (!base) throw new Error("the default scale is missing");
  const id = randomUUID();
  const at = nowIso();
  await trx
    .insertInto("proficiency_scales")
    .values({
      id,
      organisation_id: organisationId,
      name_en: base.name.en,
      name_fr: base.name.fr,
      description_en: base.description.en,
      description_fr: base.description.fr,
      case_identifier: randomUUID(),
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await insertLevels(trx, id, base.levels);
  return id;
}

/**
 * The organisation uses the default scale, or its own (made from the default's levels the first
 * time; kept, with its descriptors, when it goes back to the default).
 */
export async function chooseScale(
  db: Kysely<DB>,
  organisationId: string,
  choice: "default" | "own",
  by: ChangeAuthor,
): Promise<Scale> {
  const scaleId = await db.transaction().execute(async (trx) => {
    await holdOrganisation(trx, organisationId);
    const before = await organisationScaleId(trx, organisationId);
    const existing = choice === "default" ? DEFAULT_SCALE_ID : await ownScaleId(trx, organisationId);
    const id = existing ?? (await createOwnScale(trx, organisationId));
    await setChoice(trx, organisationId, id, by);
    await recordChange(trx, by, {
      organisationId,
      subject: "scale",
      subjectId: id,
      action: existing === undefined ? "create" : "update",
      before: { scale: choiceName(before) },
      after: {
        scale: choiceName(id),
        ...(existing === undefined ? { levels: levelsForHistory(await readScale(trx, id)) } : {}),
      },
    });
    return id;
  });
  return (await readScale(db, scaleId)) as Scale;
}

/** Old level number → new one, for every old level that is kept. */
export function levelMapping(oldCount: number, levels: readonly SavedLevel[]): Map<number, number> {
  const mapping = new Map<number, number>();
  levels.forEach((level, index) => {
    const was = level.was === undefined ? (level.number <= oldCount ? level.number : null) : level.was;
    if (was !== null && Number.isInteger(was) && was >= 1 && was <= oldCount && !mapping.has(was))
      mapping.set(was, index + 1);
  });
  return mapping;
}

/**
 * Defines the organisation's own scale (making it if needed) and makes it the one the organisation
 * uses. Levels are renumbered 1..n in the order given; descriptors and profile targets follow them.
 */
export async function saveOwnScale(
  db: Kysely<DB>,
  organisationId: string,
  input: SaveScale,
  by: ChangeAuthor,
): Promise<Scale> {
  const scale = normaliseScale(input);
  const problems = scaleProblems(scale);
  if (problems.length > 0) throw new ScaleInvalidError(problems);
  const scaleId = await db.transaction().execute(async (trx) => {
    await holdOrganisation(trx, organisationId);
    const chosenBefore = await organisationScaleId(trx, organisationId);
    const existing = await ownScaleId(trx, organisationId);
    const id = existing ?? (await createOwnScale(trx, organisationId));
    await holdScale(trx, id);
    const before = existing === undefined ? undefined : await readScale(trx, id);
    const current = await trx
      .selectFrom("proficiency_scales")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
      throw new ScaleConflictError(current.version);
    const old = await trx.selectFrom("proficiency_levels").select("number").where("scale_id", "=", id).execute();
    const mapping = levelMapping(old.length, input.levels);
    await remapTargets(trx, id, old.length, mapping);
    await remapDescriptors(trx, id, mapping);
    await trx.deleteFrom("proficiency_levels").where("scale_id", "=", id).execute();
    await insertLevels(trx, id, scale.levels);
    await trx
      .updateTable("proficiency_scales")
      .set({
        name_en: scale.name.en,
        name_fr: scale.name.fr,
        description_en: scale.description.en,
        description_fr: scale.description.fr,
        version: current.version + 1,
        updated_at: nowIso(),
      })
      .where("id", "=", id)
      .execute();
    await setChoice(trx, organisationId, id, by);
    const saved = await readScale(trx, id);
    await recordChange(trx, by, {
      organisationId,
      subject: "scale",
      subjectId: id,
      action: existing === undefined ? "create" : "update",
      before: before && {
        scale: choiceName(chosenBefore),
        name: before.name,
        levels: levelsForHistory(before),
      },
      after: { scale: "own", name: saved?.name, levels: levelsForHistory(saved) },
    });
    return id;
  });
  return (await readScale(db, scaleId)) as Scale;
}

/** Profile targets follow their level; a target on a removed level refuses the save. */
async function remapTargets(trx: Transaction<DB>, scaleId: string, oldCount: number, mapping: Map<number, number>) {
  const onScale = trx.selectFrom("job_profiles").select("id").where("scale_id", "=", scaleId);
  const targeted = await trx
    .selectFrom("job_profile_requirements")
    .select("target_level")
    .distinct()
    .where("profile_id", "in", onScale)
    .execute();
  const lost = targeted
    .map((row) => row.target_level)
    .filter((level) => level <= oldCount && !mapping.has(level))
    .sort((a, b) => a - b);
  if (lost.length > 0) throw new LevelInUseError(lost);
  // Moved in two steps (out of the way, then into place) so two swapped levels never collide.
  const moves = [...mapping].filter(([from, to]) => from !== to);
  const apart = 10_000;
  for (const [from, to] of moves)
    await trx
      .updateTable("job_profile_requirements")
      .set({ target_level: to + apart })
      .where("profile_id", "in", onScale)
      .where("target_level", "=", from)
      .execute();
  if (moves.length > 0)
    await trx
      .updateTable("job_profile_requirements")
      .set((eb) => ({ target_level: eb("target_level", "-", apart) }))
      .where("profile_id", "in", onScale)
      .where("target_level", ">", apart)
      .execute();
}

async function remapDescriptors(trx: Transaction<DB>, scaleId: string, mapping: Map<number, number>) {
  const rows = await trx
    .selectFrom("competency_level_descriptors")
    .selectAll()
    .where("scale_id", "=", scaleId)
    .execute();
  if (rows.length === 0) return;
  if ([...mapping].every(([from, to]) => from === to) && rows.every((row) => mapping.has(row.level_number))) return;
  await trx.deleteFrom("competency_level_descriptors").where("scale_id", "=", scaleId).execute();
  const kept = rows.flatMap((row) => {
    const to = mapping.get(row.level_number);
    return to === undefined ? [] : [{ ...row, level_number: to }];
  });
  // In slices: a scale with descriptors for hundreds of competencies must stay under bind limits.
  for (let i = 0; i < kept.length; i += 200)
    await trx
      .insertInto("competency_level_descriptors")
      .values(kept.slice(i, i + 200))
      .execute();
}

/**
 * A competency's level descriptors on a scale, replacing what it had: empty texts in both
 * languages remove a level's descriptor (the reader then shows the level's general descriptor).
 */
export async function saveLevelDescriptors(
  db: Kysely<DB>,
  scaleId: string,
  frameworkId: string,
  itemId: string,
  descriptors: ReadonlyMap<number, Bilingual>,
  by: ChangeAuthor,
): Promise<void> {
  const levels = await db.selectFrom("proficiency_levels").select("number").where("scale_id", "=", scaleId).execute();
  const trimmed = new Map([...descriptors].map(([n, text]) => [n, { en: text.en.trim(), fr: text.fr.trim() }]));
  const problems = descriptorProblems(levels.length, trimmed);
  if (problems.length > 0) throw new ScaleInvalidError(problems);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await holdScale(trx, scaleId);
    const old = await trx
      .selectFrom("competency_level_descriptors")
      .select(["level_number", "descriptor_en", "descriptor_fr"])
      .where("scale_id", "=", scaleId)
      .where("framework_id", "=", frameworkId)
      .where("item_id", "=", itemId)
      .orderBy("level_number")
      .execute();
    await trx
      .deleteFrom("competency_level_descriptors")
      .where("scale_id", "=", scaleId)
      .where("framework_id", "=", frameworkId)
      .where("item_id", "=", itemId)
      .execute();
    const rows = [...trimmed]
      .filter(([, text]) => text.en || text.fr)
      .map(([level_number, text]) => ({
        scale_id: scaleId,
        framework_id: frameworkId,
        item_id: itemId,
        level_number,
        descriptor_en: text.en || null,
        descriptor_fr: text.fr || null,
        updated_at: at,
        updated_by: by.id,
      }));
    if (rows.length > 0) await trx.insertInto("competency_level_descriptors").values(rows).execute();
    const owner = await trx
      .selectFrom("proficiency_scales")
      .select("organisation_id")
      .where("id", "=", scaleId)
      .executeTakeFirst();
    if (owner?.organisation_id) {
      const shown = (list: { level_number: number; descriptor_en: string | null; descriptor_fr: string | null }[]) =>
        list.map((row) => ({ level: row.level_number, en: row.descriptor_en ?? "", fr: row.descriptor_fr ?? "" }));
      await recordChange(trx, by, {
        organisationId: owner.organisation_id,
        subject: "scale",
        subjectId: scaleId,
        action: "update",
        before: { competency: { framework: frameworkId, item: itemId }, descriptors: shown(old) },
        after: { competency: { framework: frameworkId, item: itemId }, descriptors: shown(rows) },
      });
    }
  });
}
