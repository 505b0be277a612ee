/**
 * The one text rule (src/text/rules.ts): which characters are refused and how they are named, line
 * breaks, lengths per kind, markup; normalising; taking refused characters out and writing them out.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  acceptText,
  checkText,
  findRefusedCharacter,
  normaliseText,
  removeRefusedCharacters,
  revealRefusedCharacters,
  TEXT_KINDS,
  type TextKind,
} from "../../src/text/rules.ts";
import { runs } from "../support/fast-check-seed.ts";

const KINDS = Object.keys(TEXT_KINDS) as TextKind[];
/** Any UTF-16 code unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.array(anyUnit, { maxLength: 40 }).map((units) => units.join(""));

describe("text rule: refused characters", () => {
  it("names each class, the character and its position in characters", () => {
    assert.deepEqual(findRefusedCharacter("ab\u202ec"), {
      rule: "character",
      class: "bidi",
      char: "U+202E",
      position: 3,
    });
    assert.deepEqual(findRefusedCharacter("\u2069"), { rule: "character", class: "bidi", char: "U+2069", position: 1 });
    assert.deepEqual(findRefusedCharacter("a\u0000"), {
      rule: "character",
      class: "control",
      char: "U+0000",
      position: 2,
    });
    assert.deepEqual(findRefusedCharacter("\u009b"), {
      rule: "character",
      class: "control",
      char: "U+009B",
      position: 1,
    });
    assert.deepEqual(findRefusedCharacter("\u007f"), {
      rule: "character",
      class: "control",
      char: "U+007F",
      position: 1,
    });
    // An astral character before it counts as one character.
    assert.deepEqual(findRefusedCharacter("🎉\ud800x"), {
      rule: "character",
      class: "broken",
      char: "U+D800",
      position: 2,
    });
    assert.deepEqual(findRefusedCharacter("x\udc00"), {
      rule: "character",
      class: "broken",
      char: "U+DC00",
      position: 2,
    });
    assert.equal(findRefusedCharacter("\ufffe")?.class, "broken");
    assert.equal(findRefusedCharacter("\ufdd0")?.class, "broken");
  });

  it("accepts what real text holds: tabs, line breaks, accents, emoji, marks like LRM, CJK", () => {
    for (const text of [
      "a\tb\nc\r\nd\u000be\u000cf\u0085g\u2028h\u2029",
      "Éàçôœ « » — 🎉 👩‍👩‍👧",
      "x\u200ey\u200fz",
      "図書館",
    ])
      assert.equal(findRefusedCharacter(text), null, JSON.stringify(text));
  });

  it("every kind refuses them, wherever they are", () => {
    const bidi = fc.constantFrom(..."\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069");
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.string({ maxLength: 20 }), bidi, (kind, text, char) => {
        const at = text.length;
        assert.equal(checkText(`${text}${char}`, kind)?.rule, "character");
        assert.equal(acceptText(`${text}${char}`, kind).ok, false);
        assert.equal(findRefusedCharacter(`${text}${char}`)?.position, [...text].length + 1, String(at));
      }),
      { numRuns: runs(100) },
    );
  });

  it("taking them out leaves none, and names each once; writing them out shows each", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { text: clean, removed } = removeRefusedCharacters(text);
        assert.equal(findRefusedCharacter(clean), null);
        assert.equal(new Set(removed).size, removed.length);
        assert.equal(removed.length === 0, findRefusedCharacter(text) === null);
        const shown = revealRefusedCharacters(text);
        assert.equal(findRefusedCharacter(shown), null);
        for (const code of removed) assert.ok(shown.includes(`⟦${code}⟧`));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("text rule: normalising, line breaks, lengths, markup", () => {
  it("reads every line break as \\n, composes accents and trims", () => {
    assert.equal(normaliseText("  a\r\nb\rc\u000bd\u000ce\u0085f\u2028g\u2029h  "), "a\nb\nc\nd\ne\nf\ng\nh");
    assert.equal(normaliseText("e\u0301te\u0301"), "été");
  });

  it("normalising never adds a refused character, and accepted text is stable", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...KINDS), (text, kind) => {
        if (findRefusedCharacter(text) === null) assert.equal(findRefusedCharacter(normaliseText(text)), null);
        const accepted = acceptText(text, kind);
        if (accepted.ok && accepted.value !== null) assert.deepEqual(acceptText(accepted.value, kind), accepted);
      }),
      { numRuns: runs(300) },
    );
  });

  it("one-line kinds refuse an inner line break; multi-line kinds keep it", () => {
    for (const kind of KINDS) {
      const issue = checkText("one\u2028two", kind);
      if (TEXT_KINDS[kind].multiline) assert.equal(issue, null, kind);
      else assert.deepEqual(issue, { rule: "lineBreak" }, kind);
      assert.equal(checkText("one line\n", kind), null, `${kind}: a trailing break is not inside`);
    }
  });

  it("each kind takes exactly its length, counted after line breaks are read as one", () => {
    for (const kind of KINDS) {
      const { max } = TEXT_KINDS[kind];
      assert.equal(checkText("x".repeat(max), kind), null, kind);
      assert.deepEqual(checkText("x".repeat(max + 1), kind), { rule: "tooLong", length: max + 1, max }, kind);
    }
    assert.equal(checkText(`${"x".repeat(TEXT_KINDS.statement.max - 1)}\r\n`, "statement"), null);
  });

  it("kinds shown as formatted text refuse HTML and links other than http(s) and mailto", () => {
    for (const kind of KINDS) {
      const html = checkText("<b>bold</b>", kind);
      const link = checkText("[x](javascript:alert(1))", kind);
      if (TEXT_KINDS[kind].markup) {
        assert.deepEqual(html, { rule: "html" }, kind);
        assert.deepEqual(link, { rule: "badLink" }, kind);
        assert.equal(checkText("[site](https://example.org) **bold** a < b", kind), null, kind);
      } else {
        assert.equal(html, null, kind);
      }
    }
  });
});
