/**
 * Development plans as people use them, in both languages and on both databases: the person starts
 * this year's plan, builds it from the suggestions of their latest assessment, submits it; whoever may
 * not see them gets 404, HR reads it (in the access log) without forms; the manager sends it back with
 * a reason, then approves; progress, check-ins, a stale form (409, what was typed kept); a finished
 * activity attached as evidence to the next cycle's assessment; HR's setting of the goal limit.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createResource, tagCompetencies } from "../../src/insights/learning/store.ts";
import { readPlan } from "../../src/insights/plans/read.ts";
import { planSettings } from "../../src/insights/settings.ts";
import { purge } from "../../src/people/privacy/retention.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { seedAssessment } from "../support/assessment-work.ts";
import { postForm } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, type PeopleWorld } from "../support/people-world.ts";

for (const dialect of testDialects()) {
  describe(`development plan pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let world: PeopleWorld;
    let items: string[];
    let frameworkId: string;
    let resourceId: string;
    const year = new Date().getUTCFullYear();
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildPeopleWorld(t);
      const { ids } = world.a;
      // Last cycle, closed: agreed 1 against a target of 3 on the first competency, 2 against 2 on the second.
      const seeded = await seedAssessment(t.db, {
        organisationId: ids.organisationId,
        personId: ids.person,
        managerId: ids.manager,
        state: "signed_off",
        cycleState: "closed",
      });
      await t.db
        .updateTable("review_cycles")
        .set({ period_start: "2026-01-01", period_end: "2026-06-30", name_en: "Review 2026", name_fr: "Bilan 2026" })
        .where("id", "=", seeded.cycleId)
        .execute();
      for (const [index, level] of [1, 2].entries())
        await t.db
          .updateTable("assessment_items")
          .set({ agreed_level: level })
          .where("assessment_id", "=", seeded.assessmentId)
          .where("item_id", "=", seeded.items[index] as string)
          .execute();
      items = seeded.items;
      frameworkId = seeded.frameworkId;
      resourceId = await createResource(
        t.db,
        ids.organisationId,
        {
          titleEn: "Storytelling workshop",
          titleFr: "Atelier de conte",
          url: "https://learning.example.org/storytelling",
          provider: null,
          format: "course",
          durationMinutes: null,
          costCents: null,
          currency: null,
        },
        null,
      );
      await tagCompetencies(
        t.db,
        ids.organisationId,
        resourceId,
        1,
        [{ frameworkId, itemId: items[0] as string }],
        null,
      );
    });
    after(() => t.close());

    const org = () => world.a.ids.org;
    const list = (lang = "en", person = world.a.ids.person) => `/${lang}/orgs/${org()}/people/${person}/plans`;
    const page = (lang = "en") => `${list(lang)}/${year}`;
    const get = (url: string, cookie?: string) => t.app.request(url, { headers: cookie ? { cookie } : {} });
    const post = (url: string, fields: Record<string, string>, cookie?: string) =>
      t.app.request(url, postForm(t, fields, cookie));
    const plan = async () => readPlan(t.db, world.a.ids.organisationId, world.a.ids.person, year);
    const version = async () => String((await plan())?.version);

    it("the person starts this year's plan and builds it from a suggestion, then submits it", async () => {
      const empty = await get(list("fr"), world.cookies.staffReport);
      assert.equal(empty.status, 200);
      const emptyHtml = await empty.text();
      assert.ok(htmlLang(emptyHtml)?.startsWith("fr"));
      assert.equal(countTags(emptyHtml, "h1"), 1);
      assert.ok(shows(emptyHtml, `Commencer le plan ${year}`));

      const created = await post(list(), { year: String(year) }, world.cookies.staffReport);
      assert.equal(created.status, 303);
      assert.equal(created.headers.get("location"), `${page()}?done=created`);

      const html = await (await get(page(), world.cookies.staffReport)).text();
      assert.ok(shows(html, "Suggestions from your latest assessment"));
      assert.ok(shows(html, "Agreed level 1, target 3: 2 levels to grow."), "the gap of the first competency");
      assert.ok(shows(html, "Storytelling workshop"), "the resource tagged to it");
      assert.ok(!shows(html, "Agreed level 2, target 2"), "a competency at its target suggests nothing");
      assert.ok(!shows(html, "Submit the plan for approval"), "an empty plan has nothing to submit");

      // "Add this resource as an activity" before any goal: the goal and the activity at once.
      const added = await post(
        `${page()}/goals`,
        {
          version: await version(),
          competency: `${frameworkId}~${items[0]}`,
          goal: "Reach level 3",
          resource: resourceId,
        },
        world.cookies.staffReport,
      );
      assert.equal(added.status, 303);
      const built = await plan();
      assert.equal(built?.goals.length, 1);
      assert.equal(built?.goals[0]?.activities[0]?.kind, "course");
      assert.equal(built?.goals[0]?.activities[0]?.resource?.id, resourceId);

      // A form with mistakes names its fields and keeps what was typed.
      const refused = await post(
        `${page("fr")}/goals/${built?.goals[0]?.id}/activities`,
        { version: await version(), kind: "practice", description: "", target_date: "2027-02-30" },
        world.cookies.staffReport,
      );
      assert.equal(refused.status, 400);
      const refusedHtml = await refused.text();
      assert.ok(shows(refusedHtml, "Précisez ce que vous ferez."));
      assert.ok(shows(refusedHtml, "Saisissez la date visée sous la forme année-mois-jour"));
      assert.ok(refusedHtml.includes('value="2027-02-30"'), "the date typed is kept");

      const practice = await post(
        `${page()}/goals/${built?.goals[0]?.id}/activities`,
        { version: await version(), kind: "practice", description: "Lead two storytimes", target_date: "2027-03-31" },
        world.cookies.staffReport,
      );
      assert.equal(practice.status, 303);
      const lead = (await plan())?.goals[0]?.activities[1];
      const redated = await post(
        `${page()}/activities/${lead?.id}`,
        {
          version: await version(),
          kind: "mentoring",
          description: "Lead two storytimes with a mentor",
          target_date: "",
        },
        world.cookies.staffReport,
      );
      assert.equal(redated.status, 303);
      assert.deepEqual(
        (await plan())?.goals[0]?.activities.map((a) => [a.kind, a.description, a.targetDate]),
        [
          ["course", "Storytelling workshop", null],
          ["mentoring", "Lead two storytimes with a mentor", null],
        ],
      );
      const submitted = await post(`${page()}/submit`, { version: await version() }, world.cookies.staffReport);
      assert.equal(submitted.status, 303);
      assert.equal((await plan())?.state, "submitted");
    });

    it("only HR, the person and their managers read it; other people's views are in the access log", async () => {
      // Linked from "My organisations" for the person, and from the person's record for whoever may read the plans.
      const landing = await (await get("/en/orgs", world.cookies.staffReport)).text();
      assert.ok(landing.includes(`href="${list()}"`));
      assert.ok(
        !(await (await get("/en/orgs", world.cookies.orgAdmin)).text()).includes("/plans"),
        "HR has no record here",
      );
      const record = async (role: "staffReport" | "manager") =>
        (await get(`/en/orgs/${org()}/people/${world.a.ids.person}`, world.cookies[role])).text();
      assert.ok((await record("staffReport")).includes(`href="${list()}"`));
      assert.ok(shows(await record("staffReport"), "My development plans"));
      assert.ok((await record("manager")).includes(`href="${list()}"`));
      for (const role of ["staffOther", "otherMember", "instanceAdmin"] as const)
        assert.equal((await get(page(), world.cookies[role])).status, 404, role);
      assert.equal((await get(page(), undefined)).status, 303, "anonymous: to sign in");
      const logged = async () =>
        (
          await t.db
            .selectFrom("access_log")
            .select(["what", "actor_id"])
            .where("person_id", "=", world.a.ids.person)
            .where("what", "=", "plan")
            .execute()
        ).length;
      const before = await logged();
      const hr = await get(page("fr"), world.cookies.orgAdmin);
      assert.equal(hr.status, 200);
      const hrHtml = await hr.text();
      assert.ok(shows(hrHtml, "Soumis : en attente de l’approbation d’un gestionnaire."));
      assert.ok(!shows(hrHtml, "Approuver le plan"), "HR reads; approving is for the managers up the chain");
      assert.equal(await logged(), before + 1);
      await get(page(), world.cookies.staffReport);
      assert.equal(await logged(), before + 1, "the person's own views are not logged");
      // Writes the reader may not make are refused, and change nothing.
      const v = await version();
      assert.equal((await post(`${page()}/approve`, { version: v }, world.cookies.orgAdmin)).status, 403);
      assert.equal((await post(`${page()}/approve`, { version: v }, world.cookies.staffReport)).status, 403);
      assert.equal((await post(`${page()}/checkins`, { version: v, note: "x" }, world.cookies.staffOther)).status, 404);
      assert.equal((await plan())?.state, "submitted");
    });

    it("the manager sends it back with a reason, then approves the plan submitted again", async () => {
      const html = await (await get(page(), world.cookies.manager)).text();
      assert.ok(shows(html, "Approve the plan"));
      const missing = await post(`${page()}/return`, { version: await version(), reason: " " }, world.cookies.manager);
      assert.equal(missing.status, 400);
      assert.ok(shows(await missing.text(), "Say what should change."));
      const sent = await post(
        `${page()}/return`,
        { version: await version(), reason: "Add a date to the workshop" },
        world.cookies.manager,
      );
      assert.equal(sent.status, 303);
      const personHtml = await (await get(page("fr"), world.cookies.staffReport)).text();
      assert.ok(shows(personHtml, "Add a date to the workshop"), "the person reads why");
      await post(`${page()}/submit`, { version: await version() }, world.cookies.staffReport);
      const approved = await post(`${page()}/approve`, { version: await version() }, world.cookies.manager);
      assert.equal(approved.status, 303);
      const after = await plan();
      assert.equal(after?.state, "approved");
      assert.equal(after?.returned, null);
      assert.match(after?.approvedByLabel ?? "", /manager-alpha@accounts\.test/);
    });

    it("a stale form answers 409 with the plan as it is and what was typed kept", async () => {
      const stale = String(Number(await version()) - 1);
      const response = await post(
        `${page()}/checkins`,
        { version: stale, note: "Two storytimes done" },
        world.cookies.manager,
      );
      assert.equal(response.status, 409);
      const html = await response.text();
      assert.ok(shows(html, "The plan changed since you opened this page"));
      assert.ok(html.includes("Two storytimes done"), "the note typed is kept");
      assert.equal((await plan())?.checkins.length, 0);
      const saved = await post(
        `${page()}/checkins`,
        { version: await version(), note: "Two storytimes done" },
        world.cookies.manager,
      );
      assert.equal(saved.status, 303);
      assert.equal((await plan())?.checkins[0]?.note, "Two storytimes done");
    });

    it("a finished activity goes as evidence to the next cycle's assessment, once", async () => {
      const activity = (await plan())?.goals[0]?.activities[0];
      assert.ok(activity);
      const done = await post(
        `${page()}/activities/${activity.id}/status`,
        { version: await version(), status: "done" },
        world.cookies.staffReport,
      );
      assert.equal(done.status, 303);
      assert.ok((await plan())?.goals[0]?.activities[0]?.doneAt);
      // No open cycle yet: nothing to attach to.
      assert.ok(!shows(await (await get(page(), world.cookies.staffReport)).text(), "Attach as evidence"));
      const next = await seedAssessment(t.db, {
        organisationId: world.a.ids.organisationId,
        personId: world.a.ids.person,
        managerId: world.a.ids.manager,
        state: "in_progress",
      });
      await t.db.updateTable("review_cycles").set({ name_en: "Review 2027" }).where("id", "=", next.cycleId).execute();
      const html = await (await get(page(), world.cookies.staffReport)).text();
      assert.ok(shows(html, "Attach as evidence to Review 2027"));
      const attach = () =>
        version().then((v) =>
          post(
            `${page()}/activities/${activity.id}/evidence`,
            { version: v, assessment: next.assessmentId },
            world.cookies.staffReport,
          ),
        );
      assert.equal((await attach()).status, 303);
      const evidence = await t.db
        .selectFrom("assessment_evidence")
        .selectAll()
        .where("assessment_id", "=", next.assessmentId)
        .execute();
      assert.equal(evidence.length, 1);
      assert.equal(evidence[0]?.kind, "link");
      assert.equal(evidence[0]?.item_id, items[0]);
      assert.equal(evidence[0]?.title, "Storytelling workshop");
      assert.equal(evidence[0]?.url, new URL(page(), t.config.baseUrl).href);
      assert.equal((await attach()).headers.get("location"), `${page()}?done=evidenceAlready`);
      assert.equal(
        (
          await t.db
            .selectFrom("assessment_evidence")
            .selectAll()
            .where("assessment_id", "=", next.assessmentId)
            .execute()
        ).length,
        1,
      );
      // Someone else's assessment is never a target.
      const foreign = await seedAssessment(t.db, {
        organisationId: world.a.ids.organisationId,
        personId: world.a.ids.otherPerson,
        managerId: null,
        state: "in_progress",
      });
      const refused = await post(
        `${page()}/activities/${activity.id}/evidence`,
        { version: await version(), assessment: foreign.assessmentId },
        world.cookies.staffReport,
      );
      assert.equal(refused.status, 409);
      assert.equal(
        (
          await t.db
            .selectFrom("assessment_evidence")
            .selectAll()
            .where("assessment_id", "=", foreign.assessmentId)
            .execute()
        ).length,
        0,
      );
    });

    it("HR sets how many goals a plan may hold (1 to 12); nobody else may", async () => {
      const url = (lang: string) => `/${lang}/orgs/${org()}/plans/settings`;
      const settingsPage = await (await get(`/en/orgs/${org()}/settings`, world.cookies.orgAdmin)).text();
      assert.ok(settingsPage.includes(`href="${url("en")}"`), "linked from the organisation's settings");
      assert.equal((await get(url("en"), world.cookies.manager)).status, 403);
      const form = await get(url("fr"), world.cookies.orgAdmin);
      assert.equal(form.status, 200);
      assert.ok(shows(await form.text(), "Nombre d’objectifs permis par plan"));
      const wrong = await post(url("fr"), { max_plan_goals: "13" }, world.cookies.orgAdmin);
      assert.equal(wrong.status, 400);
      assert.ok(shows(await wrong.text(), "Saisissez un nombre entier de 1 à 12."));
      assert.equal((await post(url("en"), { max_plan_goals: "2" }, world.cookies.manager)).status, 403);
      const saved = await post(url("en"), { max_plan_goals: "1" }, world.cookies.orgAdmin);
      assert.equal(saved.status, 303);
      const row = await t.db
        .selectFrom("organisations")
        .select("settings")
        .where("id", "=", world.a.ids.organisationId)
        .executeTakeFirstOrThrow();
      assert.equal(planSettings(row.settings).maxPlanGoals, 1);
      // The plan of next year takes one goal, and says why it refuses the second.
      const nextYear = year + 1;
      await t.db
        .insertInto("development_plans")
        .values({
          id: randomUUID(),
          organisation_id: world.a.ids.organisationId,
          person_id: world.a.ids.person,
          year: nextYear,
          state: "draft",
          version: 1,
          created_at: "2027-01-01T00:00:00.000Z",
          updated_at: "2027-01-01T00:00:00.000Z",
        })
        .execute();
      const goals = `${list()}/${nextYear}/goals`;
      assert.equal(
        (
          await post(
            goals,
            { version: "1", competency: `${frameworkId}~${items[0]}`, goal: "One" },
            world.cookies.staffReport,
          )
        ).status,
        303,
      );
      const second = await post(
        goals,
        { version: "2", competency: `${frameworkId}~${items[1]}`, goal: "Two" },
        world.cookies.staffReport,
      );
      assert.equal(second.status, 409);
      assert.ok(shows(await second.text(), "A plan holds at most 1 goal in your organisation."));
    });

    it("plans are in the person's data export, and go with the person when retention removes them", async () => {
      const json = await get(`/en/orgs/${org()}/people/${world.a.ids.person}/data.json`, world.cookies.staffReport);
      assert.equal(json.status, 200);
      const document = (await json.json()) as { sections: Record<string, unknown> };
      const plans = document.sections.developmentPlans as { year: number; goals: { goal: string }[] }[];
      assert.deepEqual(
        plans.map((p) => p.year),
        [year + 1, year],
      );
      assert.equal(plans[1]?.goals[0]?.goal, "Reach level 3");
      const page = await (
        await get(`/fr/orgs/${org()}/people/${world.a.ids.person}/data`, world.cookies.staffReport)
      ).text();
      assert.ok(shows(page, "Plans de développement"));
      assert.ok(shows(page, "Lead two storytimes with a mentor"));

      // Someone who left, with a plan: retention removes them, and their plan with them.
      const left = world.a.ids.leftPerson;
      await t.db
        .insertInto("development_plans")
        .values({
          id: randomUUID(),
          organisation_id: world.a.ids.organisationId,
          person_id: left,
          year,
          state: "approved",
          version: 1,
          created_at: "2026-01-01T00:00:00.000Z",
          updated_at: "2026-01-01T00:00:00.000Z",
        })
        .execute();
      await t.db
        .updateTable("organisations")
        .set({ retention_left_months: 1 })
        .where("id", "=", world.a.ids.organisationId)
        .execute();
      const report = await purge(t.db, {
        dryRun: false,
        now: new Date("2027-06-01T00:00:00Z"),
        organisationSlug: org(),
      });
      assert.equal(report.totals.people, 1);
      assert.equal(
        (await t.db.selectFrom("development_plans").select("id").where("person_id", "=", left).execute()).length,
        0,
      );
      assert.ok(await plan(), "the plans of people kept are kept");
    });
  });
}
