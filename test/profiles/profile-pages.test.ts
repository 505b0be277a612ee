/**
 * The job profile pages and API through the app, in both languages: HR writes, saves (a stale save
 * keeps the author's input and says so), copies a starter profile (pinned to the starter's edition),
 * compares two profiles, assigns a position; the person holding it reads their profile and no other;
 * another organisation's profiles are unknown here; anonymous visitors are sent to sign in.
 *
 * Pages and the policy, not SQL: one dialect (the stores are tested on every database in
 * profile-store.test.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { OpenApiDocument } from "../../src/api/openapi-types.ts";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import { linkAccount } from "../../src/people/staff/store.ts";
import { createProfile } from "../../src/profiles/jobs/store.ts";
import { organisationScale } from "../../src/profiles/scales/read.ts";
import { contractFor } from "../api/contract.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, postForm, signInAs } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { addPerson, grantAdministrator, insertOrganisation, insertUnit, TEST_CHANGE_ACTOR } from "../support/people.ts";
import { technician } from "../support/profiles.ts";

type App = Awaited<ReturnType<typeof makeTestApp>>;

for (const dialect of testDialects().slice(0, 1)) {
  describe(`job profile pages and API (${dialect})`, () => {
    let t: App;
    let orgA: string;
    let orgB: string;
    let unit: string;
    let foreignProfile: string;
    const cookies: Record<string, string> = {};
    const get = (key: string | null, path: string, headers: Record<string, string> = {}) =>
      t.app.request(path, { headers: key ? { cookie: cookies[key] as string, ...headers } : headers });
    const post = (key: string, path: string, form: Record<string, string>) =>
      t.app.request(path, postForm(t, form, cookies[key]));
    const idFrom = (response: Response) =>
      /profiles\/([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")?.[1];

    before(async () => {
      t = await makeTestApp({ dialect, starter: true });
      orgA = await insertOrganisation(t.db, "north", { en: "North Library", fr: "Bibliothèque du Nord" });
      orgB = await insertOrganisation(t.db, "south");
      unit = await insertUnit(t.db, orgA, "Central");
      const holder = await addPerson(t.db, orgA, { givenName: "Remy", familyName: "Holder", employeeNumber: "A-2" });
      await addPerson(t.db, orgB, { givenName: "Xavier", familyName: "Xeno", employeeNumber: "B-1" });
      cookies.hr = await signInAs(t, "editor", { email: "hr@north.test" });
      await grantAdministrator(t.db, orgA, (await findUserByEmail(t.db, "hr@north.test"))?.id as string);
      cookies.staff = await signInAs(t, "editor", { email: "remy@north.test" });
      const staffUser = (await findUserByEmail(t.db, "remy@north.test"))?.id as string;
      await linkAccount(t.db, orgA, holder.id, staffUser, TEST_CHANGE_ACTOR);
      foreignProfile = (await createProfile(t.db, orgB, technician({ code: "B" }), TEST_CHANGE_ACTOR)).id;
    });
    after(() => t.close());

    it("HR creates a profile through the form and reads it in both languages", async () => {
      const created = await post("hr", "/en/orgs/north/profiles/new", {
        title_en: "Library technician",
        title_fr: "Technicienne ou technicien en documentation",
        code: "LT-1",
        duties_en_0: "Catalogue new items",
        duties_fr_0: "Cataloguer les nouveautés",
        [`unit_${unit}`]: "on",
      });
      assert.equal(created.status, 303);
      const id = idFrom(created) as string;
      for (const [lang, title, duty] of [
        ["en", "Library technician", "Catalogue new items"],
        ["fr", "Technicienne ou technicien en documentation", "Cataloguer les nouveautés"],
      ] as const) {
        const page = await get("hr", `/${lang}/orgs/north/profiles/${id}`);
        assert.equal(page.status, 200);
        assert.match(page.headers.get("cache-control") ?? "", /no-store/);
        const html = await page.text();
        assert.equal(htmlLang(html)?.slice(0, 2), lang);
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(shows(html, title) && shows(html, duty));
        assert.ok(shows(html, lang === "fr" ? "Central (fr)" : "Central"));
      }
      const list = await (await get("hr", "/fr/orgs/north/profiles?q=lt-1")).text();
      assert.ok(shows(list, "Technicienne ou technicien en documentation"));
    });

    it("names each problem on its field and keeps what was typed", async () => {
      const refused = await post("hr", "/fr/orgs/north/profiles/new", {
        title_en: "Shelver",
        title_fr: "",
        duties_en_0: "Shelve returns",
        duties_fr_0: "",
      });
      assert.equal(refused.status, 400);
      const html = await refused.text();
      assert.ok(shows(html, "Shelver") && shows(html, "Shelve returns"));
      assert.match(html, /href="#[^"]*title_fr"/);
      assert.match(html, /href="#[^"]*duties_fr_0"/);
      const taken = await post("hr", "/fr/orgs/north/profiles/new", {
        title_en: "Other",
        title_fr: "Autre",
        code: "lt-1",
      });
      assert.equal(taken.status, 409);
      assert.ok(shows(await taken.text(), "porte déjà ce code"));
    });

    it("moves a duty without saving, and refuses a stale save keeping the author's input", async () => {
      const id = idFrom(
        await post("hr", "/en/orgs/north/profiles/new", {
          title_en: "Page",
          title_fr: "Commis",
          duties_en_0: "First",
          duties_fr_0: "Premier",
          duties_en_1: "Second",
          duties_fr_1: "Deuxième",
        }),
      ) as string;
      const moved = await post("hr", `/en/orgs/north/profiles/${id}/edit`, {
        version: "1",
        title_en: "Page",
        title_fr: "Commis",
        duties_en_0: "First",
        duties_fr_0: "Premier",
        duties_en_1: "Second",
        duties_fr_1: "Deuxième",
        list_op: "duties:up:1",
      });
      assert.equal(moved.status, 200);
      const html = await moved.text();
      assert.ok(html.indexOf('value="Second"') < html.indexOf('value="First"'));
      const saved = await post("hr", `/en/orgs/north/profiles/${id}/edit`, {
        version: "1",
        title_en: "Page II",
        title_fr: "Commis II",
      });
      assert.equal(saved.status, 303);
      const stale = await post("hr", `/fr/orgs/north/profiles/${id}/edit`, {
        version: "1",
        title_en: "Late edit",
        title_fr: "Modification tardive",
      });
      assert.equal(stale.status, 409);
      const staleHtml = await stale.text();
      assert.ok(shows(staleHtml, "Modification tardive"));
      assert.ok(shows(staleHtml, "Quelqu'un d'autre a enregistré ce profil"));
      const api = await (await get("hr", `/api/v1/orgs/north/profiles/${id}`)).json();
      assert.equal(api.title.en, "Page II");
    });

    it("copies a starter profile pinned to the starter's current edition, requirements grouped by area", async () => {
      const starters = await get("hr", "/fr/orgs/north/profiles/starters");
      assert.equal(starters.status, 200);
      const copied = await post("hr", "/fr/orgs/north/profiles/starters/LIBTECH/copy", {});
      assert.equal(copied.status, 303);
      const id = idFrom(copied) as string;
      const edition = await t.db
        .selectFrom("editions")
        .select(["id"])
        .orderBy("number", "desc")
        .executeTakeFirstOrThrow();
      const rows = await t.db.selectFrom("job_profile_requirements").selectAll().where("profile_id", "=", id).execute();
      assert.ok(rows.length >= 6);
      assert.ok(rows.every((r) => r.edition_id === edition.id));
      const page = await (await get("hr", `/fr/orgs/north/profiles/${id}`)).text();
      assert.match(page, /Niveau \d/);
      assert.ok(shows(page, "Essentielle"));
      assert.ok(countTags(page, "h3") >= 1);
      // The job description prints each requirement with its level's label and descriptor.
      const scale = await organisationScale(t.db, orgA);
      const first = rows.sort((x, y) => x.ordinal - y.ordinal)[0];
      const level = scale.levels.find((l) => l.number === first?.target_level);
      for (const lang of ["en", "fr"] as const) {
        const description = await get("hr", `/${lang}/orgs/north/profiles/${id}/description`);
        assert.equal(description.status, 200);
        const html = await description.text();
        assert.equal(htmlLang(html)?.slice(0, 2), lang);
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(level && shows(html, level.descriptor[lang]), "the target level's descriptor");
        assert.ok(shows(html, lang === "fr" ? "Technicienne ou technicien" : "Library Technician"));
      }
      for (const [lang, extension, type, magic] of [
        ["fr", "pdf", "application/pdf", "%PDF"],
        ["en", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
      ] as const) {
        const file = await get("hr", `/${lang}/orgs/north/profiles/${id}/description.${extension}`);
        assert.equal(file.status, 200);
        assert.equal(file.headers.get("content-type"), type);
        assert.match(file.headers.get("cache-control") ?? "", /private, no-store/);
        assert.match(
          file.headers.get("content-disposition") ?? "",
          new RegExp(`attachment; filename="[A-Za-z0-9-]+-${lang}\\.${extension}"`),
        );
        const bytes = Buffer.from(await file.arrayBuffer());
        assert.equal(bytes.subarray(0, magic.length).toString("latin1"), magic);
      }
    });

    it("assigns a position: the person reads that profile and no other; deleting it asks to clear their position", async () => {
      const mine = (await createProfile(t.db, orgA, technician({ code: "MINE" }), TEST_CHANGE_ACTOR)).id;
      const other = (await createProfile(t.db, orgA, technician({ code: "OTHER" }), TEST_CHANGE_ACTOR)).id;
      assert.equal((await get("staff", `/en/orgs/north/profiles/${mine}`)).status, 404);
      const unknown = await post("hr", `/en/orgs/north/profiles/${mine}/holders`, { employee_number: "B-1" });
      assert.equal(unknown.status, 400);
      const added = await post("hr", `/en/orgs/north/profiles/${mine}/holders`, { employee_number: "A-2" });
      assert.equal(added.status, 200);
      assert.ok(shows(await added.text(), "Remy Holder now holds this position."));
      assert.equal((await get("staff", `/en/orgs/north/profiles/${mine}`)).status, 200);
      assert.equal((await get("staff", `/fr/orgs/north/profiles/${mine}`)).status, 200);
      assert.equal((await get("staff", `/en/orgs/north/profiles/${other}`)).status, 404);
      assert.equal((await get("staff", `/en/orgs/north/profiles/${mine}/edit`)).status, 404);
      assert.equal((await get("staff", "/en/orgs/north/profiles")).status, 403);
      assert.ok(shows(await (await get("staff", "/fr/orgs/north/profiles/mine")).text(), "Technicienne ou technicien"));
      const refused = await post("hr", `/en/orgs/north/profiles/${mine}/delete`, {});
      assert.equal(refused.status, 409);
      assert.equal((await get("staff", `/en/orgs/north/profiles/${mine}`)).status, 200);
      const deleted = await post("hr", `/en/orgs/north/profiles/${mine}/delete`, { clear_positions: "yes" });
      assert.equal(deleted.status, 303);
      assert.equal((await get("hr", `/en/orgs/north/profiles/${mine}`)).status, 404);
    });

    it("compares two profiles: competencies only in one, fields that differ", async () => {
      const a = idFrom(await post("hr", "/en/orgs/north/profiles/starters/PAGE/copy", {})) as string;
      const b = idFrom(await post("hr", "/en/orgs/north/profiles/starters/CSA/copy", {})) as string;
      const page = await get("hr", `/en/orgs/north/profiles/compare?a=${a}&b=${b}`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.ok(shows(html, "Fields that differ"));
      assert.match(html, /Only in /);
      assert.equal((await get("hr", `/en/orgs/north/profiles/compare?a=${a}&b=${a}`)).status, 400);
    });

    it("writes a posting (dates checked), which HR publishes on the public jobs page", async () => {
      const id = (await createProfile(t.db, orgA, technician({ code: "POST" }), TEST_CHANGE_ACTOR)).id;
      const today = new Date().toISOString().slice(0, 10);
      const fields = {
        date_posted: today,
        valid_through: "2020-01-01",
        employment_type: "FULL_TIME",
        how_to_apply_en: "Write to us.",
        how_to_apply_fr: "Écrivez-nous.",
      };
      const refused = await post("hr", `/fr/orgs/north/profiles/${id}/postings/new`, fields);
      assert.equal(refused.status, 400);
      assert.ok(shows(await refused.text(), "La date de clôture ne peut pas précéder la date de publication."));
      const created = await post("hr", `/en/orgs/north/profiles/${id}/postings/new`, {
        ...fields,
        valid_through: "2999-12-31",
      });
      assert.equal(created.status, 303);
      const posting = await t.db
        .selectFrom("job_postings")
        .select("id")
        .where("profile_id", "=", id)
        .executeTakeFirstOrThrow();
      assert.equal((await t.app.request(`/en/jobs/north/${posting.id}`)).status, 404);
      const published = await post("hr", `/en/orgs/north/profiles/${id}/postings/${posting.id}/publish`, {});
      assert.equal(published.status, 303);
      assert.equal((await t.app.request(`/fr/jobs/north/${posting.id}`)).status, 200);
    });

    it("never reaches another organisation's profile, and sends anonymous visitors to sign in", async () => {
      assert.equal((await get("hr", `/en/orgs/north/profiles/${foreignProfile}`)).status, 404);
      assert.equal((await get("hr", `/api/v1/orgs/north/profiles/${foreignProfile}`)).status, 404);
      assert.equal((await post("hr", `/en/orgs/north/profiles/${foreignProfile}/copy`, {})).status, 404);
      const anonymous = await get(null, "/en/orgs/north/profiles");
      assert.ok(anonymous.status === 303 || anonymous.status === 302);
      assert.match(anonymous.headers.get("location") ?? "", /sign-in/);
    });

    it("API: every documented response, each body as the OpenAPI document describes it", async () => {
      const doc = (await (await t.app.request("/api/v1/openapi.json")).json()) as OpenApiDocument;
      const seen = new Set<string>();
      const call = async (
        who: string | null,
        method: "get" | "post" | "put" | "delete",
        path: string,
        body?: unknown,
        headers: Record<string, string> = {},
      ) => {
        const cookie = who ? cookies[who] : undefined;
        const sent: Record<string, string> = { ...headers };
        if (method !== "get") Object.assign(sent, csrfHeaders(t, cookie), { "content-type": "application/json" });
        else if (cookie) sent.cookie = cookie;
        const response = await t.app.request(path, {
          method: method.toUpperCase(),
          headers: sent,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        const json = text === "" ? null : JSON.parse(text);
        contractFor(doc).check(method, path, response.status, json);
        const template = /profiles\/[^/?]+/.test(path) ? "/orgs/{org}/profiles/{profile}" : "/orgs/{org}/profiles";
        seen.add(`${method} ${template} ${response.status}`);
        return { status: response.status, json, headers: response.headers };
      };
      const base = "/api/v1/orgs/north/profiles";
      const created = await call("hr", "post", base, {
        title_en: "Branch manager",
        title_fr: "Gestionnaire de succursale",
        duties: [{ en: "Lead the team", fr: "Diriger l'équipe" }],
        code: "BM",
      });
      assert.equal(created.status, 201);
      const id = created.json.id as string;
      assert.equal(created.json.version, 1);
      assert.equal((await call("hr", "post", base, { title_en: "Other", title_fr: "Autre", code: "bm" })).status, 409);
      const invalid = await call("hr", "post", base, { title_en: "Only English" });
      assert.equal(invalid.status, 400);
      assert.ok("title_fr" in invalid.json.fields);
      assert.equal((await call(null, "post", base, { title_en: "A", title_fr: "B" })).status, 401);
      assert.equal((await call("staff", "post", base, { title_en: "A", title_fr: "B" })).status, 403);
      assert.equal(
        (await call("hr", "post", "/api/v1/orgs/south/profiles", { title_en: "A", title_fr: "B" })).status,
        404,
      );

      assert.equal((await call("hr", "get", base)).status, 200);
      assert.equal((await call(null, "get", base)).status, 401);
      assert.equal((await call("staff", "get", base)).status, 403);
      assert.equal((await call("hr", "get", "/api/v1/orgs/south/profiles")).status, 404);

      const read = await call("hr", "get", `${base}/${id}`);
      assert.equal(read.status, 200);
      assert.equal(read.headers.get("etag"), '"1"');
      assert.match(read.headers.get("cache-control") ?? "", /private, no-store/);
      assert.equal((await call(null, "get", `${base}/${id}`)).status, 401);
      assert.equal((await call("hr", "get", `${base}/${foreignProfile}`)).status, 404);

      const body = { title_en: "Branch head", title_fr: "Responsable de succursale" };
      assert.equal((await call("hr", "put", `${base}/${id}`, body, { "if-match": '"1"' })).status, 200);
      const stale = await call("hr", "put", `${base}/${id}`, body, { "if-match": '"1"' });
      assert.equal(stale.status, 409);
      assert.equal(stale.json.currentVersion, 2);
      assert.equal(
        (await call("hr", "put", `${base}/${id}`, { title_en: "No version", title_fr: "Sans version" })).status,
        400,
      );
      assert.equal((await call(null, "put", `${base}/${id}`, { ...body, version: 2 })).status, 401);
      assert.equal((await call("hr", "put", `${base}/${foreignProfile}`, { ...body, version: 1 })).status, 404);

      await t.db
        .insertInto("person_positions")
        .values({
          person_id: (
            await t.db.selectFrom("people").select("id").where("employee_number", "=", "A-2").executeTakeFirstOrThrow()
          ).id,
          profile_id: id,
          since: null,
          updated_at: new Date().toISOString(),
        })
        .execute();
      const held = await call("hr", "delete", `${base}/${id}`);
      assert.equal(held.status, 409);
      assert.equal(held.json.holders, 1);
      assert.equal((await call(null, "delete", `${base}/${id}`)).status, 401);
      assert.equal((await call("hr", "delete", `${base}/${foreignProfile}`)).status, 404);
      assert.equal((await call("hr", "delete", `${base}/${id}?clearPositions=true`)).status, 204);
      const list = await call("hr", "get", base);
      assert.ok(!list.json.items.some((p: { id: string }) => p.id === id));

      const documented = Object.entries(doc.paths)
        .filter(([path]) => path.startsWith("/orgs/{org}/profiles"))
        .flatMap(([path, item]) =>
          (["get", "post", "put", "delete"] as const).flatMap((method) =>
            Object.keys(item[method]?.responses ?? {}).map((status) => `${method} ${path} ${status}`),
          ),
        );
      assert.deepEqual([...seen].sort(), [...new Set(documented)].sort());
    });
  });
}
