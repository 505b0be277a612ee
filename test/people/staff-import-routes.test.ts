/**
 * The staff import pages, in process on every test dialect and in both languages: upload →
 * preview (counts, errors by row and column) → import, all or nothing; who may use them.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, ensureAccount, postForm, signInAs } from "../support/auth.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

const FILE =
  "Matricule;Prénom;Nom;Courriel;Gestionnaire\n1;Marc;Côté;marc@lib.example;\n2;Inès;Roy;ines@lib.example;1\n3;Chloé;Lac;;2\n";

async function insertOrganisation(t: TestApp, slug: string): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await t.db
    .insertInto("organisations")
    .values({
      id,
      slug,
      name_en: `${slug} library`,
      name_fr: `Bibliothèque ${slug}`,
      default_lang: "en",
      settings: "{}",
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function appoint(t: TestApp, organisationId: string, email: string): Promise<void> {
  const userId = await ensureAccount(t, "editor", email);
  await t.db
    .insertInto("organisation_roles")
    .values({
      organisation_id: organisationId,
      user_id: userId,
      role: "administrator",
      granted_at: new Date().toISOString(),
      granted_by: null,
    })
    .execute();
}

function upload(
  t: TestApp,
  cookie: string,
  lang: string,
  slug: string,
  text: string,
  options: Record<string, string> = {},
) {
  const form = new FormData();
  form.set("file", new File([text], "staff.csv", { type: "text/csv" }));
  for (const [name, value] of Object.entries(options)) form.set(name, value);
  return t.app.request(`/${lang}/orgs/${slug}/import`, { method: "POST", headers: csrfHeaders(t, cookie), body: form });
}

/** The hidden fields of the page's confirmation form (what a browser would send back). */
function confirmFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    if (name !== "_csrf") fields[name] = value.replace(/&amp;/g, "&");
  return fields;
}

const people = (t: TestApp, organisationId: string) =>
  t.db
    .selectFrom("people")
    .select(["employee_number", "family_name"])
    .where("organisation_id", "=", organisationId)
    .orderBy("employee_number")
    .execute();

for (const dialect of testDialects()) {
  describe(`staff import pages (${dialect})`, () => {
    let t: TestApp;
    let org: string;
    let hr: string;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      org = await insertOrganisation(t, "north");
      const other = await insertOrganisation(t, "south");
      await appoint(t, org, "hr@north.test");
      await appoint(t, other, "hr@south.test");
      hr = await signInAs(t, "editor", { email: "hr@north.test" });
    });
    after(() => t.close());

    it("upload → preview with counts → import writes everyone, in English and in French", async () => {
      // English: three new people. French: the same file with one family name changed.
      const passes = [
        { lang: "en", file: FILE, preview: /3 people added/, done: /3 people added, 0 updated/ },
        {
          lang: "fr",
          file: FILE.replace("Inès;Roy", "Inès;Roy-Gagnon"),
          preview: /1 personne mise à jour/,
          done: /0 personne ajoutée, 1 mise à jour/,
        },
      ] as const;
      for (const pass of passes) {
        const start = await t.app.request(`/${pass.lang}/orgs/north/import`, { headers: { cookie: hr } });
        assert.equal(start.status, 200);
        const startHtml = await start.text();
        assert.match(startHtml, new RegExp(`<html lang="${pass.lang}`));
        assert.equal(startHtml.match(/<h1/g)?.length, 1);
        assert.equal(start.headers.get("cache-control"), "private, no-store");

        const sent = await upload(t, hr, pass.lang, "north", pass.file);
        assert.equal(sent.status, 303);
        const previewUrl = sent.headers.get("location") as string;
        assert.match(previewUrl, new RegExp(`^/${pass.lang}/orgs/north/import/[A-Za-z0-9_-]{32}$`));
        const preview = await t.app.request(previewUrl, { headers: { cookie: hr } });
        assert.equal(preview.status, 200);
        assert.equal(preview.headers.get("cache-control"), "private, no-store");
        const html = await preview.text();
        assert.match(html, pass.preview);
        assert.equal(html.match(/<h1/g)?.length, 1);

        const done = await t.app.request(previewUrl, postForm(t, confirmFields(html), hr));
        assert.equal(done.status, 303, await done.text());
        const donePage = await (
          await t.app.request(done.headers.get("location") as string, { headers: { cookie: hr } })
        ).text();
        assert.match(donePage, pass.done);
        // A confirmed upload is gone: sending the form again finds nothing.
        assert.equal((await t.app.request(previewUrl, postForm(t, confirmFields(html), hr))).status, 404);
      }
      assert.deepEqual(await people(t, org), [
        { employee_number: "1", family_name: "Côté" },
        { employee_number: "2", family_name: "Roy-Gagnon" },
        { employee_number: "3", family_name: "Lac" },
      ]);
    });

    it("errors are listed by row and column, with no way to import; a forced confirmation writes nothing", async () => {
      const before = await people(t, org);
      const sent = await upload(
        t,
        hr,
        "en",
        "north",
        "Employee ID,First name,Last name,Email\n7,Ada,Byron,not-mail\n8,,Turing,\n",
      );
      const url = sent.headers.get("location") as string;
      const html = await (await t.app.request(url, { headers: { cookie: hr } })).text();
      assert.match(html, /<td>2<\/td><td>Email<\/td><td>“not-mail” is not an email address.<\/td>/);
      assert.match(html, /<td>3<\/td><td>First name<\/td><td>This cell is empty; it must be filled.<\/td>/);
      assert.doesNotMatch(html, /name="fingerprint"/);
      const forced = await t.app.request(url, postForm(t, { fingerprint: "x" }, hr));
      assert.equal(forced.status, 422);
      assert.deepEqual(await people(t, org), before);
    });

    it("the columns can be changed; a preview the staff no longer matches is not imported", async () => {
      const sent = await upload(
        t,
        hr,
        "en",
        "north",
        "Employee ID,First name,Last name,Maiden name\n1,Marc,Côté,Martel\n",
      );
      const url = sent.headers.get("location") as string;
      const guessed = await (await t.app.request(url, { headers: { cookie: hr } })).text();
      assert.match(guessed, /3 people unchanged|1 person unchanged/);
      const chosen = await (
        await t.app.request(`${url}?col_employeeNumber=0&col_givenName=1&col_familyName=3`, { headers: { cookie: hr } })
      ).text();
      assert.match(chosen, /<td>Côté<\/td><td>Martel<\/td>/);
      const fields = confirmFields(chosen);
      // Someone else changes the person meanwhile.
      await t.db
        .updateTable("people")
        .set({ family_name: "Autre" })
        .where("organisation_id", "=", org)
        .where("employee_number", "=", "1")
        .execute();
      const stale = await t.app.request(url, postForm(t, fields, hr));
      assert.equal(stale.status, 409);
      assert.match(await stale.text(), /The staff changed since the preview/);
      const row = await t.db
        .selectFrom("people")
        .select("family_name")
        .where("organisation_id", "=", org)
        .where("employee_number", "=", "1")
        .executeTakeFirstOrThrow();
      assert.equal(row.family_name, "Autre");
    });

    it("a file that is not a staff list is refused on the upload page", async () => {
      const sent = await upload(t, hr, "fr", "north", "\n\n");
      assert.equal(sent.status, 422);
      assert.match(await sent.text(), /Le fichier ne contient aucune ligne/);
    });

    it("only the organisation's administrators reach the pages; another account's upload is unknown", async () => {
      const sent = await upload(t, hr, "en", "north", FILE);
      const url = sent.headers.get("location") as string;
      const south = await signInAs(t, "editor", { email: "hr@south.test" });
      assert.equal((await t.app.request("/en/orgs/north/import", { headers: { cookie: south } })).status, 404);
      assert.equal((await t.app.request(url, { headers: { cookie: south } })).status, 404);
      const southUrl = url.replace("/north/", "/south/");
      const other = await t.app.request(southUrl, { headers: { cookie: south } });
      assert.equal(other.status, 404);
      assert.doesNotMatch(await other.text(), /Marc|Côté/);
      const anonymous = await t.app.request("/en/orgs/north/import");
      assert.ok([302, 303].includes(anonymous.status), String(anonymous.status));
      // A member of the organisation who is not its administrator is refused.
      const staffId = await ensureAccount(t, "editor", "staff@north.test");
      await t.db
        .updateTable("people")
        .set({ user_id: staffId })
        .where("organisation_id", "=", org)
        .where("employee_number", "=", "3")
        .execute();
      const staff = await signInAs(t, "editor", { email: "staff@north.test" });
      const refused = await t.app.request("/en/orgs/north/import", { headers: { cookie: staff } });
      assert.equal(refused.status, 403);
      const posted = await upload(t, staff, "en", "north", FILE);
      assert.equal(posted.status, 403);
    });
  });
}
