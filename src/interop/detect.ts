/**
 * Which importer reads a file. A name that says (".xlsx", ".csv", ".txt") decides; otherwise (".json"
 * is both CASE and Skillshelf JSON, ".case", no extension…) the first bytes do: a ZIP container is a
 * workbook, JSON with CASE's collections is a CASE package, JSON with "type": "framework" is
 * Skillshelf's own, a header row with the template's columns is a CSV. Pure.
 */

export type ImportFormat = "case" | "json" | "xlsx" | "csv" | "text";
export const IMPORT_FORMATS: readonly ImportFormat[] = ["case", "json", "xlsx", "csv", "text"];

const BY_EXTENSION: Record<string, ImportFormat> = {
  xlsx: "xlsx",
  csv: "csv",
  txt: "text",
  text: "text",
  md: "text",
};

/** How much of the start of a file is looked at. */
const SNIFF_BYTES = 64 * 1024;

/** The format the bytes are in, or undefined when they are none Skillshelf reads. */
export function detectByContent(bytes: Uint8Array): Exclude<ImportFormat, "text"> | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "xlsx";
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, "");
  const start = head.trimStart();
  if (start.startsWith("{")) {
    if (/"(CFDocument|CFPackage|CFItems)"\s*:/.test(head)) return "case";
    if (/"type"\s*:\s*"framework"/.test(head)) return "json";
    return undefined;
  }
  const header = start.split(/\r?\n/, 1)[0].toLowerCase();
  if (/(^|[,;\t"])statement_en([,;\t"]|$)/.test(header) && /(^|[,;\t"])type([,;\t"]|$)/.test(header)) return "csv";
  return undefined;
}

/** The extension's format when it names one ("report.CSV" → csv). */
export function formatFromName(name: string): ImportFormat | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(name);
  return match ? BY_EXTENSION[match[1].toLowerCase()] : undefined;
}

/**
 * The name decides when it can; the content otherwise. A ".json" file whose start says nothing is
 * taken for CASE, whose reader then says what is wrong with it (too large, not a package…).
 */
export function detectFormat(name: string, bytes: Uint8Array): ImportFormat | undefined {
  return formatFromName(name) ?? detectByContent(bytes) ?? (/\.json$/i.test(name) ? "case" : undefined);
}
