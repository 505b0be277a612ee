/**
 * The reminder job after a reopening with a due date (decision 053), on every database: a real SMTP
 * server receives what the job sends while a controllable clock moves on. Paul's assessment is
 * reopened after every date of the cycle has passed, to be finished by 8 April 2027: he is told it
 * waits for him, due on that day — not that it is overdue — then reminded before it, and told it is
 * overdue only once that day has passed. Wendy's, reopened without a date of its own (as before
 * migration 025), is overdue by the cycle's date, as it always was.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import { runReminders } from "../../src/assessments/reminders/job.ts";
import { changeState } from "../../src/assessments/work/store.ts";
import type { DB } from "../../src/db/schema.ts";
import { createLogger } from "../../src/log.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { type ReceivedMail, startSmtpServer, type TestSmtpServer, textBody } from "../support/smtp.ts";

const BASE = "https://skills.library.example";
const AT = "2027-01-10T09:00:00.000Z";
const logger = createLogger("silent");
const reviewer = { id: null, label: "Marie <marie@riverside.test>" };

async function person(db: Kysely<DB>, id: string, given: string, lang: "en" | "fr", managerId: string | null) {
  await db
    .insertInto("people")
    .values({
      id,
      organisation_id: "org",
      given_name: given,
      family_name: "Tester",
      preferred_name: null,
      email: `${id}@riverside.test`,
      employee_number: id,
      unit_id: null,
      manager_id: managerId,
      status: "active",
      status_since: null,
      preferred_lang: lang,
      user_id: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
}

/** Marie (French) reviews Paul and Wendy (English), whose self-assessments are submitted. */
async function buildWorld(db: Kysely<DB>) {
  await db
    .insertInto("organisations")
    .values({
      id: "org",
      slug: "riverside",
      name_en: "Riverside Library",
      name_fr: "Bibliothèque Riverside",
      default_lang: "en",
      settings: "{}",
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await person(db, "marie", "Marie", "fr", null);
  await person(db, "paul", "Paul", "en", "marie");
  await person(db, "wendy", "Wendy", "en", "marie");
  await db
    .insertInto("review_cycles")
    .values(
      cycleRow({
        id: "cycle",
        organisation_id: "org",
        state: "open",
        name_en: "Spring 2027",
        name_fr: "Printemps 2027",
      }),
    )
    .execute();
  await db
    .insertInto("review_cycle_steps")
    .values([
      { cycle_id: "cycle", step: "self", due_date: "2027-03-10" },
      { cycle_id: "cycle", step: "manager", due_date: "2027-03-20" },
      { cycle_id: "cycle", step: "conversation", due_date: "2027-03-27" },
      { cycle_id: "cycle", step: "signoff", due_date: "2027-04-03" },
    ])
    .execute();
  for (const who of ["paul", "wendy"])
    await db
      .insertInto("assessments")
      .values(
        assessmentRow({
          id: `a-${who}`,
          cycle_id: "cycle",
          organisation_id: "org",
          person_id: who,
          manager_id: "marie",
          state: "submitted",
        }),
      )
      .execute();
}

const bodyOf = (mail: ReceivedMail | undefined) => textBody(mail?.raw ?? "")?.replace(/[\u00a0\u202f]/g, " ") ?? "";

for (const dialect of testDialects()) {
  describe(`reminders after a reopening with a due date (${dialect})`, () => {
    let smtp: TestSmtpServer;
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    before(async () => {
      smtp = await startSmtpServer();
      const database = await openTestDatabase(dialect);
      db = database.db;
      close = () => database.close();
      await buildWorld(db);
    });
    after(async () => {
      await close();
      await smtp.close();
    });

    const receivedOn = async (day: string) => {
      const before = smtp.received.length;
      await runReminders(
        { db, mailer: createMailer({ smtpUrl: smtp.url, from: "s@x.test" }, logger), baseUrl: BASE, logger },
        new Date(`${day}T07:00:00.000Z`),
      );
      return smtp.received.slice(before);
    };
    const to = (mails: ReceivedMail[], who: string) => mails.find((m) => m.to.join() === `${who}@riverside.test`);

    it("28 March, every cycle date but the sign-off's past: Marie reopens both, Paul's with a date", async () => {
      // Before the reopening, the reviewer's review is overdue: that is Marie's, not theirs.
      await receivedOn("2027-03-27");
      const now = new Date("2027-03-28T09:00:00.000Z");
      await changeState(
        db,
        { organisationId: "org", assessmentId: "a-paul" },
        { action: "reopen", reason: "Missing evidence", dueOn: "2027-04-08", party: "reviewer", actor: reviewer, now },
      );
      await changeState(
        db,
        { organisationId: "org", assessmentId: "a-wendy" },
        { action: "reopen", reason: "Missing evidence", party: "reviewer", actor: reviewer, now },
      );
      const rows = await db.selectFrom("assessments").select(["id", "state", "due_on"]).orderBy("id").execute();
      assert.deepEqual(rows, [
        { id: "a-paul", state: "reopened", due_on: "2027-04-08" },
        { id: "a-wendy", state: "reopened", due_on: null },
      ]);
    });

    it("29 March: Paul hears it waits for him, due 8 April, not overdue; Wendy hears hers is overdue", async () => {
      const mails = await receivedOn("2027-03-29");
      const paul = bodyOf(to(mails, "paul"));
      assert.match(
        paul,
        /Your assessment was reopened: look at it again \(Spring 2027\), now waiting for you, due April 8, 2027/,
      );
      assert.doesNotMatch(paul, /overdue/i);
      assert.ok(paul.includes(`${BASE}/en/orgs/riverside/assessments/a-paul`));
      assert.match(bodyOf(to(mails, "wendy")), /overdue since March 10, 2027/);
      assert.equal(to(mails, "marie"), undefined, "nothing waits on the reviewer now");
    });

    it("1 April, a week before: reminded of the date; 7 April, the day before; 9 April: overdue since 8 April", async () => {
      const week = to(await receivedOn("2027-04-01"), "paul");
      assert.match(bodyOf(week), /look at it again \(Spring 2027\), due April 8, 2027/);
      assert.doesNotMatch(bodyOf(week), /overdue/i);
      assert.equal(to(await receivedOn("2027-04-05"), "paul"), undefined, "nothing between reminders");
      assert.match(bodyOf(to(await receivedOn("2027-04-07"), "paul")), /due April 8, 2027/);
      assert.equal(to(await receivedOn("2027-04-08"), "paul"), undefined, "the day itself is on time");
      assert.match(bodyOf(to(await receivedOn("2027-04-09"), "paul")), /overdue since April 8, 2027/);
    });
  });
}
