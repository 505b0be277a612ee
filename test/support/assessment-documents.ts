/**
 * Assessment-document view models for tests and the bench: a fixed sample in each language
 * (`sampleAssessmentDocument`) and a fast-check arbitrary (`assessmentDocumentArbitrary`) mixing
 * ordinary text with hostile, long and accented text, 0 to 60 competencies and missing levels
 * (none given, or a number the scale does not name).
 */
import fc from "fast-check";
import type {
  AssessedCompetency,
  AssessmentDocument,
  AssessmentState,
  DocumentLang,
  RatedLevel,
} from "../../src/assessments/documents/model.ts";
import { documentText } from "./job-documents.ts";

const AREAS = {
  en: ["Community engagement", "Service to the public", "Collections", "Leadership"],
  fr: ["Engagement communautaire", "Service au public", "Collections", "Leadership"],
};
const LEVELS = {
  en: ["Aware", "Developing", "Capable", "Proficient", "Leading"],
  fr: ["Notions", "En développement", "Autonome", "Maîtrise", "Expertise"],
};

const rated = (lang: DocumentLang, n: number | null): RatedLevel | null =>
  n === null ? null : { number: n, label: LEVELS[lang][n - 1] ?? null };

/** An assessment of `count` competencies, numbered so each statement is unique. */
export function sampleAssessmentDocument(
  options: { lang?: DocumentLang; competencies?: number; state?: AssessmentState } = {},
): AssessmentDocument {
  const lang = options.lang ?? "en";
  const fr = lang === "fr";
  const competencies: AssessedCompetency[] = Array.from({ length: options.competencies ?? 8 }, (_, i) => {
    const target = (i % 5) + 1;
    return {
      area: AREAS[lang][i % AREAS[lang].length],
      code: i % 3 === 0 ? null : `C-${i + 1}`,
      statement: fr
        ? `Compétence ${i + 1} : accueille le public et l'oriente vers les bonnes ressources`
        : `Competency ${i + 1}: welcomes the public and guides them to the right resources`,
      origin: i === 1 ? "person" : "profile",
      target: i === 1 ? null : rated(lang, target),
      importance: i === 1 ? null : i % 4 === 3 ? "asset" : "essential",
      self: rated(lang, Math.min(5, target + (i % 2))),
      selfComment:
        i % 2 === 0 ? (fr ? `Exemple concret ${i + 1} au comptoir.` : `Worked example ${i + 1} at the desk.`) : "",
      manager: i % 3 === 2 ? null : rated(lang, Math.max(1, target - 1)),
      managerComment: fr ? `Observation de la gestionnaire ${i + 1}.` : `Manager's observation ${i + 1}.`,
      agreed: i % 2 === 0 ? rated(lang, Math.max(1, target - (i % 4 === 0 ? 1 : 0))) : null,
    };
  });
  return {
    lang,
    organisation: fr ? "Bibliothèque publique de Val-des-Érables" : "Maple Valley Public Library",
    cycle: {
      name: fr ? "Évaluation annuelle 2027" : "Annual review 2027",
      periodStart: "2027-01-01",
      periodEnd: "2027-12-31",
    },
    person: {
      name: "Héloïse Lefèbvre-Ñúñez",
      unit: fr ? "Succursale centrale" : "Central branch",
      position: fr ? "Commis à la circulation" : "Circulation assistant",
    },
    manager: "Zoë Ångström",
    scale: {
      name: fr ? "Échelle de maîtrise Skillshelf" : "Skillshelf proficiency scale",
      levels: LEVELS[lang].map((label, i) => ({ number: i + 1, label })),
    },
    state: options.state ?? "agreed",
    reopenedReason: null,
    competencies,
    conversation: {
      date: "2027-03-15",
      notes: fr
        ? "Nous avons parlé de la formation sur les ressources numériques.\n\nSuivi prévu en juin."
        : "We talked about training on digital resources.\n\nFollow-up planned for June.",
    },
    signOffs: {
      person: { name: "Héloïse Lefèbvre-Ñúñez", at: "2027-03-20T10:00:00.000Z" },
      manager: { name: "Zoë Ångström", at: null },
    },
    evidence: [
      {
        kind: "file",
        title: fr ? "Bilan des visites de classes" : "Class visits summary",
        url: null,
        fileName: "visites-2027.pdf",
        competency: competencies[0]?.statement ?? null,
      },
      {
        kind: "link",
        title: fr ? "Article du bulletin" : "Newsletter article",
        url: "https://library.example.org/news/42",
        fileName: null,
        competency: null,
      },
    ],
    generatedAt: "2027-03-21T14:30:00.000Z",
  };
}

/** A level: none, one the scale names (1–5), or one it does not (6–9). */
const levelNumber = fc.option(fc.integer({ min: 1, max: 9 }), { nil: null });

/**
 * A view model with 0 to `max` competencies. Statements are unique and findable (`Compétenceé-N`-like)
 * so a test can check each is in the file; every other text may be hostile or long.
 */
export function assessmentDocumentArbitrary(max = 60): fc.Arbitrary<AssessmentDocument> {
  return fc
    .record({
      lang: fc.constantFrom<DocumentLang>("en", "fr"),
      person: documentText,
      manager: fc.option(documentText, { nil: null }),
      organisation: documentText,
      cycle: documentText,
      areaNames: fc.array(documentText, { minLength: 1, maxLength: 4 }),
      notes: fc.array(documentText, { maxLength: 3 }).map((p) => p.join("\n\n")),
      reason: fc.option(documentText, { nil: null }),
      state: fc.constantFrom<AssessmentState>("not_started", "in_review", "signed_off", "reopened", "withdrawn"),
      competencies: fc.array(
        fc.record({
          area: fc.nat(3),
          target: levelNumber,
          self: levelNumber,
          manager: levelNumber,
          agreed: levelNumber,
          selfComment: fc.oneof(fc.constant(""), documentText),
          managerComment: fc.oneof(fc.constant(""), documentText),
          origin: fc.constantFrom<AssessedCompetency["origin"]>("profile", "person", "manager"),
        }),
        { maxLength: max },
      ),
      evidence: fc.array(fc.record({ title: documentText, file: fc.boolean(), name: documentText }), { maxLength: 4 }),
    })
    .map((r) => {
      const base = sampleAssessmentDocument({ lang: r.lang, competencies: 0 });
      const competencies: AssessedCompetency[] = r.competencies.map((c, i) => ({
        area: r.areaNames[c.area % r.areaNames.length] as string,
        code: i % 2 ? `K-${i}` : null,
        statement: `Compétence${i}é`,
        origin: c.origin,
        target: rated(r.lang, c.target),
        importance: c.target === null ? null : i % 3 === 0 ? "asset" : "essential",
        self: rated(r.lang, c.self),
        selfComment: c.selfComment,
        manager: rated(r.lang, c.manager),
        managerComment: c.managerComment,
        agreed: rated(r.lang, c.agreed),
      }));
      return {
        ...base,
        organisation: r.organisation,
        cycle: { ...base.cycle, name: r.cycle },
        person: { ...base.person, name: r.person },
        manager: r.manager,
        state: r.state,
        reopenedReason: r.reason,
        competencies,
        conversation: { date: r.notes ? "2027-03-15" : null, notes: r.notes },
        signOffs: {
          person: { name: r.person, at: null },
          manager: { name: r.manager, at: "2027-03-20T10:00:00.000Z" },
        },
        evidence: r.evidence.map((e) => ({
          kind: e.file ? ("file" as const) : ("link" as const),
          title: e.title,
          url: e.file ? null : 'https://example.org/?q=<b>&x="y"',
          fileName: e.file ? e.name : null,
          competency: null,
        })),
      };
    });
}
