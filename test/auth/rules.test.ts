/** Pure pieces of the accounts capability: password rules, the sliding-window limiter, safe redirects, secrets. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkNewPassword } from "../../src/auth/password-rules.ts";
import { SignInLimiter, SlidingWindowCounter } from "../../src/auth/rate-limit.ts";
import { generateTemporaryPassword, hashToken, isWellFormedToken, newInvitationToken } from "../../src/auth/secrets.ts";
import { safeNext } from "../../src/auth/urls.ts";

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
    assert.equal(checkNewPassword("margueritetremblay", ["marguerite.tremblay@biblio.example"]), "tooCommon");
    assert.equal(checkNewPassword("margueritetremblay"), null, "the same words are fine for someone else");
  });

  test("long, unrelated words pass, accents and all", () => {
    assert.equal(checkNewPassword("amber kettle orbit meadow 42"), null);
    assert.equal(checkNewPassword("érable pingouin tambour vélo"), null);
  });
});

describe("sliding-window limiter", () => {
  test("allows `limit` hits in the window, then waits until the oldest leaves it", () => {
    let now = 1_000_000;
    const counter = new SlidingWindowCounter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(counter.retryAfterMs("k"), 0);
      counter.record("k");
      now += 10_000;
    }
    // Hits at 0 s, 10 s, 20 s; now 30 s: the first leaves the window at 60 s.
    assert.equal(counter.retryAfterMs("k"), 30_000);
    now += 30_001;
    assert.equal(counter.retryAfterMs("k"), 0);
    assert.equal(counter.retryAfterMs("other"), 0, "keys are counted apart");
  });

  test("per account and per address: either one blocks; a success clears only the account", () => {
    let now = 0;
    const limiter = new SignInLimiter({ perAccount: 2, perAddress: 3, windowMs: 1000 }, () => now);
    limiter.recordFailure("Ann@Example.org", "10.0.0.1");
    limiter.recordFailure("ann@example.org", "10.0.0.2");
    assert.ok(
      limiter.retryAfterMs("ANN@example.org", "10.0.0.3") > 0,
      "the account is blocked from any address, any case",
    );
    assert.equal(limiter.retryAfterMs("bob@example.org", "10.0.0.1"), 0);
    limiter.recordFailure("bob@example.org", "10.0.0.1");
    limiter.recordFailure("cy@example.org", "10.0.0.1");
    assert.ok(limiter.retryAfterMs("dee@example.org", "10.0.0.1") > 0, "the address is blocked for any account");
    limiter.recordSuccess("ann@example.org");
    assert.equal(limiter.retryAfterMs("ann@example.org", "10.0.0.9"), 0);
    now += 1001;
    assert.equal(limiter.retryAfterMs("dee@example.org", "10.0.0.1"), 0, "the window slides");
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
  test("temporary passwords pass the rules", () => {
    for (let i = 0; i < 5; i++) assert.equal(checkNewPassword(generateTemporaryPassword()), null);
  });
});
