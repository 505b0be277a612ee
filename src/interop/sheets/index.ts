export { exportSpreadsheet, type SheetFormat, spreadsheetTemplate } from "./export.ts";
export { FRAMEWORK_KEYS, ITEM_COLUMNS, MAX_CELL_LENGTH, MAX_ROWS, REQUIRED_COLUMNS, SHEET } from "./layout.ts";
export { parseSpreadsheet, type SpreadsheetImportOptions } from "./parse.ts";
