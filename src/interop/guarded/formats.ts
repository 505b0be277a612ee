/**
 * The parsers of uploaded files, by format: what runs inside the parse worker (worker.ts). Pure:
 * bytes in, an import result out. "json" is Skillshelf's own (src/interop/json).
 */
import type { CasePackage } from "../case/model.ts";
import { parseCasePackage } from "../case/parse.ts";
import { parseFrameworkJson } from "../json/parse.ts";
import type { ImportedFramework, ImportResult } from "../model.ts";
import { parseSpreadsheet } from "../sheets/index.ts";

export type UploadFormat = "case" | "json" | "xlsx" | "csv";
export type ParsedUpload = ImportResult<ImportedFramework | CasePackage>;

/** `maxBytes`: the largest CASE or Skillshelf JSON file read (spreadsheets have limits of their own). */
export async function parseUploadBytes(
  format: UploadFormat,
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): Promise<ParsedUpload> {
  if (format === "case") return parseCasePackage(bytes, options);
  if (format === "json") return parseFrameworkJson(bytes, options);
  return parseSpreadsheet(bytes, format);
}
