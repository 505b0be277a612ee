/**
 * An organisation's administrators import their scale's levels from a CASE CFRubric pasted on the
 * scale page: the levels, in their CASE order, become the own scale's; bad input is refused with a
 * translated message naming the field, and nothing changes; staff cannot.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { scaleFromCaseRubric } from "../../src/profiles/scales/case-rubric.ts";
import { organisationScale } from "../../src/profiles/scales/read.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm } from "../support/auth.ts";
import { shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

const level = (
  position: number,
  quality: string,
  description: string,
  fr?: { quality: string; description: string },
) => ({
  identifier: `level-${position}`,
  quality,
  description,
  score: position,
  position,
  ...(fr ? { extensions: [{ skillshelf: { translations: { fr } } }] } : {}),
});

/** A package as another instance would export it: levels listed out of order, French on two. */
const casePackage = {
  CFDocument: { identifier: "doc" },
  CFRubrics: [
    {
      identifier: "rubric-1",
      title: "Branch scale: PS1 Partnerships",
      CFRubricCriteria: [
        {
          identifier: "criterion-1",
          CFRubricCriterionLevels: [
            level(3, "Expert", "Teaches others", { quality: "Experte", description: "Forme les autres" }),
            level(1, "Novice", "Learns with help", { quality: "Novice", description: "Apprend avec de l’aide" }),
            level(2, "Practitioner", "Works alone"),
          ],
        },
      ],
    },
  ],
};

describe("reading a CASE CFRubric as a scale", () => {
  it("orders levels by position, takes French from the translation, else the English", () => {
    const reading = scaleFromCaseRubric(JSON.stringify(casePackage));
    assert.ok(reading.ok);
    assert.deepEqual(
      reading.scale.levels.map((l) => [l.number, l.label.en, l.label.fr, l.descriptor.fr]),
      [
        [1, "Novice", "Novice", "Apprend avec de l’aide"],
        [2, "Practitioner", "Practitioner", "Works alone"],
        [3, "Expert", "Experte", "Forme les autres"],
      ],
    );
    assert.equal(reading.scale.name.en, "Branch scale");
    assert.deepEqual(scaleFromCaseRubric("{not json"), { ok: false, problem: "json" });
    assert.deepEqual(scaleFromCaseRubric('{"CFRubrics":[{"title":"x"}]}'), { ok: false, problem: "noRubric" });
    assert.deepEqual(scaleFromCaseRubric("null"), { ok: false, problem: "noRubric" });
  });
});

for (const dialect of testDialects().slice(0, 1)) {
  describe(`importing a scale from CASE on the scale page (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    before(async () => {
      t = await makeTestApp({ dialect });
      world = await buildPeopleWorld(t);
    });
    after(() => t.close());

    const importUrl = (lang: string) => `/${lang}/orgs/alpha/scale/import-rubric`;

    it("refuses bad input with a message on the field, changing nothing; staff cannot import", async () => {
      const cookie = world.cookies.orgAdmin;
      const before = await organisationScale(t.db, world.a.ids.organisationId);
      const notJson = await t.app.request(importUrl("fr"), postForm(t, { rubric: "<xml/>" }, cookie));
      assert.equal(notJson.status, 400);
      assert.ok(shows(await notJson.text(), "Ce texte n’est pas du JSON"));
      const noRubric = await t.app.request(importUrl("en"), postForm(t, { rubric: "{}" }, cookie));
      assert.equal(noRubric.status, 400);
      assert.ok(shows(await noRubric.text(), "No CFRubric with levels was found"));
      const oneLevel = structuredClone(casePackage);
      oneLevel.CFRubrics[0]?.CFRubricCriteria[0]?.CFRubricCriterionLevels.splice(1);
      const tooFew = await t.app.request(importUrl("en"), postForm(t, { rubric: JSON.stringify(oneLevel) }, cookie));
      assert.equal(tooFew.status, 400);
      assert.deepEqual(await organisationScale(t.db, world.a.ids.organisationId), before, "nothing changed");
      const staff = await t.app.request(
        importUrl("en"),
        postForm(t, { rubric: JSON.stringify(casePackage) }, world.cookies.staffOther),
      );
      assert.ok([403, 404].includes(staff.status), `staff: ${staff.status}`);
      assert.deepEqual(await organisationScale(t.db, world.a.ids.organisationId), before);
    });

    it("an administrator's import becomes the organisation's own scale, in the change history", async () => {
      const page = await t.app.request("/en/orgs/alpha/scale", { headers: { cookie: world.cookies.orgAdmin ?? "" } });
      assert.ok((await page.text()).includes(`action="${importUrl("en")}"`), "the scale page offers the import");
      const res = await t.app.request(
        importUrl("en"),
        postForm(t, { rubric: JSON.stringify(casePackage) }, world.cookies.orgAdmin),
      );
      assert.equal(res.status, 303);
      const scale = await organisationScale(t.db, world.a.ids.organisationId);
      assert.equal(scale.organisationId, world.a.ids.organisationId);
      assert.deepEqual(
        scale.levels.map((l) => [l.label.en, l.label.fr]),
        [
          ["Novice", "Novice"],
          ["Practitioner", "Practitioner"],
          ["Expert", "Experte"],
        ],
      );
      const history = await t.db
        .selectFrom("organisation_changes")
        .select("after")
        .where("organisation_id", "=", world.a.ids.organisationId)
        .where("subject_kind", "=", "scale")
        .execute();
      assert.ok(history.some((row) => String(row.after).includes("Practitioner")));
    });
  });
}
