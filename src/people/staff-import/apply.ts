/**
 * The staff import against the database: the organisation's present staff and units are read, the
 * import is planned (plan.ts), and — unless it is a dry run or the plan has errors — written in ONE
 * transaction: new units, new people (managers before their reports, in batches), updates, people
 * marked as left, and one change record per person or unit, all sharing the import's batch id.
 * Reading and writing happen in the same transaction, so what is written is what was planned.
 *
 * Batched statements of its own (rather than the people store's one-person writes) keep 5,000 staff
 * well within the bench's goal on both databases.
 */
import { createHash, randomUUID } from "node:crypto";
import { type Insertable, type Kysely, PostgresAdapter, sql, type Transaction } from "kysely";
import type { PeopleTable } from "../../db/people-tables.ts";
import type { DB, Person } from "../../db/schema.ts";
import { againOnUniqueViolation } from "../../db/unique-violation.ts";
import { dayIn, effectiveTimeZone } from "../../i18n/zones.ts";
import { announceMoves, moveOf, type PersonMove } from "../person-moves.ts";
import { EMPLOYEE_NUMBER, personSnapshot } from "../staff/store.ts";
import type { ColumnMapping } from "./columns.ts";
import { type ImportPlan, type Organisation, type PersonValues, type PlanOptions, planImport } from "./plan.ts";
import type { StaffTable } from "./read.ts";
import { validateRows } from "./validate.ts";
import type { DateOrder, PersonStatus } from "./values.ts";

/** Who imports: an account (the web pages) or the command line (no account). */
export interface ImportActor {
  id: string | null;
  label: string;
}

export interface StaffImportRequest {
  organisationId: string;
  table: StaffTable;
  mapping: ColumnMapping;
  dateOrder?: DateOrder;
  markMissingAsLeft: boolean;
  createUnits: boolean;
  actor: ImportActor;
  /** Plan only: nothing is written. */
  dryRun: boolean;
  /**
   * The fingerprint of the plan the person confirmed (planFingerprint): when the staff changed since
   * that preview, nothing is written and the result says `stale`.
   */
  expectedFingerprint?: string;
  now?: Date;
  /**
   * The instance's time zone (config.timeZone) for an organisation without its own: a status that
   * changes without a date takes effect on the organisation's today (decision 054). UTC if absent.
   */
  instanceZone?: string;
}

export interface StaffImportResult {
  plan: ImportPlan;
  /** Whether the import was written (false for a dry run, or when the plan has errors). */
  applied: boolean;
  /** The change records' shared batch id, when written. */
  batchId: string | null;
  /** The plan differs from the one confirmed: nothing was written. */
  stale: boolean;
}

/** What a plan would write, as a short hash: a confirmation must meet the plan it was shown. */
export function planFingerprint(plan: ImportPlan): string {
  const what = {
    creates: plan.creates.map((c) => [c.employeeNumber, c.values]),
    updates: plan.updates.map((u) => [u.personId, u.changes]),
    leaving: plan.leaving.map((l) => l.personId),
    units: plan.newUnits,
  };
  return createHash("sha256").update(JSON.stringify(what)).digest("base64url").slice(0, 22);
}

/** Rows per insert: well under SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH = 100;

const chunks = <T>(items: readonly T[], size = BATCH): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export async function loadOrganisationStaff(db: Kysely<DB>, organisationId: string): Promise<Organisation> {
  const [organisation, people, units] = await Promise.all([
    db
      .selectFrom("organisations")
      .select(["default_lang", "time_zone"])
      .where("id", "=", organisationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("people")
      .select([
        "id",
        "employee_number",
        "given_name",
        "family_name",
        "preferred_name",
        "email",
        "unit_id",
        "manager_id",
        "status",
        "status_since",
        "preferred_lang",
      ])
      .where("organisation_id", "=", organisationId)
      .execute(),
    db.selectFrom("units").select(["id", "name_en", "name_fr"]).where("organisation_id", "=", organisationId).execute(),
  ]);
  return {
    defaultLang: organisation.default_lang === "fr" ? "fr" : "en",
    timeZone: organisation.time_zone,
    units: units.map((u) => ({ id: u.id, nameEn: u.name_en, nameFr: u.name_fr })),
    people: people.map((p) => ({
      id: p.id,
      employeeNumber: p.employee_number,
      givenName: p.given_name,
      familyName: p.family_name,
      preferredName: p.preferred_name,
      email: p.email,
      unitId: p.unit_id,
      managerId: p.manager_id,
      status: p.status as PersonStatus,
      statusSince: p.status_since,
      preferredLang: p.preferred_lang === "fr" ? "fr" : "en",
    })),
  };
}

function planFor(request: StaffImportRequest, organisation: Organisation): ImportPlan {
  const now = request.now ?? new Date();
  const options: PlanOptions = {
    markMissingAsLeft: request.markMissingAsLeft,
    createUnits: request.createUnits,
    today: dayIn(now, effectiveTimeZone({ time_zone: organisation.timeZone }, request.instanceZone ?? "UTC")),
  };
  return planImport(validateRows(request.table, request.mapping, request.dateOrder), organisation, options);
}

/** Plans the import and, unless asked for a dry run or the plan has errors, writes it all or nothing. */
export async function importStaff(db: Kysely<DB>, request: StaffImportRequest): Promise<StaffImportResult> {
  if (request.dryRun) {
    const plan = planFor(request, await loadOrganisationStaff(db, request.organisationId));
    return { plan, applied: false, batchId: null, stale: false };
  }
  // An import confirmed twice at once, or someone given a new person's number meanwhile, meets the
  // employee number's unique constraint (PostgreSQL lets both transactions plan the same creations):
  // run again, and the plan, read afresh, answers as it would have (the people are there; a
  // confirmed preview is stale).
  const write = () =>
    db.transaction().execute(async (trx): Promise<StaffImportResult> => {
      const organisation = await loadOrganisationStaff(trx, request.organisationId);
      const plan = planFor(request, organisation);
      if (plan.errors.length > 0) return { plan, applied: false, batchId: null, stale: false };
      if (request.expectedFingerprint !== undefined && request.expectedFingerprint !== planFingerprint(plan))
        return { plan, applied: false, batchId: null, stale: true };
      const batchId = randomUUID();
      await writePlan(trx, request, organisation, plan, batchId);
      return { plan, applied: true, batchId, stale: false };
    });
  const result = await againOnUniqueViolation([EMPLOYEE_NUMBER], write);
  if (result.applied && result.plan.creates.length >= ANALYZE_AFTER) await refreshStatistics(db);
  return result;
}

/** New people from which a first import is worth new planner statistics (see refreshStatistics). */
const ANALYZE_AFTER = 500;

/**
 * PostgreSQL plans the manager-line walks (a team, a manager chain) from its table statistics; right
 * after a first import of thousands of people it still believes the tables nearly empty and walks
 * them row by row (a 1,000-person team page: about 250 ms instead of 45) until autovacuum catches
 * up. Refresh them at once. SQLite needs nothing.
 */
async function refreshStatistics(db: Kysely<DB>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`analyze people`.execute(db);
  await sql`analyze units`.execute(db);
}

async function writePlan(
  trx: Transaction<DB>,
  request: StaffImportRequest,
  organisation: Organisation,
  plan: ImportPlan,
  batchId: string,
): Promise<void> {
  const at = (request.now ?? new Date()).toISOString();
  const today = at.slice(0, 10);
  const orgId = request.organisationId;
  const changes: Insertable<DB["organisation_changes"]>[] = [];
  const change = (kind: "unit" | "person", subjectId: string, before: unknown, after: unknown) =>
    changes.push({
      id: randomUUID(),
      organisation_id: orgId,
      at,
      actor_id: request.actor.id,
      actor_label: request.actor.label,
      subject_kind: kind,
      subject_id: subjectId,
      action: "import",
      batch_id: batchId,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
    });

  // New units go at the top of the tree, after the organisation's own top units.
  const unitIds = new Map<string, string>();
  if (plan.newUnits.length > 0) {
    const top = await trx
      .selectFrom("units")
      .select((eb) => eb.fn.max("ordinal").as("last"))
      .where("organisation_id", "=", orgId)
      .where("parent_id", "is", null)
      .executeTakeFirst();
    let ordinal = Number(top?.last ?? 0);
    const rows = plan.newUnits.map(({ key, name }) => {
      const id = randomUUID();
      unitIds.set(key, id);
      const unit = {
        id,
        organisation_id: orgId,
        parent_id: null,
        name_en: name,
        name_fr: name,
        ordinal: ++ordinal,
        head_person_id: null,
        created_at: at,
        updated_at: at,
      };
      const { created_at: _c, updated_at: _u, ...snapshot } = unit;
      change("unit", id, null, snapshot);
      return unit;
    });
    for (const batch of chunks(rows)) await trx.insertInto("units").values(batch).execute();
  }

  const idOf = new Map(organisation.people.map((p) => [p.employeeNumber, p.id]));
  for (const create of plan.creates) idOf.set(create.employeeNumber, randomUUID());
  const columns = (values: PersonValues) => ({
    given_name: values.givenName,
    family_name: values.familyName,
    preferred_name: values.preferredName,
    email: values.email,
    unit_id:
      values.unit === null
        ? null
        : values.unit.kind === "existing"
          ? values.unit.id
          : (unitIds.get(values.unit.key) ?? null),
    manager_id: values.managerNumber === null ? null : (idOf.get(values.managerNumber) ?? null),
    status: values.status,
    status_since: values.statusSince,
    preferred_lang: values.preferredLang,
  });

  // Managers before their reports: each insert's references then already exist.
  const newNumbers = new Set(plan.creates.map((c) => c.employeeNumber));
  const depth = new Map<string, number>();
  const managerOf = new Map(plan.creates.map((c) => [c.employeeNumber, c.values.managerNumber]));
  const depthOf = (number: string): number => {
    const known = depth.get(number);
    if (known !== undefined) return known;
    // Iterative climb (chains can be long); the plan refused cycles, so this ends.
    const path: string[] = [];
    let current: string | null | undefined = number;
    while (current != null && newNumbers.has(current) && !depth.has(current)) {
      path.push(current);
      current = managerOf.get(current);
    }
    let d = current != null && depth.has(current) ? (depth.get(current) as number) : -1;
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i], ++d);
    return depth.get(number) as number;
  };
  const ordered = [...plan.creates].sort((a, b) => depthOf(a.employeeNumber) - depthOf(b.employeeNumber));
  const inserts: Insertable<PeopleTable>[] = ordered.map((create) => {
    const id = idOf.get(create.employeeNumber) as string;
    const row: Person = {
      id,
      organisation_id: orgId,
      employee_number: create.employeeNumber,
      ...columns(create.values),
      user_id: null,
      created_at: at,
      updated_at: at,
    };
    // The history keeps whole records, as the people store writes them (src/people/staff/store.ts).
    change("person", id, null, personSnapshot(row));
    return row;
  });
  for (const batch of chunks(inserts)) await trx.insertInto("people").values(batch).execute();

  // The records before the import, for the history's before and after.
  const touched = [...plan.updates.map((u) => u.personId), ...plan.leaving.map((l) => l.personId)];
  const stored = new Map<string, Person>();
  for (const batch of chunks(touched, 500)) {
    const rows = await trx
      .selectFrom("people")
      .selectAll()
      .where("organisation_id", "=", orgId)
      .where("id", "in", batch)
      .execute();
    for (const row of rows) stored.set(row.id, row);
  }
  const snapshotPair = (id: string, patch: Partial<Person>) => {
    const before = stored.get(id) as Person;
    change("person", id, personSnapshot(before), personSnapshot({ ...before, ...patch }));
  };

  const moves: (PersonMove | undefined)[] = [];
  for (const update of plan.updates) {
    const set = { ...columns(update.values), updated_at: at };
    await trx
      .updateTable("people")
      .set(set)
      .where("id", "=", update.personId)
      .where("organisation_id", "=", orgId)
      .execute();
    snapshotPair(update.personId, set);
    const before = stored.get(update.personId) as Person;
    moves.push(moveOf(before, { ...before, ...set }));
  }

  for (const batch of chunks(plan.leaving)) {
    await trx
      .updateTable("people")
      .set({ status: "left", status_since: today, updated_at: at })
      .where("organisation_id", "=", orgId)
      .where(
        "id",
        "in",
        batch.map((l) => l.personId),
      )
      .execute();
    for (const leave of batch) {
      change("person", leave.personId, { status: leave.before }, { status: "left", statusSince: today });
      const before = stored.get(leave.personId) as Person;
      moves.push(moveOf(before, { ...before, status: "left" }));
    }
  }
  // Leavers and movers, for capabilities above people (src/people/person-moves.ts): same transaction.
  await announceMoves(trx, moves, request.actor, request.now ?? new Date(at));

  for (const batch of chunks(changes)) await trx.insertInto("organisation_changes").values(batch).execute();
}
