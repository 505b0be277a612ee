/**
 * Postings of a job profile (`job_postings`): when, what kind of work, pay, place, how to apply.
 * Written by those who edit profiles; published (shown on the public jobs pages while its dates
 * include today) by the organisation's administrators only — a public statement in the
 * organisation's name is HR's to make (decision 036). Every change goes to the change history.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { JobPostingsTable } from "../../db/profile-tables.ts";
import type { DB } from "../../db/schema.ts";
import { type ChangeAuthor, recordChange } from "../../people/organisations/changes.ts";
import { says } from "../../ui/forms/index.ts";
import { requireProfile } from "./store.ts";

export const EMPLOYMENT_TYPES = [
  "FULL_TIME",
  "PART_TIME",
  "CONTRACTOR",
  "TEMPORARY",
  "INTERN",
  "VOLUNTEER",
  "PER_DIEM",
  "OTHER",
] as const;

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says("staffDateInvalid"))
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), says("staffDateInvalid"));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));
const optionalNumber = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const n = Number(v.replace(",", "."));
    if (!Number.isFinite(n) || n < 0 || n > 10_000_000) {
      ctx.addIssue({ code: "custom", message: "formInvalid" });
      return z.NEVER;
    }
    return n;
  });

/** The posting form (and the same fields as JSON strings). */
export const postingForm = z
  .object({
    date_posted: day,
    valid_through: day,
    employment_type: z.enum(EMPLOYMENT_TYPES, says("formChoose")),
    hours_per_week: optionalNumber,
    salary_min: optionalNumber,
    salary_max: optionalNumber,
    salary_currency: z
      .string()
      .trim()
      .regex(/^([A-Z]{3})?$/, says("formInvalid"))
      .optional()
      .transform((v) => v || null),
    salary_unit: z
      .enum(["", "HOUR", "YEAR"], says("formChoose"))
      .optional()
      .transform((v) => v || null),
    street_address: optionalText(200),
    locality: optionalText(120),
    region: optionalText(120),
    postal_code: optionalText(20),
    country: z
      .string()
      .trim()
      .regex(/^([A-Z]{2})?$/, says("formInvalid"))
      .optional()
      .transform((v) => v || null),
    how_to_apply_en: z.string().trim().min(1, says("formRequired")).max(3000),
    how_to_apply_fr: z.string().trim().min(1, says("formRequired")).max(3000),
  })
  .superRefine((p, ctx) => {
    if (p.valid_through < p.date_posted)
      ctx.addIssue({ code: "custom", path: ["valid_through"], message: "postingDatesOrder" });
    if (p.salary_min !== null && p.salary_max !== null && p.salary_max < p.salary_min)
      ctx.addIssue({ code: "custom", path: ["salary_max"], message: "postingSalaryOrder" });
  });
export type PostingInput = z.infer<typeof postingForm>;

export type Posting = Omit<JobPostingsTable, "employment_type" | "published"> & {
  employment_type: string[];
  published: boolean;
};

const toPosting = (row: JobPostingsTable): Posting => {
  let types: string[] = [];
  try {
    const parsed = JSON.parse(row.employment_type) as unknown;
    if (Array.isArray(parsed)) types = parsed.filter((t): t is string => typeof t === "string");
  } catch {}
  return {
    ...row,
    employment_type: types,
    published: Number(row.published) === 1,
    hours_per_week: row.hours_per_week === null ? null : Number(row.hours_per_week),
    salary_min: row.salary_min === null ? null : Number(row.salary_min),
    salary_max: row.salary_max === null ? null : Number(row.salary_max),
  };
};

const columns = (input: PostingInput) => ({ ...input, employment_type: JSON.stringify([input.employment_type]) });

export async function listPostings(db: Kysely<DB>, organisationId: string, profileId: string): Promise<Posting[]> {
  const rows = await db
    .selectFrom("job_postings")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("profile_id", "=", profileId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toPosting);
}

export async function findPosting(
  db: Kysely<DB>,
  organisationId: string,
  postingId: string,
): Promise<Posting | undefined> {
  const row = await db
    .selectFrom("job_postings")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", postingId)
    .executeTakeFirst();
  return row && toPosting(row);
}

export async function createPosting(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  input: PostingInput,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Posting> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await requireProfile(trx, organisationId, profileId);
    const at = now.toISOString();
    await trx
      .insertInto("job_postings")
      .values({
        id,
        organisation_id: organisationId,
        profile_id: profileId,
        published: 0,
        ...columns(input),
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordChange(
      trx,
      author,
      { organisationId, subject: "posting", subjectId: id, action: "create", after: { profile: profileId, ...input } },
      now,
    );
  });
  return (await findPosting(db, organisationId, id)) as Posting;
}

/** Publishes or withdraws the posting; undefined when it is not the organisation's. */
export async function setPublished(
  db: Kysely<DB>,
  organisationId: string,
  postingId: string,
  published: boolean,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Posting | undefined> {
  const posting = await findPosting(db, organisationId, postingId);
  if (!posting) return undefined;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("job_postings")
      .set({ published: published ? 1 : 0, updated_at: now.toISOString() })
      .where("id", "=", postingId)
      .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "posting",
        subjectId: postingId,
        action: "update",
        before: { published: posting.published },
        after: { published },
      },
      now,
    );
  });
  return findPosting(db, organisationId, postingId);
}

/** Whether a published posting is open on `today` (YYYY-MM-DD): its dates include it. */
export const isOpen = (p: Pick<Posting, "published" | "date_posted" | "valid_through">, today: string) =>
  p.published &&
  p.date_posted !== null &&
  p.valid_through !== null &&
  p.date_posted <= today &&
  today <= p.valid_through;

/** The organisation's open postings with their profile's titles. */
export async function openPostings(db: Kysely<DB>, organisationId: string, today: string) {
  const rows = await db
    .selectFrom("job_postings as p")
    .innerJoin("job_profiles as j", "j.id", "p.profile_id")
    .selectAll("p")
    .select(["j.title_en", "j.title_fr"])
    .where("p.organisation_id", "=", organisationId)
    .where("p.published", "=", 1)
    .where("p.date_posted", "<=", today)
    .where("p.valid_through", ">=", today)
    .orderBy("p.date_posted", "desc")
    .execute();
  return rows.map(({ title_en, title_fr, ...row }) => ({ ...toPosting(row), title_en, title_fr }));
}

/** The posting's fields as the form shows them (strings), for editing. */
export function postingValues(p: Posting): Record<string, string> {
  const text = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    date_posted: text(p.date_posted),
    valid_through: text(p.valid_through),
    employment_type: p.employment_type[0] ?? "FULL_TIME",
    hours_per_week: text(p.hours_per_week),
    salary_min: text(p.salary_min),
    salary_max: text(p.salary_max),
    salary_currency: text(p.salary_currency),
    salary_unit: text(p.salary_unit),
    street_address: text(p.street_address),
    locality: text(p.locality),
    region: text(p.region),
    postal_code: text(p.postal_code),
    country: text(p.country),
    how_to_apply_en: p.how_to_apply_en,
    how_to_apply_fr: p.how_to_apply_fr,
  };
}

/**
 * Replaces the posting's fields (not its published state: that is the administrators' act). The
 * table has no version column, so the last save wins; the change history keeps what each replaced.
 * Undefined when it is not this profile's posting in the organisation.
 */
/** Someone else saved the posting after the author loaded it; `current` is that save's time. */
export class StalePostingError extends Error {
  constructor(readonly current: string) {
    super("the posting was saved by someone else since it was loaded");
  }
}

/**
 * Saves a posting. With `loadedAt` (the posting's `updated_at` when the author loaded the form), a
 * save by someone else in between is refused with StalePostingError rather than overwritten.
 */
export async function updatePosting(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  postingId: string,
  input: PostingInput,
  author: ChangeAuthor,
  now = new Date(),
  loadedAt?: string,
): Promise<Posting | undefined> {
  const updated = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("job_postings")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .where("profile_id", "=", profileId)
      .where("id", "=", postingId)
      .executeTakeFirst();
    if (!row) return false;
    if (loadedAt !== undefined && row.updated_at !== loadedAt) throw new StalePostingError(row.updated_at);
    // A save within the same millisecond as the one loaded would not change the token: move it on.
    const at = now.toISOString() > row.updated_at ? now.toISOString() : nextInstant(row.updated_at);
    const result = await trx
      .updateTable("job_postings")
      .set({ ...columns(input), updated_at: at })
      .where("id", "=", postingId)
      .where("updated_at", "=", row.updated_at)
      .executeTakeFirst();
    // Another save committed between our read and our write (PostgreSQL's read committed).
    if (Number(result.numUpdatedRows) === 0) {
      const latest = await trx
        .selectFrom("job_postings")
        .select("updated_at")
        .where("id", "=", postingId)
        .executeTakeFirst();
      throw new StalePostingError(latest?.updated_at ?? at);
    }
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "posting",
        subjectId: postingId,
        action: "update",
        before: postingValues(toPosting(row)),
        after: { ...input },
      },
      new Date(at),
    );
    return true;
  });
  return updated ? findPosting(db, organisationId, postingId) : undefined;
}

/** Deletes the posting (its public page goes with it); false when it is not this profile's. */
export async function deletePosting(
  db: Kysely<DB>,
  organisationId: string,
  profileId: string,
  postingId: string,
  author: ChangeAuthor,
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("job_postings")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .where("profile_id", "=", profileId)
      .where("id", "=", postingId)
      .executeTakeFirst();
    if (!row) return false;
    await trx.deleteFrom("job_postings").where("id", "=", postingId).execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "posting",
        subjectId: postingId,
        action: "delete",
        before: { profile: profileId, ...postingValues(toPosting(row)), published: Number(row.published) === 1 },
      },
      now,
    );
    return true;
  });
}

/** One millisecond after an ISO instant. */
const nextInstant = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();
