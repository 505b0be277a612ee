/**
 * Invitations of an organisation's people (issue 13, access): an administrator invites a person; the
 * e-mail goes through a real SMTP server, in the PERSON's language, with a link that works once;
 * accepting creates a `member` account (or uses the invited address's own), links it to the person,
 * signs in and lands in the organisation. Without SMTP the link is shown to copy and the message is
 * in the log. Refusals follow the organisation policy (decision 024). On SQLite and PGlite.
 */
import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import pino from "pino";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import { findOpenInvitation, issueInvitation } from "../../src/people/invitations/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { cookieFrom, ensureAccount, postForm, signInAs } from "../support/auth.ts";
import { runs } from "../support/fast-check-seed.ts";
import { header, startSmtpServer, type TestSmtpServer, textBody } from "../support/smtp.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
const NEW_PASSWORD = "velvet harbour lantern quartz 7";
const now = () => new Date().toISOString();

/** Two organisations, inserted directly (this test is about invitations, not the stores). */
async function seed(t: TestApp) {
  const db = t.db;
  const org = async (slug: string, en: string, fr: string) => {
    const id = randomUUID();
    await db
      .insertInto("organisations")
      .values({
        id,
        slug,
        name_en: en,
        name_fr: fr,
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
  const north = await org("north", "North Library", "Bibliothèque du Nord");
  const south = await org("south", "South Library", "Bibliothèque du Sud");
  const person = async (
    organisationId: string,
    number: string,
    fields: {
      given: string;
      family: string;
      email: string | null;
      lang: "en" | "fr";
      status?: string;
      userId?: string;
    },
  ) => {
    const id = randomUUID();
    await db
      .insertInto("people")
      .values({
        id,
        organisation_id: organisationId,
        given_name: fields.given,
        family_name: fields.family,
        preferred_name: null,
        email: fields.email,
        employee_number: number,
        unit_id: null,
        manager_id: null,
        status: fields.status ?? "active",
        status_since: null,
        preferred_lang: fields.lang,
        user_id: fields.userId ?? null,
        created_at: now(),
        updated_at: now(),
      })
      .execute();
    return id;
  };
  const hrNorth = await ensureAccount(t, "editor", "hr@north.example", "Harriet Rowe");
  await db
    .insertInto("organisation_roles")
    .values({ organisation_id: north, user_id: hrNorth, role: "administrator", granted_at: now(), granted_by: null })
    .execute();
  const hrSouth = await ensureAccount(t, "editor", "hr@south.example", "Sam South");
  await db
    .insertInto("organisation_roles")
    .values({ organisation_id: south, user_id: hrSouth, role: "administrator", granted_at: now(), granted_by: null })
    .execute();
  const staffAccount = await ensureAccount(t, "member", "staff@north.example", "Stan Staff");
  return {
    north,
    south,
    amelie: await person(north, "N1", { given: "Amélie", family: "Côté", email: "amelie@north.example", lang: "fr" }),
    ben: await person(north, "N2", { given: "Ben", family: "Okafor", email: "ben@north.example", lang: "en" }),
    noEmail: await person(north, "N3", { given: "Noé", family: "Sansmail", email: null, lang: "fr" }),
    left: await person(north, "N4", {
      given: "Lou",
      family: "Parti",
      email: "lou@north.example",
      lang: "en",
      status: "left",
    }),
    staff: await person(north, "N5", {
      given: "Stan",
      family: "Staff",
      email: "staff@north.example",
      lang: "en",
      userId: staffAccount,
    }),
    southPerson: await person(south, "S1", { given: "Sue", family: "Sud", email: "sue@south.example", lang: "en" }),
  };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

/** North's administrator as an actor (for invitations issued by the store directly). */
async function hrActor(t: TestApp) {
  const user = await findUserByEmail(t.db, "hr@north.example");
  assert.ok(user);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const signInWith = async (t: TestApp, email: string) => signInAs(t, "editor", { email });

/** The invitation link a received message carries. */
function linkIn(body: string): string {
  const match = /https?:\/\/\S+\/invitations\/accept\/[A-Za-z0-9_-]{43}/.exec(body);
  assert.ok(match, `a link in:\n${body}`);
  return match[0];
}

for (const dialect of testDialects()) {
  describe(`invitations through SMTP (${dialect})`, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let s: Seeded;
    let hr: string;
    before(async () => {
      smtp = await startSmtpServer();
      t = await makeTestApp({
        dialect,
        starter: false,
        env: { SMTP_URL: smtp.url, BASE_URL: "https://skills.example" },
      });
      s = await seed(t);
      hr = await signInWith(t, "hr@north.example");
    });
    after(async () => {
      await t?.close();
      await smtp?.close();
    });

    test("the invite page shows who is invited and in which language, privately, and is access-logged", async () => {
      const response = await t.app.request(`/en/orgs/north/invitations/new?person=${s.amelie}`, {
        headers: { cookie: hr },
      });
      assert.equal(response.status, 200);
      assert.match(response.headers.get("cache-control") ?? "", /no-store/);
      const html = await response.text();
      assert.match(html, /<html lang="en/);
      assert.equal(html.match(/<h1/g)?.length, 1);
      assert.match(html, /Invite Amélie Côté to sign in/);
      assert.match(html, /amelie@north\.example/);
      assert.match(html, /French/);
      const logged = await t.db
        .selectFrom("access_log")
        .select(["person_id", "what"])
        .where("person_id", "=", s.amelie)
        .execute();
      assert.deepEqual(logged, [{ person_id: s.amelie, what: "record" }]);
    });

    test("the French page of the same person is in French", async () => {
      const response = await t.app.request(`/fr/orgs/north/invitations/new?person=${s.ben}`, {
        headers: { cookie: hr },
      });
      const html = await response.text();
      assert.match(html, /<html lang="fr/);
      assert.match(html, /Inviter Ben Okafor à se connecter/);
      assert.match(html, /anglais/);
    });

    test("sending mails the person, in THEIR language, a link to their organisation that works once", async () => {
      const before = smtp.received.length;
      // The administrator works in English; Amélie prefers French.
      const response = await t.app.request("/en/orgs/north/invitations", postForm(t, { person: s.amelie }, hr));
      assert.equal(response.status, 200);
      assert.match(await response.text(), /The invitation was sent to amelie@north\.example/);
      assert.equal(smtp.received.length, before + 1);
      const mail = smtp.received.at(-1);
      assert.ok(mail);
      assert.deepEqual(mail.to, ["amelie@north.example"]);
      assert.equal(header(mail.raw, "Content-Language"), "fr");
      assert.match(header(mail.raw, "Subject") ?? "", /Bibliothèque du Nord/);
      const body = textBody(mail.raw);
      assert.match(body, /^Bonjour Amélie Côté,/);
      assert.match(body, /Harriet Rowe vous invite/);
      const link = linkIn(body);
      assert.match(link, /^https:\/\/skills\.example\/fr\/orgs\/north\/invitations\/accept\//);
      // Only the token's hash is stored.
      const token = link.split("/").at(-1) as string;
      const stored = await t.db
        .selectFrom("person_invitations")
        .selectAll()
        .where("person_id", "=", s.amelie)
        .execute();
      assert.equal(stored.length, 1);
      assert.equal(stored[0].token_hash, createHash("sha256").update(token).digest("hex"));
      assert.equal(JSON.stringify(stored).includes(token), false);
      assert.equal(stored[0].lang, "fr");

      // Accepting: the French page offers to choose a password.
      const path = new URL(link).pathname;
      const page = await t.app.request(path);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<html lang="fr/);
      assert.match(html, /Rejoindre Bibliothèque du Nord dans Skillshelf/);
      assert.match(html, /name="password"/);

      // A weak password is refused, naming the field; nothing is created.
      const weak = await t.app.request(path, postForm(t, { password: "short", confirm: "short" }));
      assert.equal(weak.status, 400);
      assert.match(await weak.text(), /aria-invalid="true"/);
      assert.equal(await findUserByEmail(t.db, "amelie@north.example"), undefined);

      const accepted = await t.app.request(path, postForm(t, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
      assert.equal(accepted.status, 303);
      assert.equal(accepted.headers.get("location"), "/fr/orgs/north");
      const cookie = cookieFrom(accepted);
      assert.match(cookie, /session_token=/);
      const account = await findUserByEmail(t.db, "amelie@north.example");
      assert.ok(account);
      assert.equal(account.role, "member", "an invited person is no editor");
      const person = await t.db.selectFrom("people").select("user_id").where("id", "=", s.amelie).executeTakeFirst();
      assert.equal(person?.user_id, account.id);
      const change = await t.db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("subject_id", "=", s.amelie)
        .executeTakeFirst();
      assert.equal(change?.actor_id, account.id);
      assert.equal(change?.action, "update");

      // Signed in as a member: the editor is not theirs.
      const editor = await t.app.request("/fr/editor", { headers: { cookie } });
      assert.equal(editor.status, 403);
      // The link is used up.
      assert.equal((await t.app.request(path)).status, 404);
      const again = await t.app.request(path, postForm(t, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
      assert.equal(again.status, 404);
      // And she can sign in with her password.
      const signIn = await t.app.request(
        "/fr/sign-in",
        postForm(t, { email: "amelie@north.example", password: NEW_PASSWORD }),
      );
      assert.equal(signIn.status, 303, "the chosen password signs in");
    });

    test("a new invitation replaces the previous link; an English person gets English", async () => {
      await t.app.request("/en/orgs/north/invitations", postForm(t, { person: s.ben }, hr));
      const first = linkIn(textBody(smtp.received.at(-1)?.raw ?? ""));
      await t.app.request("/fr/orgs/north/invitations", postForm(t, { person: s.ben }, hr));
      const mail = smtp.received.at(-1);
      assert.ok(mail);
      assert.equal(header(mail.raw, "Content-Language"), "en");
      assert.equal(header(mail.raw, "Subject"), "Your invitation to North Library on Skillshelf");
      const second = linkIn(textBody(mail.raw));
      assert.match(second, /\/en\/orgs\/north\//);
      assert.notEqual(first, second);
      assert.equal((await t.app.request(new URL(first).pathname)).status, 404);
      assert.equal((await t.app.request(new URL(second).pathname)).status, 200);
    });

    test("parallel acceptances of one link: exactly one account, one person linked", async () => {
      await t.app.request("/en/orgs/north/invitations", postForm(t, { person: s.ben }, hr));
      const path = new URL(linkIn(textBody(smtp.received.at(-1)?.raw ?? ""))).pathname;
      const answers = await Promise.all(
        [1, 2, 3].map(() => t.app.request(path, postForm(t, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }))),
      );
      const statuses = answers.map((a) => a.status).sort();
      assert.equal(statuses.filter((status) => status === 303).length, 1, `statuses ${statuses}`);
      for (const status of statuses) assert.ok(status === 303 || status === 404 || status === 409, `status ${status}`);
      const users = await t.db.selectFrom("users").select("id").where("email", "=", "ben@north.example").execute();
      assert.equal(users.length, 1);
      const ben = await t.db.selectFrom("people").select("user_id").where("id", "=", s.ben).executeTakeFirst();
      assert.equal(ben?.user_id, users[0].id);
    });

    test("someone without an e-mail address, who has left, or who has an account cannot be invited", async () => {
      const before = smtp.received.length;
      for (const [person, message] of [
        [s.noEmail, /has no e-mail address/],
        [s.left, /has left the organisation/],
        [s.staff, /already signs in/],
      ] as const) {
        const page = await t.app.request(`/en/orgs/north/invitations/new?person=${person}`, {
          headers: { cookie: hr },
        });
        const html = await page.text();
        assert.match(html, message);
        assert.doesNotMatch(html, /Send the invitation/);
        const post = await t.app.request("/en/orgs/north/invitations", postForm(t, { person }, hr));
        assert.equal(post.status, 409);
      }
      assert.equal(smtp.received.length, before, "no message sent");
    });

    test("an existing account with the invited address joins by signing in, then accepting", async () => {
      const southHr = await signInWith(t, "hr@south.example");
      // Sue already has an account (say, from another organisation).
      await ensureAccount(t, "member", "sue@south.example", "Sue Sud");
      await t.app.request("/en/orgs/south/invitations", postForm(t, { person: s.southPerson }, southHr));
      const path = new URL(linkIn(textBody(smtp.received.at(-1)?.raw ?? ""))).pathname;
      const anonymous = await t.app.request(path);
      const html = await anonymous.text();
      assert.match(html, /already exists/);
      assert.match(
        html,
        new RegExp(`/en/sign-in\\?next=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
      );
      assert.doesNotMatch(html, /name="password"/);
      // Creating a second account with that address is refused.
      const post = await t.app.request(path, postForm(t, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
      assert.equal(post.status, 409);
      // Another signed-in account is told it is not the invited one, and cannot use the link.
      const other = await t.app.request(path, postForm(t, {}, hr));
      assert.equal(other.status, 403);
      const sue = await signInWith(t, "sue@south.example");
      const join = await t.app.request(path, postForm(t, {}, sue));
      assert.equal(join.status, 303);
      assert.equal(join.headers.get("location"), "/en/orgs/south");
      const person = await t.db
        .selectFrom("people")
        .select("user_id")
        .where("id", "=", s.southPerson)
        .executeTakeFirst();
      assert.equal(person?.user_id, (await findUserByEmail(t.db, "sue@south.example"))?.id);
    });

    test("only the organisation's administrators invite; other organisations' people are unknown here", async () => {
      const staff = await signInWith(t, "staff@north.example");
      const southHr = await signInWith(t, "hr@south.example");
      // A member of the organisation who is not its administrator: 403.
      assert.equal(
        (await t.app.request(`/en/orgs/north/invitations/new?person=${s.ben}`, { headers: { cookie: staff } })).status,
        403,
      );
      assert.equal(
        (await t.app.request("/en/orgs/north/invitations", postForm(t, { person: s.ben }, staff))).status,
        403,
      );
      // The other organisation's administrator has no standing here: 404, as for an unknown organisation.
      const foreign = await t.app.request(`/en/orgs/north/invitations/new?person=${s.ben}`, {
        headers: { cookie: southHr },
      });
      assert.equal(foreign.status, 404);
      assert.doesNotMatch(await foreign.text(), /Okafor|ben@north/);
      // North's administrator cannot reach South's person through North's pages.
      assert.equal(
        (await t.app.request(`/en/orgs/north/invitations/new?person=${s.southPerson}`, { headers: { cookie: hr } }))
          .status,
        404,
      );
      const sent = smtp.received.length;
      assert.equal(
        (await t.app.request("/en/orgs/north/invitations", postForm(t, { person: s.southPerson }, hr))).status,
        404,
      );
      assert.equal(smtp.received.length, sent);
      // Anonymous: asked to sign in, nothing else.
      const anonymous = await t.app.request(`/en/orgs/north/invitations/new?person=${s.ben}`);
      assert.ok([302, 303, 401].includes(anonymous.status), `status ${anonymous.status}`);
      assert.doesNotMatch(await anonymous.text(), /Okafor/);
    });

    test("a North link opened under South's address does not work", async () => {
      const issued = await issueInvitation(t.db, {
        organisationId: s.north,
        person: await t.db
          .selectFrom("people")
          .selectAll()
          .where("id", "=", s.noEmail)
          .executeTakeFirstOrThrow()
          .then((p) => ({ ...p, email: "noe@north.example" })),
        invitedBy: await hrActor(t),
      });
      assert.equal((await t.app.request(`/en/orgs/south/invitations/accept/${issued.token}`)).status, 404);
    });

    test("any token that is not a current one answers 404, never an error", async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }), async (token) => {
          const path = `/en/orgs/north/invitations/accept/${encodeURIComponent(token)}`;
          const get = await t.app.request(path);
          assert.ok(get.status === 404, `GET ${JSON.stringify(token)} → ${get.status}`);
          const post = await t.app.request(path, postForm(t, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
          assert.ok(post.status === 404, `POST ${JSON.stringify(token)} → ${post.status}`);
        }),
        { numRuns: runs(25) },
      );
    });

    test("an invitation past its expiry opens nothing", async () => {
      const person = await t.db.selectFrom("people").selectAll().where("id", "=", s.noEmail).executeTakeFirstOrThrow();
      const issuedAt = new Date("2030-01-01T00:00:00.000Z");
      const issued = await issueInvitation(t.db, {
        organisationId: s.north,
        person: { ...person, email: "noe@north.example" },
        invitedBy: await hrActor(t),
        now: issuedAt,
      });
      const open = (at: string) => findOpenInvitation(t.db, s.north, issued.token, new Date(at));
      assert.ok(await open("2030-01-07T23:59:00.000Z"));
      assert.equal(await open("2030-01-08T00:00:01.000Z"), undefined);
    });
  });
}

describe("invitations without SMTP", () => {
  let t: TestApp;
  let s: Seeded;
  const lines: Record<string, unknown>[] = [];
  before(async () => {
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    t = await makeTestApp({ starter: false, logger });
    s = await seed(t);
  });
  after(() => t?.close());

  test("the link is shown to copy, the message is in the log, and the link works", async () => {
    const hr = await signInWith(t, "hr@north.example");
    const response = await t.app.request("/fr/orgs/north/invitations", postForm(t, { person: s.ben }, hr));
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /aucun serveur SMTP/);
    const link = /<code[^>]*data-invitation-link[^>]*>([^<]+)<\/code>/.exec(html)?.[1];
    assert.ok(link, "the link is on the page");
    // Ben prefers English: the link opens the English page.
    assert.match(link, /^http:\/\/localhost:3000\/en\/orgs\/north\/invitations\/accept\//);
    const logged = lines.find((line) => (line.mail as { to?: string } | undefined)?.to === "ben@north.example");
    assert.ok(logged, "the message is in the log");
    assert.ok(JSON.stringify(logged).includes(link), "with the same link");
    const page = await t.app.request(new URL(link).pathname);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Join North Library on Skillshelf/);
  });
});
