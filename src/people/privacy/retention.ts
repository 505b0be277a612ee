/**
 * Retention (MFIPPA: keep personal information no longer than needed). Each organisation says how
 * many months after leaving a person's record goes (`retention_left_months`; null keeps it); the
 * daily job (retention-job.ts) and `skillshelf purge` remove those records, with the access log
 * entries and change records about them, and say what went.
 *
 * Assessments (issue 15) go `retention_assessment_years` after their review cycle closed (null keeps
 * them); an open cycle's assessments are never removed, however old its period.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type ChangeActor, recordChange } from "../staff/record-change.ts";
import { displayName } from "./access-log-store.ts";

/** The longest retention an organisation may set (100 years), so a typo cannot overflow a date. */
export const MAX_RETENTION_MONTHS = 1200;
export const MAX_RETENTION_YEARS = 100;

/**
 * The last day (YYYY-MM-DD, UTC) on which someone may have left and still be due for removal today:
 * the same day `months` calendar months earlier, or that month's last day when it is shorter
 * (31 March − 1 month → 28 or 29 February). Someone who left on or before it is due.
 */
export function retentionCutoff(now: Date, months: number): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const first = new Date(Date.UTC(year, month, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return first.toISOString().slice(0, 10);
}

/** The day someone left: the status date, else the day their record last changed (which is no earlier). */
export function leftOn(person: { status_since: string | null; updated_at: string }): string {
  return person.status_since ?? person.updated_at.slice(0, 10);
}

/** Whether a person is due for removal under that retention, today. */
export function isDue(
  person: { status: string; status_since: string | null; updated_at: string },
  months: number | null,
  now: Date,
): boolean {
  if (months === null || person.status !== "left") return false;
  return leftOn(person) <= retentionCutoff(now, months);
}

export interface PurgedPerson {
  id: string;
  name: string;
  employeeNumber: string;
  leftOn: string;
  accessLogEntries: number;
  changeRecords: number;
}

export interface OrganisationPurge {
  organisationId: string;
  slug: string;
  retentionLeftMonths: number | null;
  /** The day on or before which leaving makes someone due. */
  cutoff: string | null;
  people: PurgedPerson[];
  retentionAssessmentYears: number | null;
  /** The day on or before which a cycle's closing makes its assessments due. */
  assessmentCutoff: string | null;
  /** Assessments removed (or, in a dry run, that would be), beyond those of the people removed. */
  assessments: number;
}

export interface PurgeReport {
  dryRun: boolean;
  at: string;
  organisations: OrganisationPurge[];
  totals: { people: number; accessLogEntries: number; changeRecords: number; assessments: number };
}

export class UnknownOrganisationError extends Error {}

/**
 * Finds (dry run) or removes everyone due, in every organisation or one (by slug). Each
 * organisation's removal is one transaction, recorded in its change history as one "purge" with
 * counts only (a record naming the people removed would keep what retention removes).
 */
export async function purge(
  db: Kysely<DB>,
  options: { dryRun: boolean; now: Date; organisationSlug?: string; actor?: ChangeActor },
): Promise<PurgeReport> {
  let organisationQuery = db
    .selectFrom("organisations")
    .select(["id", "slug", "retention_left_months", "retention_assessment_years"])
    .orderBy("slug");
  if (options.organisationSlug) organisationQuery = organisationQuery.where("slug", "=", options.organisationSlug);
  const organisations = await organisationQuery.execute();
  if (options.organisationSlug && organisations.length === 0)
    throw new UnknownOrganisationError(`no organisation "${options.organisationSlug}"`);

  const report: PurgeReport = {
    dryRun: options.dryRun,
    at: options.now.toISOString(),
    organisations: [],
    totals: { people: 0, accessLogEntries: 0, changeRecords: 0, assessments: 0 },
  };
  for (const organisation of organisations) {
    const months = organisation.retention_left_months;
    const cutoff = months === null ? null : retentionCutoff(options.now, months);
    const people = cutoff === null ? [] : await purgeOrganisation(db, organisation.id, cutoff, options);
    const years = organisation.retention_assessment_years;
    const assessmentCutoff = years === null ? null : retentionCutoff(options.now, years * 12);
    const assessments =
      assessmentCutoff === null ? 0 : await purgeAssessments(db, organisation.id, assessmentCutoff, options);
    report.totals.assessments += assessments;
    report.organisations.push({
      organisationId: organisation.id,
      slug: organisation.slug,
      retentionLeftMonths: months,
      cutoff,
      people,
      retentionAssessmentYears: years,
      assessmentCutoff,
      assessments,
    });
    for (const person of people) {
      report.totals.people++;
      report.totals.accessLogEntries += person.accessLogEntries;
      report.totals.changeRecords += person.changeRecords;
    }
  }
  return report;
}

async function purgeOrganisation(
  db: Kysely<DB>,
  organisationId: string,
  cutoff: string,
  options: { dryRun: boolean; now: Date; actor?: ChangeActor },
): Promise<PurgedPerson[]> {
  return db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom("people")
      .select([
        "id",
        "given_name",
        "family_name",
        "preferred_name",
        "employee_number",
        "status",
        "status_since",
        "updated_at",
      ])
      .where("organisation_id", "=", organisationId)
      .where("status", "=", "left")
      .orderBy("family_name")
      .orderBy("given_name")
      .orderBy("id")
      .execute();
    const due = candidates.filter((person) => leftOn(person) <= cutoff);
    if (due.length === 0) return [];
    const ids = due.map((person) => person.id);
    const counts = async (ids: string[]) => {
      const [access, changes] = await Promise.all([
        trx
          .selectFrom("access_log")
          .select(["person_id", (eb) => eb.fn.countAll().as("n")])
          .where("person_id", "in", ids)
          .groupBy("person_id")
          .execute(),
        trx
          .selectFrom("organisation_changes")
          .select(["subject_id", (eb) => eb.fn.countAll().as("n")])
          .where("organisation_id", "=", organisationId)
          .where("subject_kind", "=", "person")
          .where("subject_id", "in", ids)
          .groupBy("subject_id")
          .execute(),
      ]);
      return {
        access: new Map(access.map((row) => [row.person_id, Number(row.n)])),
        changes: new Map(changes.map((row) => [row.subject_id, Number(row.n)])),
      };
    };
    const found: PurgedPerson[] = [];
    // In slices, so a large purge stays under either database's limit on bound parameters.
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      const { access, changes } = await counts(slice);
      for (const person of due.slice(i, i + 500))
        found.push({
          id: person.id,
          name: displayName(person),
          employeeNumber: person.employee_number,
          leftOn: leftOn(person),
          accessLogEntries: access.get(person.id) ?? 0,
          changeRecords: changes.get(person.id) ?? 0,
        });
      if (options.dryRun) continue;
      await trx
        .deleteFrom("organisation_changes")
        .where("organisation_id", "=", organisationId)
        .where("subject_kind", "=", "person")
        .where("subject_id", "in", slice)
        .execute();
      // The access log about them goes with them (its rows cascade); reports and units they headed
      // keep their place, without that manager or head.
      await trx.deleteFrom("access_log").where("person_id", "in", slice).execute();
      await detachFrom(trx, organisationId, slice, new Set(ids), options);
      await unnameInCycles(trx, organisationId, new Set(slice));
      await trx.deleteFrom("people").where("id", "in", slice).execute();
    }
    if (!options.dryRun)
      await recordChange(
        trx,
        {
          organisationId,
          actor: actorOf(options),
          subjectKind: "organisation",
          subjectId: organisationId,
          action: "purge",
          before: null,
          after: {
            people: found.length,
            accessLogEntries: found.reduce((n, p) => n + p.accessLogEntries, 0),
            changeRecords: found.reduce((n, p) => n + p.changeRecords, 0),
            cutoff,
          },
        },
        options.now,
      );
    return found;
  });
}

/**
 * Removes (or counts, in a dry run) the assessments of cycles closed on or before the cut-off, with
 * their items, evidence and history (their rows cascade), in one transaction; the change history
 * records how many went, naming no one.
 */
async function purgeAssessments(
  db: Kysely<DB>,
  organisationId: string,
  cutoff: string,
  options: { dryRun: boolean; now: Date; actor?: ChangeActor },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // A cycle closed on the cut-off day is due: compare dates, not instants.
    const due = trx
      .selectFrom("review_cycles")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("state", "=", "closed")
      .where("closed_at", "<", `${cutoff}T99`);
    const { n } = await trx
      .selectFrom("assessments")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("cycle_id", "in", due)
      .executeTakeFirstOrThrow();
    const count = Number(n);
    if (options.dryRun || count === 0) return count;
    await trx.deleteFrom("assessments").where("cycle_id", "in", due).execute();
    await recordChange(
      trx,
      {
        organisationId,
        actor: actorOf(options),
        subjectKind: "organisation",
        subjectId: organisationId,
        action: "purge",
        before: null,
        after: { assessments: count, cutoff },
      },
      options.now,
    );
    return count;
  });
}

/**
 * Review cycles that named a removed person among their participants stop naming them. Their
 * assessments, with items, evidence, history and the reminders sent about them, cascade with the
 * person's row (migration 017). A selection that named only removed people cannot simply be emptied:
 * empty means "everyone" (src/assessments/cycles/participants.ts). It names NOBODY instead, which is
 * no one's id, so it still selects no one and no longer says who was there.
 */
const NOBODY = "removed";

async function unnameInCycles(trx: Kysely<DB>, organisationId: string, removed: ReadonlySet<string>) {
  const cycles = await trx
    .selectFrom("review_cycles")
    .select(["id", "participants"])
    .where("organisation_id", "=", organisationId)
    .execute();
  for (const cycle of cycles) {
    let selection: { units?: unknown; profiles?: unknown; people?: unknown };
    try {
      selection = JSON.parse(cycle.participants);
    } catch {
      continue;
    }
    if (!Array.isArray(selection.people) || !selection.people.some((id) => removed.has(id))) continue;
    const people = selection.people.filter((id) => !removed.has(id));
    const others = [selection.units, selection.profiles].some((list) => Array.isArray(list) && list.length > 0);
    await trx
      .updateTable("review_cycles")
      .set({ participants: JSON.stringify({ ...selection, people: people.length > 0 || others ? people : [NOBODY] }) })
      .where("id", "=", cycle.id)
      .execute();
  }
}

/** Who the change history names for a purge: the account that asked, else the retention job. */
const actorOf = (options: { actor?: ChangeActor }): ChangeActor => options.actor ?? { id: null, label: "retention" };

/**
 * The people whose manager, and the units whose head, is being removed keep their place without
 * them; each such change goes into the change history like any other.
 */
async function detachFrom(
  trx: Kysely<DB>,
  organisationId: string,
  removed: string[],
  removedAll: ReadonlySet<string>,
  options: { now: Date; actor?: ChangeActor },
): Promise<void> {
  const at = options.now.toISOString();
  const batchId = randomUUID();
  const reports = (
    await trx.selectFrom("people").select(["id", "manager_id"]).where("manager_id", "in", removed).execute()
  ).filter((report) => !removedAll.has(report.id));
  const units = await trx
    .selectFrom("units")
    .select(["id", "head_person_id"])
    .where("head_person_id", "in", removed)
    .execute();
  const change = (subjectKind: "person" | "unit", subjectId: string, field: string, was: string | null) =>
    recordChange(
      trx,
      {
        organisationId,
        actor: actorOf(options),
        subjectKind,
        subjectId,
        action: "purge",
        batchId,
        before: { [field]: was },
        after: { [field]: null },
      },
      options.now,
    );
  for (const report of reports) await change("person", report.id, "managerId", report.manager_id);
  for (const unit of units) await change("unit", unit.id, "headPersonId", unit.head_person_id);
  await trx
    .updateTable("people")
    .set({ manager_id: null, updated_at: at })
    .where("manager_id", "in", removed)
    .execute();
  await trx
    .updateTable("units")
    .set({ head_person_id: null, updated_at: at })
    .where("head_person_id", "in", removed)
    .execute();
}
