import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  cleanQuery,
  foldText,
  indexTerms,
  isStopWord,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  MAX_TERM_LENGTH,
  processTerm,
  queryTerms,
  readQuery,
  STOP_WORDS,
  singular,
  termsOf,
  tokenize,
} from "../../src/search/normalize.ts";
import { runs } from "../support/fast-check-seed.ts";

describe("foldText: accents, case and ligatures", () => {
  test("accents and capitals fold away", () => {
    assert.equal(foldText("Compétences"), "competences");
    assert.equal(foldText("ÉTABLIT"), "etablit");
    assert.equal(foldText("Français çà où"), "francais ca ou");
  });

  test("decomposed input (NFD) folds like composed input (NFC)", () => {
    assert.equal(foldText("e\u0301quipe"), foldText("équipe"));
  });

  test("ligatures and compatibility forms become plain letters", () => {
    assert.equal(foldText("Œuvre"), "oeuvre");
    assert.equal(foldText("cœur"), "coeur");
    assert.equal(foldText("Ætna"), "aetna");
    assert.equal(foldText("ﬁche"), "fiche");
    assert.equal(foldText("ＡＢＣ"), "abc");
  });
});

describe("tokenize and termsOf: words of English and French text", () => {
  test("French elision keeps the word, drops the article", () => {
    assert.deepEqual(termsOf("l'usager"), ["usager"]);
    assert.deepEqual(termsOf("L’usager d’une bibliothèque"), ["usager", "bibliotheque"]);
    assert.deepEqual(termsOf("qu'elle s'adresse jusqu'à"), ["elle", "adresse"]);
  });

  test("English possessives and contractions keep the word", () => {
    assert.deepEqual(termsOf("the library's reach"), ["library", "reach"]);
    assert.deepEqual(termsOf("patrons' own stories"), ["patrons", "own", "stories"]);
    assert.deepEqual(termsOf("don't"), ["don"]);
  });

  test("punctuation separates words; a dot inside a word keeps a code whole", () => {
    assert.deepEqual(tokenize("self-assessment, (budget)!"), ["self", "assessment", "budget"]);
    assert.deepEqual(tokenize("ML.CR.6 and ontario.ca."), ["ML.CR.6", "and", "ontario.ca"]);
    assert.equal(processTerm("ML.CR.6"), "mlcr6");
  });

  test("control characters, emoji and symbols never become terms", () => {
    assert.deepEqual(termsOf("a\u0000b\u0007c 😀 🏳️‍🌈 <>&\"'"), ["b", "c"]);
  });

  test("letters outside the basic plane are words like any other", () => {
    assert.deepEqual(termsOf("𝒜𝒷𝒸 ᓀᐦᐃᔭᐍᐏᐣ"), ["abc", "ᓀᐦᐃᔭᐍᐏᐣ"]);
  });

  test("terms are cut to a bounded length", () => {
    const [term] = termsOf("x".repeat(5000));
    assert.equal(term.length, MAX_TERM_LENGTH);
  });
});

describe("stop words", () => {
  test("articles and prepositions of both languages are dropped", () => {
    assert.deepEqual(termsOf("The partnerships of the library"), ["partnerships", "library"]);
    assert.deepEqual(termsOf("Les partenariats de la bibliothèque et des usagers"), [
      "partenariats",
      "bibliotheque",
      "usagers",
    ]);
  });

  test("meaningful short words are kept", () => {
    for (const word of [
      "it",
      "service",
      "public",
      "budget",
      "media",
      "web",
      "son",
      "an",
      "art",
      "law",
      "lois",
      "data",
    ]) {
      assert.equal(isStopWord(word), false, word);
      assert.equal(processTerm(word), word, word);
    }
  });

  test("the lists are small and folded (they are compared with folded terms)", () => {
    for (const list of Object.values(STOP_WORDS)) {
      assert.ok(list.size < 40);
      for (const word of list) assert.equal(foldText(word), word);
    }
  });
});

describe("plurals", () => {
  test("a light singular for English and French", () => {
    assert.equal(singular("partenariats"), "partenariat");
    assert.equal(singular("partnerships"), "partnership");
    assert.equal(singular("bureaux"), "bureau");
    assert.equal(singular("process"), "process");
    assert.equal(singular("status"), "status");
    assert.equal(singular("analysis"), "analysis");
    assert.equal(singular("bus"), "bus");
  });

  test("content is indexed under the word and its singular; codes whole and by their letter parts", () => {
    assert.deepEqual(indexTerms("Partenariats"), ["partenariats", "partenariat"]);
    assert.deepEqual(indexTerms("ML.CR.6"), ["mlcr6", "ml", "cr"]);
    assert.equal(indexTerms("les"), null);
  });
});

describe("readQuery and queryTerms: any input becomes a bounded query", () => {
  test("trims, collapses spaces and turns control characters into spaces", () => {
    assert.equal(cleanQuery("  social \u0000\u0007 media\r\n "), "social media");
    assert.equal(cleanQuery("a\u200bb"), "a b");
  });

  test("cuts long input to the maximum length, and says so", () => {
    const long = readQuery("competence ".repeat(1000));
    assert.equal(long.shortened, true);
    assert.ok(Array.from(long.query).length <= MAX_QUERY_LENGTH);
    assert.deepEqual(readQuery("budget"), { query: "budget", shortened: false });
  });

  test("never cuts inside a character outside the basic plane", () => {
    const query = cleanQuery("😀".repeat(500));
    assert.equal(Array.from(query).length, MAX_QUERY_LENGTH);
    assert.doesNotMatch(query, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test("lone surrogates are replaced", () => {
    assert.equal(cleanQuery("a\uD800b"), "a\uFFFDb");
  });

  test("non-strings give an empty query", () => {
    assert.equal(cleanQuery(undefined), "");
    assert.equal(cleanQuery(null), "");
    assert.equal(cleanQuery(42), "");
    assert.equal(cleanQuery(["first", "second"]), "first");
  });

  test("query terms are distinct, singular, and capped in number", () => {
    assert.deepEqual(queryTerms("Partenariats partenariat PARTENARIATS"), ["partenariat"]);
    const many = Array.from({ length: 50 }, (_, i) => `word${i}`).join(" ");
    assert.equal(queryTerms(many).length, MAX_QUERY_TERMS);
  });

  test("hostile input gives only plain terms", () => {
    assert.deepEqual(queryTerms("c++ (x"), ["c", "x"]);
    assert.deepEqual(queryTerms("<script>alert(1)</script>"), ["script", "alert", "1"]);
    assert.deepEqual(queryTerms("' OR 1=1 --"), ["1"]);
    assert.deepEqual(queryTerms("%E0%A4%A"), ["e0", "a4"]);
  });

  test("property: never throws; output is bounded and made of letters and digits only", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 3000 }), (input) => {
        const query = cleanQuery(input);
        assert.ok(Array.from(query).length <= MAX_QUERY_LENGTH);
        const terms = queryTerms(query);
        assert.ok(terms.length <= MAX_QUERY_TERMS);
        for (const term of terms) {
          assert.match(term, /^[\p{L}\p{N}]+$/u);
          assert.ok(Array.from(term).length <= MAX_TERM_LENGTH);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
