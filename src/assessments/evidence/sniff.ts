/**
 * Whether a file may be kept as evidence, from its bytes alone (decision 043). The name's extension
 * never decides: a PNG named "report.pdf" is a PNG; a program named "report.pdf" is refused. Each
 * accepted kind is checked from its start to its end (a PNG must end with IEND, a GIF with its
 * trailer, a WebP's RIFF size must be the file's, a PDF must end with %%EOF, an archive's directory
 * must end the file), so bytes appended to a real file — how most polyglots are made — are refused.
 * HTML, SVG and XML are never accepted, neither as text nor hidden in a binary file's first or last
 * kilobyte, where browsers' sniffers look. Pure: no I/O.
 */
import { EVIDENCE_FILE_KINDS, type EvidenceFileKind } from "./file-types.ts";
import { officeDocumentKind } from "./office-zip.ts";

export type FileRefusal = "empty" | "too_large" | "not_allowed" | "markup";

export type FileVerdict = { ok: true; kind: EvidenceFileKind; mediaType: string } | { ok: false; reason: FileRefusal };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = [0, 0, 0, 13, ...ascii("IHDR")];
const PNG_IEND = [0, 0, 0, 0, ...ascii("IEND"), 0xae, 0x42, 0x60, 0x82];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function isPng(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, PNG_SIGNATURE) || !startsWith(bytes, PNG_IHDR, 8)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 + 25 + PNG_IEND.length) return false;
  if (view.getUint32(16) === 0 || view.getUint32(20) === 0) return false;
  return startsWith(bytes, PNG_IEND, bytes.length - PNG_IEND.length);
}

function isGif(bytes: Uint8Array): boolean {
  const header = startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"));
  // Header, logical screen descriptor (7), at least the trailer.
  return header && bytes.length >= 14 && bytes[bytes.length - 1] === 0x3b;
}

function isWebp(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii("RIFF")) || !startsWith(bytes, ascii("WEBP"), 8) || bytes.length < 20) return false;
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  return size + 8 === bytes.length && (chunk === "VP8 " || chunk === "VP8L" || chunk === "VP8X");
}

/** Start of image, then well-formed segments up to the start of scan, and an end of image after it. */
function isJpeg(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return false;
  let at = 2;
  let frame = false;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
    if (length < 2 || at + 2 + length > bytes.length) return false;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    if (marker === 0xda) {
      if (!frame) return false;
      const rest = bytes.subarray(at + 2 + length);
      for (let i = rest.length - 2; i >= 0; i--) if (rest[i] === 0xff && rest[i + 1] === 0xd9) return true;
      return false;
    }
    if (marker < 0xc0 || marker === 0xd8 || marker === 0xd9) return false;
    at += 2 + length;
  }
  return false;
}

function isPdf(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii("%PDF-")) || bytes.length < 16) return false;
  const major = bytes[5] as number;
  if (major !== 0x31 && major !== 0x32) return false; // %PDF-1.x or %PDF-2.x
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return /%%EOF[\r\n\s]*$/.test(tail);
}

const latin1Decoder = new TextDecoder("latin1");
const latin1 = (bytes: Uint8Array) => latin1Decoder.decode(bytes);

/**
 * Markup that makes a browser run scripts or read the file as a page: anywhere in a text file, in a
 * binary file's first or last kilobyte. (Tags only: `<` and `>` in prose are fine.) XML itself is
 * refused only as a whole file: office archives store XML parts, often uncompressed, at their start.
 */
const SCRIPT_CARRIER =
  /<\s*(?:script|svg|html|iframe|object|embed|body|head|meta|frameset|applet|math)[\s/>]|<!doctype\s+html/i;
const XML_START = /^\s*<\?xml/i;

/** What the WHATWG sniffing algorithm reads as HTML at a text's start (after white space). */
const HTML_START = /^\s*<(?:!--|!doctype|[a-z][a-z0-9]*[\s/>])/i;

function hasMarkupAtEdges(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 1024));
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return SCRIPT_CARRIER.test(head) || SCRIPT_CARRIER.test(tail);
}

/** Plain text: valid UTF-8 (a byte-order mark allowed), no NUL and no control characters but tab, line breaks and form feed. */
function textOf(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return undefined;
  return text;
}

const accept = (kind: EvidenceFileKind): FileVerdict => ({
  ok: true,
  kind,
  mediaType: EVIDENCE_FILE_KINDS[kind].mediaType,
});
const refuse = (reason: FileRefusal): FileVerdict => ({ ok: false, reason });

function binaryKind(bytes: Uint8Array): EvidenceFileKind | undefined {
  if (isPdf(bytes)) return "pdf";
  if (isPng(bytes)) return "png";
  if (isJpeg(bytes)) return "jpeg";
  if (isGif(bytes)) return "gif";
  if (isWebp(bytes)) return "webp";
  if (startsWith(bytes, ZIP_SIGNATURE)) return officeDocumentKind(bytes);
  return undefined;
}

/** The verdict on a file's bytes; `maxBytes` is the configured limit (src/config.ts). */
export function checkEvidenceFile(bytes: Uint8Array, maxBytes: number): FileVerdict {
  if (bytes.length === 0) return refuse("empty");
  if (bytes.length > maxBytes) return refuse("too_large");
  const binary = binaryKind(bytes);
  if (binary) return hasMarkupAtEdges(bytes) ? refuse("markup") : accept(binary);
  const text = textOf(bytes);
  if (text === undefined) return refuse("not_allowed");
  const start = text.replace(/^\uFEFF/, "");
  if (HTML_START.test(start) || XML_START.test(start) || SCRIPT_CARRIER.test(text)) return refuse("markup");
  return accept("text");
}
