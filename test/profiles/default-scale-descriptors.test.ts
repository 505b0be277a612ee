/**
 * The default scale's per-competency descriptors: the instance's editors (and administrators)
 * write them on their own page, in either language; others are refused; what they write is in the
 * public CASE package as CFRubrics (valid against the strict schema) and comes back on import.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importFramework } from "../../src/interop/import.ts";
import { hasErrors } from "../../src/interop/model.ts";
import { DEFAULT_SCALE_ID, levelDescriptors } from "../../src/profiles/scales/read.ts";
import { type AnyJson, caseSkip, exportDraft, validatePackage } from "../interop/case-support.ts";
import { makeTestApp, openTestDatabase, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld } from "../support/people-world.ts";

const dialect = testDialects()[0];

describe("the default scale's descriptors, written by the instance's editors", { skip: caseSkip }, () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let competency: { framework: string; item: string };
  before(async () => {
    t = await makeTestApp({ dialect, starter: true, env: { BASE_URL: "https://index.example.org" } });
    const row = await t.db
      .selectFrom("published_items")
      .innerJoin("editions", "editions.id", "published_items.edition_id")
      .select(["editions.framework_id", "published_items.item_id"])
      .where("type_code", "=", "competency")
      .orderBy("published_items.item_id")
      .executeTakeFirstOrThrow();
    competency = { framework: row.framework_id, item: row.item_id };
  });
  after(() => t.close());

  const url = (lang: "en" | "fr") => `/${lang}/editor/scale/competencies/${competency.framework}/${competency.item}`;

  it("is a page in both languages for editors and administrators; others are refused", async () => {
    for (const role of ["editor", "administrator"] as const) {
      const cookie = await signInAs(t, role);
      for (const lang of ["en", "fr"] as const) {
        const res = await t.app.request(url(lang), { headers: { cookie } });
        assert.equal(res.status, 200, `${role} ${lang}`);
        const html = await res.text();
        assert.ok(htmlLang(html)?.startsWith(lang));
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(shows(html, lang === "en" ? "Default scale, levels for" : "Échelle par défaut, niveaux"));
        assert.ok(html.includes(`name="scale" value="${DEFAULT_SCALE_ID}"`));
      }
    }
    const anonymous = await t.app.request(url("en"));
    assert.equal(anonymous.status, 303, "anonymous: to sign in");
    const viewer = await t.app.request(url("fr"), { headers: { cookie: await signInAs(t, "member") } });
    assert.equal(viewer.status, 403);
    const refusedPost = await t.app.request(
      url("en"),
      postForm(t, { scale: DEFAULT_SCALE_ID, level_1_en: "Nope" }, await signInAs(t, "member")),
    );
    assert.equal(refusedPost.status, 403);
    const unknown = await t.app.request(`/en/editor/scale/competencies/${competency.framework}/no-such-item`, {
      headers: { cookie: await signInAs(t, "editor") },
    });
    assert.equal(unknown.status, 404);
  });

  it("what an editor writes is in the CASE package, valid, and imports back", async () => {
    const cookie = await signInAs(t, "editor");
    const saved = await t.app.request(
      url("fr"),
      postForm(
        t,
        {
          scale: DEFAULT_SCALE_ID,
          level_2_en: "Builds a partnership with help",
          level_2_fr: "Bâtit un partenariat avec de l’aide",
          level_4_en: "Leads partnerships across the system",
          level_4_fr: "",
        },
        cookie,
      ),
    );
    assert.equal(saved.status, 200);
    assert.ok(shows(await saved.text(), "Les descripteurs ont été enregistrés."));
    const stored = (await levelDescriptors(t.db, DEFAULT_SCALE_ID, competency.framework, [competency.item])).get(
      competency.item,
    );
    assert.deepEqual(
      [...(stored ?? [])].map(([n]) => n),
      [2, 4],
    );

    // A form drawn for another scale writes nothing.
    const stale = await t.app.request(url("en"), postForm(t, { scale: "some-other-scale", level_1_en: "X" }, cookie));
    assert.equal(stale.status, 409);

    const pkg = (await (await t.app.request(`/ims/case/v1p1/CFPackages/${competency.framework}`)).json()) as AnyJson;
    const validity = validatePackage(pkg);
    assert.ok(validity.ok, validity.errors);
    const rubric = (pkg.CFRubrics as AnyJson[] | undefined)?.find(
      (r) => r.CFRubricCriteria[0].CFItemURI.identifier === competency.item,
    );
    assert.ok(rubric, "the competency has a rubric");
    const levels = rubric.CFRubricCriteria[0].CFRubricCriterionLevels as AnyJson[];
    assert.equal(levels[1]?.description, "Builds a partnership with help");
    assert.equal(
      levels[1]?.extensions[0].skillshelf.translations.fr.description,
      "Bâtit un partenariat avec de l’aide",
    );
    assert.equal(levels[3]?.description, "Leads partnerships across the system");

    const other = await openTestDatabase(dialect);
    try {
      const parsed = parseCasePackage(JSON.stringify(pkg));
      assert.ok(parsed.value && !hasErrors(parsed.problems), JSON.stringify(parsed.problems));
      const outcome = await importFramework(other.db, parsed.value);
      assert.ok(outcome.ok);
      const again = await exportDraft(other.db, outcome.report.frameworkId, "https://index.example.org");
      const back = (again.CFRubrics as AnyJson[]).find((r) => r.identifier === rubric.identifier);
      assert.deepEqual(back, rubric, "the rubric comes back as it left");
    } finally {
      await other.close();
    }
  });

  it("an organisation's competency page links to it for the instance's editors only", async () => {
    const world = await buildPeopleWorld(t);
    const orgPage = `/en/orgs/alpha/scale/competencies/${competency.framework}/${competency.item}`;
    const link = `href="${url("en")}"`;
    const cookie = world.cookies.orgAdmin ?? "";
    // The test world's accounts are the instance's editors.
    const asEditor = await t.app.request(orgPage, { headers: { cookie } });
    assert.equal(asEditor.status, 200);
    assert.ok((await asEditor.text()).includes(link));
    await t.db
      .updateTable("users")
      .set({ role: "member" })
      .where("id", "=", world.accounts.orgAdmin ?? "")
      .execute();
    const asMember = await t.app.request(orgPage, { headers: { cookie } });
    assert.equal(asMember.status, 200);
    assert.ok(!(await asMember.text()).includes(link), "HR who is not an editor writes their own scale's only");
  });
});
