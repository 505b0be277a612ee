/**
 * Writing a job profile's competency requirements (issue 14, decisions 030 and 037): each one a
 * competency "as edition N published it" (a row of `published_items`), with a target level on the
 * profile's scale, an importance and optionally the KSAs it narrows to.
 *
 * Every write is one transaction that first moves the profile's `version` on from the version the
 * form was shown with: a stale form is refused (StaleProfileError, 409) and nothing is written. New
 * requirements are pinned to the framework's current edition; any published framework of the
 * instance may be used (an organisation uses what the site publishes).
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { readScale } from "../scales/read.ts";
import {
  defaultLevel,
  type Importance,
  isLevelOf,
  isRequirableType,
  keepKsas,
  moveTo,
  narrowKsas,
  targetIndex,
} from "./logic.ts";
import { childrenOf, currentEdition, type Executor, type ProfileRef, parseKsaIds, readItems } from "./read.ts";

// What readers of requirements need, from one place.
export { type EditionChange, editionChanges } from "./changes.ts";
export {
  currentEdition,
  findProfile,
  type ProfileRef,
  type PublishedNode,
  type Requirement,
  readRequirements,
} from "./read.ts";

/** The profile was saved by someone else since the form was shown (409; the form is shown again). */
export class StaleProfileError extends Error {
  constructor(readonly currentVersion: number) {
    super("the profile was changed since");
  }
}

/** No such profile in this organisation, or no such requirement on it (404). */
export class RequirementNotFoundError extends Error {}

/** A value the rules refuse, naming the field (400). */
export class RequirementInputError extends Error {
  constructor(
    readonly field: "items" | "level" | "importance" | "ksa" | "take",
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * Runs `write` in one transaction after moving the profile's version on from `version`; a profile of
 * another organisation is unknown, a stale version refused. Returns the new version.
 */
async function writeProfile<T>(
  db: Kysely<DB>,
  ref: ProfileRef,
  version: number,
  actorId: string | null,
  write: (trx: Transaction<DB>, scaleId: string) => Promise<T>,
): Promise<T & { version: number }> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("job_profiles")
      .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date().toISOString(), updated_by: actorId }))
      .where("id", "=", ref.profileId)
      .where("organisation_id", "=", ref.organisationId)
      .where("version", "=", version)
      .returning(["version", "scale_id"])
      .executeTakeFirst();
    if (!updated) {
      const current = await trx
        .selectFrom("job_profiles")
        .select("version")
        .where("id", "=", ref.profileId)
        .where("organisation_id", "=", ref.organisationId)
        .executeTakeFirst();
      if (!current) throw new RequirementNotFoundError("no such profile");
      throw new StaleProfileError(Number(current.version));
    }
    const result = await write(trx, updated.scale_id);
    return { ...result, version: Number(updated.version) };
  });
}

async function orderedKeys(trx: Executor, profileId: string) {
  return trx
    .selectFrom("job_profile_requirements")
    .select(["framework_id", "item_id", "ordinal"])
    .where("profile_id", "=", profileId)
    .orderBy("ordinal")
    .orderBy("item_id")
    .execute();
}

/** Writes ordinals 1..n in the given order (only those that change). */
async function renumber(
  trx: Transaction<DB>,
  profileId: string,
  keys: { framework_id: string; item_id: string; ordinal: number }[],
) {
  for (const [index, key] of keys.entries())
    if (Number(key.ordinal) !== index + 1)
      await trx
        .updateTable("job_profile_requirements")
        .set({ ordinal: index + 1 })
        .where("profile_id", "=", profileId)
        .where("framework_id", "=", key.framework_id)
        .where("item_id", "=", key.item_id)
        .execute();
}

export interface RequirementKey {
  frameworkId: string;
  itemId: string;
}

/**
 * Adds competencies at the end, each pinned to its framework's current edition, at the scale's middle
 * level and essential. Those already required are left as they are. All or nothing: an unpublished
 * framework, an item absent from its current edition or one that is not a competency refuses all.
 */
export async function addRequirements(
  db: Kysely<DB>,
  ref: ProfileRef,
  version: number,
  picks: readonly RequirementKey[],
  actorId: string | null,
): Promise<{ version: number; added: number }> {
  if (picks.length === 0) throw new RequirementInputError("items", "none chosen");
  return writeProfile(db, ref, version, actorId, async (trx, scaleId) => {
    const scale = await readScale(trx, scaleId);
    if (!scale) throw new Error(`scale ${scaleId} is missing`);
    const existing = await orderedKeys(trx, ref.profileId);
    const have = new Set(existing.map((k) => `${k.framework_id}\u0000${k.item_id}`));
    let ordinal = existing.length;
    let added = 0;
    const byFramework = new Map<string, string[]>();
    for (const pick of picks)
      byFramework.set(pick.frameworkId, [...(byFramework.get(pick.frameworkId) ?? []), pick.itemId]);
    for (const [frameworkId, itemIds] of byFramework) {
      const edition = await currentEdition(trx, frameworkId);
      if (!edition) throw new RequirementInputError("items", "framework not published");
      const unique = [...new Set(itemIds)];
      const rows = await trx
        .selectFrom("published_items as i")
        .innerJoin("published_item_types as t", (join) =>
          join.onRef("t.edition_id", "=", "i.edition_id").onRef("t.code", "=", "i.type_code"),
        )
        .select(["i.item_id", "i.type_code", "t.label_en"])
        .where("i.edition_id", "=", edition.id)
        .where("i.item_id", "in", unique)
        .execute();
      const found = new Map(rows.map((r) => [r.item_id, r]));
      for (const itemId of unique) {
        const row = found.get(itemId);
        if (!row) throw new RequirementInputError("items", "not in the current edition");
        if (!isRequirableType(row.type_code, row.label_en))
          throw new RequirementInputError("items", "not a competency");
        if (have.has(`${frameworkId}\u0000${itemId}`)) continue;
        have.add(`${frameworkId}\u0000${itemId}`);
        await trx
          .insertInto("job_profile_requirements")
          .values({
            profile_id: ref.profileId,
            framework_id: frameworkId,
            item_id: itemId,
            edition_id: edition.id,
            ordinal: ++ordinal,
            target_level: defaultLevel(scale.levels),
            importance: "essential",
            ksa_ids: null,
            reviewed_edition_id: null,
          })
          .execute();
        added++;
      }
    }
    return { added };
  });
}

async function requireRequirement(trx: Transaction<DB>, profileId: string, key: RequirementKey) {
  const row = await trx
    .selectFrom("job_profile_requirements")
    .selectAll()
    .where("profile_id", "=", profileId)
    .where("framework_id", "=", key.frameworkId)
    .where("item_id", "=", key.itemId)
    .executeTakeFirst();
  if (!row) throw new RequirementNotFoundError("no such requirement");
  return row;
}

export async function removeRequirement(
  db: Kysely<DB>,
  ref: ProfileRef,
  version: number,
  key: RequirementKey,
  actorId: string | null,
): Promise<{ version: number }> {
  return writeProfile(db, ref, version, actorId, async (trx) => {
    await requireRequirement(trx, ref.profileId, key);
    await trx
      .deleteFrom("job_profile_requirements")
      .where("profile_id", "=", ref.profileId)
      .where("framework_id", "=", key.frameworkId)
      .where("item_id", "=", key.itemId)
      .execute();
    await renumber(trx, ref.profileId, await orderedKeys(trx, ref.profileId));
    return {};
  });
}

export type Move = "up" | "down" | "first" | "last" | number;

/** Moves a requirement up, down, first, last or to a 1-based position; the others keep their order. */
export async function moveRequirement(
  db: Kysely<DB>,
  ref: ProfileRef,
  version: number,
  key: RequirementKey,
  move: Move,
  actorId: string | null,
): Promise<{ version: number; position: number }> {
  return writeProfile(db, ref, version, actorId, async (trx) => {
    await requireRequirement(trx, ref.profileId, key);
    const keys = await orderedKeys(trx, ref.profileId);
    const from = keys.findIndex((k) => k.framework_id === key.frameworkId && k.item_id === key.itemId);
    const to = targetIndex(from, keys.length, move);
    await renumber(trx, ref.profileId, moveTo(keys, from, to));
    return { position: to + 1 };
  });
}

export interface RequirementSettings {
  targetLevel: number;
  importance: Importance;
  /** The KSAs ticked (none or all: the competency as a whole). */
  ksaIds: readonly string[];
}

/** Sets a requirement's level (one of the scale's), importance and KSAs (children in its pinned edition). */
export async function updateRequirement(
  db: Kysely<DB>,
  ref: ProfileRef,
  version: number,
  key: RequirementKey,
  settings: RequirementSettings,
  actorId: string | null,
): Promise<{ version: number }> {
  return writeProfile(db, ref, version, actorId, async (trx, scaleId) => {
    const row = await requireRequirement(trx, ref.profileId, key);
    const scale = await readScale(trx, scaleId);
    if (!scale || !isLevelOf(scale.levels, settings.targetLevel))
      throw new RequirementInputError("level", "not a level of the scale");
    if (settings.importance !== "essential" && settings.importance !== "asset")
      throw new RequirementInputError("importance", "unknown");
    const available = (await childrenOf(trx, row.edition_id, [key.itemId])).get(key.itemId) ?? [];
    const ksas = narrowKsas(
      settings.ksaIds,
      available.map((k) => k.id),
    );
    if (!ksas.ok) throw new RequirementInputError("ksa", "not a KSA of this competency");
    await trx
      .updateTable("job_profile_requirements")
      .set({
        target_level: settings.targetLevel,
        importance: settings.importance,
        ksa_ids: ksas.ksaIds === null ? null : JSON.stringify(ksas.ksaIds),
      })
      .where("profile_id", "=", ref.profileId)
      .where("framework_id", "=", key.frameworkId)
      .where("item_id", "=", key.itemId)
      .execute();
    return {};
  });
}

/**
 * Takes the current edition's wording: the requirement is pinned to it; chosen KSAs it no longer has
 * are dropped (returned, for the note). A retired item cannot be taken (remove it or keep it).
 */
export async function takeChange(
  db: Kysely<DB>,
  ref: ProfileRef,
  version: number,
  key: RequirementKey,
  actorId: string | null,
): Promise<{ version: number; dropped: string[]; edition: number }> {
  return writeProfile(db, ref, version, actorId, async (trx) => {
    const row = await requireRequirement(trx, ref.profileId, key);
    const current = await currentEdition(trx, key.frameworkId);
    if (!current) throw new RequirementInputError("take", "framework not published");
    const present = await readItems(trx, current.id, [key.itemId]);
    if (present.length === 0) throw new RequirementInputError("take", "retired");
    const available = (await childrenOf(trx, current.id, [key.itemId])).get(key.itemId) ?? [];
    const { ksaIds, dropped } = keepKsas(
      parseKsaIds(row.ksa_ids),
      available.map((k) => k.id),
    );
    await trx
      .updateTable("job_profile_requirements")
      .set({
        edition_id: current.id,
        ksa_ids: ksaIds === null ? null : JSON.stringify(ksaIds),
        reviewed_edition_id: null,
      })
      .where("profile_id", "=", ref.profileId)
      .where("framework_id", "=", key.frameworkId)
      .where("item_id", "=", key.itemId)
      .execute();
    return { dropped, edition: current.number };
  });
}

/** Keeps the pinned wording against the current edition: its notice is not shown again until a later one. */
export async function keepWording(
  db: Kysely<DB>,
  ref: ProfileRef,
  version: number,
  key: RequirementKey,
  actorId: string | null,
): Promise<{ version: number }> {
  return writeProfile(db, ref, version, actorId, async (trx) => {
    await requireRequirement(trx, ref.profileId, key);
    const current = await currentEdition(trx, key.frameworkId);
    await trx
      .updateTable("job_profile_requirements")
      .set({ reviewed_edition_id: current?.id ?? null })
      .where("profile_id", "=", ref.profileId)
      .where("framework_id", "=", key.frameworkId)
      .where("item_id", "=", key.itemId)
      .execute();
    return {};
  });
}
