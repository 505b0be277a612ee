/**
 * The file's rows, through the mapping, as staff records — or errors naming the row and the column.
 * Pure. A field the mapping leaves out is "not in the file" (an update keeps what is stored); a
 * mapped cell left empty clears an optional field (no e-mail, no manager, no unit), except status and
 * language, which an empty cell leaves as they are (new people: active, the organisation's language).
 */
import { findRefusedCharacter } from "../../text/rules.ts";
import { type ColumnMapping, mappingProblems, STAFF_FIELDS, type StaffField } from "./columns.ts";
import type { StaffTable } from "./read.ts";
import { type DateOrder, type PersonStatus, parseDate, parseEmail, parseLang, parseStatus } from "./values.ts";

/** One person as the file gives them. Undefined: the field is not in the file; null: empty. */
export interface StaffRow {
  line: number;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  preferredName?: string | null;
  email?: string | null;
  /** The unit's name (English or French), resolved by the plan. */
  unit?: string | null;
  managerNumber?: string | null;
  status?: PersonStatus | null;
  statusSince?: string | null;
  preferredLang?: "en" | "fr" | null;
}

export type RowErrorCode =
  | "missing_column"
  | "no_such_column"
  | "column_twice"
  | "required"
  | "too_long"
  | "bad_character"
  | "email"
  | "status"
  | "date"
  | "lang"
  | "duplicate"
  | "manager_unknown"
  | "manager_self"
  | "cycle"
  | "unit_unknown"
  | "unit_ambiguous";

/** A problem, by row (the file's row number; null for the file as a whole) and column. */
export interface RowError {
  line: number | null;
  field: StaffField | null;
  /** The column's header as the file writes it (null when the field has no column). */
  column: string | null;
  code: RowErrorCode;
  /** The cell's text, or what the message needs (the first row of a duplicate, a cycle's numbers). */
  value?: string;
}

const MAX_LENGTH: Partial<Record<StaffField, number>> = {
  employeeNumber: 60,
  givenName: 200,
  familyName: 200,
  preferredName: 200,
  unit: 200,
  managerNumber: 60,
};

export interface Validated {
  rows: StaffRow[];
  errors: RowError[];
  /** Every employee number the file names in that column, rows with errors included. */
  employeeNumbers: Set<string>;
  /** Each mapped field's column header, so later checks can name the column too. */
  columns: Partial<Record<StaffField, string>>;
}

export function validateRows(table: StaffTable, mapping: ColumnMapping, dateOrder: DateOrder = "dmy"): Validated {
  const columnName = (field: StaffField) => {
    const column = mapping[field];
    return column === undefined ? null : (table.headers[column] ?? null);
  };
  const columns: Validated["columns"] = {};
  for (const field of STAFF_FIELDS) {
    const name = columnName(field);
    if (name !== null) columns[field] = name;
  }
  const mappingErrors: RowError[] = mappingProblems(mapping, table.headers.length).map(({ field, code }) => ({
    line: null,
    field,
    column: columnName(field),
    code: code === "missing" ? "missing_column" : code,
  }));
  if (mappingErrors.length > 0) return { rows: [], errors: mappingErrors, employeeNumbers: new Set(), columns };

  const rows: StaffRow[] = [];
  const errors: RowError[] = [];
  const firstLineOf = new Map<string, number>();

  for (const { line, cells } of table.rows) {
    const rowErrors: RowError[] = [];
    const fail = (field: StaffField, code: RowErrorCode, value?: string) =>
      rowErrors.push({ line, field, column: columnName(field), code, ...(value === undefined ? {} : { value }) });
    /** The cell's text: undefined when the field is not mapped, "" when the cell is empty. */
    const text = (field: StaffField): string | undefined => {
      const column = mapping[field];
      if (column === undefined) return undefined;
      const value = cells[column] ?? "";
      const max = MAX_LENGTH[field];
      if (max !== undefined && value.length > max) {
        fail(field, "too_long", String(max));
        return "";
      }
      if (findRefusedCharacter(value)) {
        fail(field, "bad_character");
        return "";
      }
      return value;
    };
    const required = (field: StaffField) => {
      const value = text(field) ?? "";
      if (value === "" && !rowErrors.some((e) => e.field === field)) fail(field, "required");
      return value;
    };
    /** An optional cell read with `parse`: undefined (not mapped), null (empty) or its value. */
    const optional = <T>(field: StaffField, parse: (v: string) => T | undefined, code: RowErrorCode) => {
      const value = text(field);
      if (value === undefined) return undefined;
      if (value === "") return null;
      const parsed = parse(value);
      if (parsed === undefined) {
        fail(field, code, value);
        return null;
      }
      return parsed;
    };

    const employeeNumber = required("employeeNumber");
    const row: StaffRow = {
      line,
      employeeNumber,
      givenName: required("givenName"),
      familyName: required("familyName"),
      preferredName: optional("preferredName", (v) => v, "required"),
      email: optional("email", parseEmail, "email"),
      unit: optional("unit", (v) => v, "required"),
      managerNumber: optional("managerNumber", (v) => v, "required"),
      status: optional("status", parseStatus, "status"),
      statusSince: optional("statusSince", (v) => parseDate(v, dateOrder), "date"),
      preferredLang: optional("preferredLang", parseLang, "lang"),
    };
    if (employeeNumber !== "") {
      const first = firstLineOf.get(employeeNumber);
      if (first !== undefined) fail("employeeNumber", "duplicate", String(first));
      else firstLineOf.set(employeeNumber, line);
      if (row.managerNumber === employeeNumber) fail("managerNumber", "manager_self", employeeNumber);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push(row);
  }
  return { rows, errors, employeeNumbers: new Set(firstLineOf.keys()), columns };
}
