/**
 * Failed sign-ins slow down further attempts per account and per client address (HTTP 429 with a
 * translated message and Retry-After, even for the right password), except from a browser that
 * signed in to the account before: strangers' guesses cannot lock the owner out.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { THROTTLE_RULES } from "../../src/auth/throttle.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { cookieFrom, ensureAccount, postForm, TEST_PASSWORD } from "../support/auth.ts";

const perAccount = THROTTLE_RULES.account.free;
const perAddress = THROTTLE_RULES.address.free;

for (const dialect of testDialects()) {
  describe(`sign-in rate limits (${dialect})`, () => {
    describe("per account (TRUST_PROXY=1, so each attempt comes from its own address)", () => {
      let t: Awaited<ReturnType<typeof makeTestApp>>;
      before(async () => {
        t = await makeTestApp({ dialect, starter: false, env: { TRUST_PROXY: "1" } });
        await ensureAccount(t, "editor", "target@skillshelf.test");
        await ensureAccount(t, "editor", "bystander@skillshelf.test");
      });
      after(() => t?.close());

      const attempt = (lang: string, email: string, password: string, address: string) =>
        t.app.request(
          `/${lang}/sign-in`,
          postForm(t, { email, password }, undefined, { "x-forwarded-for": `203.0.113.99, ${address}` }),
        );

      test(`after ${perAccount} failures the account gets 429 from any address, even with the right password`, async () => {
        // The owner signed in from this browser before the guessing began.
        const owner = await attempt("en", "target@skillshelf.test", TEST_PASSWORD, "198.51.100.250");
        assert.equal(owner.status, 303);
        const ownerBrowser = cookieFrom(owner)
          .split("; ")
          .filter((pair) => pair.startsWith("skillshelf.known_device="))
          .join("; ");
        assert.ok(ownerBrowser, "a successful sign-in marks the browser as known for the account");
        for (let i = 0; i < perAccount; i++) {
          assert.equal(
            (await attempt("en", "target@skillshelf.test", `wrong guess number ${i}`, `198.51.100.${i}`)).status,
            400,
          );
        }
        const blocked = await attempt("fr", "TARGET@skillshelf.test", TEST_PASSWORD, "198.51.100.200");
        assert.equal(blocked.status, 429);
        assert.equal(blocked.headers.getSetCookie().length, 0);
        assert.ok(Number(blocked.headers.get("retry-after")) > 0);
        const html = await blocked.text();
        assert.match(html, /role="alert"/);
        assert.match(html, /Trop de tentatives de connexion ont échoué\. Attendez \d+ minutes? avant de réessayer\./);
        const english = await (await attempt("en", "target@skillshelf.test", TEST_PASSWORD, "198.51.100.201")).text();
        assert.match(english, /Too many failed sign-in attempts\. Wait \d+ minutes? before trying again\./);

        // Meanwhile the owner's own browser signs in: the strangers' failures are not counted against it.
        const back = await t.app.request(
          "/en/sign-in",
          postForm(t, { email: "target@skillshelf.test", password: TEST_PASSWORD }, ownerBrowser, {
            "x-forwarded-for": "203.0.113.99, 198.51.100.250",
          }),
        );
        assert.equal(back.status, 303);
        // A cookie made up for the account does not pass as known.
        const forged = await t.app.request(
          "/en/sign-in",
          postForm(
            t,
            { email: "target@skillshelf.test", password: TEST_PASSWORD },
            "skillshelf.known_device=AAAAAAAAAAAAAAAAAAAAAA.forged",
            { "x-forwarded-for": "203.0.113.99, 198.51.100.251" },
          ),
        );
        assert.equal(forged.status, 429);
      });

      test("other accounts are not affected", async () => {
        assert.equal((await attempt("en", "bystander@skillshelf.test", TEST_PASSWORD, "198.51.100.1")).status, 303);
      });
    });

    describe("per client address", () => {
      let t: Awaited<ReturnType<typeof makeTestApp>>;
      before(async () => {
        // No TRUST_PROXY: X-Forwarded-For is the client's own claim and is ignored.
        t = await makeTestApp({ dialect, starter: false });
        await ensureAccount(t, "editor", "real@skillshelf.test");
      });
      after(() => t?.close());

      test(`after ${perAddress} failures on any accounts, the address gets 429 (X-Forwarded-For cannot dodge it)`, async () => {
        for (let i = 0; i < perAddress; i++) {
          const response = await t.app.request(
            "/en/sign-in",
            postForm(t, { email: `guess${i}@skillshelf.test`, password: "some password guess" }, undefined, {
              "x-forwarded-for": `192.0.2.${i}`,
            }),
          );
          assert.equal(response.status, 400, `attempt ${i + 1}`);
        }
        const blocked = await t.app.request(
          "/en/sign-in",
          postForm(t, { email: "real@skillshelf.test", password: TEST_PASSWORD }, undefined, {
            "x-forwarded-for": "192.0.2.250",
          }),
        );
        assert.equal(blocked.status, 429);
        assert.match(await blocked.text(), /Too many failed sign-in attempts/);
      });
    });
  });
}
