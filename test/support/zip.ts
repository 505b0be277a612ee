/**
 * ZIP archives built byte by byte, for tests of hostile workbooks: entries can declare sizes their
 * data does not have, and huge entries are generated small (deflated zeros), never stored on disk.
 */
import { deflateRawSync } from "node:zlib";

export interface ZipEntrySpec {
  name: string;
  /** The entry's content (deflated unless `stored`). */
  data: Uint8Array;
  stored?: boolean;
  /** The uncompressed size to declare, when it should differ from the truth. */
  declaredSize?: number;
  /** Sizes and CRC after the data instead of in the local header, as LibreOffice and Excel write them. */
  dataDescriptor?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function zip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const packed = entry.stored ? entry.data : deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const fields = (view: DataView, at: number, local: boolean) => {
      const deferred = local && entry.dataDescriptor;
      view.setUint16(at, 20, true); // version needed
      view.setUint16(at + 2, 0x800 | (entry.dataDescriptor ? 0x8 : 0), true); // UTF-8 names
      view.setUint16(at + 4, entry.stored ? 0 : 8, true);
      view.setUint32(at + 6, 0, true); // time and date
      view.setUint32(at + 10, deferred ? 0 : crc, true);
      view.setUint32(at + 14, deferred ? 0 : packed.length, true);
      view.setUint32(at + 18, deferred ? 0 : size, true);
      view.setUint16(at + 22, name.length, true);
      view.setUint16(at + 24, 0, true);
    };
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    fields(lv, 4, true);
    local.set(name, 30);
    const record = new Uint8Array(46 + name.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    fields(cv, 6, false);
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    parts.push(local, packed);
    offset += local.length + packed.length;
    if (entry.dataDescriptor) {
      const descriptor = new Uint8Array(16);
      const dv = new DataView(descriptor.buffer);
      dv.setUint32(0, 0x08074b50, true);
      dv.setUint32(4, crc, true);
      dv.setUint32(8, packed.length, true);
      dv.setUint32(12, size, true);
      parts.push(descriptor);
      offset += descriptor.length;
    }
    central.push(record);
  }
  const directorySize = central.reduce((sum, r) => sum + r.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const text = (value: string) => new TextEncoder().encode(value);

/** The smallest workbook shape around one sheet's XML: what a spreadsheet program would open. */
export function workbookZip(
  sheet: ZipEntrySpec["data"],
  sheetSpec: Partial<ZipEntrySpec> = {},
  every: Partial<ZipEntrySpec> = {},
): Uint8Array {
  return zip(
    [
      {
        name: "[Content_Types].xml",
        data: text(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
      },
      {
        name: "xl/workbook.xml",
        data: text(
          '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Items" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: text(
          '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
      },
      { name: "xl/worksheets/sheet1.xml", data: sheet, ...sheetSpec },
    ].map((entry) => ({ ...every, ...entry })),
  );
}

/**
 * Sheet XML with one row of inline text cells, followed by `padding` spaces (legal between XML
 * elements, and deflated about a thousand times: a zip bomb that is still a worksheet).
 */
export function sheetXml(cells: readonly (readonly string[])[], padding = 0): Uint8Array {
  const escapeXml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const column = (c: number) => String.fromCharCode(65 + c);
  const rows = cells.map(
    (row, r) =>
      `<row r="${r + 1}">${row
        .map((value, c) =>
          value === "" ? "" : `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`,
        )
        .join("")}</row>`,
  );
  const head = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}`;
  const tail = "</sheetData></worksheet>";
  const out = new Uint8Array(head.length * 3 + padding + tail.length);
  const { written } = new TextEncoder().encodeInto(head, out);
  out.fill(0x20, written, written + padding);
  out.set(new TextEncoder().encode(tail), written + padding);
  return out.subarray(0, written + padding + tail.length);
}
