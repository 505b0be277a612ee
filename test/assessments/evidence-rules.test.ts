/**
 * The pure parts of evidence: the name a file is kept under (no folders, no control or reserved
 * characters, the extension of what its bytes are), the download header's two names, web addresses
 * (http and https only), and who may add or remove evidence in which state.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { AssessmentResource } from "../../src/assessments/evidence/access.ts";
import { attachmentDisposition, evidenceFileName } from "../../src/assessments/evidence/file-name.ts";
import { EVIDENCE_FILE_KINDS, type EvidenceFileKind } from "../../src/assessments/evidence/file-types.ts";
import { addRight, type EvidenceSubject, mayRead, mayRemove } from "../../src/assessments/evidence/rights.ts";
import { webAddress } from "../../src/assessments/evidence/schemas.ts";
import { ASSESSMENT_STATES } from "../../src/db/migrations/017_assessments.ts";
import type { OrganisationActor } from "../../src/policy/index.ts";

const KINDS = Object.keys(EVIDENCE_FILE_KINDS) as EvidenceFileKind[];

describe("evidence file names", () => {
  it("keeps the sender's name without folders, ending with an extension of what the bytes are", () => {
    assert.equal(evidenceFileName("C:\\Users\\ada\\Bilan d'été.pdf", "pdf"), "Bilan d'été.pdf");
    assert.equal(evidenceFileName("../../etc/report.pdf", "png"), "report.pdf.png");
    assert.equal(evidenceFileName("photo.JPEG", "jpeg"), "photo.JPEG");
    assert.equal(evidenceFileName("notes.csv", "text"), "notes.csv");
    assert.equal(evidenceFileName("programme", "docx"), "programme.docx");
    assert.equal(evidenceFileName("  ...  ", "pdf"), "evidence.pdf");
    assert.equal(evidenceFileName('a<b>c:"d|e?*\u0000\u202eexe.pdf', "pdf"), "abcdeexe.pdf");
  });

  it("any name becomes a safe one of at most 200 characters with its kind's extension (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: "binary" }), fc.constantFrom(...KINDS), (sent, kind) => {
        const name = evidenceFileName(sent, kind);
        assert.ok([...name].length <= 200, name);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be absent
        assert.doesNotMatch(name, /[/\\<>:"|?*\u0000-\u001f\u007f\u202e]/);
        const extension = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
        assert.ok((EVIDENCE_FILE_KINDS[kind].extensions as readonly string[]).includes(extension), name);
        const disposition = attachmentDisposition(name);
        assert.match(disposition, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]*$/);
        const encoded = disposition.slice(disposition.indexOf("''") + 2);
        assert.equal(decodeURIComponent(encoded), name);
      }),
      { numRuns: 300 },
    );
  });
});

describe("web addresses for links", () => {
  it("accepts http and https only, without credentials", () => {
    assert.equal(webAddress("https://library.example/p?q=1"), "https://library.example/p?q=1");
    assert.equal(webAddress("HTTP://Library.Example"), "http://library.example/");
    for (const refused of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "file:///etc/passwd",
      "ftp://x.example/",
      "https://user:secret@x.example/",
      "//x.example/",
      "x.example",
      `https://x.example/${"a".repeat(2000)}`,
    ])
      assert.equal(webAddress(refused), undefined, refused);
  });
});

describe("who may add or remove evidence, and when", () => {
  const resource: AssessmentResource = {
    kind: "assessment",
    organisationId: "o",
    personId: "person",
    managerChain: ["manager", "grand"],
    reviewerId: "manager",
  };
  const actor = (id: string, personId: string | null, administrator = false): OrganisationActor => ({
    id,
    email: `${id}@x.test`,
    name: id,
    role: "editor",
    membership: { organisationId: "o", administrator, personId, hasReports: false, positionProfileId: null },
  });
  const person = actor("u-person", "person");
  const manager = actor("u-manager", "manager");
  const grand = actor("u-grand", "grand");
  const hr = actor("u-hr", null, true);
  const colleague = actor("u-colleague", "colleague");

  it("the person in the self phase, the reviewer in the review; readers only read; nobody once the cycle is not open", () => {
    const self = new Set(["not_started", "in_progress", "reopened"]);
    const review = new Set(["submitted", "in_review"]);
    for (const state of ASSESSMENT_STATES) {
      const subject: EvidenceSubject = { state, cycleState: "open", resource };
      assert.equal(addRight(person, subject), self.has(state) ? "add" : "closed", `person, ${state}`);
      assert.equal(addRight(manager, subject), review.has(state) ? "add" : "closed", `manager, ${state}`);
      for (const reader of [grand, hr]) {
        assert.equal(addRight(reader, subject), "refused");
        assert.equal(mayRead(reader, subject), true);
      }
      assert.equal(addRight(colleague, subject), "refused");
      assert.equal(mayRead(colleague, subject), false);
      assert.equal(addRight(person, { ...subject, cycleState: "closed" }), "closed");
    }
  });

  it("each removes only what they added, when they may add", () => {
    const subject = { state: "in_progress", cycleState: "open", resource };
    assert.equal(mayRemove(person, subject, { createdBy: "u-person" }), true);
    assert.equal(mayRemove(person, subject, { createdBy: "u-manager" }), false);
    assert.equal(mayRemove(manager, subject, { createdBy: "u-manager" }), false, "not in the self phase");
    assert.equal(mayRemove(manager, { ...subject, state: "in_review" }, { createdBy: "u-manager" }), true);
    assert.equal(mayRemove(person, { ...subject, state: "agreed" }, { createdBy: "u-person" }), false);
  });
});
