/**
 * The name an evidence file is kept and downloaded under: the sender's name without any folder,
 * control or reserved character, at most 200 characters, and ending with an extension of the kind
 * its bytes are (a PNG sent as "report.pdf" is kept as "report.pdf.png", so the computer that
 * downloads it opens it with the right program). Pure.
 */
import { EVIDENCE_FILE_KINDS, type EvidenceFileKind } from "./file-types.ts";

const MAX_NAME = 200;

export function evidenceFileName(sent: string, kind: EvidenceFileKind): string {
  const base = sent.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const extensions: readonly string[] = EVIDENCE_FILE_KINDS[kind].extensions;
  const dot = cleaned.lastIndexOf(".");
  const own = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : "";
  const extension = extensions.includes(own) ? cleaned.slice(dot + 1) : (extensions[0] as string);
  const stem = extensions.includes(own) ? cleaned.slice(0, dot) : cleaned;
  const room = MAX_NAME - extension.length - 1;
  const shortStem = [...stem].slice(0, room).join("").trim() || "evidence";
  return `${shortStem}.${extension}`;
}

/**
 * Content-Disposition for a download: an ASCII fallback (`filename=`) and the real name in UTF-8
 * (`filename*=`, RFC 5987/6266), so accents survive and nothing in the name can break the header.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
