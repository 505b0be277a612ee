/**
 * An import plan as people read it (pages and the command line) and as scripts read it (`--json`):
 * errors in words, by row and column, in the reader's language.
 */
import type { Messages } from "../../i18n/index.ts";
import type { StaffField } from "./columns.ts";
import type { ImportPlan } from "./plan.ts";
import type { RowError } from "./validate.ts";

const FIELD_KEYS = {
  employeeNumber: "staffImportFieldEmployeeNumber",
  givenName: "staffImportFieldGivenName",
  familyName: "staffImportFieldFamilyName",
  preferredName: "staffImportFieldPreferredName",
  email: "staffImportFieldEmail",
  unit: "staffImportFieldUnit",
  managerNumber: "staffImportFieldManagerNumber",
  status: "staffImportFieldStatus",
  statusSince: "staffImportFieldStatusSince",
  preferredLang: "staffImportFieldPreferredLang",
} as const satisfies Record<StaffField, keyof Messages>;

export const fieldLabel = (t: Messages, field: StaffField): string => t[FIELD_KEYS[field]];

/** The problem in words (the row and column are shown beside it). */
export const problemText = (t: Messages, error: RowError): string =>
  t.staffImportProblem(error.code, error.value ?? "");

/** Where the problem is: the column's header, else the field's name. */
export const errorColumn = (t: Messages, error: RowError): string =>
  error.column ?? (error.field ? fieldLabel(t, error.field) : "");

/** The plan for scripts: counts, every error with its message, and what would change. */
export function planJson(plan: ImportPlan, t: Messages, applied: boolean) {
  return {
    applied,
    counts: plan.counts,
    errors: plan.errors.map((e) => ({
      row: e.line,
      column: e.column,
      field: e.field,
      code: e.code,
      ...(e.value === undefined ? {} : { value: e.value }),
      message: problemText(t, e),
    })),
    creates: plan.creates.map((c) => ({ row: c.line, employeeNumber: c.employeeNumber })),
    updates: plan.updates.map((u) => ({ row: u.line, employeeNumber: u.employeeNumber, changes: u.changes })),
    leaving: plan.leaving.map((l) => ({ employeeNumber: l.employeeNumber })),
    newUnits: plan.newUnits.map((u) => u.name),
  };
}
