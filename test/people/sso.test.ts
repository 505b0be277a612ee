/**
 * Single sign-on per organisation (issue 13, access) against a real OpenID provider started here
 * (oidc-provider: authorization code + PKCE S256): an administrator sets the provider up (client
 * secret stored encrypted); a person of the organisation signs in through it and lands on their
 * organisation's page with a session; an address that is no one's in the organisation is refused,
 * logged, and gets no account; a replayed callback does nothing.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { createAccount, findUserByEmail } from "../../src/auth/accounts.ts";
import { acceptInvitation, issueInvitation } from "../../src/people/invitations/store.ts";
import { accountForSsoIdentity } from "../../src/people/sso/link.ts";
import { openSecret, sealSecret } from "../../src/people/sso/secret-box.ts";
import { parseDomains, saveSsoSettings } from "../../src/people/sso/store.ts";
import { findPerson } from "../../src/people/staff/store.ts";
import { makeTestApp, TEST_AUTH_SECRET, testDialects } from "../support/app.ts";
import { cookieFrom, ensureAccount, postForm, signInAs } from "../support/auth.ts";
import { runs } from "../support/fast-check-seed.ts";
import { signInThrough, startOidcProvider, type TestOidcProvider } from "../support/oidc.ts";
import { eightAtOnce, ROUNDS } from "../support/parallel.ts";
import { insertOrganisation } from "../support/people.ts";
import { insertPerson } from "../support/people-world.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
const BASE_URL = "http://localhost:3000";
const REDIRECT_URI = `${BASE_URL}/sso/callback`;
const now = () => new Date().toISOString();

async function seed(t: TestApp) {
  const organisation = async (slug: string) => {
    const id = randomUUID();
    await t.db
      .insertInto("organisations")
      .values({
        id,
        slug,
        name_en: `${slug} library`,
        name_fr: `Bibliothèque ${slug}`,
        default_lang: "en",
        retention_left_months: null,
        retention_assessment_years: null,
        privacy_notice_en: null,
        privacy_notice_fr: null,
        settings: "{}",
        created_at: now(),
        updated_at: now(),
      })
      .execute();
    return id;
  };
  const north = await organisation("north");
  const south = await organisation("south");
  const person = async (organisationId: string, number: string, email: string, status = "active") => {
    const id = randomUUID();
    await t.db
      .insertInto("people")
      .values({
        id,
        organisation_id: organisationId,
        given_name: "Given",
        family_name: number,
        preferred_name: null,
        email,
        employee_number: number,
        unit_id: null,
        manager_id: null,
        status,
        status_since: null,
        preferred_lang: "en",
        user_id: null,
        created_at: now(),
        updated_at: now(),
      })
      .execute();
    return id;
  };
  const admin = await ensureAccount(t, "editor", "hr@north.example", "HR North");
  await t.db
    .insertInto("organisation_roles")
    .values({ organisation_id: north, user_id: admin, role: "administrator", granted_at: now(), granted_by: null })
    .execute();
  const southAdmin = await ensureAccount(t, "editor", "hr@south.example", "HR South");
  await t.db
    .insertInto("organisation_roles")
    .values({ organisation_id: south, user_id: southAdmin, role: "administrator", granted_at: now(), granted_by: null })
    .execute();
  return {
    north,
    south,
    amelie: await person(north, "N1", "amelie@north.example"),
    gone: await person(north, "N2", "gone@north.example", "left"),
    sue: await person(south, "S1", "sue@north.example"),
  };
}

for (const dialect of testDialects()) {
  describe(`single sign-on through a real OpenID provider (${dialect})`, () => {
    let t: TestApp;
    let idp: TestOidcProvider;
    let s: Awaited<ReturnType<typeof seed>>;
    let hr: string;
    before(async () => {
      idp = await startOidcProvider({ redirectUri: REDIRECT_URI });
      t = await makeTestApp({ dialect, starter: false, env: { BASE_URL } });
      s = await seed(t);
      hr = await signInAs(t, "editor", { email: "hr@north.example" });
    });
    after(async () => {
      await t?.close();
      await idp?.close();
    });

    /** Starts at the sign-in entry, signs in at the provider as `login`, and comes back to the app. */
    async function signInWithLibraryAccount(email: string, login = email) {
      const start = await t.app.request("/en/sign-in/sso", postForm(t, { email }));
      assert.equal(start.status, 200, "a page on the way to the provider");
      const refresh = /^0; url=(.+)$/.exec(start.headers.get("refresh") ?? "")?.[1];
      const link = /<a[^>]*href="([^"]+)"[^>]*data-sso-continue/.exec(await start.text())?.[1]?.replace(/&amp;/g, "&");
      assert.ok(refresh && link === refresh, "moves on by itself, with the same link to follow");
      const authorization = new URL(refresh);
      assert.equal(authorization.origin, idp.issuer);
      assert.equal(authorization.searchParams.get("code_challenge_method"), "S256");
      assert.ok(authorization.searchParams.get("code_challenge"));
      assert.equal(authorization.searchParams.get("redirect_uri"), REDIRECT_URI);
      const back = await signInThrough(authorization.toString(), login, REDIRECT_URI);
      assert.ok(back.searchParams.get("code"), `the provider gave a code: ${back}`);
      const path = `${back.pathname}${back.search}`;
      return { path, response: await t.app.request(path) };
    }

    test("an administrator sets the provider up; the client secret is stored encrypted and never shown", async () => {
      const invalid = await t.app.request(
        "/en/orgs/north/sso",
        postForm(t, { issuer: "not a url", clientId: "", clientSecret: "", domains: "north", enabled: "on" }, hr),
      );
      assert.equal(invalid.status, 400);
      const html = await invalid.text();
      for (const name of ["issuer", "clientId", "domains"])
        assert.match(html, new RegExp(`name="${name}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="${name}"`));
      const saved = await t.app.request(
        "/en/orgs/north/sso",
        postForm(
          t,
          {
            issuer: idp.issuer,
            clientId: idp.clientId,
            clientSecret: idp.clientSecret,
            domains: "North.example",
            enabled: "on",
          },
          hr,
        ),
      );
      assert.equal(saved.status, 303);
      const row = await t.db.selectFrom("organisation_sso").selectAll().executeTakeFirstOrThrow();
      assert.notEqual(row.client_secret, idp.clientSecret);
      assert.equal(row.client_secret.includes(idp.clientSecret), false);
      assert.deepEqual(JSON.parse(row.email_domains), ["north.example"]);
      const page = await t.app.request("/fr/orgs/north/sso", { headers: { cookie: hr } });
      assert.equal(page.status, 200);
      assert.match(page.headers.get("cache-control") ?? "", /no-store/);
      const text = await page.text();
      assert.match(text, /Authentification unique/);
      assert.match(text, /http:\/\/localhost:3000\/sso\/callback/);
      assert.equal(text.includes(idp.clientSecret), false);
    });

    test("only the organisation's administrators reach its settings", async () => {
      const southHr = await signInAs(t, "editor", { email: "hr@south.example" });
      assert.equal((await t.app.request("/en/orgs/north/sso", { headers: { cookie: southHr } })).status, 404);
      const other = await signInAs(t, "editor", { email: "someone@else.example" });
      assert.equal((await t.app.request("/en/orgs/north/sso", { headers: { cookie: other } })).status, 404);
      const posted = await t.app.request(
        "/en/orgs/north/sso",
        postForm(
          t,
          { issuer: "https://evil.example", clientId: "x", clientSecret: "y", domains: "north.example" },
          southHr,
        ),
      );
      assert.equal(posted.status, 404);
      const row = await t.db.selectFrom("organisation_sso").select("issuer").executeTakeFirstOrThrow();
      assert.equal(row.issuer, idp.issuer);
    });

    test("a person of the organisation signs in with the library's account and lands on its page", async () => {
      const { path, response } = await signInWithLibraryAccount("amelie@north.example");
      assert.equal(response.status, 303);
      assert.equal(response.headers.get("location"), "/en/orgs/north");
      const cookie = cookieFrom(response);
      assert.match(cookie, /session_token=/);
      const account = await t.app.request("/en/account", { headers: { cookie } });
      assert.equal(account.status, 200, "the session works");
      assert.match(await account.text(), /amelie@north\.example/);
      const user = await findUserByEmail(t.db, "amelie@north.example");
      assert.equal(user?.role, "member");
      assert.equal(user?.hasPassword, false);
      const person = await t.db.selectFrom("people").select("user_id").where("id", "=", s.amelie).executeTakeFirst();
      assert.equal(person?.user_id, user?.id);
      // The callback works once.
      const replay = await t.app.request(path);
      assert.equal(replay.status, 400);
      assert.equal(cookieFrom(replay).includes("session_token="), false);
      // A second sign-in finds the same account.
      const again = await signInWithLibraryAccount("amelie@north.example");
      assert.equal(again.response.status, 303);
      assert.equal(
        (await t.db.selectFrom("users").select("id").where("email", "=", "amelie@north.example").execute()).length,
        1,
      );
    });

    test("an address that is no one's in the organisation is refused, logged, and gets no account", async () => {
      for (const email of ["stranger@north.example", "gone@north.example", "sue@north.example"]) {
        const { response } = await signInWithLibraryAccount(email);
        assert.equal(response.status, 403, email);
        const html = await response.text();
        assert.match(html, /is not one of this organisation(&#39;|')s people/);
        assert.equal(cookieFrom(response).includes("session_token="), false);
        assert.equal(await findUserByEmail(t.db, email), undefined, `no account for ${email}`);
        const event = await t.db
          .selectFrom("security_events")
          .select(["kind", "detail"])
          .where("subject_label", "=", email)
          .executeTakeFirst();
        assert.equal(event?.kind, "sign_in.failed");
        assert.match(event?.detail ?? "", /single sign-on/);
      }
    });

    test("an invitation's page offers the organisation's single sign-on, which starts at its provider", async () => {
      const person = await t.db.selectFrom("people").selectAll().where("id", "=", s.amelie).executeTakeFirstOrThrow();
      const admin = await findUserByEmail(t.db, "hr@north.example");
      assert.ok(admin);
      const issued = await issueInvitation(t.db, {
        organisationId: s.north,
        person: { ...person, user_id: null, email: "new.person@north.example" },
        invitedBy: { id: admin.id, email: admin.email, name: admin.name, role: admin.role },
      });
      // An open invitation needs a person without an account: Amélie's is unlinked again for this.
      await t.db.updateTable("people").set({ user_id: null }).where("id", "=", s.amelie).execute();
      const page = await t.app.request(`/en/orgs/north/invitations/accept/${issued.token}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /href="\/en\/orgs\/north\/sso\/start"/);
      const start = await t.app.request("/en/orgs/north/sso/start");
      assert.equal(start.status, 303);
      assert.equal(new URL(start.headers.get("location") ?? "").origin, idp.issuer);
      // South has no single sign-on: nothing to start.
      assert.equal((await t.app.request("/en/orgs/south/sso/start")).status, 404);
    });

    test("an address whose domain no organisation claims is told to use its password", async () => {
      const response = await t.app.request("/en/sign-in/sso", postForm(t, { email: "x@elsewhere.example" }));
      assert.equal(response.status, 400);
      assert.match(await response.text(), /No library uses single sign-on for this address/);
    });

    test("a forged or stale callback is refused without a session", async () => {
      for (const query of ["", "?code=abc", "?code=abc&state=x", `?code=abc&state=${"a".repeat(43)}`]) {
        const response = await t.app.request(`/sso/callback${query}`);
        assert.equal(response.status, 400, query);
        assert.equal(cookieFrom(response).includes("session_token="), false);
      }
    });

    // Parallel requests meet unique constraints on PostgreSQL (test/db/unique-violation.test.ts).
    test("eight sign-ins of one new person at once make one account, linked to them, and all get in", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const email = `at-once-${round}@north.example`;
        const person = await insertPerson(t.db, s.north, { given: "Ida", family: "Roy", email, number: `R${round}` });
        const matches = await eightAtOnce(round, () => accountForSsoIdentity(t.db, s.north, { email }));
        const users = await t.db.selectFrom("users").select("id").where("email", "=", email).execute();
        assert.equal(users.length, 1);
        const who = matches.map((m) => (m.ok ? [m.userId, m.personId] : m.reason));
        assert.deepEqual(who, Array(8).fill([users[0].id, person]), `round ${round}`);
        assert.equal(matches.filter((m) => m.ok && m.created).length, 1, `round ${round}`);
      }
    });

    test("signing in while the same account accepts other people's invitations links it to one person", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const email = `twice-${round}@north.example`;
        const user = await createAccount(t.db, { email, role: "member" });
        const actor = { id: user.id, email, name: null, role: "member" as const };
        await insertPerson(t.db, s.north, { given: "Jo", family: "Roy", email, number: `T${round}` });
        const tokens: string[] = [];
        for (let i = 1; i < 8; i++) {
          const other = { given: "Jo", family: `${i}`, email: `jo-${round}-${i}@x.example`, number: `T${round}.${i}` };
          const person = await findPerson(t.db, s.north, await insertPerson(t.db, s.north, other));
          if (!person) throw new Error("the person was not written");
          const invitation = await issueInvitation(t.db, { organisationId: s.north, person, invitedBy: actor });
          tokens.push(invitation.token);
        }
        await eightAtOnce<unknown>(round, (i) =>
          i === 0
            ? accountForSsoIdentity(t.db, s.north, { email })
            : acceptInvitation(t.db, { organisationId: s.north, token: tokens[i - 1], user: actor }),
        );
        const linked = await t.db.selectFrom("people").select("id").where("user_id", "=", user.id).execute();
        assert.equal(linked.length, 1, `round ${round}`);
      }
    });

    test("eight first saves of an organisation's provider at once all answer; one is kept", async () => {
      const settings = { issuer: idp.issuer, clientId: "client", clientSecret: "", emailDomains: [], enabled: false };
      const hrUser = await findUserByEmail(t.db, "hr@north.example");
      const actor = { id: hrUser?.id ?? "", email: "hr@north.example", name: null, role: "editor" as const };
      for (let round = 1; round <= ROUNDS; round++) {
        const organisationId = await insertOrganisation(t.db, `provider-${round}`);
        await eightAtOnce(round, (i) =>
          saveSsoSettings(t.db, {
            organisationId,
            settings: { ...settings, clientId: `client-${i}` },
            actor,
            authSecret: TEST_AUTH_SECRET,
          }),
        );
        const rows = await t.db
          .selectFrom("organisation_sso")
          .select("client_id")
          .where("organisation_id", "=", organisationId)
          .execute();
        assert.equal(rows.length, 1);
      }
    });
  });
}

describe("the client secret's box", () => {
  test("opens what it sealed, only for the same organisation and auth secret", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.uuid(), fc.uuid(), (secret, org, other) => {
        const key = "an-auth-secret-of-at-least-32-characters";
        const sealed = sealSecret(key, org, secret);
        assert.equal(openSecret(key, org, sealed), secret);
        if (other !== org) assert.equal(openSecret(key, other, sealed), undefined);
        assert.equal(openSecret(`${key}!`, org, sealed), undefined);
      }),
      { numRuns: runs(50) },
    );
  });

  test("e-mail domains: lists are read leniently, anything not a domain is refused", () => {
    assert.deepEqual(parseDomains("Library.example, @branch.example\nlibrary.example"), [
      "library.example",
      "branch.example",
    ]);
    for (const bad of ["", "library", "http://library.example", "a@b.example", "library..example"])
      assert.equal(parseDomains(bad), undefined, bad);
  });
});
