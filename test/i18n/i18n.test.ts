import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { en } from "../../src/i18n/en.ts";
import { fr } from "../../src/i18n/fr.ts";
import { formatDate, formatNumber, isLang, LANGS, messages, negotiateLang, otherLang } from "../../src/i18n/index.ts";

describe("negotiateLang", () => {
  const cases: [string | null | undefined, "en" | "fr"][] = [
    [undefined, "en"],
    [null, "en"],
    ["", "en"],
    ["fr-CA", "fr"],
    ["fr-CA,fr;q=0.9,en;q=0.8", "fr"],
    ["en-CA,en;q=0.9,fr;q=0.8", "en"],
    ["FR-ca", "fr"],
    // q-values outrank header order
    ["en;q=0.5, fr;q=0.9", "fr"],
    ["en;q=0.1,fr", "fr"],
    // equal weights keep the header's order
    ["fr, en", "fr"],
    ["en, fr", "en"],
    // languages we do not have are skipped, not taken as English
    ["de-DE,de;q=0.9,fr;q=0.5", "fr"],
    ["es", "en"],
    ["*", "en"],
    // q=0 means "not this one"
    ["fr;q=0, en;q=0.1", "en"],
    ["fr;q=0", "en"],
    // garbage never throws and falls back to English
    ["%%%", "en"],
    [";;;,,,", "en"],
    ["fr;q=abc, en;q=0.2", "en"],
    ["x".repeat(10_000), "en"],
    ["\u0000fr", "en"],
    ["  fr  ;  q=0.7 ,  en ; q=0.6", "fr"],
  ];
  for (const [header, expected] of cases) {
    test(`${JSON.stringify(header)?.slice(0, 40)} → ${expected}`, () => {
      assert.equal(negotiateLang(header), expected);
    });
  }
});

describe("formatDate", () => {
  test("long dates in Canadian English and French", () => {
    assert.equal(formatDate("2026-10-02T12:00:00.000Z", "en"), "October 2, 2026");
    assert.equal(formatDate("2026-10-02T12:00:00.000Z", "fr"), "2 octobre 2026");
    assert.equal(formatDate("2015-08-13T12:00:00.000Z", "fr"), "13 août 2015");
  });

  test("a calendar day stored at noon UTC shows as that day in Canadian time zones", () => {
    for (const timeZone of ["America/St_Johns", "America/Toronto", "America/Vancouver", "Europe/Paris"]) {
      assert.equal(formatDate("2026-10-02T12:00:00.000Z", "en", timeZone), "October 2, 2026", timeZone);
    }
  });

  test("an unparseable date is shown as given instead of throwing", () => {
    assert.equal(formatDate("not a date", "en"), "not a date");
  });
});

describe("formatNumber", () => {
  test("groups thousands the Canadian way in each language", () => {
    assert.equal(formatNumber(50000, "en"), "50,000");
    // fr-CA groups with a (narrow) no-break space
    assert.match(formatNumber(50000, "fr"), /^50[\u00a0\u202f ]000$/);
  });
});

describe("languages", () => {
  test("en and fr, each the other's other", () => {
    assert.deepEqual([...LANGS], ["en", "fr"]);
    assert.equal(otherLang("en"), "fr");
    assert.equal(otherLang("fr"), "en");
    assert.equal(isLang("fr"), true);
    assert.equal(isLang("FR"), false);
    assert.equal(isLang("de"), false);
    assert.equal(isLang(undefined), false);
  });
});

describe("dictionaries", () => {
  // Messages with parameters take strings or numbers; 2 is a fine stand-in for either.
  const render = (value: unknown): unknown =>
    typeof value === "function" ? value(...Array.from({ length: Math.max(value.length, 1) }, () => 2)) : value;

  test("both dictionaries have exactly the same keys", () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  });

  for (const lang of LANGS) {
    test(`every ${lang} message is a non-empty string (functions return one)`, () => {
      const dictionary = messages(lang) as Record<string, unknown>;
      for (const [key, value] of Object.entries(dictionary)) {
        const text = render(value);
        assert.equal(typeof text, "string", `${lang}.${key} should be a string`);
        assert.ok((text as string).trim().length > 0, `${lang}.${key} is empty`);
        assert.doesNotMatch(text as string, /undefined|NaN|\[object/, `${lang}.${key} renders "${text}"`);
      }
    });
  }

  test("plural messages agree with the count", () => {
    assert.equal(en.competencyCount(1), "1 competency");
    assert.equal(en.competencyCount(6), "6 competencies");
    assert.equal(fr.competencyCount(1), "1 compétence");
    assert.equal(fr.competencyCount(6), "6 compétences");
  });
});
