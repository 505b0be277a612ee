/**
 * The kinds of file an assessment's evidence may be (decision 043), as the bytes say — never the
 * name. Each has the media type it is stored and served with and the extension a download gets
 * when its name does not end with one of them. HTML, SVG and XML are not among them: they carry scripts.
 */

export const EVIDENCE_FILE_KINDS = {
  pdf: { mediaType: "application/pdf", extensions: ["pdf"] },
  png: { mediaType: "image/png", extensions: ["png"] },
  jpeg: { mediaType: "image/jpeg", extensions: ["jpg", "jpeg", "jfif"] },
  gif: { mediaType: "image/gif", extensions: ["gif"] },
  webp: { mediaType: "image/webp", extensions: ["webp"] },
  text: { mediaType: "text/plain; charset=utf-8", extensions: ["txt", "text", "csv", "tsv", "md", "markdown", "log"] },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  pptx: {
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
  },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  ods: { mediaType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  odp: { mediaType: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"] },
} as const satisfies Record<string, { mediaType: string; extensions: readonly string[] }>;

export type EvidenceFileKind = keyof typeof EVIDENCE_FILE_KINDS;

/**
 * What the file picker offers (`accept`): a convenience only; the server decides from the bytes.
 * CSV and Markdown are plain text, so they are offered too.
 */
export const EVIDENCE_ACCEPT = [
  ".pdf",
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".txt",
  ".csv",
  ".md",
  ".docx",
  ".xlsx",
  ".pptx",
  ".odt",
  ".ods",
  ".odp",
].join(",");

/** The largest evidence file by default: 10 MB as every system counts them (10 × 1024 × 1024 bytes). */
export const DEFAULT_EVIDENCE_MAX_MB = 10;
export const megabytes = (mb: number) => Math.round(mb * 1024 * 1024);
/** Bytes as megabytes with one decimal, for messages. */
export const megabytesOf = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
