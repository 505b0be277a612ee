/**
 * Job-document view models for tests and the bench: a fixed sample in each language (`sampleJobDocument`)
 * and a fast-check arbitrary (`jobDocumentArbitrary`) that mixes ordinary text with hostile text
 * (markup, script-closing sequences, control characters, accents, very long words).
 */
import fc from "fast-check";
import type { DocumentLang, JobDocument, JobRequirement } from "../../src/profiles/documents/model.ts";

const AREAS = {
  en: ["Community engagement", "Service to the public", "Collections", "Leadership", "Digital services"],
  fr: ["Engagement communautaire", "Service au public", "Collections", "Leadership", "Services numériques"],
};

const LEVELS = {
  en: ["Aware", "Developing", "Capable", "Proficient", "Leading"],
  fr: ["Notions", "En développement", "Autonome", "Maîtrise", "Expertise"],
};

/** A profile of `count` requirements, numbered so that each competency's name is unique. */
export function sampleJobDocument(
  options: { lang?: DocumentLang; kind?: JobDocument["kind"]; requirements?: number } = {},
): JobDocument {
  const lang = options.lang ?? "en";
  const count = options.requirements ?? 12;
  const fr = lang === "fr";
  const requirements: JobRequirement[] = Array.from({ length: count }, (_, i) => {
    const level = (i % 5) + 1;
    return {
      area: AREAS[lang][i % AREAS[lang].length],
      code: i % 3 === 0 ? null : `C-${i + 1}`,
      competency: fr
        ? `Compétence ${i + 1} : établit des liens avec les organismes du quartier et élabore des activités`
        : `Competency ${i + 1}: builds ties with neighbourhood organisations and plans programs with them`,
      targetLevel: level,
      levelLabel: LEVELS[lang][level - 1],
      levelDescriptor: fr
        ? `À ce niveau, la personne agit avec un degré d'autonomie ${level} sur 5 et explique ses choix à l'équipe.`
        : `At this level the person works with autonomy ${level} of 5 and explains their choices to the team.`,
      importance: i % 4 === 3 ? "asset" : "essential",
      ksas:
        i % 2 === 0
          ? [
              { kind: fr ? "Savoir" : "Knowledge", text: fr ? "Les ressources du milieu" : "Local resources" },
              { kind: fr ? "Savoir-faire" : "Skill", text: fr ? "Animer une rencontre" : "Leading a meeting" },
            ]
          : [],
      edition: fr ? "Édition 3 (2026-05-01)" : "Edition 3 (2026-05-01)",
    };
  });
  return {
    lang,
    kind: options.kind ?? "description",
    organisation: {
      name: fr ? "Bibliothèque publique de Val-des-Érables" : "Maple Valley Public Library",
      url: "https://library.example.org/",
      locality: fr ? "Val-des-Érables" : "Maple Valley",
      region: "ON",
      country: "CA",
      postalCode: "K0A 1A0",
      streetAddress: "12 Main Street",
    },
    title: fr ? "Bibliothécaire, services à l'enfance et à la jeunesse" : "Children's and Youth Services Librarian",
    code: "LIB-204",
    units: fr ? ["Succursale centrale", "Services à la jeunesse"] : ["Central branch", "Youth services"],
    grade: "Band 6",
    summary: fr
      ? "Planifie et anime des activités pour les enfants et les adolescents.\n\nTravaille avec les écoles et les familles du quartier."
      : "Plans and leads programs for children and teens.\n\nWorks with the neighbourhood's schools and families.",
    duties: fr
      ? ["Animer l'heure du conte", "Choisir des livres pour la jeunesse", "Former les bénévoles"]
      : ["Lead story time", "Choose books for young readers", "Train volunteers"],
    qualifications: fr
      ? ["Maîtrise en sciences de l'information", "Expérience auprès des enfants"]
      : ["Master's degree in library or information studies", "Experience working with children"],
    workingConditions: fr
      ? "Horaire variable, soirs et fins de semaine à l'occasion."
      : "Variable schedule, with some evenings and weekends.",
    scale: {
      name: fr ? "Échelle de maîtrise Skillshelf" : "Skillshelf proficiency scale",
      levels: LEVELS[lang].map((label, i) => ({
        number: i + 1,
        label,
        descriptor: fr ? `Description générale du niveau ${i + 1}.` : `General description of level ${i + 1}.`,
      })),
    },
    requirements,
    ...(options.kind === "posting"
      ? {
          posting: {
            datePosted: "2026-05-04",
            validThrough: "2026-06-01",
            employmentType: ["FULL_TIME"],
            hoursPerWeek: 35,
            salary: { min: 31.5, max: 38.25, currency: "CAD", unit: "HOUR" as const },
            howToApply: fr
              ? "Envoyez votre candidature par notre site d'emploi.\n\nNous communiquerons avec les personnes retenues."
              : "Apply through our careers site.\n\nWe will contact the people we interview.",
          },
        }
      : {}),
    generatedAt: "2026-05-04T14:30:00.000Z",
  };
}

/** Texts that have broken renderers elsewhere: markup, script and CDATA ends, quotes, controls, RTL. */
export const HOSTILE_TEXTS = [
  "</script><script>alert(1)</script>",
  "<!-- x --> ]]> <![CDATA[ & &amp; &#x3C;",
  "\"quoted\" 'single' `tick` \\ backslash",
  "line\u2028separator\u2029paragraph",
  "control\u0000\u0007\u001b\ufffe characters",
  "right-to-left \u202e override",
  "Émile Ç œuvre à l'été — « guillemets »",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder as text is the point
  "{{ template }} ${literal} %s %1$s",
];

const plainWord = fc.constantFrom(
  "library",
  "bibliothèque",
  "élève",
  "façade",
  "Œuvre",
  "à",
  "naïve",
  "Ärger",
  "Łódź",
  "Ελλάδα",
  "программа",
  "x".repeat(120),
);

/** One text: ordinary words with accents, or a hostile string, or a very long run of words. */
export const documentText = fc.oneof(
  { weight: 4, arbitrary: fc.array(plainWord, { minLength: 1, maxLength: 8 }).map((w) => w.join(" ")) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 1, arbitrary: fc.array(plainWord, { minLength: 200, maxLength: 400 }).map((w) => w.join(" ")) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);

/** A label that a test can find again in the rendered file: unique, printable, accented. */
const findable = (prefix: string, i: number) => `${prefix}${i}é`;

/**
 * A view model with 0 to `maxRequirements` requirements. Competency names are unique and findable
 * (`Competencyé-N`-like, with an accent) so a test can check each one is in the file; every other
 * field may be hostile or long.
 */
export function jobDocumentArbitrary(maxRequirements = 60): fc.Arbitrary<JobDocument> {
  return fc
    .record({
      lang: fc.constantFrom<DocumentLang>("en", "fr"),
      kind: fc.constantFrom<JobDocument["kind"]>("description", "posting"),
      title: documentText,
      organisationName: documentText,
      summary: fc.array(documentText, { maxLength: 3 }).map((p) => p.join("\n\n")),
      duties: fc.array(documentText, { maxLength: 6 }),
      qualifications: fc.array(documentText, { maxLength: 4 }),
      workingConditions: documentText,
      areaNames: fc.array(documentText, { minLength: 1, maxLength: 4 }),
      requirements: fc.array(
        fc.record({
          area: fc.nat(3),
          level: fc.integer({ min: 1, max: 5 }),
          essential: fc.boolean(),
          descriptor: documentText,
          ksas: fc.array(fc.record({ kind: documentText, text: documentText }), { maxLength: 3 }),
        }),
        { maxLength: maxRequirements },
      ),
      salary: fc.option(
        fc.record({
          min: fc.option(fc.double({ min: 0, max: 500_000, noNaN: true }), { nil: undefined }),
          max: fc.option(fc.double({ min: 0, max: 500_000, noNaN: true }), { nil: undefined }),
          currency: fc.constantFrom("CAD", "USD", "EUR", "bad"),
          unit: fc.constantFrom<"HOUR" | "YEAR">("HOUR", "YEAR"),
        }),
        { nil: undefined },
      ),
      employmentType: fc.subarray(["FULL_TIME", "PART_TIME", "TEMPORARY", "NOT_A_TYPE"]),
      howToApply: documentText,
    })
    .map((r) => {
      const base = sampleJobDocument({ lang: r.lang, kind: r.kind, requirements: 0 });
      return {
        ...base,
        title: r.title,
        organisation: { ...base.organisation, name: r.organisationName },
        summary: r.summary,
        duties: r.duties,
        qualifications: r.qualifications,
        workingConditions: r.workingConditions,
        requirements: r.requirements.map((q, i) => ({
          area: r.areaNames[q.area % r.areaNames.length],
          code: i % 2 ? `K-${i}` : null,
          competency: findable("Compétence", i),
          targetLevel: q.level,
          levelLabel: base.scale.levels[q.level - 1].label,
          levelDescriptor: q.descriptor,
          importance: q.essential ? "essential" : "asset",
          ksas: q.ksas,
          edition: "Edition 1 (2026-01-15)",
        })),
        posting:
          r.kind === "posting"
            ? {
                datePosted: "2026-05-04",
                validThrough: "2026-06-01",
                employmentType: r.employmentType,
                salary: r.salary,
                howToApply: r.howToApply,
              }
            : undefined,
      } satisfies JobDocument;
    });
}
