/**
 * Reads a generated job document back for route and browser tests: a PDF's text and catalogue
 * (title, language, subject) through pdf.js, the reader browsers use; a Word file's text through
 * mammoth and its default language from the package's styles.
 */
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readZip } from "./unzip.ts";

export async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    const parts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      for (const item of content.items) if ("str" in item) parts.push(item.str);
    }
    return { title: String(info.Title ?? ""), language: String(info.Language ?? ""), text: parts.join(" ") };
  } finally {
    await pdf.destroy();
  }
}

export async function readDocx(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  const text = (await mammoth.extractRawText({ buffer })).value;
  const styles = readZip(buffer).get("word/styles.xml")?.toString("utf8") ?? "";
  const language = /<w:lang w:val="([^"]+)"\/>/.exec(styles)?.[1] ?? "";
  return { text, language };
}

/** Compared without any whitespace: a line of a PDF may break anywhere between words. */
export const compact = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, "");
