/**
 * The "waiting for you" page, the reminder settings page and "My organisations" in English and
 * French, for a person, a manager, HR and someone with nothing waiting. Routes and rendering, so on
 * SQLite (the store behind them is tested on every database in reminder-job.test.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addDays, dayOf } from "../../src/assessments/reminders/tasks.ts";
import { makeTestApp } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { postForm } from "../support/auth.ts";
import { countTags, hrefs, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

describe("waiting for you and reminder settings", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let world: PeopleWorld;
  const today = dayOf(new Date());
  before(async () => {
    t = await makeTestApp({ starter: false });
    world = await buildPeopleWorld(t);
    const { organisationId, person, manager } = world.a.ids;
    // Two open cycles: in "late", the report's self-assessment was due yesterday; in "now", the
    // report has submitted and the manager's review is due in ten days.
    for (const [id, en, fr, self, review] of [
      ["late", "Autumn review", "Bilan d’automne", addDays(today, -1), addDays(today, 20)],
      ["now", "Spring review", "Bilan du printemps", addDays(today, -5), addDays(today, 10)],
    ] as const) {
      await t.db
        .insertInto("review_cycles")
        .values(cycleRow({ id, organisation_id: organisationId, state: "open", name_en: en, name_fr: fr }))
        .execute();
      await t.db
        .insertInto("review_cycle_steps")
        .values([
          { cycle_id: id, step: "self", due_date: self },
          { cycle_id: id, step: "manager", due_date: review },
        ])
        .execute();
    }
    await t.db
      .insertInto("assessments")
      .values([
        assessmentRow({
          id: "a-late",
          cycle_id: "late",
          organisation_id: organisationId,
          person_id: person,
          manager_id: manager,
          state: "in_progress",
        }),
        assessmentRow({
          id: "a-now",
          cycle_id: "now",
          organisation_id: organisationId,
          person_id: person,
          manager_id: manager,
          state: "submitted",
        }),
      ])
      .execute();
  });
  after(() => t.close());

  const get = (url: string, role: keyof PeopleWorld["cookies"]) =>
    t.app.request(url, { headers: { cookie: world.cookies[role] as string } });

  it("shows the person their overdue self-assessment, linked to it, in English and French", async () => {
    for (const [lang, task, late, title] of [
      ["en", "Finish your self-assessment", "Overdue", "Waiting for you"],
      ["fr", "Terminer votre autoévaluation", "En retard", "Ce qui vous attend"],
    ] as const) {
      const response = await get(`/${lang}/orgs/alpha/waiting`, "staffReport");
      assert.equal(response.status, 200);
      assert.match(response.headers.get("cache-control") ?? "", /no-store/);
      const html = await response.text();
      assert.equal(htmlLang(html), `${lang}-CA`);
      assert.equal(countTags(html, "h1"), 1);
      assert.ok(shows(html, title));
      assert.ok(shows(html, task), task);
      assert.ok(shows(html, late));
      assert.ok(hrefs(html).includes(`/${lang}/orgs/alpha/assessments/a-late`));
      assert.ok(hrefs(html).includes(`/${lang}/orgs/alpha/reminders`));
      // The submitted one now waits on the manager, not on them.
      assert.ok(!hrefs(html).includes(`/${lang}/orgs/alpha/assessments/a-now`));
    }
  });

  it("shows the manager the review waiting on them, naming whose", async () => {
    const html = await (await get("/en/orgs/alpha/waiting", "manager")).text();
    assert.ok(shows(html, "Review Ysolde Marchetti’s self-assessment"));
    assert.ok(hrefs(html).includes("/en/orgs/alpha/assessments/a-now"));
    assert.ok(!hrefs(html).includes("/en/orgs/alpha/assessments/a-late"));
    const fr = await (await get("/fr/orgs/alpha/waiting", "manager")).text();
    assert.ok(shows(fr, "Examiner l’autoévaluation de Ysolde Marchetti"));
  });

  it("shows HR the cycles with people behind, and no one's own tasks", async () => {
    const html = await (await get("/en/orgs/alpha/waiting", "orgAdmin")).text();
    assert.ok(shows(html, "Review cycles behind schedule"));
    assert.ok(shows(html, "1 person is behind on a step"));
    assert.ok(hrefs(html).includes("/en/orgs/alpha/cycles/late"));
    assert.ok(!hrefs(html).includes("/en/orgs/alpha/cycles/now"), "nobody is late in the other cycle");
    assert.ok(!hrefs(html).some((h) => h.includes("/assessments/")));
    // HR has no staff record here: no reminders of its own to choose.
    assert.ok(!hrefs(html).includes("/en/orgs/alpha/reminders"));
  });

  it("says so when nothing waits", async () => {
    assert.ok(shows(await (await get("/en/orgs/alpha/waiting", "staffOther")).text(), "Nothing is waiting for you"));
    assert.ok(shows(await (await get("/fr/orgs/alpha/waiting", "staffOther")).text(), "Rien ne vous attend"));
  });

  it("shows on My organisations how much waits, with a link to the list", async () => {
    const html = await (await get("/en/orgs", "staffReport")).text();
    assert.ok(shows(html, "1 thing is waiting for you (1 overdue)"));
    assert.ok(hrefs(html).includes("/en/orgs/alpha/waiting"));
    const fr = await (await get("/fr/orgs", "manager")).text();
    assert.ok(shows(fr, "1 tâche vous attend"));
    assert.ok(hrefs(fr).includes("/fr/orgs/alpha/waiting"));
  });

  it("lets a person choose a weekly digest without JavaScript, and back", async () => {
    const page = await (await get("/fr/orgs/alpha/reminders", "staffOther")).text();
    assert.equal(htmlLang(page), "fr-CA");
    assert.equal(countTags(page, "h1"), 1);
    assert.match(page, /<input[^>]*value="each"[^>]*checked/);
    assert.ok(shows(page, "Un résumé hebdomadaire"));

    const saved = await t.app.request(
      "/en/orgs/alpha/reminders",
      postForm(t, { mode: "weekly" }, world.cookies.staffOther),
    );
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get("location"), "/en/orgs/alpha/reminders?saved=1");
    const after = await (await get("/en/orgs/alpha/reminders?saved=1", "staffOther")).text();
    assert.ok(shows(after, "Your choice is saved."));
    assert.match(after, /<input[^>]*value="weekly"[^>]*checked/);
    const row = await t.db
      .selectFrom("reminder_settings")
      .select("mode")
      .where("person_id", "=", world.a.ids.otherPerson)
      .executeTakeFirst();
    assert.equal(row?.mode, "weekly");

    const refused = await t.app.request(
      "/en/orgs/alpha/reminders",
      postForm(t, { mode: "hourly" }, world.cookies.staffOther),
    );
    assert.equal(refused.status, 400);
    const body = await refused.text();
    assert.ok(shows(body, "Choose one of the options."));
    assert.match(body, /aria-invalid="true"/);
    const still = await t.db
      .selectFrom("reminder_settings")
      .select("mode")
      .where("person_id", "=", world.a.ids.otherPerson)
      .executeTakeFirst();
    assert.equal(still?.mode, "weekly", "a refused choice changes nothing");
  });
});
