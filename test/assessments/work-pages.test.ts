/**
 * The assessment pages through HTTP, in English and French: the person rates themself without
 * JavaScript (one form, Save, then Submit) and with htmx (one competency per request, a fragment
 * back); a stale save of the same field answers 409 with both values and the input kept; the
 * manager reviews, agrees, both sign off; who sees what (the manager's manager and HR read, nobody
 * else); and every view by someone other than the person is in the access log.
 * Routes and policy, not SQL: SQLite only (the store runs on both databases in work-store.test.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { dayOf } from "../../src/assessments/due.ts";
import { commentField, levelField, was } from "../../src/assessments/work/form.ts";
import { itemKey, readHistory } from "../../src/assessments/work/read.ts";
import { offeredDueOn } from "../../src/assessments/work/reopen-form.ts";
import { makeTestApp } from "../support/app.ts";
import { type SeededAssessment, seedAssessment } from "../support/assessment-work.ts";
import { ensureAccount, postForm } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { buildPeopleWorld, insertPerson, type PeopleWorld, sessionCookieFor } from "../support/people-world.ts";

describe("assessment pages", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let world: PeopleWorld;
  let bossCookie: string;
  before(async () => {
    t = await makeTestApp({ starter: false });
    world = await buildPeopleWorld(t);
    // A manager above the world's manager: the manager's manager reads, does not write.
    const bossAccount = await ensureAccount(t, "editor", "boss-alpha@accounts.test");
    const boss = await insertPerson(t.db, world.a.ids.organisationId, {
      given: "Bertilde",
      family: "Okonkwo",
      email: "bertilde@alpha-people.test",
      number: "A-1000",
      userId: bossAccount,
    });
    await t.db.updateTable("people").set({ manager_id: boss }).where("id", "=", world.a.ids.manager).execute();
    bossCookie = await sessionCookieFor(t, bossAccount);
  });
  after(() => t.close());

  const seed = (state?: "not_started" | "in_progress" | "submitted") =>
    seedAssessment(t.db, {
      organisationId: world.a.ids.organisationId,
      personId: world.a.ids.person,
      managerId: world.a.ids.manager,
      state,
    });
  const url = (lang: string, s: SeededAssessment, rest = "") =>
    `/${lang}/orgs/alpha/assessments/${s.assessmentId}${rest}`;
  const get = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { cookie } : {} });
  const post = (path: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = {}) =>
    t.app.request(path, postForm(t, fields, cookie, headers));
  const key = (s: SeededAssessment, i: number) => itemKey(s.frameworkId, s.items[i] as string);
  const accessRows = (personId: string) =>
    t.db
      .selectFrom("access_log")
      .selectAll()
      .where("person_id", "=", personId)
      .where("what", "=", "assessment")
      .execute();
  const items = (s: SeededAssessment) =>
    t.db
      .selectFrom("assessment_items")
      .selectAll()
      .where("assessment_id", "=", s.assessmentId)
      .orderBy("ordinal")
      .execute();

  it("the page carries the evidence section and the printable page and PDF; evidence added there comes back to it", async () => {
    const s = await seed();
    const page = await (await get(url("fr", s), world.cookies.staffReport)).text();
    assert.ok(shows(page, "Version imprimable"));
    assert.match(page, new RegExp(`href="${url("fr", s, "/print")}"`));
    assert.match(page, new RegExp(`href="${url("fr", s, "/pdf")}"`));
    assert.match(page, /id="evidence-heading"/);
    assert.match(page, new RegExp(`action="${url("fr", s, "/evidence/links")}"`));
    const added = await post(
      url("fr", s, "/evidence/links"),
      { title: "Heure du conte", url: "https://library.example/conte", back: url("fr", s) },
      world.cookies.staffReport,
    );
    assert.equal(added.status, 303);
    assert.equal(added.headers.get("location"), url("fr", s));
    assert.ok(shows(await (await get(url("fr", s), world.cookies.staffReport)).text(), "Heure du conte"));
    // The manager reads it on the same page, without the forms of the person's step.
    const managers = await (await get(url("en", s), world.cookies.manager)).text();
    assert.ok(shows(managers, "Heure du conte"));
    assert.doesNotMatch(managers, new RegExp(`action="${url("en", s, "/evidence/links")}"`));
  });

  for (const lang of ["en", "fr"] as const)
    it(`the person's page (${lang}): one h1, a radio group per competency with its target, private, not logged`, async () => {
      const s = await seed();
      const before = (await accessRows(world.a.ids.person)).length;
      const response = await get(url(lang, s), world.cookies.staffReport);
      assert.equal(response.status, 200);
      assert.match(response.headers.get("cache-control") ?? "", /no-store/);
      const html = await response.text();
      assert.equal(htmlLang(html)?.slice(0, 2), lang);
      assert.equal(countTags(html, "h1"), 1);
      assert.ok(shows(html, lang === "en" ? "Lending practice P1.1" : "Pratique du prêt P1.1"));
      assert.match(html, /<fieldset[^>]*><legend>P1\.1 /);
      assert.ok(shows(html, lang === "en" ? "Target level: 3 — " : "Niveau visé : 3 — "));
      assert.ok(html.includes(`name="${levelField("self", key(s, 0))}"`));
      assert.ok(html.includes('hx-post="'), "each competency saves as the person goes");
      assert.ok(html.includes('role="status"'), "a live region says when it saved");
      assert.equal((await accessRows(world.a.ids.person)).length, before, "the person's own view is not logged");
    });

  it("without JavaScript: one form saves every competency, then Submit hands it over (fr)", async () => {
    const s = await seed();
    const fields = {
      version: "1",
      [levelField("self", key(s, 0))]: "2",
      [commentField("self", key(s, 0))]: "Je renouvelle les prêts.",
      [was(levelField("self", key(s, 0)))]: "0",
      [was(commentField("self", key(s, 0)))]: "",
      [levelField("self", key(s, 1))]: "4",
      [commentField("self", key(s, 1))]: "",
      [was(levelField("self", key(s, 1)))]: "0",
      [was(commentField("self", key(s, 1)))]: "",
    };
    const saved = await post(url("fr", s, "/self"), { ...fields, action: "save" }, world.cookies.staffReport);
    assert.equal(saved.status, 303);
    assert.match(saved.headers.get("location") ?? "", /\?done=saved#aw-competencies$/);
    assert.deepEqual(
      (await items(s)).map((i) => [i.self_level, i.self_comment]),
      [
        [2, "Je renouvelle les prêts."],
        [4, null],
      ],
    );
    const page = await (await get(url("fr", s, "?done=saved"), world.cookies.staffReport)).text();
    assert.ok(shows(page, "Vos modifications sont enregistrées."));
    assert.ok(shows(page, "En cours"));
    const submitted = await post(
      url("fr", s, "/self"),
      {
        ...fields,
        [was(levelField("self", key(s, 0)))]: "2",
        [was(commentField("self", key(s, 0)))]: "Je renouvelle les prêts.",
        [was(levelField("self", key(s, 1)))]: "4",
        action: "submit",
      },
      world.cookies.staffReport,
    );
    assert.equal(submitted.status, 303);
    const state = await t.db
      .selectFrom("assessments")
      .select("state")
      .where("id", "=", s.assessmentId)
      .executeTakeFirst();
    assert.equal(state?.state, "submitted");
    // Submitted: the person reads, no longer writes.
    const after = await (await get(url("fr", s), world.cookies.staffReport)).text();
    assert.ok(!after.includes(`name="${levelField("self", key(s, 0))}"`));
  });

  it("with htmx: a change saves that competency alone and answers “Saved at…” with the new version", async () => {
    const s = await seed();
    const response = await post(
      url("en", s, "/self"),
      {
        version: "1",
        item: key(s, 1),
        [levelField("self", key(s, 0))]: "5",
        [was(levelField("self", key(s, 0)))]: "0",
        [levelField("self", key(s, 1))]: "3",
        [was(levelField("self", key(s, 1)))]: "0",
        [commentField("self", key(s, 1))]: "Shelving",
        [was(commentField("self", key(s, 1)))]: "",
      },
      world.cookies.staffReport,
      { "hx-request": "true" },
    );
    assert.equal(response.status, 200);
    const fragment = await response.text();
    assert.match(fragment, /^Saved at /);
    assert.match(fragment, /id="aw-version" hx-swap-oob="true"><input type="hidden" name="version" value="2"/);
    assert.ok(
      fragment.includes(
        `id="aw-was-1" hx-swap-oob="true"><input type="hidden" name="${was(levelField("self", key(s, 1)))}" value="3"/>`,
      ),
      "the next save compares with what was just saved",
    );
    assert.deepEqual(
      (await items(s)).map((i) => i.self_level),
      [null, 3],
    );
  });

  it("with htmx: each competency's answer names the hidden fields of its own place on the page; an unknown one saves nothing", async () => {
    const s = await seed();
    // A competency the person adds goes last: the light save counts its place as the page lists it.
    const pick = itemKey(s.frameworkId, s.spare);
    assert.equal((await post(url("en", s, "/competencies"), { pick }, world.cookies.staffReport)).status, 303);
    const html = await (await get(url("en", s), world.cookies.staffReport)).text();
    const keys = [key(s, 0), key(s, 1), pick];
    let version = 2;
    for (const k of keys) {
      const place = html.match(
        new RegExp(`id="aw-was-(\\d+)"[^>]*><input type="hidden" name="${was(levelField("self", k))}"`),
      );
      assert.ok(place, `the page has the hidden fields of ${k}`);
      const answer = await post(
        url("en", s, "/self"),
        { version: String(version), item: k, [levelField("self", k)]: "2", [was(levelField("self", k))]: "0" },
        world.cookies.staffReport,
        { "hx-request": "true" },
      );
      const fragment = await answer.text();
      version++;
      assert.ok(
        fragment.includes(
          `id="aw-was-${place[1]}" hx-swap-oob="true"><input type="hidden" name="${was(levelField("self", k))}" value="2"/>`,
        ),
        `the answer for ${k} replaces the fields at place ${place[1]}: ${fragment}`,
      );
      assert.match(fragment, new RegExp(`name="version" value="${version}"`));
    }
    assert.deepEqual(
      (await items(s)).map((i) => i.self_level),
      [2, 2, 2],
    );
    const history = await t.db
      .selectFrom("assessment_history")
      .select(["event", "at"])
      .where("assessment_id", "=", s.assessmentId)
      .orderBy("at")
      .execute();
    assert.deepEqual(
      history.map((h) => h.event),
      ["item-added", "state", "rating", "rating", "rating"],
    );
    assert.equal(new Set(history.map((h) => h.at)).size, history.length, "each line has its own time");
    const unknown = await post(
      url("en", s, "/self"),
      { version: "5", item: "no~such", [levelField("self", "no~such")]: "2" },
      world.cookies.staffReport,
      { "hx-request": "true" },
    );
    assert.equal(unknown.status, 200);
    assert.ok(!(await unknown.text()).includes("aw-was-"));
    assert.deepEqual(
      (await items(s)).map((i) => i.self_level),
      [2, 2, 2],
    );
  });

  it("with htmx: the manager's first level moves the assessment to review, then the agreed level saves", async () => {
    const s = await seed("submitted");
    const k = key(s, 1);
    const first = await post(
      url("fr", s, "/review"),
      {
        version: "1",
        item: k,
        [levelField("manager", k)]: "3",
        [was(levelField("manager", k))]: "0",
        [levelField("agreed", k)]: "2",
        [was(levelField("agreed", k))]: "0",
      },
      world.cookies.manager,
      { "hx-request": "true" },
    );
    assert.equal(first.status, 200);
    const fragment = await first.text();
    assert.match(fragment, /^Enregistré à /);
    assert.ok(fragment.includes(`name="${was(levelField("manager", k))}" value="3"`));
    const row = await t.db
      .selectFrom("assessments")
      .select(["state"])
      .where("id", "=", s.assessmentId)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, "in_review");
    // The agreed level opens with review: sent in the same request, it is saved too.
    assert.deepEqual(
      (await items(s)).map((i) => [i.manager_level, i.agreed_level]),
      [
        [null, null],
        [3, 2],
      ],
    );
    assert.ok(fragment.includes(`name="${was(levelField("agreed", k))}" value="2"`));
    // The person's autosave is refused now, with the message in the status region.
    const late = await post(
      url("en", s, "/self"),
      { version: "3", item: k, [levelField("self", k)]: "1", [was(levelField("self", k))]: "0" },
      world.cookies.staffReport,
      { "hx-request": "true" },
    );
    assert.equal(late.status, 200);
    assert.ok(!(await late.text()).startsWith("Saved at"));
    assert.equal((await items(s))[1]?.self_level, null);
  });

  it("a stale save of the same field: 409 with both values, the input kept; the manager's work untouched", async () => {
    const s = await seed();
    const k = key(s, 0);
    const stale = { version: "1", [levelField("self", k)]: "2", [was(levelField("self", k))]: "0", action: "save" };
    assert.equal((await post(url("en", s, "/self"), stale, world.cookies.staffReport)).status, 303);
    // Another tab, loaded before that save, wants level 4.
    const conflict = await post(
      url("en", s, "/self"),
      { ...stale, [levelField("self", k)]: "4" },
      world.cookies.staffReport,
    );
    assert.equal(conflict.status, 409);
    const html = await conflict.text();
    assert.ok(shows(html, "Someone saved this assessment after you opened it."));
    assert.ok(shows(html, "saved meanwhile “2 — "), "their value");
    assert.ok(shows(html, "yours “4 — "), "your value");
    assert.match(html, new RegExp(`name="${levelField("self", k).replace(/[~]/g, ".")}" value="4" checked=""`));
    assert.equal((await items(s))[0]?.self_level, 2, "nothing overwritten");
  });

  it("the manager reviews and agrees, both sign off; the manager's views are in the access log (en)", async () => {
    const s = await seed("submitted");
    const before = (await accessRows(world.a.ids.person)).length;
    const page = await get(url("en", s), world.cookies.manager);
    assert.equal(page.status, 200);
    assert.ok(shows(await page.text(), "Manager’s level — P1.1"));
    assert.equal((await accessRows(world.a.ids.person)).length, before + 1);

    const review: Record<string, string> = { version: "1", action: "save" };
    for (const i of [0, 1]) {
      review[levelField("manager", key(s, i))] = "3";
      review[was(levelField("manager", key(s, i)))] = "0";
      review[commentField("manager", key(s, i))] = "Good";
      review[was(commentField("manager", key(s, i)))] = "";
    }
    assert.equal((await post(url("en", s, "/review"), review, world.cookies.manager)).status, 303);
    const agree: Record<string, string> = {
      version: "2",
      action: "agree",
      notes: "Talked it through.",
      date: "2027-03-02",
    };
    agree.was_notes = "";
    agree.was_date = "";
    for (const i of [0, 1]) {
      agree[levelField("agreed", key(s, i))] = "3";
      agree[was(levelField("agreed", key(s, i)))] = "0";
    }
    const agreed = await post(url("en", s, "/review"), agree, world.cookies.manager);
    assert.equal(agreed.status, 303, await agreed.text());
    assert.equal(
      (await post(url("en", s, "/sign"), {}, world.cookies.staffReport)).status,
      400,
      "the box must be ticked",
    );
    assert.equal((await post(url("en", s, "/sign"), { confirm: "yes" }, world.cookies.staffReport)).status, 303);
    assert.equal((await post(url("en", s, "/sign"), { confirm: "yes" }, world.cookies.manager)).status, 303);
    const row = await t.db
      .selectFrom("assessments")
      .selectAll()
      .where("id", "=", s.assessmentId)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, "signed_off");
    assert.equal(row.conversation_notes, "Talked it through.");
    const html = await (await get(url("en", s), world.cookies.staffReport)).text();
    assert.ok(shows(html, "Signed off by Ysolde Marchetti"));
    assert.ok(shows(html, "Submitted to the manager → In review"), "the history lists each state");
    // Each rating line says whose level went from what to what, and whether the comment changed.
    assert.match(html, /Manager’s rating: Not rated yet → 3 — [^<;]+; comment changed/);
    assert.match(html, /Agreed level: Not rated yet → 3 — /);
  });

  it("the manager's manager and HR read (logged) but do not write; others get 404", async () => {
    const s = await seed("submitted");
    const before = (await accessRows(world.a.ids.person)).length;
    assert.equal((await get(url("fr", s), bossCookie)).status, 200);
    assert.equal((await get(url("en", s), world.cookies.orgAdmin)).status, 200);
    assert.equal((await accessRows(world.a.ids.person)).length, before + 2);
    const review = {
      version: "1",
      [levelField("manager", key(s, 0))]: "2",
      [was(levelField("manager", key(s, 0)))]: "0",
    };
    assert.equal((await post(url("en", s, "/review"), review, bossCookie)).status, 403);
    assert.equal((await post(url("en", s, "/review"), review, world.cookies.orgAdmin)).status, 403);
    assert.equal((await post(url("en", s, "/self"), review, world.cookies.manager)).status, 403);
    for (const cookie of [world.cookies.staffOther, world.cookies.otherMember, world.cookies.instanceAdmin])
      assert.equal((await get(url("en", s), cookie)).status, 404);
    assert.equal((await items(s))[0]?.manager_level, null);
    // HR reopens with a reason and the day by which to finish.
    const dueOn = offeredDueOn(dayOf(new Date()));
    assert.equal(
      (await post(url("en", s, "/reopen"), { reason: " ", due_on: dueOn }, world.cookies.orgAdmin)).status,
      400,
    );
    assert.equal(
      (await post(url("en", s, "/reopen"), { reason: "Wrong profile", due_on: dueOn }, world.cookies.orgAdmin)).status,
      303,
    );
    const row = await t.db
      .selectFrom("assessments")
      .selectAll()
      .where("id", "=", s.assessmentId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.state, row.reopened_reason, row.due_on], ["reopened", "Wrong profile", dueOn]);
  });

  it("HR withdraws one person's assessment with a reason; nobody else may; nothing is written to it after", async () => {
    const s = await seed("in_progress");
    const hrPage = await (await get(url("fr", s), world.cookies.orgAdmin)).text();
    assert.ok(hrPage.includes(`action="/fr/orgs/alpha/assessments/${s.assessmentId}/withdraw"`), "HR sees the form");
    const personPage = await (await get(url("en", s), world.cookies.staffReport)).text();
    assert.ok(!personPage.includes("/withdraw"), "the person does not");
    for (const cookie of [world.cookies.staffReport, world.cookies.manager, bossCookie])
      assert.equal((await post(url("en", s, "/withdraw"), { withdrawReason: "No" }, cookie)).status, 403);
    const blank = await post(url("en", s, "/withdraw"), { withdrawReason: "  " }, world.cookies.orgAdmin);
    assert.equal(blank.status, 400);
    assert.ok((await blank.text()).includes('aria-invalid="true"'), "the reason is asked for");
    const done = await post(url("en", s, "/withdraw"), { withdrawReason: "Long leave" }, world.cookies.orgAdmin);
    assert.equal(done.status, 303);
    const row = await t.db
      .selectFrom("assessments")
      .select("state")
      .where("id", "=", s.assessmentId)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, "withdrawn");
    const lines = await readHistory(t.db, s.assessmentId);
    assert.ok(lines.some((line) => line.toState === "withdrawn" && line.detail.reason === "Long leave"));
    const save = { version: "2", [levelField("self", key(s, 0))]: "2", [was(levelField("self", key(s, 0)))]: "0" };
    assert.equal(
      (await post(url("en", s, "/self"), { ...save, action: "save" }, world.cookies.staffReport)).status,
      409,
    );
    assert.equal((await items(s))[0]?.self_level, null, "nothing written after the withdrawal");
  });

  it("the list: the person's own, the manager's reports', HR's all (fr)", async () => {
    const s = await seed();
    const mine = await (await get("/fr/orgs/alpha/assessments", world.cookies.staffReport)).text();
    assert.ok(mine.includes(s.assessmentId));
    assert.ok(shows(mine, "Mes évaluations"));
    const manager = await (await get("/fr/orgs/alpha/assessments", world.cookies.manager)).text();
    assert.ok(manager.includes(s.assessmentId));
    assert.ok(shows(manager, "Les évaluations de mon équipe"));
    const other = await (await get("/fr/orgs/alpha/assessments", world.cookies.staffOther)).text();
    assert.ok(!other.includes(s.assessmentId));
  });

  it("HR's list: filtered by name, cycle and state, in pages, any query string answered (en)", async () => {
    const s = await seed("submitted");
    const list = (query: string) => get(`/en/orgs/alpha/assessments${query}`, world.cookies.orgAdmin);
    const whole = await (await list("")).text();
    assert.ok(shows(whole, "All assessments"));
    assert.ok(whole.includes(s.assessmentId));
    assert.ok(/Showing 1–\d+ of \d+/.test(whole), "says which rows of how many");
    assert.equal(countTags(whole, "h1"), 1);
    // The seeded person is Ysolde Marchetti: found by a part of a name, in any case.
    const named = await (await list("?q=MARCH%20ysol")).text();
    assert.ok(named.includes(s.assessmentId));
    const submitted = await (await list(`?state=submitted&cycle=${s.cycleId}`)).text();
    assert.ok(submitted.includes(s.assessmentId));
    const other = await (await list("?state=signed_off")).text();
    assert.ok(!other.includes(s.assessmentId));
    const none = await (await list("?q=Zzyzx")).text();
    assert.ok(shows(none, "No assessment matches these filters."));
    assert.ok(shows(none, "Find assessments"), "the filters stay to change them");
    for (const query of ["?q=%25", "?q=%27%3B--", "?page=999999", "?page=-1&state=%3Cb%3E", `?q=${"x".repeat(500)}`]) {
      const response = await list(query);
      assert.equal(response.status, 200, query);
    }
    assert.ok(!(await (await list("?q=%25")).text()).includes(s.assessmentId), "% is a character, not a wildcard");
  });

  it("the person adds a competency from the index and removes it", async () => {
    const s = await seed();
    const found = await (await get(url("en", s, "?q=P1.3"), world.cookies.staffReport)).text();
    assert.ok(shows(found, "Lending practice P1.3"));
    const pick = itemKey(s.frameworkId, s.spare);
    assert.equal((await post(url("en", s, "/competencies"), { pick }, world.cookies.staffReport)).status, 303);
    assert.equal((await items(s)).length, 3);
    assert.equal(
      (await post(url("en", s, `/competencies/${encodeURIComponent(pick)}/remove`), {}, world.cookies.staffReport))
        .status,
      303,
    );
    assert.equal((await items(s)).length, 2);
  });
});
