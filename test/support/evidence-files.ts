/**
 * Small real files of every kind evidence may be, made in the test (no fixtures): a PDF from
 * pdfkit, a DOCX from docx, an XLSX from exceljs, a PNG with real chunks and checksums, a 1×1 GIF,
 * WebP and baseline JPEG, and PPTX/ODT archives written here entry by entry (stored, with CRCs).
 */
import { crc32, deflateSync } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >>> 8) & 255];
const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const bytesOf = (text: string) => [...Buffer.from(text, "latin1")];

function pngChunk(type: string, data: number[]): number[] {
  const body = [...bytesOf(type), ...data];
  return [...u32be(data.length), ...body, ...u32be(crc32(Uint8Array.from(body)))];
}

/** A real 2×2 RGB PNG. */
export function pngFile(): Uint8Array {
  const ihdr = [...u32be(2), ...u32be(2), 8, 2, 0, 0, 0];
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...pngChunk("IHDR", ihdr),
    ...pngChunk("IDAT", [...deflateSync(rows)]),
    ...pngChunk("IEND", []),
  ]);
}

/** The classic 1×1 transparent GIF. */
export const gifFile = () =>
  Uint8Array.from(Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"));

/** A 1×1 lossless WebP. */
export const webpFile = () =>
  Uint8Array.from(Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64"));

/** A 1×1 grey baseline JPEG: JFIF, one quantisation table, frame, two one-code Huffman tables, scan. */
export function jpegFile(): Uint8Array {
  const segment = (marker: number, data: number[]) => [
    0xff,
    marker,
    ...[(data.length + 2) >> 8, (data.length + 2) & 255],
    ...data,
  ];
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, [...bytesOf("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...new Array(64).fill(1)]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...new Array(15).fill(0), 0]),
    ...segment(0xc4, [0x10, 1, ...new Array(15).fill(0), 0]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff,
    0xd9,
  ]);
}

/** A one-page PDF from pdfkit. */
export function pdfFile(text = "Evidence"): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A6" });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Uint8Array.from(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.text(text);
    doc.end();
  });
}

export async function docxFile(text = "Evidence"): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Uint8Array.from(await Packer.toBuffer(doc));
}

export async function xlsxFile(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Sheet").addRow(["Evidence", 1]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A zip archive of stored (uncompressed) entries, in the order given. */
export function zipFile(entries: [name: string, content: string | Uint8Array][]): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const nameBytes = [...Buffer.from(name, "utf8")];
    const crc = crc32(data);
    const common = [...u16le(0), ...u16le(0), ...u16le(0), ...u16le(0), ...u32le(crc), ...u32le(data.length)];
    const offset = local.length;
    local.push(...u32le(0x04034b50), ...u16le(20), ...common, ...u32le(data.length), ...u16le(nameBytes.length));
    local.push(...u16le(0), ...nameBytes, ...data);
    central.push(...u32le(0x02014b50), ...u16le(20), ...u16le(20), ...common, ...u32le(data.length));
    central.push(...u16le(nameBytes.length), ...u16le(0), ...u16le(0), ...u16le(0), ...u16le(0), ...u32le(0));
    central.push(...u32le(offset), ...nameBytes);
  }
  const end = [
    ...u32le(0x06054b50),
    ...u16le(0),
    ...u16le(0),
    ...u16le(entries.length),
    ...u16le(entries.length),
    ...u32le(central.length),
    ...u32le(local.length),
    ...u16le(0),
  ];
  return Uint8Array.from([...local, ...central, ...end]);
}

const PRESENTATION_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

/** The parts a presentation names (a minimal, not a complete, PPTX: enough for its kind to be read). */
export function pptxFile(mainType = PRESENTATION_MAIN): Uint8Array {
  return zipFile([
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="${mainType}"/></Types>`,
    ],
    ["ppt/presentation.xml", `<?xml version="1.0"?><p:presentation xmlns:p="urn:p"/>`],
  ]);
}

export function odtFile(mimetype = "application/vnd.oasis.opendocument.text"): Uint8Array {
  return zipFile([
    ["mimetype", mimetype],
    ["content.xml", `<?xml version="1.0"?><office:document-content xmlns:office="urn:o"/>`],
    ["META-INF/manifest.xml", `<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:m"/>`],
  ]);
}

/** The start of a Windows program (MZ header and the DOS stub's message). */
export function exeFile(): Uint8Array {
  const bytes = new Uint8Array(512);
  bytes.set(bytesOf("MZ"), 0);
  bytes.set(bytesOf("This program cannot be run in DOS mode."), 78);
  return bytes;
}

export const concat = (...parts: (Uint8Array | string)[]) =>
  Uint8Array.from(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p)))));
