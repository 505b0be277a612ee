/**
 * Reading an assessment as its documents' view model (src/assessments/documents/load.ts) on every
 * database: cycle, people, each competency's levels by the scale's names, comments, conversation,
 * sign-offs, evidence names without bytes; another organisation's assessment is unknown.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadAssessmentDocument } from "../../src/assessments/documents/load.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { buildAssessmentDocumentWorld, HOSTILE_COMMENT } from "../support/assessment-document-world.ts";

for (const dialect of testDialects()) {
  describe(`assessment document loader (${dialect})`, () => {
    it("reads the cycle, the people, each competency's levels by name, the conversation, sign-offs and evidence names", async () => {
      const { db, close } = await openTestDatabase(dialect, { starter: false });
      try {
        const world = await buildAssessmentDocumentWorld(db);
        const now = new Date("2027-04-01T12:00:00.000Z");
        const load = (lang: "en" | "fr", assessmentId = world.assessmentId, organisationId = world.organisationId) =>
          loadAssessmentDocument(db, { organisationId, organisation: "North", assessmentId, lang, now });
        const fr = await load("fr");
        assert.ok(fr);
        assert.deepEqual(fr.cycle, { name: "Bilan annuel 2027", periodStart: "2027-01-01", periodEnd: "2027-12-31" });
        assert.deepEqual(fr.person, {
          name: "Héloïse Lefèbvre",
          unit: "Succursale centrale",
          position: "Commis à la circulation (Circulation assistant)",
        });
        assert.equal(fr.manager, "Zoë Ångström");
        assert.equal(fr.state, "agreed");
        assert.deepEqual(
          fr.competencies.map((c) => [
            c.area,
            c.code,
            c.statement,
            c.origin,
            c.target?.number ?? null,
            c.importance,
            c.self?.number ?? null,
            c.manager?.number ?? null,
            c.agreed?.number ?? null,
          ]),
          [
            ["Domaine du prêt 1", "P1.1", "Pratique du prêt P1.1", "profile", 3, "essential", 4, 3, 3],
            ["Domaine du prêt 1", "P1.2", "Pratique du prêt P1.2", "profile", 3, "essential", 2, 1, 1],
            ["Domaine du prêt 2", "P2.1", "Pratique du prêt P2.1", "person", null, null, 5, null, null],
            ["Domaine du prêt 2", "P2.2", "Pratique du prêt P2.2", "profile", 3, "asset", null, null, null],
          ],
        );
        // Level names are the cycle's scale's, in the document's language.
        const scaleLabel = fr.scale.levels.find((l) => l.number === 3)?.label;
        assert.ok(scaleLabel);
        assert.equal(fr.competencies[0]?.target?.label, scaleLabel);
        assert.equal(fr.competencies[0]?.selfComment, HOSTILE_COMMENT);
        assert.equal(fr.competencies[1]?.managerComment, "Needs practice.");
        assert.deepEqual(fr.conversation, {
          date: "2027-03-15",
          notes: "We agreed on a training plan.\n\nFollow-up in June.",
        });
        assert.deepEqual(fr.signOffs, {
          person: { name: "Héloïse Lefèbvre", at: "2027-03-20T10:00:00.000Z" },
          manager: { name: "Zoë Ångström", at: null },
        });
        assert.deepEqual(fr.evidence, [
          {
            kind: "file",
            title: "Class visits summary",
            url: null,
            fileName: "class-visits.pdf",
            competency: "Pratique du prêt P1.1",
          },
          {
            kind: "link",
            title: "Newsletter article",
            url: "https://library.example.org/news/42",
            fileName: null,
            competency: null,
          },
        ]);
        assert.ok(!JSON.stringify(fr).includes("SECRET"), "no evidence bytes");
        assert.equal(fr.generatedAt, now.toISOString());
        const en = await load("en");
        assert.equal(en?.cycle.name, "Annual review 2027");
        assert.equal(en?.competencies[0]?.statement, "Lending practice P1.1");
        assert.equal(en?.competencies[0]?.area, "Lending area 1");
        // Another organisation's assessment is unknown here.
        assert.equal(await load("en", world.otherAssessmentId), undefined);
        assert.equal(await load("en", "no-such-assessment"), undefined);
      } finally {
        await close();
      }
    });
  });
}
