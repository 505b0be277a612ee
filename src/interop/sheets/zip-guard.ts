/**
 * An XLSX file is a ZIP archive, and a small archive can unpack to gigabytes (a "zip bomb"). Before
 * any spreadsheet code sees one, this reads its central directory and checks the number of entries,
 * each entry's declared size and compression ratio and their total; then it unpacks every entry,
 * never past its declared size, to prove the declarations true (a declaration can lie); and it hands
 * on a rebuilt archive in which every entry states its sizes, so the streaming reader (which walks
 * local headers, not the central directory) sees exactly the entries checked here and nothing hidden
 * between them. XML parts are rewritten in ASCII on the way (see rewriteXml); other parts are only
 * measured. Only what exceljs needs of the format is accepted: no ZIP64, no encryption, no
 * multi-disk archives, "stored" and "deflated" entries only.
 */
import { crc32, createInflateRaw } from "node:zlib";
import type { Problem } from "../model.ts";

export const ZIP_LIMITS = {
  /** A workbook holds a dozen or so entries; a few hundred with many sheets or pictures. */
  maxEntries: 500,
  /** Unpacked size of all entries together. 100,000 rows of the template's layout take ~45 MB. */
  maxTotalBytes: 128 * 1024 * 1024,
  /** Sheet XML packs 5 to 20 times; far more is a bomb. Only entries larger than ratioFloor count. */
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
};
export type ZipLimits = typeof ZIP_LIMITS;

interface Entry {
  name: string;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
  dataStart: number;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.ceil((bytes / MB) * 10) / 10;

class ZipRefusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

const refusal = (code: string, params?: Problem["params"]): Problem => ({ where: "", code, params, severity: "error" });
const refuse = (code: string, params?: Problem["params"]): never => {
  throw new ZipRefusal(refusal(code, params));
};
const damaged = (): never => refuse("sheet.not_a_spreadsheet", { format: "XLSX" });
const unsupported = (feature: string): never => refuse("sheet.archive_unsupported", { feature });

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

function readDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end record is the last 22 bytes plus its comment (at most 64 KB).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) damaged();
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) unsupported("ZIP64");
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryStart = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) unsupported("multi-disk");
  if (count === 0xffff || directoryStart === 0xffffffff) unsupported("ZIP64");
  if (count > limits.maxEntries) refuse("sheet.archive_too_many_entries", { count, max: limits.maxEntries });
  if (directoryStart + directorySize > end) damaged();

  const entries: Entry[] = [];
  let at = directoryStart;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) damaged();
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) damaged();
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 0x1) unsupported("encryption");
    if (method !== 0 && method !== 8) unsupported(`compression method ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff) unsupported("ZIP64");
    total += size;
    if (total > limits.maxTotalBytes)
      refuse("sheet.archive_too_large", { size: mb(total), max: mb(limits.maxTotalBytes) });
    if (size > limits.ratioFloor && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      refuse("sheet.archive_ratio", {
        entry: name.slice(0, 100),
        ratio: Math.round(size / Math.max(compressedSize, 1)),
        max: limits.maxRatio,
      });
    }
    entries.push({
      name,
      flags,
      method,
      time: u16(at + 12),
      date: u16(at + 14),
      crc: u32(at + 16),
      compressedSize,
      size,
      headerOffset: u32(at + 42),
      dataStart: 0,
    });
    at = next;
  }

  // Each entry's local header must agree with the directory, and no two entries may share bytes
  // (overlapping entries make a small archive unpack many times over).
  const byOffset = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  let free = 0;
  for (const entry of byOffset) {
    const h = entry.headerOffset;
    if (h < free || h + 30 > directoryStart || u32(h) !== LOCAL) damaged();
    const nameLength = u16(h + 26);
    const localName = new TextDecoder().decode(bytes.subarray(h + 30, h + 30 + nameLength));
    if (localName !== entry.name || u16(h + 8) !== entry.method) damaged();
    // Sizes in the local header, when given (no data descriptor), must be the directory's.
    if (!(u16(h + 6) & 0x8) && (u32(h + 18) !== entry.compressedSize || u32(h + 22) !== entry.size)) damaged();
    entry.dataStart = h + 30 + nameLength + u16(h + 28);
    free = entry.dataStart + entry.compressedSize;
    if (free > directoryStart) damaged();
  }
  return entries;
}

/** The entry's real unpacked size, inflating without keeping the output; stops past `limit`. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", reject);
    inflate.end(data);
  });
}

/** An entry as the rebuilt archive holds it. */
interface Part {
  name: string;
  method: number;
  crc: number;
  size: number;
  /** Stored bytes (XML rewritten in ASCII), or the original deflated ones. */
  chunks: Uint8Array[];
  length: number;
}

/** The XML parts exceljs reads (the others, pictures and the like, pass through as they are). */
const isXml = (name: string) => /\.(xml|rels)$/i.test(name);
// DEL and the C0 controls become references too: XML refuses them either way, the text rule after.
const NON_ASCII = /[^\t\n\r\u0020-\u007e]/gu;
const reference = (char: string) => `&#x${(char.codePointAt(0) as number).toString(16)};`;

/**
 * An XML part unpacked, proved to have its declared size, and rewritten with every non-ASCII
 * character as a character reference ("é" → "&#xe9;"). exceljs's streaming reader decodes each
 * chunk of a part on its own, so a character whose UTF-8 bytes fell across two chunks came out as
 * two replacement characters; in ASCII no character can be cut. Chunk by chunk: the part is never
 * held twice. `room` bounds what the rewriting may produce (references are longer than characters).
 */
function rewriteXml(entry: Entry, data: Uint8Array, room: number): Promise<Part> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const decoder = new TextDecoder("utf-8");
    const encoder = new TextEncoder();
    let size = 0;
    let length = 0;
    let crc = 0;
    let first = true;
    const source = entry.method === 8 ? createInflateRaw({ chunkSize: 256 * 1024 }) : null;
    const stop = (code: string, params: Problem["params"]) => {
      source?.destroy();
      reject(new ZipRefusal(refusal(code, params)));
      return false;
    };
    const mismatch = () => stop("sheet.archive_size_mismatch", { entry: entry.name.slice(0, 100) });
    const add = (text: string) => {
      if (text === "") return;
      const bytes = encoder.encode(text.replace(NON_ASCII, reference));
      chunks.push(bytes);
      length += bytes.length;
      crc = crc32(bytes, crc);
    };
    const take = (chunk: Uint8Array): boolean => {
      if (first && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)))
        return stop("sheet.archive_unsupported", { feature: "UTF-16 XML" });
      first = false;
      size += chunk.length;
      // One byte past the declaration is enough to know it lied: nothing more is unpacked.
      if (size > entry.size) return mismatch();
      add(decoder.decode(chunk, { stream: true }));
      if (length > room) return stop("sheet.archive_too_large", { size: mb(length), max: mb(room) });
      return true;
    };
    const finish = () => {
      add(decoder.decode());
      if (size !== entry.size) mismatch();
      else resolve({ name: entry.name, method: 0, crc, size: length, chunks, length });
    };
    if (!source) {
      if (take(data)) finish();
      return;
    }
    source.on("data", take);
    source.on("end", finish);
    source.on("error", () => stop("sheet.not_a_spreadsheet", { format: "XLSX" }));
    source.end(data);
  });
}

/**
 * Every entry unpacked and proved to have its declared size; the XML parts rewritten in ASCII and
 * stored, the others kept as they came (inflated only to be measured, the output thrown away).
 */
async function unpack(bytes: Uint8Array, entries: Entry[], limits: ZipLimits): Promise<Part[]> {
  const parts: Part[] = [];
  let written = 0;
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (isXml(entry.name)) {
      const part = await rewriteXml(entry, data, limits.maxTotalBytes - written);
      written += part.length;
      parts.push(part);
      continue;
    }
    const size = entry.method === 8 ? await inflatedSize(data, entry.size + 1).catch(damaged) : data.length;
    if (size !== entry.size) refuse("sheet.archive_size_mismatch", { entry: entry.name.slice(0, 100) });
    parts.push({
      name: entry.name,
      method: entry.method,
      crc: entry.crc,
      size: entry.size,
      chunks: [data],
      length: data.length,
    });
  }
  return parts;
}

/**
 * What the streaming reader must see before any sheet: with the workbook, its relationships, styles
 * and shared strings first, it reads each sheet as it comes instead of parking sheets in temporary
 * files until the end of the archive (where exceljs 4.4 sometimes finds no workbook model and fails).
 */
const FIRST = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];
const rank = (name: string) => {
  const index = FIRST.indexOf(name);
  return index < 0 ? FIRST.length : index;
};

/** An empty shared-strings part, for workbooks whose cells all carry their own text. */
const NO_SHARED_STRINGS = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/**
 * The parts, reader-friendly order, each with its sizes in its local header and no data descriptor.
 * A workbook without shared strings gets an empty part, so that its sheets too are read as they come
 * rather than parked.
 */
function rebuild(unordered: Part[]): Uint8Array {
  const all = [...unordered];
  if (!all.some((part) => part.name === "xl/sharedStrings.xml")) {
    const data = NO_SHARED_STRINGS;
    all.push({
      name: "xl/sharedStrings.xml",
      method: 0,
      crc: crc32(data),
      size: data.length,
      chunks: [data],
      length: data.length,
    });
  }
  const parts = all
    .map((part, index) => ({ part, index }))
    .sort((a, b) => rank(a.part.name) - rank(b.part.name) || a.index - b.index)
    .map(({ part }) => part);

  const encoder = new TextEncoder();
  const names = parts.map((part) => encoder.encode(part.name));
  const localSize = parts.reduce((sum, part, i) => sum + 30 + names[i].length + part.length, 0);
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  // The fields local and central headers share, from "version needed" on (central ones start 2 later).
  const common = (part: Part, name: Uint8Array, at: number) => {
    view.setUint16(at, 20, true); // version needed
    view.setUint16(at + 2, 0x800, true); // names are UTF-8
    view.setUint16(at + 4, part.method, true);
    view.setUint32(at + 6, 0, true); // time and date
    view.setUint32(at + 10, part.crc, true);
    view.setUint32(at + 14, part.length, true);
    view.setUint32(at + 18, part.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true); // extra field length
  };
  const offsets: number[] = [];
  let at = 0;
  parts.forEach((part, i) => {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    common(part, names[i], at + 4);
    out.set(names[i], at + 30);
    at += 30 + names[i].length;
    for (const chunk of part.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
  });
  const directoryStart = at;
  parts.forEach((part, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true); // version made by
    common(part, names[i], at + 6);
    // Comment length, disk, internal and external attributes stay 0; then the local header's offset.
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directoryStart, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}

/**
 * The archive, checked and rebuilt for the streaming reader, or the problem that stops the import.
 * Never unpacks more than the declared sizes, themselves bounded by `limits.maxTotalBytes`.
 */
export async function guardXlsxArchive(
  bytes: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<{ bytes: Uint8Array } | { problem: Problem }> {
  try {
    if (bytes.length < 22) damaged();
    const entries = readDirectory(bytes, limits);
    return { bytes: rebuild(await unpack(bytes, entries, limits)) };
  } catch (error) {
    if (error instanceof ZipRefusal) return { problem: error.problem };
    throw error;
  }
}
