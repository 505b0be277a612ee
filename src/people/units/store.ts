/**
 * An organisation's units: read as a tree, added, renamed, moved, given a head, deleted. Every
 * write runs in one transaction with its record in the organisation's change history. A unit is
 * always looked up within its organisation, so another organisation's unit id is simply unknown.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB, Unit } from "../../db/schema.ts";
import { type ChangeAuthor, recordChange } from "../organisations/changes.ts";
import { announceMoves, moveOf } from "../person-moves.ts";
import { descendantsOf, type MoveRefusal, planMove, type UnitMove } from "./tree.ts";

export class UnitNotFoundError extends Error {
  constructor() {
    super("no such unit in this organisation");
  }
}

export class HeadNotFoundError extends Error {
  constructor(readonly employeeNumber: string) {
    super(`no one in this organisation has the employee number ${employeeNumber}`);
  }
}

export interface UnitView extends Unit {
  /** The head's name as staff know it (preferred name first), when the unit has one. */
  head_name: string | null;
  head_employee_number: string | null;
}

export const unitPlaces = (units: readonly Unit[]) =>
  units.map((u) => ({ id: u.id, parentId: u.parent_id, ordinal: u.ordinal }));

export async function listUnits(db: Kysely<DB>, organisationId: string): Promise<UnitView[]> {
  const rows = await db
    .selectFrom("units")
    .leftJoin("people as head", (join) =>
      join.onRef("head.id", "=", "units.head_person_id").onRef("head.organisation_id", "=", "units.organisation_id"),
    )
    .selectAll("units")
    .select(["head.given_name", "head.family_name", "head.preferred_name", "head.employee_number"])
    .where("units.organisation_id", "=", organisationId)
    .orderBy("units.ordinal")
    .orderBy("units.id")
    .execute();
  return rows.map(({ given_name, family_name, preferred_name, employee_number, ...unit }) => ({
    ...unit,
    head_name: given_name === null ? null : `${preferred_name ?? given_name} ${family_name}`,
    head_employee_number: employee_number,
  }));
}

export async function findUnit(db: Kysely<DB>, organisationId: string, unitId: string): Promise<Unit | undefined> {
  return db
    .selectFrom("units")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("id", "=", unitId)
    .executeTakeFirst();
}

async function requireUnit(db: Kysely<DB>, organisationId: string, unitId: string): Promise<Unit> {
  const unit = await findUnit(db, organisationId, unitId);
  if (!unit) throw new UnitNotFoundError();
  return unit;
}

const names = (u: Pick<Unit, "name_en" | "name_fr">) => ({ name_en: u.name_en, name_fr: u.name_fr });

export interface NewUnit {
  name_en: string;
  name_fr: string;
  parent_id: string | null;
}

/** Adds the unit as the last under its parent (which must be a unit of the same organisation). */
export async function addUnit(
  db: Kysely<DB>,
  organisationId: string,
  input: NewUnit,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Unit> {
  const id = randomUUID();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const parent = input.parent_id ? await requireUnit(trx, organisationId, input.parent_id) : null;
    let last = trx
      .selectFrom("units")
      .select((eb) => eb.fn.max("ordinal").as("max"))
      .where("organisation_id", "=", organisationId);
    last = parent ? last.where("parent_id", "=", parent.id) : last.where("parent_id", "is", null);
    const { max } = await last.executeTakeFirstOrThrow();
    await trx
      .insertInto("units")
      .values({
        id,
        organisation_id: organisationId,
        parent_id: parent?.id ?? null,
        ...names(input),
        ordinal: max === null ? 0 : Number(max) + 1,
        head_person_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "unit",
        subjectId: id,
        action: "create",
        after: { ...names(input), parent: parent ? parent.name_en : null },
      },
      now,
    );
  });
  return (await findUnit(db, organisationId, id)) as Unit;
}

export async function renameUnit(
  db: Kysely<DB>,
  organisationId: string,
  unitId: string,
  input: { name_en: string; name_fr: string },
  author: ChangeAuthor,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const unit = await requireUnit(trx, organisationId, unitId);
    if (unit.name_en === input.name_en && unit.name_fr === input.name_fr) return;
    await trx
      .updateTable("units")
      .set({ ...names(input), updated_at: now.toISOString() })
      .where("id", "=", unit.id)
      .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "unit",
        subjectId: unit.id,
        action: "update",
        before: names(unit),
        after: names(input),
      },
      now,
    );
  });
}

/** Moves the unit (and its sub-units with it); a refused move changes nothing and says why. */
export async function moveUnit(
  db: Kysely<DB>,
  organisationId: string,
  unitId: string,
  move: UnitMove,
  author: ChangeAuthor,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; why: MoveRefusal }> {
  return db.transaction().execute(async (trx) => {
    const units = await trx.selectFrom("units").selectAll().where("organisation_id", "=", organisationId).execute();
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw new UnitNotFoundError();
    const plan = planMove(unitPlaces(units), unitId, move);
    if (!plan.ok) return plan;
    for (const place of plan.places)
      await trx
        .updateTable("units")
        .set({ parent_id: place.parentId, ordinal: place.ordinal, updated_at: now.toISOString() })
        .where("id", "=", place.id)
        .where("organisation_id", "=", organisationId)
        .execute();
    const moved = plan.places.find((p) => p.id === unitId);
    const nameOf = (id: string | null) => (id === null ? null : (units.find((u) => u.id === id)?.name_en ?? null));
    if (moved)
      await recordChange(
        trx,
        author,
        {
          organisationId,
          subject: "unit",
          subjectId: unitId,
          action: "update",
          before: { ...names(unit), parent: nameOf(unit.parent_id), position: unit.ordinal + 1 },
          after: { ...names(unit), parent: nameOf(moved.parentId), position: moved.ordinal + 1 },
        },
        now,
      );
    return { ok: true } as const;
  });
}

/** Sets the head by employee number (null: no head); the person must be of the same organisation. */
export async function setUnitHead(
  db: Kysely<DB>,
  organisationId: string,
  unitId: string,
  employeeNumber: string | null,
  author: ChangeAuthor,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const unit = await requireUnit(trx, organisationId, unitId);
    const head = employeeNumber
      ? await trx
          .selectFrom("people")
          .select(["id", "employee_number"])
          .where("organisation_id", "=", organisationId)
          .where("employee_number", "=", employeeNumber)
          .executeTakeFirst()
      : null;
    if (employeeNumber && !head) throw new HeadNotFoundError(employeeNumber);
    if ((head?.id ?? null) === unit.head_person_id) return;
    const previous = unit.head_person_id
      ? await trx
          .selectFrom("people")
          .select("employee_number")
          .where("id", "=", unit.head_person_id)
          .executeTakeFirst()
      : undefined;
    await trx
      .updateTable("units")
      .set({ head_person_id: head?.id ?? null, updated_at: now.toISOString() })
      .where("id", "=", unit.id)
      .execute();
    await recordChange(
      trx,
      author,
      {
        organisationId,
        subject: "unit",
        subjectId: unit.id,
        action: "update",
        before: { ...names(unit), head: previous?.employee_number ?? null },
        after: { ...names(unit), head: head?.employee_number ?? null },
      },
      now,
    );
  });
}

export interface DeletionEffects {
  /** Sub-units at every depth, deleted with the unit. */
  subUnits: number;
  /** People in the unit or its sub-units, who are left without a unit (their records stay). */
  people: number;
}

export async function deletionEffects(
  db: Kysely<DB>,
  organisationId: string,
  unitId: string,
): Promise<DeletionEffects> {
  const units = await db.selectFrom("units").selectAll().where("organisation_id", "=", organisationId).execute();
  if (!units.some((u) => u.id === unitId)) throw new UnitNotFoundError();
  const gone = [unitId, ...descendantsOf(unitId, unitPlaces(units))];
  const { n } = await db
    .selectFrom("people")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("unit_id", "in", gone)
    .executeTakeFirstOrThrow();
  return { subUnits: gone.length - 1, people: Number(n) };
}

/**
 * Deletes the unit and its sub-units; their people stay, without a unit (a move for open review
 * cycles, decision 040). One batch in the history.
 */
export async function deleteUnit(
  db: Kysely<DB>,
  organisationId: string,
  unitId: string,
  author: ChangeAuthor,
  now = new Date(),
): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const units = await trx.selectFrom("units").selectAll().where("organisation_id", "=", organisationId).execute();
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw new UnitNotFoundError();
    const gone = [unitId, ...descendantsOf(unitId, unitPlaces(units))];
    // Their people are left without a unit: a move, which open review cycles follow by their rule
    // (keep, move, withdraw) in this transaction, as for a person's unit changed on their record.
    const moving = await trx
      .selectFrom("people")
      .select(["organisation_id", "id", "status", "unit_id", "manager_id"])
      .where("organisation_id", "=", organisationId)
      .where("unit_id", "in", gone)
      .execute();
    await trx
      .updateTable("people")
      .set({ unit_id: null, updated_at: now.toISOString() })
      .where("organisation_id", "=", organisationId)
      .where("unit_id", "in", gone)
      .execute();
    await announceMoves(
      trx,
      moving.map((person) => moveOf(person, { ...person, unit_id: null })),
      author,
      now,
    );
    // Deepest first, so no row is ever left pointing at a deleted parent (whatever the foreign keys do).
    const batchId = randomUUID();
    for (const id of [...gone].reverse()) {
      const row = units.find((u) => u.id === id) as Unit;
      await trx.deleteFrom("units").where("id", "=", id).execute();
      await recordChange(
        trx,
        author,
        { organisationId, subject: "unit", subjectId: id, action: "delete", before: names(row), batchId },
        now,
      );
    }
    // Its former siblings keep a gapless order.
    const siblings = units
      .filter((u) => u.parent_id === unit.parent_id && u.id !== unitId)
      .sort((a, b) => a.ordinal - b.ordinal || a.id.localeCompare(b.id));
    for (const [ordinal, sibling] of siblings.entries())
      if (sibling.ordinal !== ordinal)
        await trx.updateTable("units").set({ ordinal }).where("id", "=", sibling.id).execute();
    return unit;
  });
}
