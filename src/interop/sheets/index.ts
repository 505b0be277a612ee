/**
 * Spreadsheet import and export. exceljs is large and slow to load, and most processes (a reader's
 * server, most CLI commands) never touch a spreadsheet: the implementations load on first use.
 */
import type { FrameworkJson } from "../../frameworks/json.ts";
import type { Lang } from "../../i18n/index.ts";
import type { SheetFormat } from "./export.ts";
import type { SpreadsheetImportOptions } from "./parse.ts";

export { FRAMEWORK_KEYS, ITEM_COLUMNS, MAX_CELL_LENGTH, MAX_ROWS, REQUIRED_COLUMNS, SHEET } from "./layout.ts";
export type { SheetFormat, SpreadsheetImportOptions };

export async function exportSpreadsheet(framework: FrameworkJson, format: SheetFormat): Promise<Buffer> {
  return (await import("./export.ts")).exportSpreadsheet(framework, format);
}

export async function spreadsheetTemplate(format: SheetFormat, lang: Lang): Promise<Buffer> {
  return (await import("./export.ts")).spreadsheetTemplate(format, lang);
}

export async function parseSpreadsheet(
  ...args: Parameters<typeof import("./parse.ts").parseSpreadsheet>
): ReturnType<typeof import("./parse.ts").parseSpreadsheet> {
  return (await import("./parse.ts")).parseSpreadsheet(...args);
}
