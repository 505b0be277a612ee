/**
 * Organisations: the store (on every dialect), the instance administrator's page (both languages)
 * and `skillshelf org create|list`.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { listChanges } from "../../src/people/organisations/changes.ts";
import {
  appointAdministrator,
  createOrganisation,
  findOrganisation,
  listAdministrators,
  listOrganisations,
  removeAdministrator,
  SlugTakenError,
  updateOrganisation,
} from "../../src/people/organisations/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { ensureAccount, postForm, signInAs } from "../support/auth.ts";
import { runSkillshelf } from "../support/cli.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";

const author = { id: null, label: "test" };
const settings = (slug: string) => ({
  slug,
  name_en: `${slug} Library`,
  name_fr: `Bibliothèque ${slug}`,
  default_lang: "fr" as const,
});

for (const dialect of testDialects()) {
  describe(`organisations store (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
    });
    after(() => t.close());

    it("creates, refuses a taken web address name, updates and records every change", async () => {
      const userId = await ensureAccount(t, "editor", "hr@example.org");
      const created = await createOrganisation(t.db, settings("north"), author, {
        administrators: [{ id: userId, email: "hr@example.org" }],
      });
      assert.equal(created.name_fr, "Bibliothèque north");
      await assert.rejects(createOrganisation(t.db, settings("north"), author), SlugTakenError);
      assert.deepEqual(
        (await listAdministrators(t.db, created.id)).map((a) => a.email),
        ["hr@example.org"],
      );
      await createOrganisation(t.db, settings("south"), author);
      await assert.rejects(
        updateOrganisation(t.db, created, { ...settings("south") }, author),
        SlugTakenError,
        "a slug taken by another organisation is refused on update too",
      );
      const renamed = await updateOrganisation(
        t.db,
        created,
        { ...settings("north"), name_en: "North Libraries" },
        author,
      );
      assert.equal((await findOrganisation(t.db, "north"))?.name_en, "North Libraries");
      assert.equal(renamed.name_en, "North Libraries");
      const unchanged = await updateOrganisation(
        t.db,
        renamed,
        { ...settings("north"), name_en: "North Libraries" },
        author,
      );
      assert.equal(unchanged, renamed, "nothing changed: nothing written");

      const { changes, total } = await listChanges(t.db, created.id);
      assert.equal(total, 3, "create, role, update");
      assert.deepEqual(changes.map((c) => `${c.subject}:${c.action}`).sort(), [
        "organisation:create",
        "organisation:update",
        "role:create",
      ]);
      const update = changes.find((c) => c.action === "update");
      assert.deepEqual(update?.before, { name_en: "north Library" });
      assert.deepEqual(update?.after, { name_en: "North Libraries" });

      assert.equal(
        await appointAdministrator(t.db, created.id, { id: userId, email: "hr@example.org" }, author),
        false,
      );
      assert.equal(await removeAdministrator(t.db, created.id, userId, author), true);
      assert.equal(await removeAdministrator(t.db, created.id, userId, author), false);
      assert.deepEqual(await listAdministrators(t.db, created.id), []);
      const list = await listOrganisations(t.db);
      assert.deepEqual(
        list.map((o) => o.organisation.slug),
        ["north", "south"],
      );
    });
  });

  describe(`instance administrator's organisations page (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
    });
    after(() => t.close());

    it("lists, creates with a first administrator and appoints, in both languages; others are refused", async () => {
      const admin = await signInAs(t, "administrator");
      await ensureAccount(t, "editor", "hr-east@example.org");
      for (const lang of ["en", "fr"] as const) {
        const empty = await t.app.request(`/${lang}/admin/organisations`, { headers: { cookie: admin } });
        assert.equal(empty.status, 200);
        assert.match(empty.headers.get("cache-control") ?? "", /no-store/);
        const html = await empty.text();
        assert.match(htmlLang(html) ?? "", new RegExp(`^${lang}`));
        assert.equal(countTags(html, "h1"), 1);
        assert.match(html, /<main/);
      }
      const created = await t.app.request(
        "/fr/admin/organisations",
        postForm(
          t,
          {
            name_en: "East Library",
            name_fr: "Bibliothèque de l'Est",
            slug: "East-Lib",
            default_lang: "fr",
            administrator: "hr-east@example.org",
          },
          admin,
        ),
      );
      assert.equal(created.status, 303);
      const listed = await (
        await t.app.request(created.headers.get("location") as string, { headers: { cookie: admin } })
      ).text();
      assert.ok(shows(listed, "L'organisation Bibliothèque de l'Est a été créée."), "French notice");
      assert.ok(shows(listed, "hr-east@example.org"));
      const east = await findOrganisation(t.db, "east-lib");
      assert.equal(east?.default_lang, "fr", "the slug was lower-cased");

      // Refused with a field error naming the problem: a bad slug, an unknown account, a taken slug.
      const bad = await t.app.request(
        "/en/admin/organisations",
        postForm(
          t,
          { name_en: "X", name_fr: "X", slug: "no spaces!", default_lang: "en", administrator: "nobody@example.org" },
          admin,
        ),
      );
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.ok(shows(badHtml, "Use 2 to 60 lower-case letters"));
      assert.ok(shows(badHtml, "No account of this site has this e-mail address"));
      const taken = await t.app.request(
        "/en/admin/organisations",
        postForm(t, { name_en: "X", name_fr: "X", slug: "east-lib", default_lang: "en" }, admin),
      );
      assert.equal(taken.status, 409);
      assert.ok(shows(await taken.text(), "Another organisation already uses this web address name."));
      assert.equal((await listOrganisations(t.db)).length, 1, "nothing created by a refused form");

      await ensureAccount(t, "editor", "second@example.org");
      const appointed = await t.app.request(
        "/en/admin/organisations/administrators",
        postForm(t, { organisation: "east-lib", email: "Second@Example.org" }, admin),
      );
      assert.equal(appointed.status, 200);
      assert.ok(shows(await appointed.text(), "second@example.org now administers East Library."));
      assert.deepEqual(
        (await listAdministrators(t.db, east?.id as string)).map((a) => a.email),
        ["hr-east@example.org", "second@example.org"],
      );

      const editor = await signInAs(t, "editor");
      assert.equal((await t.app.request("/en/admin/organisations", { headers: { cookie: editor } })).status, 403);
      const forged = await t.app.request(
        "/en/admin/organisations",
        postForm(t, { name_en: "Y", name_fr: "Y", slug: "y-lib", default_lang: "en" }, editor),
      );
      assert.equal(forged.status, 403);
      const anonymous = await t.app.request("/en/admin/organisations");
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get("location") ?? "", /\/en\/sign-in/);
      assert.equal(await findOrganisation(t.db, "y-lib"), undefined);
    });
  });
}

describe("skillshelf org create|list", () => {
  let dir: string;
  let db: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "skillshelf-org-"));
    db = join(dir, "org.db");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => runSkillshelf(["org", ...args], { DATABASE_URL: db, LOG_LEVEL: "silent" });

  it("creates, refuses what is wrong with what to fix, and lists", async () => {
    assert.equal((await run("list")).stdout.trim(), "no organisation yet");
    const created = await run(
      "create",
      "--slug",
      "west",
      "--name-en",
      "West Library",
      "--name-fr",
      "Bibliothèque de l'Ouest",
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /created west/);
    const again = await run("create", "--slug", "west", "--name-en", "W", "--name-fr", "W");
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already used/);
    const missing = await run("create", "--slug", "Bad Slug", "--name-en", "W");
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--slug is not valid/);
    assert.match(missing.stderr, /--name-fr is required/);
    const unknown = await run(
      "create",
      "--slug",
      "east",
      "--name-en",
      "E",
      "--name-fr",
      "E",
      "--admin",
      "nobody@example.org",
    );
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /nobody@example\.org/);
    const listed = await run("list", "--json");
    assert.equal(listed.status, 0);
    assert.deepEqual(JSON.parse(listed.stdout), [
      {
        slug: "west",
        name: { en: "West Library", fr: "Bibliothèque de l'Ouest" },
        defaultLanguage: "en",
        administrators: [],
      },
    ]);
    assert.equal((await run("frobnicate")).status, 2);
  });
});
