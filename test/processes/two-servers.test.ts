/**
 * Two real `skillshelf serve` processes over one PostgreSQL behave as one site (decision 020): a
 * session and its CSRF token from one are good on the other (the auth secret is kept in the
 * database), an upload previewed on one is confirmed on the other, a publish on one reaches the
 * other's pages and API, and five bad sign-ins on one leave the other refusing that account too.
 *
 * Registered only where a real PostgreSQL is configured (TEST_DATABASE_URL: CI's PostgreSQL pass
 * runs this file because it calls testDialects()); elsewhere it registers nothing rather than skip.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount } from "../../src/auth/accounts.ts";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { CSRF_FIELD, CSRF_HEADER } from "../../src/security/csrf.ts";
import { testDialects } from "../support/app.ts";
import { TEST_PASSWORD } from "../support/auth.ts";
import { eventually, freshPostgresSchema, type ServerProcess, startServerProcess } from "../support/server-process.ts";

const SITE = "http://skillshelf.test";
const STARTER = "public-library-staff";
const COPY = "copy-from-two-servers";

/** A browser's cookie jar, enough for these pages: name=value pairs, later ones win. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = (pair ?? "").indexOf("=");
      if (at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

const csrfOf = (html: string): string => {
  const token = new RegExp(`name="${CSRF_FIELD}" value="([^"]+)"`).exec(html)?.[1];
  assert.ok(token, "the page carries a CSRF token");
  return token;
};

for (const dialect of testDialects().filter((d) => d === "postgres")) {
  describe(`two server processes over one PostgreSQL (${dialect})`, () => {
    let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
    let database: Database;
    let a: ServerProcess;
    let b: ServerProcess;
    const jar = new Jar();

    const get = async (server: ServerProcess, path: string, cookies: Jar | null = jar) =>
      (cookies ?? new Jar()).take(
        await fetch(`${server.origin}${path}`, {
          headers: cookies ? { cookie: cookies.header() } : {},
          redirect: "manual",
        }),
      );
    const post = async (
      server: ServerProcess,
      path: string,
      fields: Record<string, string>,
      token: string,
      cookies = jar,
    ) =>
      cookies.take(
        await fetch(`${server.origin}${path}`, {
          method: "POST",
          headers: {
            origin: SITE,
            cookie: cookies.header(),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ [CSRF_FIELD]: token, ...fields }).toString(),
          redirect: "manual",
        }),
      );
    /** Signs in through `server`'s form; returns the response to the password post. */
    const signIn = async (server: ServerProcess, email: string, password: string, cookies: Jar) => {
      const page = await get(server, "/en/sign-in", cookies);
      return post(server, "/en/sign-in", { email, password }, csrfOf(await page.text()), cookies);
    };

    before(async () => {
      schema = await freshPostgresSchema(process.env.TEST_DATABASE_URL as string, "two_servers");
      // One site behind one address: both processes share BASE_URL (CSRF checks the origin against it)
      // and no BETTER_AUTH_SECRET, so the one kept in the database must be the same for both.
      const env = { DATABASE_URL: schema.url, BASE_URL: SITE, BETTER_AUTH_SECRET: undefined };
      // Started together on an empty database: both migrate, one loads the starter, neither fails.
      [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      database = await openDatabase(schema.url);
      await createAccount(database.db, { email: "editor@skillshelf.test", role: "editor", password: TEST_PASSWORD });
      await createAccount(database.db, { email: "target@skillshelf.test", role: "editor", password: TEST_PASSWORD });
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.close();
      await schema?.drop();
    });

    it("started together on an empty database, one loads the starter and both serve it", async () => {
      const loaded = `${a.output()}${b.output()}`.match(/"msg":"starter framework loaded"/g) ?? [];
      assert.equal(loaded.length, 1);
      const frameworks = await database.db.selectFrom("frameworks").select("slug").execute();
      assert.deepEqual(
        frameworks.map((f) => f.slug),
        [STARTER],
      );
      for (const server of [a, b]) assert.equal((await get(server, `/en/frameworks/${STARTER}`, null)).status, 200);
    });

    it("a session opened on one is good on the other, CSRF token included", async () => {
      const signedIn = await signIn(a, "editor@skillshelf.test", TEST_PASSWORD, jar);
      assert.equal(signedIn.status, 303, await signedIn.text());
      const editor = await get(b, "/en/editor");
      assert.equal(editor.status, 200, "the other process knows the session");
    });

    it("an upload previewed on one is confirmed on the other, with the first one's token", async () => {
      const exported = await get(a, `/en/editor/frameworks/${STARTER}/export.json`);
      assert.equal(exported.status, 200);
      const bytes = new Uint8Array(await exported.arrayBuffer());
      const start = await (await get(a, "/en/editor/import")).text();
      const token = csrfOf(start);
      const form = new FormData();
      form.set("file", new File([bytes as BlobPart], "starter.json"));
      form.set("sheet_target", "new");
      form.set("new_slug", COPY);
      form.set("sheet_title", "A copy");
      const preview = await fetch(`${a.origin}/en/editor/import/upload`, {
        method: "POST",
        headers: { origin: SITE, cookie: jar.header(), [CSRF_HEADER]: token },
        body: form,
      });
      const html = await preview.text();
      assert.equal(preview.status, 200, html.slice(0, 500));
      const upload = /name="token" value="([^"]+)"/.exec(html)?.[1];
      assert.ok(upload, "the preview offers to import");

      const confirmed = await post(b, "/en/editor/import/upload/confirm", { token: upload }, token);
      assert.equal(confirmed.status, 303, await confirmed.text());
      assert.match(confirmed.headers.get("location") ?? "", new RegExp(`/en/editor/import/done/${COPY}`));
      const made = await database.db.selectFrom("frameworks").select("slug").where("slug", "=", COPY).execute();
      assert.equal(made.length, 1);
      const again = await post(a, "/en/editor/import/upload/confirm", { token: upload }, token);
      assert.equal(again.status, 410, "the token is spent, on every process");
    });

    it("a publish on one reaches the other's pages and API", async () => {
      // The other process has built its views (and cached its list) before the publish.
      const listBefore = await (await get(b, "/api/v1/frameworks", null)).json();
      assert.ok(!JSON.stringify(listBefore).includes(COPY), "not public yet");
      assert.equal((await get(b, `/en/frameworks/${COPY}`, null)).status, 404);

      const page = await (await get(a, `/en/editor/frameworks/${COPY}/publish`)).text();
      const seen = /name="seen" value="(\d+)"/.exec(page)?.[1];
      assert.ok(seen !== undefined, "the publish form");
      const published = await post(
        a,
        `/en/editor/frameworks/${COPY}/publish`,
        { summary_en: "First edition.", summary_fr: "Première édition.", seen },
        csrfOf(page),
      );
      assert.equal(published.status, 303, await published.text());

      await eventually(
        async () => (await get(b, `/en/frameworks/${COPY}`, null)).status === 200,
        "the page on the other",
      );
      await eventually(
        async () => JSON.stringify(await (await get(b, "/api/v1/frameworks", null)).json()).includes(COPY),
        "the other's framework list",
      );
    });

    it("five bad sign-ins on one count on the other: it refuses that account too", async () => {
      for (let i = 0; i < 5; i++) {
        const bad = await signIn(a, "target@skillshelf.test", `wrong password ${i}`, new Jar());
        assert.notEqual(bad.status, 303);
        assert.notEqual(bad.status, 429, `attempt ${i + 1} is checked, not yet refused`);
      }
      for (let i = 0; i < 5; i++) {
        const refused = await signIn(b, "target@skillshelf.test", `wrong password ${i}`, new Jar());
        assert.equal(refused.status, 429, `attempt ${i + 1} on the other process`);
      }
      const right = await signIn(b, "target@skillshelf.test", TEST_PASSWORD, new Jar());
      assert.equal(right.status, 429, "even the right password waits out the delay");
    });
  });
}
