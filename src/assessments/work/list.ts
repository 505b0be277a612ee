/**
 * The assessments list (one's own, one's reports', or HR's whole organisation): filtered by cycle,
 * state and name, in pages — an organisation of 5,000 people has 5,000 assessments per cycle. The
 * query string forgives a bad value (the list shows as if it were absent), as the people list does.
 */
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import { containsText } from "../../db/contains.ts";
import { ASSESSMENT_STATES } from "../../db/migrations/017_assessments.ts";
import type { DB } from "../../db/schema.ts";
import type { Bilingual } from "../../profiles/scales/read.ts";
import { personName } from "./read.ts";
import type { AssessmentState } from "./states.ts";

export const ASSESSMENT_PAGE_SIZE = 50;

export interface ListedAssessment {
  id: string;
  personId: string;
  personName: string;
  cycleName: Bilingual;
  state: AssessmentState;
  reviewerId: string | null;
}

export interface AssessmentPage {
  rows: ListedAssessment[];
  total: number;
  page: number;
  pageSize: number;
}

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max).optional(),
  );

const listParams = z.object({
  q: optionalText(200),
  cycle: optionalText(36),
  state: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ASSESSMENT_STATES).optional()),
  page: z.preprocess((v) => (v === undefined || v === "" ? 1 : v), z.coerce.number().int().min(1).max(100_000)),
});

export type AssessmentListParams = z.infer<typeof listParams>;

/** The list's parameters from a query string: each bad one dropped, the rest kept. */
export function assessmentListParams(query: Record<string, string>): AssessmentListParams {
  const known = Object.fromEntries(Object.entries(query).filter(([key]) => key in listParams.shape));
  const result = listParams.safeParse(known);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  return listParams.parse(Object.fromEntries(Object.entries(known).filter(([key]) => !bad.has(key))));
}

/** Whose assessments: given people and a reviewer's, or (HR) everyone's; never `except`'s. */
export interface ListScope {
  personIds?: readonly string[];
  reviewerId?: string;
  all?: boolean;
  except?: string | null;
}

/**
 * One page of the assessments in scope, newest cycle first, then by family name; the filters apply
 * before paging, and the total is of the filtered list. An empty scope lists nothing.
 */
export async function listAssessments(
  db: Kysely<DB>,
  organisationId: string,
  scope: ListScope,
  params: Partial<AssessmentListParams> & { pageSize?: number } = {},
): Promise<AssessmentPage> {
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? ASSESSMENT_PAGE_SIZE;
  const people = scope.personIds ?? [];
  if (!scope.all && people.length === 0 && !scope.reviewerId) return { rows: [], total: 0, page, pageSize };
  let query = db
    .selectFrom("assessments as a")
    .innerJoin("review_cycles as c", "c.id", "a.cycle_id")
    .innerJoin("people as p", "p.id", "a.person_id")
    .select([
      "a.id",
      "a.person_id",
      "a.manager_id",
      "a.state",
      "c.name_en",
      "c.name_fr",
      "p.given_name",
      "p.family_name",
      "p.preferred_name",
      sql<number | string>`count(*) over ()`.as("total"),
    ])
    .where("a.organisation_id", "=", organisationId)
    .where("c.state", "!=", "draft");
  if (!scope.all) {
    const reviewer = scope.reviewerId;
    query = query.where((eb) =>
      eb.or([
        ...(people.length > 0 ? [eb("a.person_id", "in", people)] : []),
        ...(reviewer ? [eb("a.manager_id", "=", reviewer)] : []),
      ]),
    );
  }
  if (scope.except) query = query.where("a.person_id", "!=", scope.except);
  if (params.cycle) query = query.where("a.cycle_id", "=", params.cycle);
  if (params.state) query = query.where("a.state", "=", params.state);
  for (const word of (params.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8)) {
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref("p.given_name"), word),
        containsText(eb.ref("p.family_name"), word),
        containsText(sql`coalesce(${eb.ref("p.preferred_name")}, '')`, word),
      ]),
    );
  }
  const rows = await query
    .orderBy("c.period_start", "desc")
    .orderBy("c.id")
    .orderBy(sql`lower(p.family_name)`)
    .orderBy(sql`lower(coalesce(p.preferred_name, p.given_name))`)
    .orderBy("a.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total =
    rows.length > 0
      ? Number(rows[0]?.total)
      : page > 1
        ? (await listAssessments(db, organisationId, scope, { ...params, page: 1, pageSize: 1 })).total
        : 0;
  return {
    rows: rows.map((row) => ({
      id: row.id,
      personId: row.person_id,
      personName: personName(row),
      cycleName: { en: row.name_en, fr: row.name_fr },
      state: row.state as AssessmentState,
      reviewerId: row.manager_id,
    })),
    total,
    page,
    pageSize,
  };
}

/** The organisation's cycles the list can be narrowed to (drafts have no assessments to show). */
export async function listableCycles(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom("review_cycles")
    .select(["id", "name_en", "name_fr"])
    .where("organisation_id", "=", organisationId)
    .where("state", "!=", "draft")
    .orderBy("period_start", "desc")
    .orderBy("id")
    .execute();
}
