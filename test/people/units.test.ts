/**
 * Units on every dialect: the store (history kept, another organisation's ids unknown), the tree
 * editor pages in both languages (no JavaScript: each move is a form post) and the API.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { listChanges } from "../../src/people/organisations/changes.ts";
import {
  addUnit,
  deleteUnit,
  deletionEffects,
  HeadNotFoundError,
  listUnits,
  moveUnit,
  setUnitHead,
  UnitNotFoundError,
} from "../../src/people/units/store.ts";
import { buildTree, flatten } from "../../src/people/units/tree.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm } from "../support/auth.ts";
import { countTags, htmlLang, shows, tagsWith } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

const author = { id: null, label: "test" };

for (const dialect of testDialects()) {
  describe(`units (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
    });
    after(() => t.close());

    const order = async (organisationId: string) =>
      flatten(buildTree((await listUnits(t.db, organisationId)).map((u) => ({ ...u, parentId: u.parent_id })))).map(
        ({ unit, depth }) => `${"  ".repeat(depth)}${unit.name_en}`,
      );

    it("store: adds in order, moves with sub-units, sets a head, deletes keeping people; all in the history", async () => {
      const org = world.a.ids.organisationId;
      const root = world.a.ids.rootUnit;
      const east = await addUnit(t.db, org, { name_en: "East", name_fr: "Est", parent_id: root }, author);
      const kids = await addUnit(t.db, org, { name_en: "Kids", name_fr: "Jeunesse", parent_id: east.id }, author);
      assert.deepEqual(await order(org), ["Alpha System", "  Alpha Central Branch", "  East", "    Kids"]);
      assert.deepEqual(await moveUnit(t.db, org, east.id, { kind: "up" }, author), { ok: true });
      assert.deepEqual(await moveUnit(t.db, org, east.id, { kind: "under", parentId: kids.id }, author), {
        ok: false,
        why: "cycle",
      });
      assert.deepEqual(await order(org), ["Alpha System", "  East", "    Kids", "  Alpha Central Branch"]);
      await assert.rejects(
        addUnit(t.db, org, { name_en: "X", name_fr: "X", parent_id: world.b.ids.unit }, author),
        UnitNotFoundError,
        "another organisation's unit is no parent here",
      );
      await assert.rejects(moveUnit(t.db, org, world.b.ids.unit, { kind: "up" }, author), UnitNotFoundError);
      await assert.rejects(
        setUnitHead(t.db, org, kids.id, world.b.ids.employeeNumbers[world.b.ids.person], author),
        HeadNotFoundError,
        "a head from another organisation is refused",
      );
      await setUnitHead(t.db, org, kids.id, "A-1002", author);
      assert.equal((await listUnits(t.db, org)).find((u) => u.id === kids.id)?.head_name, "Ysolde Marchetti");

      await t.db.updateTable("people").set({ unit_id: kids.id }).where("id", "=", world.a.ids.person).execute();
      assert.deepEqual(await deletionEffects(t.db, org, east.id), { subUnits: 1, people: 1 });
      await deleteUnit(t.db, org, east.id, author);
      assert.deepEqual(await order(org), ["Alpha System", "  Alpha Central Branch"]);
      const person = await t.db
        .selectFrom("people")
        .select("unit_id")
        .where("id", "=", world.a.ids.person)
        .executeTakeFirst();
      assert.equal(person?.unit_id, null, "the person stays, without a unit");
      const changes = (await listChanges(t.db, org, { subject: "unit" })).changes;
      assert.deepEqual(
        changes.map((c) => c.action).sort(),
        ["create", "create", "delete", "delete", "update", "update"],
        "added twice, moved, head set, two deleted (the refused move wrote nothing)",
      );
      await t.db
        .updateTable("people")
        .set({ unit_id: world.a.ids.unit })
        .where("id", "=", world.a.ids.person)
        .execute();
    });

    it("pages: the tree editor works by form posts in both languages; members read, only HR edits", async () => {
      const hr = world.cookies.orgAdmin;
      for (const lang of ["en", "fr"] as const) {
        const page = await t.app.request(`/${lang}/orgs/alpha/units`, { headers: { cookie: hr as string } });
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.match(htmlLang(html) ?? "", new RegExp(`^${lang}`));
        assert.equal(countTags(html, "h1"), 1);
        assert.ok(
          tagsWith(html, "button", /aria-label="(Move|Placer|Descendre|Monter|Remonter)/).length > 0,
          "named buttons",
        );
      }
      const staff = await (
        await t.app.request("/en/orgs/alpha/units", { headers: { cookie: world.cookies.staffOther as string } })
      ).text();
      assert.ok(shows(staff, "Alpha Central Branch"), "staff read the tree");
      assert.doesNotMatch(staff, /action="\/en\/orgs\/alpha\/units/, "no editing forms for staff");

      const added = await t.app.request(
        "/fr/orgs/alpha/units",
        postForm(t, { name_en: "West", name_fr: "Ouest", parent: world.a.ids.rootUnit }, hr),
      );
      assert.equal(added.status, 303);
      const location = added.headers.get("location") as string;
      const west = new URL(location, "http://x").searchParams.get("unit") as string;
      assert.match(location, new RegExp(`#unit-${west}$`), "back at the unit added");
      const after = await (await t.app.request(location, { headers: { cookie: hr as string } })).text();
      assert.ok(shows(after, "L'unité Ouest a été ajoutée."));
      assert.match(after, new RegExp(`id="unit-${west}" tabindex="-1"`), "the row can take focus");

      const refused = await t.app.request(
        "/en/orgs/alpha/units",
        postForm(t, { name_en: "", name_fr: "", parent: "" }, hr),
      );
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /href="#field-name_en"/);

      const moved = await t.app.request(`/en/orgs/alpha/units/${west}/move`, postForm(t, { direction: "indent" }, hr));
      assert.equal(moved.status, 303);
      assert.deepEqual(await order(world.a.ids.organisationId), ["Alpha System", "  Alpha Central Branch", "    West"]);
      const cannot = await t.app.request(`/en/orgs/alpha/units/${west}/move`, postForm(t, { direction: "up" }, hr));
      assert.equal(cannot.status, 400);
      assert.ok(shows(await cannot.text(), "This unit cannot move that way."));

      const unitPage = await (
        await t.app.request(`/en/orgs/alpha/units/${world.a.ids.unit}`, { headers: { cookie: hr as string } })
      ).text();
      assert.ok(shows(unitPage, "Deleting it also deletes 1 sub-unit and leaves 2 people without a unit."));
      const under = await t.app.request(
        `/en/orgs/alpha/units/${world.a.ids.unit}/parent`,
        postForm(t, { parent: west }, hr),
      );
      assert.equal(under.status, 400);
      assert.ok(shows(await under.text(), "A unit cannot go under itself or one of its own sub-units."));
      const head = await t.app.request(
        `/fr/orgs/alpha/units/${west}/head`,
        postForm(t, { employee_number: "B-2001" }, hr),
      );
      assert.equal(head.status, 400, "B's employee number is nobody in A");
      assert.ok(shows(await head.text(), "Personne dans cette organisation n'a ce numéro d'employé."));
      const deleted = await t.app.request(`/en/orgs/alpha/units/${west}/delete`, postForm(t, {}, hr));
      assert.equal(deleted.status, 303);
      const notice = await (
        await t.app.request(deleted.headers.get("location") as string, { headers: { cookie: hr as string } })
      ).text();
      assert.ok(shows(notice, "West was deleted."));
      assert.equal(
        (await t.app.request(`/en/orgs/alpha/units/${world.b.ids.unit}`, { headers: { cookie: hr as string } })).status,
        404,
      );
    });

    it("API: the tree in reading order with depth, position and head; private", async () => {
      await setUnitHead(t.db, world.a.ids.organisationId, world.a.ids.unit, "A-1001", author);
      const response = await t.app.request("/api/v1/orgs/alpha/units", {
        headers: { cookie: world.cookies.staffReport as string },
      });
      assert.equal(response.status, 200);
      assert.match(response.headers.get("cache-control") ?? "", /no-store/);
      const body = (await response.json()) as {
        organisation: { slug: string };
        units: { id: string; depth: number; position: number; name: { fr: string }; head: { name: string } | null }[];
      };
      assert.equal(body.organisation.slug, "alpha");
      assert.deepEqual(
        body.units.map((u) => [u.name.fr, u.depth, u.position, u.head?.name ?? null]),
        [
          ["Réseau Alpha", 0, 1, null],
          ["Succursale centrale Alpha", 1, 1, "Quorra Vantablack"],
        ],
      );
      const one = await t.app.request(`/api/v1/orgs/alpha/units/${world.a.ids.unit}`, {
        headers: { cookie: world.cookies.staffReport as string },
      });
      assert.equal(((await one.json()) as { id: string }).id, world.a.ids.unit);
      const elsewhere = await t.app.request("/api/v1/orgs/beta/units", {
        headers: { cookie: world.cookies.staffReport as string },
      });
      assert.equal(elsewhere.status, 404);
      assert.ok(!(await elsewhere.text()).includes("Beta"));
    });
  });
}
