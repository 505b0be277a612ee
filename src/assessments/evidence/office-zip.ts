/**
 * Office documents are zip archives: which one a file is (if any) is read from inside it, never
 * from its name. OpenDocument: the archive's first entry is `mimetype`, stored uncompressed,
 * holding the document's media type (ODF 1.2 §3.3). Office Open XML: `[Content_Types].xml` names
 * the content type of the main part, which must be the plain (not macro-enabled) document's, and
 * that part must be in the archive. Only that one small entry is ever inflated, with a cap, so a
 * "zip bomb" costs nothing; ZIP64 and archives whose directory does not add up are refused.
 */
import { inflateRawSync } from "node:zlib";
import type { EvidenceFileKind } from "./file-types.ts";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const MAX_ENTRIES = 10_000;
/** `[Content_Types].xml` is a few kB in any real document. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const latin1 = new TextDecoder("latin1");

function directory(bytes: Uint8Array): Entry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  // The comment must run exactly to the end of the file: nothing may be appended after the archive.
  if (end + 22 + view.getUint16(end + 20, true) !== bytes.length) return undefined;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (count === 0xffff || start === 0xffffffff || count > MAX_ENTRIES) return undefined;
  if (start + size > end) return undefined;
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: latin1.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return undefined;
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** An entry's bytes as stored in the archive (undefined when the local header does not fit). */
function storedBytes(bytes: Uint8Array, entry: Entry): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return undefined;
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  return dataEnd <= bytes.length ? bytes.subarray(dataStart, dataEnd) : undefined;
}

function entryText(bytes: Uint8Array, entry: Entry, max: number): string | undefined {
  if (entry.size > max) return undefined;
  const stored = storedBytes(bytes, entry);
  if (!stored) return undefined;
  try {
    if (entry.method === 0) return new TextDecoder("utf-8", { fatal: true }).decode(stored);
    if (entry.method !== 8) return undefined;
    const inflated = inflateRawSync(stored, { maxOutputLength: max });
    return new TextDecoder("utf-8", { fatal: true }).decode(inflated);
  } catch {
    return undefined;
  }
}

const OPEN_DOCUMENT: Record<string, EvidenceFileKind> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
};

/** The main part's content type of each Office Open XML document we accept (not the macro-enabled ones). */
const OFFICE_OPEN_XML: Record<string, EvidenceFileKind> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
};

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];

/** Which office document the archive is, or undefined (not an archive we read, or not a document we take). */
export function officeDocumentKind(bytes: Uint8Array): EvidenceFileKind | undefined {
  const entries = directory(bytes);
  if (!entries || entries.length === 0) return undefined;

  const first = entries.reduce((a, b) => (b.localOffset < a.localOffset ? b : a));
  if (first.name === "mimetype") {
    if (first.method !== 0 || first.size > 100) return undefined;
    const type = entryText(bytes, first, 100);
    return type === undefined ? undefined : OPEN_DOCUMENT[type];
  }

  const names = new Set(entries.map((e) => e.name));
  const types = entries.find((e) => e.name === "[Content_Types].xml");
  if (!types) return undefined;
  const xml = entryText(bytes, types, MAX_CONTENT_TYPES_BYTES);
  if (xml === undefined) return undefined;
  const kinds = new Set<EvidenceFileKind>();
  for (const [tag] of xml.matchAll(/<Override\b[^>]*>/g)) {
    const contentType = attribute(tag, "ContentType");
    const part = attribute(tag, "PartName");
    const kind = contentType ? OFFICE_OPEN_XML[contentType] : undefined;
    if (!kind || !part) continue;
    // The part the content types name must really be there (part names start with "/").
    if (!names.has(part.replace(/^\//, ""))) return undefined;
    kinds.add(kind);
  }
  // Exactly one main part: a document that claims to be two things at once is not taken.
  return kinds.size === 1 ? [...kinds][0] : undefined;
}
