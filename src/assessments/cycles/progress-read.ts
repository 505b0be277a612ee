/**
 * A cycle's progress as HR reads it (page, CSV and XLSX): each assessment with its person's unit and
 * manager (the reviewing manager kept on the assessment), through progress.ts; and the two downloads.
 * CSV: RFC 4180 with CRLF and a UTF-8 byte order mark for Excel; a cell that a spreadsheet would run
 * as a formula (= + - @, tab, carriage return first) is written with a leading apostrophe.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { displayName } from "../../people/privacy/access-log-store.ts";
import { descendantsOf } from "../../people/units/tree.ts";
import { type Progress, type ProgressFilter, type ProgressInput, type ProgressRow, progressOf } from "./progress.ts";
import type { Cycle } from "./store.ts";

export interface UnitChoice {
  id: string;
  name: { en: string; fr: string };
}

export async function readProgressInput(db: Kysely<DB>, cycle: Cycle): Promise<ProgressInput[]> {
  const rows = await db
    .selectFrom("assessments as a")
    .innerJoin("people as p", "p.id", "a.person_id")
    .leftJoin("units as u", "u.id", "p.unit_id")
    .leftJoin("people as m", "m.id", "a.manager_id")
    .select([
      "a.id as assessment_id",
      "a.state",
      "a.due_on",
      "p.id as person_id",
      "p.given_name",
      "p.family_name",
      "p.preferred_name",
      "p.employee_number",
      "p.unit_id",
      "u.name_en as unit_en",
      "u.name_fr as unit_fr",
      "m.given_name as m_given",
      "m.family_name as m_family",
      "m.preferred_name as m_preferred",
    ])
    .where("a.cycle_id", "=", cycle.id)
    .where("a.organisation_id", "=", cycle.organisationId)
    .orderBy("p.family_name")
    .orderBy("p.given_name")
    .orderBy("p.employee_number")
    .execute();
  return rows.map((r) => ({
    assessmentId: r.assessment_id,
    personId: r.person_id,
    name: displayName(r),
    employeeNumber: r.employee_number,
    unitId: r.unit_id,
    unitName: r.unit_en !== null && r.unit_fr !== null ? { en: r.unit_en, fr: r.unit_fr } : null,
    managerName:
      r.m_given !== null && r.m_family !== null
        ? displayName({ given_name: r.m_given, family_name: r.m_family, preferred_name: r.m_preferred })
        : null,
    state: r.state,
    dueOn: r.due_on,
  }));
}

export async function organisationUnits(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom("units")
    .select(["id", "parent_id", "ordinal", "name_en", "name_fr"])
    .where("organisation_id", "=", organisationId)
    .orderBy("name_en")
    .execute();
}

/** The progress of a cycle on `today`, filtered by a unit (with its sub-units) and a state. */
export async function cycleProgress(
  db: Kysely<DB>,
  cycle: Cycle,
  today: string,
  filter: { unit?: string; state?: string },
): Promise<Progress & { units: UnitChoice[] }> {
  const [input, units] = await Promise.all([readProgressInput(db, cycle), organisationUnits(db, cycle.organisationId)]);
  const places = units.map((u) => ({ id: u.id, parentId: u.parent_id, ordinal: u.ordinal }));
  const chosen: ProgressFilter = { state: filter.state || undefined };
  if (filter.unit && units.some((u) => u.id === filter.unit))
    chosen.units = new Set([filter.unit, ...descendantsOf(filter.unit, places)]);
  return {
    ...progressOf(input, cycle.due, today, chosen),
    units: units.map((u) => ({ id: u.id, name: { en: u.name_en, fr: u.name_fr } })),
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell a spreadsheet would read as a formula keeps its text behind an apostrophe. */
export const safeCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** The table both downloads hold: a header row, then one row per assessment, in the reader's language. */
export function progressTable(rows: readonly ProgressRow[], lang: Lang): string[][] {
  const t = messages(lang);
  return [
    [
      t.cyclesColPerson,
      t.cyclesColEmployeeNumber,
      t.cyclesColUnit,
      t.cyclesColManager,
      t.cyclesColState,
      t.cyclesColStep,
      t.cyclesColDue,
      t.cyclesColOverdue,
    ],
    ...rows.map((r) => [
      r.name,
      r.employeeNumber,
      r.unitName ? r.unitName[lang] : "",
      r.managerName ?? "",
      t.cyclesAssessmentState(r.state),
      r.step ? t.cyclesStepName(r.step) : "",
      r.due ?? "",
      r.overdue ? t.cyclesYes : t.cyclesNo,
    ]),
  ];
}

export function progressCsv(rows: readonly ProgressRow[], lang: Lang): Buffer {
  const table = progressTable(rows, lang).map((row) => row.map(safeCell));
  return Buffer.from(stringify(table, { bom: true, record_delimiter: "windows" }), "utf8");
}

export async function progressXlsx(rows: readonly ProgressRow[], lang: Lang, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Progress", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const [header, ...body] = progressTable(rows, lang);
  sheet.addRow(header).font = { bold: true };
  // Written as strings, never as formulas; the apostrophe keeps a pasted copy harmless too.
  for (const row of body) sheet.addRow(row.map(safeCell));
  sheet.columns.forEach((column, i) => {
    column.width = [32, 14, 28, 28, 18, 22, 12, 10][i] ?? 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
