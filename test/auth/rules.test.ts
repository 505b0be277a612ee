/** Pure pieces of the accounts capability: password rules, safe redirects, secrets. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { checkNewPassword } from "../../src/auth/password-rules.ts";
import {
  generateRecoveryCodes,
  generateTemporaryPassword,
  hashToken,
  isWellFormedToken,
  newInvitationToken,
  normalizeRecoveryCode,
} from "../../src/auth/secrets.ts";
import { safeNext } from "../../src/auth/urls.ts";
import { runs } from "../support/fast-check-seed.ts";

describe("password rules", () => {
  test("fewer than 12 characters is too short, counting characters as people see them", () => {
    assert.equal(checkNewPassword("Xk3!qp9Lm2z"), "tooShort");
    assert.equal(checkNewPassword(""), "tooShort");
    // 11 emoji are 22 UTF-16 units but 11 characters.
    assert.equal(checkNewPassword("🦊🐢🦉🐙🦋🐝🦀🐌🦔🦎🐳"), "tooShort");
  });

  test("more than 128 characters is too long", () => {
    assert.equal(checkNewPassword("plum river lantern ".repeat(7)), "tooLong");
  });

  test("common and easily guessed passwords are refused, whatever their case", () => {
    for (const password of [
      "qwerty123456",
      "QWERTY123456",
      "1q2w3e4r5t6y",
      "password1234",
      "aaaaaaaaaaaa",
      "123456789012",
      "iloveyou1234",
    ]) {
      assert.equal(checkNewPassword(password), "tooCommon", password);
    }
  });

  test("a password made of the person's own email address is refused", () => {
    assert.notEqual(checkNewPassword("margueritetremblay", ["marguerite.tremblay@biblio.example"]), null);
    assert.equal(checkNewPassword("margueritetremblay"), null, "the same words are fine for someone else");
  });

  test("a strong password containing the person's name or email address is refused, whatever its case or accents", () => {
    const me = ["emilie.obrien@biblio.example", "Émilie O'Brien"];
    for (const password of [
      "orbit EMILIE kettle meadow 42",
      "meadow obrien!! quartz tidal",
      "Émilie O'Brien likes quartz lamps",
      "kettle emilie.obrien@biblio.example",
      "tidal zephyr emilieobrien 17",
    ]) {
      assert.equal(checkNewPassword(password, me), "personal", password);
      assert.equal(checkNewPassword(password), null, `${password}: fine for someone else`);
    }
    // Short words of a name are not refused inside unrelated words ("Li" in "lightning").
    assert.equal(checkNewPassword("lightning orbit meadow 42", ["li@biblio.example", "Li Wu"]), null);
  });

  test("property: any strong password with the person's name inside is refused", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Marguerite", "Jean-Philippe", "Nadia", "Oluwaseun", "Zoë"),
        fc.integer({ min: 0, max: 4 }),
        (name, where) => {
          const words = ["amber", "kettle", "orbit", "meadow", "42"];
          words.splice(where, 0, name);
          assert.equal(checkNewPassword(words.join(" "), [`${name.toLowerCase()}@biblio.example`, name]), "personal");
        },
      ),
      { numRuns: runs(50) },
    );
  });

  test("long, unrelated words pass, accents and all", () => {
    assert.equal(checkNewPassword("amber kettle orbit meadow 42"), null);
    assert.equal(checkNewPassword("érable pingouin tambour vélo"), null);
  });
});

describe("safeNext (no open redirects)", () => {
  test("keeps paths on this site", () => {
    assert.equal(safeNext("/en/editor"), "/en/editor");
    assert.equal(safeNext("/fr/account?x=1#y"), "/fr/account?x=1#y");
  });
  test("refuses other sites, schemes and tricks", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "en/editor",
      "/en\n/x",
      "/a\\b",
      "",
      undefined,
      `/${"a".repeat(3000)}`,
    ]) {
      assert.equal(safeNext(next), undefined, String(next));
    }
  });
});

describe("one-time secrets", () => {
  test("invitation tokens are 256-bit, URL-safe, and stored only as a hash", () => {
    const token = newInvitationToken();
    assert.ok(isWellFormedToken(token));
    assert.notEqual(newInvitationToken(), token);
    assert.match(hashToken(token), /^[0-9a-f]{64}$/);
    assert.ok(!isWellFormedToken("short"));
    assert.ok(!isWellFormedToken(`${token.slice(0, 42)}/`));
  });
  test("recovery codes: ten, readable, each typed back in any case or spacing", () => {
    const codes = generateRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) {
      assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
      assert.equal(normalizeRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `), code);
    }
  });
  test("temporary passwords pass the rules", () => {
    for (let i = 0; i < 5; i++) assert.equal(checkNewPassword(generateTemporaryPassword()), null);
  });
});
