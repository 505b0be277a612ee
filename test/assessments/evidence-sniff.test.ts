/**
 * Evidence files are judged by their bytes (decision 043): real small files of every allowed kind
 * are accepted with their own media type whatever they are called; programs, web pages, SVG,
 * polyglots, truncated files, empty files and files over the limit are refused.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { EVIDENCE_FILE_KINDS, type EvidenceFileKind, megabytes } from "../../src/assessments/evidence/file-types.ts";
import { checkEvidenceFile } from "../../src/assessments/evidence/sniff.ts";
import {
  concat,
  docxFile,
  exeFile,
  gifFile,
  jpegFile,
  odtFile,
  pdfFile,
  pngFile,
  pptxFile,
  webpFile,
  xlsxFile,
  zipFile,
} from "../support/evidence-files.ts";

const LIMIT = megabytes(10);
const kindOf = (bytes: Uint8Array) => {
  const verdict = checkEvidenceFile(bytes, LIMIT);
  return verdict.ok ? verdict.kind : verdict.reason;
};

describe("evidence files are judged by their bytes", () => {
  const files = {} as Record<EvidenceFileKind, Uint8Array>;
  before(async () => {
    Object.assign(files, {
      pdf: await pdfFile(),
      png: pngFile(),
      jpeg: jpegFile(),
      gif: gifFile(),
      webp: webpFile(),
      text: new TextEncoder().encode(
        "Led the summer reading club: 240 children, 12 volunteers.\r\nÉté 2026 — bilan.\n",
      ),
      docx: await docxFile(),
      xlsx: await xlsxFile(),
      pptx: pptxFile(),
      odt: odtFile(),
      ods: odtFile("application/vnd.oasis.opendocument.spreadsheet"),
      odp: odtFile("application/vnd.oasis.opendocument.presentation"),
    });
  });

  it("accepts a real small file of every allowed kind, with that kind's media type", () => {
    for (const [kind, bytes] of Object.entries(files) as [EvidenceFileKind, Uint8Array][]) {
      const verdict = checkEvidenceFile(bytes, LIMIT);
      assert.deepEqual(verdict, { ok: true, kind, mediaType: EVIDENCE_FILE_KINDS[kind].mediaType }, kind);
    }
  });

  it("accepts CSV and text with a byte-order mark as plain text", () => {
    assert.equal(kindOf(new TextEncoder().encode("name,branch\nAda,Central\n")), "text");
    assert.equal(kindOf(concat(Uint8Array.from([0xef, 0xbb, 0xbf]), "Bonjour\n")), "text");
  });

  it("refuses an empty file, and one byte over the limit (exactly the limit passes)", () => {
    assert.equal(kindOf(new Uint8Array()), "empty");
    const atLimit = new Uint8Array(LIMIT).fill(0x61);
    assert.equal(checkEvidenceFile(atLimit, LIMIT).ok, true);
    const over = new Uint8Array(LIMIT + 1).fill(0x61);
    assert.deepEqual(checkEvidenceFile(over, LIMIT), { ok: false, reason: "too_large" });
  });

  it("refuses programs, archives that are not documents, and macro-enabled or two-faced office files", () => {
    assert.equal(kindOf(exeFile()), "not_allowed");
    assert.equal(kindOf(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])), "not_allowed"); // ELF
    assert.equal(kindOf(zipFile([["readme.txt", "hello"]])), "not_allowed");
    assert.equal(
      kindOf(pptxFile("application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml")),
      "not_allowed",
      "a macro-enabled presentation",
    );
    assert.equal(kindOf(odtFile("application/x-unknown")), "not_allowed");
    // Content types naming a main part the archive does not hold.
    const hollow = zipFile([
      [
        "[Content_Types].xml",
        `<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ],
    ]);
    assert.equal(kindOf(hollow), "not_allowed");
  });

  it("never accepts a web page, SVG or XML, even as plain text", () => {
    for (const page of [
      "<!DOCTYPE html><html><body>hi</body></html>",
      "  <html><script>alert(1)</script></html>",
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      "<p>Just a paragraph</p>",
      "My notes\nThen <script>fetch('/x')</script>\n",
      "<!-- comment -->",
    ])
      assert.equal(kindOf(new TextEncoder().encode(page)), "markup", page);
    // Angle brackets in prose are not markup.
    assert.equal(kindOf(new TextEncoder().encode("Scores: 3 < 5 and 7 > 2; <3 the team")), "text");
  });

  it("refuses polyglots: markup at a binary file's edges, bytes appended after its end", () => {
    assert.equal(kindOf(concat("GIF89a<html><script>alert(1)</script>", gifFile().subarray(6))), "markup");
    assert.equal(kindOf(concat(pngFile(), "<html><script>alert(1)</script></html>")), "not_allowed");
    assert.equal(kindOf(concat(gifFile(), "/*", "alert(1)")), "not_allowed");
    assert.equal(kindOf(concat(webpFile(), "junk")), "not_allowed");
    assert.equal(kindOf(concat(odtFile(), "trailing")), "not_allowed");
    assert.equal(kindOf(concat(files.pdf, "\n<script>alert(1)</script>")), "not_allowed");
    const jpegWithPage = concat(jpegFile(), "<html><body><script>alert(1)</script></body></html>");
    assert.equal(kindOf(jpegWithPage), "markup");
  });

  it("refuses truncated files: each kind cut short is not that kind", () => {
    for (const [kind, bytes] of Object.entries(files) as [EvidenceFileKind, Uint8Array][]) {
      if (kind === "text") continue;
      // (Seven bytes off the end: a PDF may end with "%%EOF" and a line break, still whole without it.)
      for (const keep of [1, 4, 8, Math.floor(bytes.length / 2), bytes.length - 7]) {
        const verdict = checkEvidenceFile(bytes.subarray(0, keep), LIMIT);
        assert.ok(!verdict.ok || verdict.kind !== kind, `${kind} cut to ${keep} bytes`);
        // What is left of a binary file is never taken for anything but (at most) text.
        assert.ok(!verdict.ok || verdict.kind === "text", `${kind} cut to ${keep} bytes: ${JSON.stringify(verdict)}`);
      }
    }
  });

  it("random bytes are accepted only as valid plain text (fast-check)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        const verdict = checkEvidenceFile(bytes, LIMIT);
        if (!verdict.ok) return;
        assert.equal(verdict.kind, "text");
        assert.doesNotThrow(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes));
        assert.ok(!bytes.includes(0));
      }),
      { numRuns: 500 },
    );
  });

  it("a signature followed by random bytes is never accepted as anything else, and rarely as that kind (fast-check)", () => {
    const signatures: [EvidenceFileKind, Uint8Array][] = [
      ["pdf", new TextEncoder().encode("%PDF-1.7\n")],
      ["png", pngFile().subarray(0, 16)],
      ["jpeg", Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])],
      ["gif", new TextEncoder().encode("GIF89a")],
      ["webp", webpFile().subarray(0, 16)],
      ["docx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04])],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...signatures),
        fc.uint8Array({ minLength: 0, maxLength: 200 }),
        ([kind, signature], rest) => {
          const verdict = checkEvidenceFile(concat(signature, rest), LIMIT);
          if (!verdict.ok || verdict.kind === "text") return;
          // Accepted as a binary kind: only the one its signature says (a random tail may end like a GIF).
          const family = kind === "docx" ? ["docx", "xlsx", "pptx", "odt", "ods", "odp"] : [kind];
          assert.ok(family.includes(verdict.kind), `${kind} signature accepted as ${verdict.kind}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("every accepted file's kind matches its first bytes, whatever its name would have been (fast-check)", () => {
    const starts: Record<string, (b: Uint8Array) => boolean> = {
      pdf: (b) => Buffer.from(b.subarray(0, 5)).toString("latin1") === "%PDF-",
      png: (b) => b[0] === 0x89 && b[1] === 0x50,
      jpeg: (b) => b[0] === 0xff && b[1] === 0xd8,
      gif: (b) => Buffer.from(b.subarray(0, 3)).toString("latin1") === "GIF",
      webp: (b) => Buffer.from(b.subarray(0, 4)).toString("latin1") === "RIFF",
      zip: (b) => b[0] === 0x50 && b[1] === 0x4b,
    };
    const expected: Record<EvidenceFileKind, string> = {
      pdf: "pdf",
      png: "png",
      jpeg: "jpeg",
      gif: "gif",
      webp: "webp",
      text: "text",
      docx: "zip",
      xlsx: "zip",
      pptx: "zip",
      odt: "zip",
      ods: "zip",
      odp: "zip",
    };
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(files) as EvidenceFileKind[])), (kind) => {
        const verdict = checkEvidenceFile(files[kind], LIMIT);
        assert.ok(verdict.ok);
        const family = expected[verdict.kind];
        if (family !== "text") assert.ok(starts[family]?.(files[kind]), kind);
      }),
      { numRuns: 50 },
    );
  });
});
