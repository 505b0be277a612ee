// staff import (src/people/staff-import): upload → columns → what would change → import.

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("en-CA");
const number = (n: number) => numberFormat.format(n);
const plural = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

export const staffImport = {
  staffImportTitle: "Import staff",
  staffImportIntro:
    "Bring in the staff list your HR system exports, as a CSV or Excel file. People are matched by employee number: new numbers are added, known ones are updated. You see every change, and every problem by row and column, before anything is saved; then the whole file is imported, or nothing.",
  staffImportFileLabel: "Staff file (CSV or XLSX)",
  staffImportFileHint: (mb: number) =>
    `One row per person, with a header row. Columns are recognised by their names in English or French; you can change how they are read on the next page. At most ${number(mb)} MB.`,
  staffImportOptionsLegend: "Options",
  staffImportCreateUnitsLabel: "Create the units the file names that do not exist yet",
  staffImportCreateUnitsHint:
    "They are added at the top of the unit tree, where you can move them. Unchecked, an unknown unit is an error.",
  staffImportMarkLeftLabel: "Mark people missing from the file as left",
  staffImportMarkLeftHint: "For a complete staff list only: anyone not in it is marked as having left today.",
  staffImportDateOrderLabel: "Dates such as 04/05/2025 mean",
  staffImportDateOrderDmy: "day/month/year (4 May 2025)",
  staffImportDateOrderMdy: "month/day/year (April 5, 2025)",
  staffImportRead: "Read the file",
  staffImportColumnsHeading: "Columns",
  staffImportColumnsIntro: (name: string, rows: number) =>
    `${name}: ${plural(rows, "row", "rows")} under the header. Choose which column gives each field; a field left out keeps what is stored.`,
  staffImportNotInFile: "— not in the file —",
  staffImportCheckAgain: "Check again with these choices",
  staffImportFieldEmployeeNumber: "Employee number",
  staffImportFieldGivenName: "Given name",
  staffImportFieldFamilyName: "Family name",
  staffImportFieldPreferredName: "Preferred name",
  staffImportFieldEmail: "Email",
  staffImportFieldUnit: "Unit",
  staffImportFieldManagerNumber: "Manager (employee number)",
  staffImportFieldStatus: "Status",
  staffImportFieldStatusSince: "Status since",
  staffImportFieldPreferredLang: "Preferred language",
  staffImportPreviewHeading: "What the import would do",
  staffImportCountCreates: (n: number) => plural(n, "person added", "people added"),
  staffImportCountUpdates: (n: number) => plural(n, "person updated", "people updated"),
  staffImportCountUnchanged: (n: number) => plural(n, "person unchanged", "people unchanged"),
  staffImportCountLeaving: (n: number) => plural(n, "person marked as left", "people marked as left"),
  staffImportCountUnits: (n: number) => plural(n, "unit created", "units created"),
  staffImportCountErrors: (n: number) => plural(n, "error", "errors"),
  staffImportErrorsHeading: "Errors to correct",
  staffImportErrorsIntro:
    "Nothing is imported while the file has errors. Correct them in the file and send it again, or change the columns above.",
  staffImportRowHeader: "Row",
  staffImportColumnHeader: "Column",
  staffImportProblemHeader: "Problem",
  staffImportWholeFile: "Whole file",
  staffImportMore: (n: number) => `…and ${plural(n, "more", "more")} not shown.`,
  staffImportUpdatesHeading: "Changes",
  staffImportFieldHeader: "Field",
  staffImportBeforeHeader: "Now",
  staffImportAfterHeader: "After the import",
  staffImportPersonHeader: "Employee number",
  staffImportCreatesHeading: "New people",
  staffImportNameHeader: "Name",
  staffImportLeavingHeading: "Marked as left",
  staffImportUnitsHeading: "New units",
  staffImportEmpty: "(empty)",
  staffImportConfirm: "Import",
  staffImportConfirmHint: "Everything above is written at once, or nothing is.",
  staffImportNothing: "The file matches the staff as they are: there is nothing to import.",
  staffImportDoneTitle: "Staff imported",
  staffImportDone: (created: number, updated: number, left: number) =>
    `Import done: ${plural(created, "person added", "people added")}, ${plural(updated, "updated", "updated")}, ${plural(left, "marked as left", "marked as left")}.`,
  staffImportAgain: "Import another file",
  staffImportErrNoFile: "Choose the staff file to import.",
  staffImportErrTooLarge: (mb: number) => `The file is larger than ${number(mb)} MB.`,
  staffImportErrUnreadable: "This file cannot be read as a staff list: send a CSV file or an Excel workbook (XLSX).",
  staffImportErrUnpacked:
    "This workbook would unpack to far more than a staff list needs: save it again from your spreadsheet program, or export a CSV.",
  staffImportErrEmpty: "The file has no rows.",
  staffImportErrTooManyRows: (max: number) => `The file has more than ${number(max)} rows.`,
  staffImportErrExpired:
    "This file is no longer waiting to be imported (after an hour, or once imported). Send it again.",
  staffImportErrChanged: "The staff changed since the preview: check what the import would now do, then import again.",
  staffImportProblem: (code: string, value: string) => {
    switch (code) {
      case "missing_column":
        return "No column gives this field, which every row needs.";
      case "no_such_column":
        return "The column chosen for this field is not in the file.";
      case "column_twice":
        return "This column is already chosen for another field.";
      case "required":
        return "This cell is empty; it must be filled.";
      case "too_long":
        return `Longer than ${value} characters.`;
      case "bad_character":
        return "Holds a control or text-direction character.";
      case "email":
        return `“${value}” is not an email address.`;
      case "status":
        return `“${value}” is not a status: active, on leave or left (in English or French).`;
      case "date":
        return `“${value}” is not a date (for example 2025-05-04).`;
      case "lang":
        return `“${value}” is not a language: English or French (en, fr).`;
      case "duplicate":
        return `This employee number is already on row ${value}.`;
      case "manager_unknown":
        return `No one has the employee number ${value}, in the file or in the organisation.`;
      case "manager_self":
        return "A person cannot be their own manager.";
      case "cycle":
        return `These manager lines loop: ${value}.`;
      case "unit_unknown":
        return `There is no unit named “${value}”.`;
      case "unit_ambiguous":
        return `Several units are named “${value}”.`;
      default:
        return String(code);
    }
  },
};
