/**
 * An XLSX file is a ZIP archive, and a small archive can unpack to gigabytes (a "zip bomb"). Before
 * any spreadsheet code sees one, this reads its central directory and checks the number of entries,
 * each entry's declared size and compression ratio and their total; then it inflates every entry,
 * counting and throwing the output away, to prove the declared sizes true (a declaration can lie);
 * and it hands on a rebuilt archive in which every entry states its sizes, so the streaming reader
 * (which walks local headers, not the central directory) sees exactly the entries checked here and
 * nothing hidden between them. Only what exceljs needs of the format is accepted: no ZIP64, no
 * encryption, no multi-disk archives, "stored" and "deflated" entries only.
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

const refuse = (code: string, params?: Problem["params"]): never => {
  throw new ZipRefusal({ where: "", code, params, severity: "error" });
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

async function checkActualSizes(bytes: Uint8Array, entries: Entry[], limits: ZipLimits) {
  let total = 0;
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let size: number;
    if (entry.method === 0) size = data.length;
    else {
      try {
        // One byte past the declaration is enough to know it lied.
        size = await inflatedSize(data, Math.min(entry.size, limits.maxTotalBytes - total) + 1);
      } catch {
        return damaged();
      }
    }
    if (size !== entry.size) refuse("sheet.archive_size_mismatch", { entry: entry.name.slice(0, 100) });
    total += size;
  }
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
 * The same entries, reader-friendly order, each with its sizes in its local header and no data
 * descriptor. A workbook without shared strings gets an empty part, so that its sheets too are read
 * as they come rather than parked.
 */
function rebuild(bytes: Uint8Array, unordered: Entry[]): Uint8Array {
  let source = bytes;
  const all = [...unordered];
  if (!all.some((entry) => entry.name === "xl/sharedStrings.xml")) {
    source = new Uint8Array(bytes.length + NO_SHARED_STRINGS.length);
    source.set(bytes);
    source.set(NO_SHARED_STRINGS, bytes.length);
    all.push({
      name: "xl/sharedStrings.xml",
      flags: 0x800,
      method: 0,
      time: 0,
      date: 0,
      crc: crc32(NO_SHARED_STRINGS),
      compressedSize: NO_SHARED_STRINGS.length,
      size: NO_SHARED_STRINGS.length,
      headerOffset: -1,
      dataStart: bytes.length,
    });
  }
  const entries = all.map((entry, index) => ({ entry, index }));
  entries.sort((a, b) => rank(a.entry.name) - rank(b.entry.name) || a.index - b.index);
  return rebuildInOrder(
    source,
    entries.map((e) => e.entry),
  );
}

function rebuildInOrder(bytes: Uint8Array, entries: Entry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const localSize = entries.reduce((sum, e, i) => sum + 30 + names[i].length + e.compressedSize, 0);
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (e: Entry, name: Uint8Array, base: number, central: boolean) => {
    const flags = e.flags & 0x800; // keep "names are UTF-8", drop "sizes follow the data"
    if (central) {
      view.setUint32(base, CENTRAL, true);
      view.setUint16(base + 4, 20, true);
      base += 2;
    } else view.setUint32(base, LOCAL, true);
    view.setUint16(base + 4, 20, true);
    view.setUint16(base + 6, flags, true);
    view.setUint16(base + 8, e.method, true);
    view.setUint16(base + 10, e.time, true);
    view.setUint16(base + 12, e.date, true);
    view.setUint32(base + 14, e.crc, true);
    view.setUint32(base + 18, e.compressedSize, true);
    view.setUint32(base + 22, e.size, true);
    view.setUint16(base + 26, name.length, true);
    view.setUint16(base + 28, 0, true);
    return base;
  };
  entries.forEach((e, i) => {
    offsets.push(at);
    header(e, names[i], at, false);
    out.set(names[i], at + 30);
    out.set(bytes.subarray(e.dataStart, e.dataStart + e.compressedSize), at + 30 + names[i].length);
    at += 30 + names[i].length + e.compressedSize;
  });
  const directoryStart = at;
  entries.forEach((e, i) => {
    const base = header(e, names[i], at, true) - 2;
    // Central header: comment length, disk, attributes, then the local header's offset.
    view.setUint16(base + 32, 0, true);
    view.setUint16(base + 34, 0, true);
    view.setUint16(base + 36, 0, true);
    view.setUint32(base + 38, 0, true);
    view.setUint32(base + 42, offsets[i], true);
    out.set(names[i], base + 46);
    at = base + 46 + names[i].length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directoryStart, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}

/**
 * The archive, checked and rebuilt for the streaming reader, or the problem that stops the import.
 * Never unpacks more than `limits.maxTotalBytes` in all, and keeps none of it.
 */
export async function guardXlsxArchive(
  bytes: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<{ bytes: Uint8Array } | { problem: Problem }> {
  try {
    if (bytes.length < 22) damaged();
    const entries = readDirectory(bytes, limits);
    await checkActualSizes(bytes, entries, limits);
    return { bytes: rebuild(bytes, entries) };
  } catch (error) {
    if (error instanceof ZipRefusal) return { problem: error.problem };
    throw error;
  }
}
