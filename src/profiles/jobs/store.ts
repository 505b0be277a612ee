/**
 * An organisation's job profiles: listed, read, created, saved (with the version the author started
 * from), copied and deleted. Every write runs in one transaction with its record in the organisation's
 * change history. A profile is always looked up within its organisation, so another organisation's
 * profile id is simply unknown; units are checked the same way.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { containsText } from "../../db/contains.ts";
import type { JobProfileRequirementsTable, JobProfilesTable } from "../../db/profile-tables.ts";
import type { DB } from "../../db/schema.ts";
import { isUniqueViolation } from "../../db/unique-violation.ts";
import { type ChangeAuthor, recordChange } from "../../people/organisations/changes.ts";
import { organisationScaleId } from "../scales/read.ts";
import { type BilingualLine, codeKey, type ProfileInput } from "./fields.ts";

export class ProfileNotFoundError extends Error {
  constructor() {
    super("no such job profile in this organisation");
  }
}
export class CodeTakenError extends Error {
  constructor(readonly code: string) {
    super(`another job profile of this organisation has the code ${code}`);
  }
}
export class UnitUnknownError extends Error {
  constructor() {
    super("a unit is not one of this organisation's");
  }
}
/** The profile changed since the author opened it: their input is shown again, nothing is saved. */
export class StaleProfileError extends Error {
  constructor(readonly current: number) {
    super("the job profile was changed by someone else");
  }
}
/** People hold the profile: deleting it would clear their position, which must be said and confirmed. */
export class ProfileHeldError extends Error {
  constructor(readonly holders: number) {
    super(`${holders} people hold this job profile`);
  }
}

export interface Profile extends Omit<ProfileInput, "unit_ids"> {
  id: string;
  organisationId: string;
  scaleId: string;
  copiedFrom: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  unitIds: string[];
}

type Row = JobProfilesTable;
/** A requirement as a copy writes it (a review state, when the source has one, travels with it). */
export type RequirementRow = Omit<JobProfileRequirementsTable, "profile_id" | "reviewed_edition_id"> & {
  reviewed_edition_id?: string | null;
};

const lines = (json: string): BilingualLine[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value)
      ? value.map((v) => ({ en: String((v as BilingualLine).en ?? ""), fr: String((v as BilingualLine).fr ?? "") }))
      : [];
  } catch {
    return [];
  }
};

function toProfile(row: Row, unitIds: string[]): Profile {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title_en: row.title_en,
    title_fr: row.title_fr,
    code: row.code,
    grade: row.grade,
    summary_en: row.summary_en,
    summary_fr: row.summary_fr,
    duties: lines(row.duties),
    qualifications: lines(row.qualifications),
    working_conditions_en: row.working_conditions_en,
    working_conditions_fr: row.working_conditions_fr,
    scaleId: row.scale_id,
    copiedFrom: row.copied_from,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    unitIds,
  };
}

/** What the history keeps of a profile (texts as written; units by id). */
const snapshot = (p: Omit<ProfileInput, "unit_ids"> & { unit_ids?: string[]; unitIds?: string[] }) => ({
  name_en: p.title_en,
  name_fr: p.title_fr,
  code: p.code,
  grade: p.grade,
  summary_en: p.summary_en,
  summary_fr: p.summary_fr,
  duties: p.duties,
  qualifications: p.qualifications,
  working_conditions_en: p.working_conditions_en,
  working_conditions_fr: p.working_conditions_fr,
  units: p.unit_ids ?? p.unitIds ?? [],
});

export async function findProfile(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
): Promise<Profile | undefined> {
  const row = await db
    .selectFrom("job_profiles")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", profileId)
    .executeTakeFirst();
  if (!row) return undefined;
  const units = await db
    .selectFrom("job_profile_units")
    .select("unit_id")
    .where("profile_id", "=", row.id)
    .orderBy("unit_id")
    .execute();
  return toProfile(
    row,
    units.map((u) => u.unit_id),
  );
}

export async function requireProfile(db: Kysely<DB>, organisationId: string, profileId: string): Promise<Profile> {
  const profile = await findProfile(db, organisationId, profileId);
  if (!profile) throw new ProfileNotFoundError();
  return profile;
}

export interface ProfileSummary {
  id: string;
  title_en: string;
  title_fr: string;
  code: string | null;
  grade: string | null;
  unitIds: string[];
  requirements: number;
  holders: number;
  updatedAt: string;
}

/** The organisation's profiles, by title in the reader's language; `q` matches title (either language) or code. */
export async function listProfiles(
  db: Kysely<DB>,
  organisationId: string,
  options: { q?: string; unitId?: string; lang?: "en" | "fr" } = {},
): Promise<ProfileSummary[]> {
  let query = db
    .selectFrom("job_profiles as p")
    .select((eb) => [
      "p.id",
      "p.title_en",
      "p.title_fr",
      "p.code",
      "p.grade",
      "p.updated_at",
      eb
        .selectFrom("job_profile_requirements as r")
        .select((e) => e.fn.countAll<number | string>().as("n"))
        .whereRef("r.profile_id", "=", "p.id")
        .as("requirements"),
      eb
        .selectFrom("person_positions as h")
        .select((e) => e.fn.countAll<number | string>().as("n"))
        .whereRef("h.profile_id", "=", "p.id")
        .as("holders"),
    ])
    .where("p.organisation_id", "=", organisationId);
  const q = options.q?.trim().toLowerCase();
  if (q) {
    query = query.where((eb) =>
      eb.or([
        containsText(sql`p.title_en`, q),
        containsText(sql`p.title_fr`, q),
        containsText(sql`coalesce(p.code, '')`, q),
      ]),
    );
  }
  if (options.unitId) {
    const unitId = options.unitId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("job_profile_units as u")
          .select("u.unit_id")
          .whereRef("u.profile_id", "=", "p.id")
          .where("u.unit_id", "=", unitId),
      ),
    );
  }
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);
  const units =
    ids.length === 0
      ? []
      : await db
          .selectFrom("job_profile_units")
          .select(["profile_id", "unit_id"])
          .where("profile_id", "in", ids)
          .execute();
  const title = options.lang === "fr" ? "title_fr" : "title_en";
  const collator = new Intl.Collator(options.lang === "fr" ? "fr-CA" : "en-CA");
  return rows
    .map((r) => ({
      id: r.id,
      title_en: r.title_en,
      title_fr: r.title_fr,
      code: r.code,
      grade: r.grade,
      updatedAt: r.updated_at,
      requirements: Number(r.requirements ?? 0),
      holders: Number(r.holders ?? 0),
      unitIds: units.filter((u) => u.profile_id === r.id).map((u) => u.unit_id),
    }))
    .sort((a, b) => collator.compare(a[title], b[title]) || a.id.localeCompare(b.id));
}

async function checkCode(db: Kysely<DB>, organisationId: string, code: string | null, except?: string) {
  if (code === null) return;
  let query = db
    .selectFrom("job_profiles")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where(sql`lower(trim(code))`, "=", codeKey(code));
  if (except) query = query.where("id", "!=", except);
  if (await query.executeTakeFirst()) throw new CodeTakenError(code);
}

async function checkUnits(db: Kysely<DB>, organisationId: string, unitIds: readonly string[]) {
  const wanted = [...new Set(unitIds)];
  if (wanted.length === 0) return wanted;
  const found = await db
    .selectFrom("units")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("id", "in", wanted)
    .execute();
  if (found.length !== wanted.length) throw new UnitUnknownError();
  return wanted;
}

/**
 * The store checks a code before writing it; two saves racing past that check meet the database's
 * unique index on the same expression (migration 024), whose refusal is the same CodeTakenError.
 */
async function inTransactionRefusingCodeClash(
  db: Kysely<DB>,
  code: string | null,
  work: (trx: Kysely<DB>) => Promise<void>,
): Promise<void> {
  try {
    await db.transaction().execute(work);
  } catch (error) {
    if (code !== null && isCodeKeyClash(error)) throw new CodeTakenError(code);
    throw error;
  }
}

const isCodeKeyClash = (error: unknown) =>
  isUniqueViolation(error, { postgres: "job_profiles_code_key", sqlite: "index 'job_profiles_code_key'" });

const columns = (input: ProfileInput) => ({
  title_en: input.title_en,
  title_fr: input.title_fr,
  code: input.code,
  grade: input.grade,
  summary_en: input.summary_en,
  summary_fr: input.summary_fr,
  duties: JSON.stringify(input.duties),
  qualifications: JSON.stringify(input.qualifications),
  working_conditions_en: input.working_conditions_en,
  working_conditions_fr: input.working_conditions_fr,
});

async function setUnits(db: Kysely<DB>, profileId: string, unitIds: readonly string[]) {
  await db.deleteFrom("job_profile_units").where("profile_id", "=", profileId).execute();
  if (unitIds.length > 0)
    await db
      .insertInto("job_profile_units")
      .values(unitIds.map((unit_id) => ({ profile_id: profileId, unit_id })))
      .execute();
}

export interface CreateOptions {
  /** "starter:CODE" or "profile:ID". */
  copiedFrom?: string | null;
  /** The scale the profile's levels are on; by default the organisation's, as it is now. */
  scaleId?: string;
  /** Requirements to write with it (a copy). */
  requirements?: readonly RequirementRow[];
}

/** Creates a profile on the organisation's scale; returns it. */
export async function createProfile(
  db: Kysely<DB>,
  organisationId: string,
  input: ProfileInput,
  author: ChangeAuthor,
  options: CreateOptions = {},
  now = new Date(),
): Promise<Profile> {
  const id = randomUUID();
  const at = now.toISOString();
  await inTransactionRefusingCodeClash(db, input.code, async (trx) => {
    await checkCode(trx, organisationId, input.code);
    const unitIds = await checkUnits(trx, organisationId, input.unit_ids);
    await trx
      .insertInto("job_profiles")
      .values({
        id,
        organisation_id: organisationId,
        ...columns(input),
        scale_id: options.scaleId ?? (await organisationScaleId(trx, organisationId)),
        copied_from: options.copiedFrom ?? null,
        version: 1,
        created_at: at,
        updated_at: at,
        updated_by: author.id,
      })
      .execute();
    await setUnits(trx, id, unitIds);
    const requirements = options.requirements ?? [];
    if (requirements.length > 0)
      await trx
        .insertInto("job_profile_requirements")
        .values(requirements.map((r) => ({ ...r, reviewed_edition_id: r.reviewed_edition_id ?? null, profile_id: id })))
        .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "profile",
        subjectId: id,
        action: "create",
        after: { ...snapshot({ ...input, unit_ids: unitIds }), copied_from: options.copiedFrom ?? null },
      },
      now,
    );
  });
  return requireProfile(db, organisationId, id);
}

/** Saves the author's changes if the profile is still at `version`; otherwise StaleProfileError. */
export async function updateProfile(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  version: number,
  input: ProfileInput,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Profile> {
  await inTransactionRefusingCodeClash(db, input.code, async (trx) => {
    const before = await requireProfile(trx, organisationId, profileId);
    if (before.version !== version) throw new StaleProfileError(before.version);
    await checkCode(trx, organisationId, input.code, profileId);
    const unitIds = await checkUnits(trx, organisationId, input.unit_ids);
    const updated = await trx
      .updateTable("job_profiles")
      .set({ ...columns(input), version: version + 1, updated_at: now.toISOString(), updated_by: author.id })
      .where("id", "=", profileId)
      .where("version", "=", version)
      .executeTakeFirst();
    // Two saves of the same version at once: the second finds the row moved on.
    if (Number(updated.numUpdatedRows) !== 1) throw new StaleProfileError(version + 1);
    await setUnits(trx, profileId, unitIds);
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "profile",
        subjectId: profileId,
        action: "update",
        before: snapshot(before),
        after: snapshot({ ...input, unit_ids: unitIds }),
      },
      now,
    );
  });
  return requireProfile(db, organisationId, profileId);
}

/** How many people hold the profile as their position. */
export async function holderCount(db: Kysely<DB>, profileId: string): Promise<number> {
  const row = await db
    .selectFrom("person_positions")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("profile_id", "=", profileId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Deletes the profile with its requirements, units and postings. While people hold it, refused
 * (ProfileHeldError) unless `clearPositions`: then their position is cleared, each in the history.
 */
export async function deleteProfile(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  options: { clearPositions: boolean },
  author: ChangeAuthor,
  now = new Date(),
): Promise<Profile> {
  return db.transaction().execute(async (trx) => {
    const profile = await requireProfile(trx, organisationId, profileId);
    const holders = await trx
      .selectFrom("person_positions")
      .select("person_id")
      .where("profile_id", "=", profileId)
      .execute();
    if (holders.length > 0 && !options.clearPositions) throw new ProfileHeldError(holders.length);
    const batchId = randomUUID();
    for (const holder of holders)
      await recordChange(
        trx,
        author,
        {
          organisationId,
          subject: "person",
          subjectId: holder.person_id,
          action: "update",
          before: { position: profile.title_en },
          after: { position: null },
          batchId,
        },
        now,
      );
    await trx.deleteFrom("job_profiles").where("id", "=", profileId).execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "profile",
        subjectId: profileId,
        action: "delete",
        before: snapshot(profile),
        batchId,
      },
      now,
    );
    return profile;
  });
}

/** The copy's title in each language: "… (copy)" / "… (copie)", cut to fit. */
export function copyTitles(profile: Pick<Profile, "title_en" | "title_fr">): { title_en: string; title_fr: string } {
  const suffixed = (title: string, suffix: string) => `${title.slice(0, 200 - suffix.length)}${suffix}`;
  return { title_en: suffixed(profile.title_en, " (copy)"), title_fr: suffixed(profile.title_fr, " (copie)") };
}

/** A copy of the profile in the same organisation: code cleared, units and requirements copied. */
export async function copyProfile(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Profile> {
  const source = await requireProfile(db, organisationId, profileId);
  const requirements = await db
    .selectFrom("job_profile_requirements")
    .select([
      "framework_id",
      "item_id",
      "edition_id",
      "ordinal",
      "target_level",
      "importance",
      "ksa_ids",
      "reviewed_edition_id",
    ])
    .where("profile_id", "=", profileId)
    .orderBy("ordinal")
    .execute();
  const {
    id: _id,
    organisationId: _o,
    scaleId,
    copiedFrom: _c,
    version: _v,
    createdAt: _a,
    updatedAt: _u,
    unitIds,
    ...texts
  } = source;
  return createProfile(
    db,
    organisationId,
    { ...texts, ...copyTitles(source), code: null, unit_ids: unitIds },
    author,
    { copiedFrom: `profile:${profileId}`, scaleId, requirements },
    now,
  );
}
