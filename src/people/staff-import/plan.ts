/**
 * What an import would do to an organisation's staff, worked out before anything is written: who is
 * created, who changes and how (field by field), who is unchanged, who is marked as left, which
 * units are created — or why it cannot be done. Pure: the organisation's present state comes in as
 * plain data, so the preview, the confirmation and the command line all plan the same way.
 *
 * Matching is by employee number (exactly, as the HR system writes it). Managers are named by their
 * employee number, in the file or already in the organisation; the lines the import would leave are
 * checked for cycles (manager-lines.ts) and each person in a cycle gets an error on their row. Units
 * are named in English or French (case, accents and punctuation aside).
 */

import { managerCycles } from "../manager-lines.ts";
import { headerKey } from "./columns.ts";
import type { RowError, StaffRow, Validated } from "./validate.ts";
import type { PersonStatus } from "./values.ts";

export interface ExistingPerson {
  id: string;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  email: string | null;
  unitId: string | null;
  managerId: string | null;
  status: PersonStatus;
  statusSince: string | null;
  preferredLang: "en" | "fr";
}

export interface ExistingUnit {
  id: string;
  nameEn: string;
  nameFr: string;
}

export interface Organisation {
  people: readonly ExistingPerson[];
  units: readonly ExistingUnit[];
  defaultLang: "en" | "fr";
  /** Its own time zone, if it chose one (decision 054): the day a dateless status change takes effect. */
  timeZone?: string | null;
}

export interface PlanOptions {
  /** People of the organisation the file does not list are marked as left (today). */
  markMissingAsLeft: boolean;
  /** Units the file names that do not exist are created (at the top of the tree); else an error. */
  createUnits: boolean;
  /** YYYY-MM-DD: the date a status change takes effect when the file gives none. */
  today: string;
}

/** A unit as a person's record will point at it: one that exists, or one this import creates. */
export type UnitRef = { kind: "existing"; id: string } | { kind: "new"; key: string };

/** A person's record as the import leaves it (managers by employee number). */
export interface PersonValues {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  email: string | null;
  unit: UnitRef | null;
  managerNumber: string | null;
  status: PersonStatus;
  statusSince: string | null;
  preferredLang: "en" | "fr";
}
export type PersonField = keyof PersonValues;

/** One field's change, as people read it (units by name, managers by employee number). */
export interface FieldChange {
  field: PersonField;
  before: string | null;
  after: string | null;
}

export interface PlannedCreate {
  line: number;
  employeeNumber: string;
  values: PersonValues;
}

export interface PlannedUpdate {
  line: number;
  personId: string;
  employeeNumber: string;
  values: PersonValues;
  changes: FieldChange[];
}

export interface PlannedLeave {
  personId: string;
  employeeNumber: string;
  name: string;
  before: PersonStatus;
}

export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  /** Employee numbers of the people the file lists exactly as they are. */
  unchanged: string[];
  leaving: PlannedLeave[];
  /** Units to create: key (as units are matched) and the name the file gives. */
  newUnits: { key: string; name: string }[];
  /** Everything that stops the import, by row and column, in file order. */
  errors: RowError[];
  counts: {
    rows: number;
    creates: number;
    updates: number;
    unchanged: number;
    leaving: number;
    newUnits: number;
    errors: number;
  };
}

export const unitKey = (name: string) => headerKey(name);

export function planImport(validated: Validated, organisation: Organisation, options: PlanOptions): ImportPlan {
  const errors: RowError[] = [...validated.errors];
  const byNumber = new Map(organisation.people.map((p) => [p.employeeNumber, p]));
  const byId = new Map(organisation.people.map((p) => [p.id, p]));
  const unitsById = new Map(organisation.units.map((u) => [u.id, u]));
  const unitsByKey = new Map<string, Set<string>>();
  for (const unit of organisation.units) {
    for (const name of [unit.nameEn, unit.nameFr]) {
      const key = unitKey(name);
      if (key === "") continue;
      const ids = unitsByKey.get(key) ?? new Set<string>();
      ids.add(unit.id);
      unitsByKey.set(key, ids);
    }
  }
  const newUnits = new Map<string, string>();
  const unitColumn = validated.columns.unit ?? null;
  const managerColumn = validated.columns.managerNumber ?? null;

  function resolveUnit(row: StaffRow, existing: ExistingPerson | undefined): UnitRef | null | "error" {
    if (row.unit === undefined) return existing?.unitId ? { kind: "existing", id: existing.unitId } : null;
    if (row.unit === null) return null;
    const key = unitKey(row.unit);
    const ids = unitsByKey.get(key);
    if (ids && ids.size === 1) return { kind: "existing", id: [...ids][0] };
    const fail = (code: "unit_ambiguous" | "unit_unknown") => {
      errors.push({ line: row.line, field: "unit", column: unitColumn, code, value: row.unit ?? "" });
      return "error" as const;
    };
    if (ids && ids.size > 1) return fail("unit_ambiguous");
    if (!options.createUnits || key === "") return fail("unit_unknown");
    if (!newUnits.has(key)) newUnits.set(key, row.unit);
    return { kind: "new", key };
  }

  const managerNumberOf = (person: ExistingPerson) =>
    person.managerId ? (byId.get(person.managerId)?.employeeNumber ?? null) : null;

  // Each row's record as the import would leave it.
  const planned: { row: StaffRow; existing: ExistingPerson | undefined; values: PersonValues }[] = [];
  for (const row of validated.rows) {
    const existing = byNumber.get(row.employeeNumber);
    const unit = resolveUnit(row, existing);
    let managerNumber =
      row.managerNumber === undefined ? (existing ? managerNumberOf(existing) : null) : row.managerNumber;
    if (managerNumber != null && !validated.employeeNumbers.has(managerNumber) && !byNumber.has(managerNumber)) {
      errors.push({
        line: row.line,
        field: "managerNumber",
        column: managerColumn,
        code: "manager_unknown",
        value: managerNumber,
      });
      managerNumber = null;
    }
    const status = row.status ?? existing?.status ?? "active";
    const statusChanged = existing ? status !== existing.status : status !== "active";
    const statusSince = row.statusSince ?? (statusChanged ? options.today : existing ? existing.statusSince : null);
    if (unit === "error") continue;
    planned.push({
      row,
      existing,
      values: {
        givenName: row.givenName,
        familyName: row.familyName,
        preferredName: row.preferredName === undefined ? (existing?.preferredName ?? null) : row.preferredName,
        email: row.email === undefined ? (existing?.email ?? null) : row.email,
        unit,
        managerNumber,
        status,
        statusSince,
        preferredLang: row.preferredLang ?? existing?.preferredLang ?? organisation.defaultLang,
      },
    });
  }

  // The manager lines after the import: everyone stays as they are unless the file says otherwise.
  const lines = new Map<string, string | null>();
  for (const person of organisation.people) lines.set(person.employeeNumber, managerNumberOf(person));
  for (const { row, values } of planned) lines.set(row.employeeNumber, values.managerNumber);
  const lineOf = new Map(planned.map(({ row }) => [row.employeeNumber, row]));
  for (const cycle of managerCycles(lines)) {
    const path = [...cycle, cycle[0]].join(" → ");
    for (const number of cycle) {
      const row = lineOf.get(number);
      if (row)
        errors.push({
          line: row.line,
          field: "managerNumber",
          column: managerColumn,
          code: "cycle",
          value: path,
        });
    }
  }

  const unitName = (ref: UnitRef | null) => {
    if (ref === null) return null;
    if (ref.kind === "new") return newUnits.get(ref.key) ?? null;
    const unit = unitsById.get(ref.id);
    return unit ? unit.nameEn : null;
  };
  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  const unchanged: string[] = [];
  for (const { row, existing, values } of planned) {
    if (!existing) {
      creates.push({ line: row.line, employeeNumber: row.employeeNumber, values });
      continue;
    }
    const before: Record<PersonField, string | null> = {
      givenName: existing.givenName,
      familyName: existing.familyName,
      preferredName: existing.preferredName,
      email: existing.email,
      unit: existing.unitId ? unitName({ kind: "existing", id: existing.unitId }) : null,
      managerNumber: managerNumberOf(existing),
      status: existing.status,
      statusSince: existing.statusSince,
      preferredLang: existing.preferredLang,
    };
    const after: Record<PersonField, string | null> = { ...values, unit: unitName(values.unit) };
    const sameUnit =
      (values.unit === null && existing.unitId === null) ||
      (values.unit?.kind === "existing" && values.unit.id === existing.unitId);
    const changes: FieldChange[] = [];
    for (const field of Object.keys(before) as PersonField[]) {
      const changed = field === "unit" ? !sameUnit : before[field] !== after[field];
      if (changed) changes.push({ field, before: before[field], after: after[field] });
    }
    if (changes.length === 0) unchanged.push(row.employeeNumber);
    else updates.push({ line: row.line, personId: existing.id, employeeNumber: row.employeeNumber, values, changes });
  }

  const leaving: PlannedLeave[] = options.markMissingAsLeft
    ? organisation.people
        .filter((p) => p.status !== "left" && !validated.employeeNumbers.has(p.employeeNumber))
        .map((p) => ({
          personId: p.id,
          employeeNumber: p.employeeNumber,
          name: `${p.givenName} ${p.familyName}`,
          before: p.status,
        }))
    : [];

  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const unitList = [...newUnits].map(([key, name]) => ({ key, name }));
  return {
    creates,
    updates,
    unchanged,
    leaving,
    newUnits: unitList,
    errors,
    counts: {
      rows: validated.rows.length + new Set(validated.errors.map((e) => e.line).filter((l) => l !== null)).size,
      creates: creates.length,
      updates: updates.length,
      unchanged: unchanged.length,
      leaving: leaving.length,
      newUnits: unitList.length,
      errors: errors.length,
    },
  };
}
