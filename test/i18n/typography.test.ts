/** French typography: the fixer, the independent checker, and every French UI string passing it. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { en } from "../../src/i18n/en.ts";
import { fr } from "../../src/i18n/fr.ts";
import { formatDate, formatDateTime, formatTime } from "../../src/i18n/index.ts";
import {
  frenchTypography,
  frenchTypographyProblems,
  NBSP,
  typeset,
  withFrenchTypography,
} from "../../src/i18n/typography.ts";
import { runs } from "../support/fast-check-seed.ts";

/** Shows no-break spaces as "~" so a failing comparison is readable. */
const visible = (text: string) => text.replace(/\u00a0/g, "~");
const fixed = (text: string) => visible(frenchTypography(text));

describe("frenchTypography", () => {
  test("a no-break space before ; : ! ? replaces the ordinary one, or is added", () => {
    assert.equal(fixed("Recherche : budget"), "Recherche~: budget");
    assert.equal(fixed("Comment se connectera-t-elle?"), "Comment se connectera-t-elle~?");
    assert.equal(
      fixed("Rien n'a été enregistré; il peut être rétabli."),
      "Rien n'a été enregistré~; il peut être rétabli.",
    );
    assert.equal(fixed("Attention !"), "Attention~!");
    assert.equal(fixed("Vraiment?!"), "Vraiment~?!");
    assert.equal(fixed("Note\u202f: x"), "Note~: x", "a narrow no-break space becomes the chosen one");
  });

  test("guillemets hold their content with no-break spaces", () => {
    assert.equal(fixed("« partenariat »"), "«~partenariat~»");
    assert.equal(fixed("«partenariat»"), "«~partenariat~»");
    assert.equal(fixed("les lignes « Compétence : »"), "les lignes «~Compétence~:~»");
  });

  test("a colon or question mark that is not punctuation is left alone", () => {
    for (const text of [
      "https://exemple.org/recherche?q=partenariat",
      "Un lien doit commencer par https://, http:// ou mailto:.",
      "ouvert à 10:30",
      "le code ML.CR:6",
      "[texte](https://…)",
    ]) {
      assert.equal(frenchTypography(text), text, text);
    }
  });

  test("groups of digits and times do not split across lines", () => {
    assert.equal(fixed("de 1 à 10 000"), "de 1 à 10~000");
    assert.equal(fixed("1 250 000 $"), "1~250~000 $");
    assert.equal(fixed("de 9 h 07 à 17 h"), "de 9~h~07 à 17~h");
    assert.equal(fixed("en 2015 et 2016"), "en 2015 et 2016", "years are not digit groups");
    assert.equal(fixed("12 heures"), "12 heures");
  });

  test("only spaces change, and a second pass changes nothing (any text)", () => {
    const text = fc.stringMatching(/^[a-zé0-9 «»;:!?.,'()\u00a0\u202f/\n-]{0,40}$/);
    fc.assert(
      fc.property(text, (s) => {
        const once = frenchTypography(s);
        assert.equal(once.replace(/[ \t\u2009\u202f\u00a0]/g, ""), s.replace(/[ \t\u2009\u202f\u00a0]/g, ""));
        assert.equal(frenchTypography(once), once);
      }),
      { numRuns: runs(500) },
    );
  });

  test("what it produces, the checker accepts (any text)", () => {
    const text = fc.stringMatching(/^[a-zé0-9 «»;:!?.,'()*_\u00a0\u202f/\n-]{0,40}$/);
    fc.assert(
      fc.property(text, (s) => {
        assert.deepEqual(frenchTypographyProblems(frenchTypography(s)), [], JSON.stringify(s));
      }),
      { numRuns: runs(500) },
    );
  });

  test("English is left exactly as written", () => {
    assert.equal(typeset("Search: budget?", "en"), "Search: budget?");
    assert.equal(typeset("Recherche : budget", "fr"), `Recherche${NBSP}: budget`);
  });
});

describe("frenchTypographyProblems", () => {
  test("names what a reader of French would flag", () => {
    assert.equal(frenchTypographyProblems("Recherche : budget").length, 1);
    assert.equal(frenchTypographyProblems("Où placer le domaine?").length, 1);
    assert.equal(frenchTypographyProblems("« partenariat »").length, 2);
    assert.equal(frenchTypographyProblems("de 1 à 10 000").length, 1);
    assert.deepEqual(frenchTypographyProblems(`Recherche${NBSP}: «${NBSP}budget${NBSP}»`), []);
    assert.deepEqual(frenchTypographyProblems("https://exemple.org/?q=a, 10:30"), []);
  });
});

describe("the French dictionary", () => {
  // Arguments chosen to exercise plurals and the quoted user text that some messages include.
  const samples = [
    [1, "budget"],
    [2, "x"],
    [12_345, "Relations avec la communauté"],
  ] as const;
  const rendered = (value: unknown): string[] =>
    typeof value === "function"
      ? samples.map(([n, s]) =>
          String(value(...Array.from({ length: Math.max(value.length, 1) }, (_, i) => (i % 2 === 0 ? n : s)))),
        )
      : [String(value)];

  test("every French entry passes the typography check (functions with sample arguments)", () => {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(fr)) {
      for (const text of rendered(value)) {
        for (const problem of frenchTypographyProblems(text)) problems.push(`${key}: ${problem}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test("a block composed later gets the typography too, functions included", () => {
    const block = withFrenchTypography({ hello: "Bonjour !", count: (n: number) => `Nombre : ${n}` });
    assert.equal(block.hello, `Bonjour${NBSP}!`);
    assert.equal(block.count(3), `Nombre${NBSP}: 3`);
  });

  test("English entries are not touched", () => {
    assert.equal(en.lastUpdatedOn("x"), "Last updated: x");
  });
});

describe("dates and times", () => {
  test("the first of the month is « 1er » in French, and only in French", () => {
    assert.equal(formatDate("2026-07-01T12:00:00.000Z", "fr"), "1er juillet 2026");
    assert.equal(formatDate("2026-07-11T12:00:00.000Z", "fr"), "11 juillet 2026");
    assert.equal(formatDate("2026-07-21T12:00:00.000Z", "fr"), "21 juillet 2026");
    assert.equal(formatDate("2026-07-01T12:00:00.000Z", "en"), "July 1, 2026");
  });

  test("times are « 9 h 07 » and « 14 h » in French, with no-break spaces", () => {
    const zone = "America/Toronto";
    assert.equal(visible(formatTime("2026-07-01T13:07:00.000Z", "fr", zone)), "9~h~07");
    assert.equal(visible(formatTime("2026-07-01T18:00:00.000Z", "fr", zone)), "14~h");
    assert.equal(visible(formatTime("2026-07-01T04:05:00.000Z", "fr", zone)), "0~h~05");
    assert.equal(formatTime("2026-07-01T13:07:00.000Z", "en", zone), "9:07 a.m.");
    assert.equal(visible(formatDateTime("2026-07-01T13:07:00.000Z", "fr", zone)), "1er juillet 2026 à 9~h~07");
    assert.equal(formatDateTime("2026-07-01T13:07:00.000Z", "en", zone), "July 1, 2026, 9:07 a.m.");
  });

  test("any instant gives a French time the checker accepts, hour without a leading zero", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (d) => {
        const time = formatTime(d.toISOString(), "fr", "America/Toronto");
        assert.match(time, /^(1?\d|2[0-3])\u00a0h(\u00a0[0-5]\d)?$/);
        assert.doesNotMatch(time, /\u00a0h\u00a000$/);
      }),
      { numRuns: runs(200) },
    );
  });

  test("an unreadable date or time is shown as given", () => {
    assert.equal(formatTime("not a time", "fr"), "not a time");
    assert.equal(formatDateTime("not a date", "en"), "not a date");
  });
});
