/**
 * A first look at a workbook's archive before exceljs unpacks it: the central directory's entries
 * and the sizes they declare. Refused: no readable directory, ZIP64 (no staff list needs it), more
 * entries than a workbook has, or more unpacked bytes than a staff list can need — a "zip bomb"
 * would otherwise be inflated in memory. The sizes are the archive's own claims; the framework
 * import's guard (src/interop/sheets/zip-guard.ts) also measures what really inflates, and this
 * layer may not use it (decision 027).
 */

export const ZIP_LIMITS = { entries: 2000, unpackedBytes: 200 * 1024 * 1024 };

export type ZipVerdict = "ok" | "unreadable" | "too_large";

export function checkXlsxArchive(bytes: Uint8Array, limits = ZIP_LIMITS): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return "unreadable";
  const entries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true);
  if (entries === 0xffff || directoryStart === 0xffffffff) return "too_large";
  if (entries > limits.entries) return "too_large";
  if (directoryStart + directorySize > bytes.length) return "unreadable";
  let at = directoryStart;
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return "unreadable";
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return "too_large";
    unpacked += size;
    if (unpacked > limits.unpackedBytes) return "too_large";
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return "ok";
}
