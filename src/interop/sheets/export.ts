/** Writes a framework, or a blank template, in the spreadsheet layout (layout.ts). */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { INDEX_LEVELS } from "../../frameworks/item-types.ts";
import type { FrameworkJson } from "../../frameworks/json.ts";
import type { Lang } from "../../i18n/index.ts";
import {
  FRAMEWORK_KEYS,
  frameworkFields,
  ITEM_COLUMNS,
  type ItemRowValues,
  itemRows,
  SHEET,
  TYPE_COLUMNS,
} from "./layout.ts";
import { instructions, templateExamples } from "./template-text.ts";

export type SheetFormat = "xlsx" | "csv";

/** Spreadsheet programs run cells starting with these as formulas; a leading ' keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;
export const escapeCsvCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

function csvBytes(rows: readonly ItemRowValues[]): Buffer {
  const records = rows.map((row) =>
    ITEM_COLUMNS.map((column) => {
      const value = row[column];
      return value === null ? "" : escapeCsvCell(String(value));
    }),
  );
  // The BOM tells Excel the file is UTF-8; CRLF is what it writes itself.
  return Buffer.from(stringify([[...ITEM_COLUMNS], ...records], { bom: true, record_delimiter: "windows" }), "utf8");
}

function addItemsSheet(workbook: ExcelJS.Workbook, rows: readonly ItemRowValues[], typeCodes: readonly string[]) {
  const sheet = workbook.addWorksheet(SHEET.items, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = ITEM_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key.startsWith("statement")
      ? 50
      : key.startsWith("description")
        ? 60
        : key === "identifier" || key === "parent"
          ? 38
          : 14,
    style:
      key.startsWith("statement") || key.startsWith("description")
        ? { alignment: { wrapText: true, vertical: "top" } }
        : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  if (typeCodes.length > 0 && typeCodes.join(",").length < 250) {
    // Present in exceljs 4.4 at run time, missing from its type declarations.
    (
      sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`C2:C${Math.max(rows.length + 1000, 1000)}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${typeCodes.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
    });
  }
  return sheet;
}

function addKeyValueSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: (string | null)[][],
) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 18 : 60;
  });
}

async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The framework in the spreadsheet layout; items in tree order, parents before children. */
export async function exportSpreadsheet(framework: FrameworkJson, format: SheetFormat): Promise<Buffer> {
  const rows = itemRows(framework);
  if (format === "csv") return csvBytes(rows);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Skillshelf";
  addItemsSheet(
    workbook,
    rows,
    framework.itemTypes.map((t) => t.code),
  );
  const fields = frameworkFields(framework);
  addKeyValueSheet(
    workbook,
    SHEET.framework,
    ["key", "value"],
    FRAMEWORK_KEYS.map((key) => [key, fields[key]]),
  );
  addKeyValueSheet(
    workbook,
    SHEET.types,
    TYPE_COLUMNS,
    framework.itemTypes.map((t) => [t.code, t.label.en, t.label.fr]),
  );
  return xlsxBytes(workbook);
}

/** A blank sheet to fill in: the header, a few example rows and, in XLSX, instructions in EN and FR. */
export async function spreadsheetTemplate(format: SheetFormat, lang: Lang): Promise<Buffer> {
  const rows = templateExamples(lang);
  if (format === "csv") return csvBytes(rows);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Skillshelf";
  const langs: Lang[] = lang === "en" ? ["en", "fr"] : ["fr", "en"];
  const help = workbook.addWorksheet(SHEET.instructions);
  help.getColumn(1).width = 110;
  for (const l of langs) {
    const [title, ...lines] = instructions[l];
    help.addRow([title]).font = { bold: true, size: 14 };
    for (const line of lines) help.addRow([line]).alignment = { wrapText: true };
    help.addRow([]);
  }
  addItemsSheet(
    workbook,
    rows,
    INDEX_LEVELS.map((t) => t.code),
  );
  addKeyValueSheet(
    workbook,
    SHEET.framework,
    ["key", "value"],
    FRAMEWORK_KEYS.map((key) => [key, null]),
  );
  addKeyValueSheet(
    workbook,
    SHEET.types,
    TYPE_COLUMNS,
    INDEX_LEVELS.map((t) => [t.code, t.en, t.fr]),
  );
  return xlsxBytes(workbook);
}
