/**
 * The reminder job end to end, on every database: a real SMTP server receives what the job sends
 * while a controllable clock moves through a review cycle. Who got what, in which language, with
 * which links, on which day; re-running sends nothing new; two runs at once send each message once;
 * a refused message is tried again; and `skillshelf reminders --now`.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import { runReminders, startReminderJob } from "../../src/assessments/reminders/job.ts";
import { saveReminderMode } from "../../src/assessments/reminders/store.ts";
import { readConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { DB } from "../../src/db/schema.ts";
import { createLogger } from "../../src/log.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { runSkillshelf } from "../support/cli.ts";
import { header, type ReceivedMail, startSmtpServer, type TestSmtpServer, textBody } from "../support/smtp.ts";

const BASE = "https://skills.library.example";
const AT = "2027-01-10T09:00:00.000Z";
const logger = createLogger("silent");

async function person(
  db: Kysely<DB>,
  id: string,
  fields: { given: string; email: string | null; lang: "en" | "fr"; managerId?: string; status?: string },
) {
  await db
    .insertInto("people")
    .values({
      id,
      organisation_id: "org",
      given_name: fields.given,
      family_name: "Tester",
      preferred_name: null,
      email: fields.email,
      employee_number: id,
      unit_id: null,
      manager_id: fields.managerId ?? null,
      status: fields.status ?? "active",
      status_since: null,
      preferred_lang: fields.lang,
      user_id: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
}

/**
 * One organisation and an open cycle: Marie (French) manages Paul and Wendy (English); Wendy takes a
 * weekly digest; Léa has left. Self-assessment due 10 March 2027 (a Wednesday), manager review 20 March.
 */
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
  await person(db, "marie", { given: "Marie", email: "marie@riverside.test", lang: "fr" });
  await person(db, "paul", { given: "Paul", email: "paul@riverside.test", lang: "en", managerId: "marie" });
  await person(db, "wendy", { given: "Wendy", email: "wendy@riverside.test", lang: "en", managerId: "marie" });
  await person(db, "lea", {
    given: "Léa",
    email: "lea@riverside.test",
    lang: "fr",
    managerId: "marie",
    status: "left",
  });
  await saveReminderMode(db, "wendy", "weekly", AT);
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
  for (const who of ["paul", "wendy", "lea"])
    await db
      .insertInto("assessments")
      .values(
        assessmentRow({
          id: `a-${who}`,
          cycle_id: "cycle",
          organisation_id: "org",
          person_id: who,
          manager_id: "marie",
        }),
      )
      .execute();
  // A closed cycle's assessments wait on nobody.
  await db
    .insertInto("review_cycles")
    .values(cycleRow({ id: "old", organisation_id: "org", state: "closed" }))
    .execute();
  await db.insertInto("review_cycle_steps").values({ cycle_id: "old", step: "self", due_date: "2027-03-05" }).execute();
  await db
    .insertInto("assessments")
    .values(
      assessmentRow({ id: "a-old", cycle_id: "old", organisation_id: "org", person_id: "paul", manager_id: "marie" }),
    )
    .execute();
}

/** Moves an assessment to a state as the assessment store would, with its history entry. */
async function moveTo(db: Kysely<DB>, id: string, state: string, at: string) {
  await db.updateTable("assessments").set({ state, updated_at: at }).where("id", "=", id).execute();
  await db
    .insertInto("assessment_history")
    .values({
      id: randomUUID(),
      assessment_id: id,
      at,
      actor_id: null,
      actor_label: "test",
      event: "state",
      from_state: null,
      to_state: state,
      detail: null,
    })
    .execute();
}

/** French typography puts no-break spaces before « : »; the assertions write plain ones. */
const plain = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, " ");
const bodyOf = (mail: ReceivedMail | undefined) => plain(textBody(mail?.raw ?? "")) ?? "";

const summary = (mail: ReceivedMail) => ({
  to: mail.to.join(","),
  subject: plain(header(mail.raw, "subject")),
  lang: header(mail.raw, "content-language"),
});

for (const dialect of testDialects()) {
  describe(`reminder job (${dialect})`, () => {
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

    const run = (day: string) =>
      runReminders(
        {
          db,
          mailer: createMailer({ smtpUrl: smtp.url, from: "Skillshelf <s@x.test>" }, logger),
          baseUrl: BASE,
          logger,
        },
        new Date(`${day}T07:00:00.000Z`),
      );
    /** Runs the job on `day` and returns only what arrived during that run. */
    const receivedOn = async (day: string) => {
      const before = smtp.received.length;
      await run(day);
      return smtp.received.slice(before);
    };

    it("1 March (a Monday): the weekly-digest person gets her summary; nobody else is due yet", async () => {
      const mails = await receivedOn("2027-03-01");
      assert.deepEqual(mails.map(summary), [
        { to: "wendy@riverside.test", subject: "Skillshelf: your weekly summary for Riverside Library", lang: "en" },
      ]);
      const text = bodyOf(mails[0]);
      assert.match(text, /Hello Wendy Tester,/);
      assert.match(text, /Start your self-assessment \(Spring 2027\), due March 10, 2027/);
      assert.ok(text.includes(`${BASE}/en/orgs/riverside/assessments/a-wendy`));
      assert.ok(text.includes(`${BASE}/en/orgs/riverside/reminders`));
      assert.match(mails[0].raw, /Content-Type: text\/html/i);
      assert.deepEqual(await receivedOn("2027-03-01"), [], "running again the same day sends nothing");
    });

    it("3 March, a week before the due date: Paul is reminded, in English, with a link to his assessment", async () => {
      const mails = await receivedOn("2027-03-03");
      assert.deepEqual(mails.map(summary), [
        { to: "paul@riverside.test", subject: "Skillshelf: waiting for you at Riverside Library", lang: "en" },
      ]);
      const text = bodyOf(mails[0]);
      assert.match(text, /Start your self-assessment \(Spring 2027\), due March 10, 2027/);
      assert.ok(text.includes(`${BASE}/en/orgs/riverside/assessments/a-paul`));
      assert.ok(!text.includes("a-old"), "nothing about the closed cycle");
      for (const day of ["2027-03-04", "2027-03-05", "2027-03-06"]) assert.deepEqual(await receivedOn(day), [], day);
    });

    it("Paul submits on 7 March: his manager hears at once, in French; Wendy's next digest waits for the next week", async () => {
      await moveTo(db, "a-paul", "submitted", "2027-03-07T16:00:00.000Z");
      const mails = await receivedOn("2027-03-07");
      assert.deepEqual(mails.map(summary), [
        {
          to: "marie@riverside.test",
          subject: "Skillshelf : des tâches vous attendent (Bibliothèque Riverside)",
          lang: "fr",
        },
      ]);
      const text = bodyOf(mails[0]);
      assert.match(text, /Bonjour Marie Tester,/);
      assert.match(text, /Examiner l’autoévaluation de Paul Tester \(Printemps 2027\), vous attend maintenant/);
      assert.ok(text.includes(`${BASE}/fr/orgs/riverside/assessments/a-paul`));
      assert.ok(!text.includes("Léa"), "nothing about someone who left");
      const digest = await receivedOn("2027-03-08");
      assert.deepEqual(
        digest.map((m) => m.to.join()),
        ["wendy@riverside.test"],
        "a new ISO week, a new digest",
      );
    });

    it("the day before and the day after the due date; then nothing more", async () => {
      const nineth = await receivedOn("2027-03-09");
      assert.deepEqual(
        nineth.map((m) => m.to.join()),
        [],
        "Paul has submitted; Wendy has had her week's digest",
      );
      await moveTo(db, "a-wendy", "in_progress", "2027-03-09T10:00:00.000Z");
      await saveReminderMode(db, "wendy", "each", "2027-03-09T10:00:00.000Z");
      const tenth = await receivedOn("2027-03-10");
      assert.deepEqual(
        tenth.map((m) => m.to.join()),
        ["wendy@riverside.test"],
      );
      assert.match(bodyOf(tenth[0]), /Finish your self-assessment \(Spring 2027\), due March 10, 2027/);
      const eleventh = await receivedOn("2027-03-11");
      assert.deepEqual(
        eleventh.map((m) => m.to.join()),
        ["wendy@riverside.test"],
      );
      assert.match(bodyOf(eleventh[0]), /overdue since March 10, 2027/);
      for (const day of ["2027-03-11", "2027-03-12"]) assert.deepEqual(await receivedOn(day), [], day);
    });

    it("two runs at once send each message once", async () => {
      await moveTo(db, "a-wendy", "submitted", "2027-03-13T09:00:00.000Z");
      const before = smtp.received.length;
      const reports = await Promise.all([run("2027-03-13"), run("2027-03-13")]);
      const arrived = smtp.received.slice(before);
      assert.deepEqual(
        arrived.map((m) => m.to.join()),
        ["marie@riverside.test"],
      );
      assert.equal(reports.flatMap((r) => r.sent).length, 1);
      const keys = await db.selectFrom("reminders_sent").select(["person_id", "reminder_key"]).execute();
      assert.equal(new Set(keys.map((k) => `${k.person_id}|${k.reminder_key}`)).size, keys.length);
      assert.ok(!keys.some((k) => k.person_id === "lea"));
    });

    it("a message the server refuses is not recorded, and goes out on the next run", async () => {
      await moveTo(db, "a-paul", "agreed", "2027-03-30T09:00:00.000Z");
      const refusing = await startSmtpServer({ reject: true });
      try {
        const report = await runReminders(
          { db, mailer: createMailer({ smtpUrl: refusing.url, from: "s@x.test" }, logger), baseUrl: BASE, logger },
          new Date("2027-03-30T07:00:00.000Z"),
        );
        assert.deepEqual(report.sent, []);
        assert.deepEqual(report.failed.map((f) => f.to).sort(), ["marie@riverside.test", "paul@riverside.test"]);
        const recorded = await db
          .selectFrom("reminders_sent")
          .select("reminder_key")
          .where("reminder_key", "like", "%signoff%")
          .execute();
        assert.deepEqual(recorded, []);
      } finally {
        await refusing.close();
      }
      const retried = await receivedOn("2027-03-30");
      assert.deepEqual(retried.map((m) => m.to.join()).sort(), ["marie@riverside.test", "paul@riverside.test"]);
      assert.match(bodyOf(retried.find((m) => m.to[0] === "paul@riverside.test")), /Sign off your assessment/);
    });

    it("sends nothing and records nothing without an SMTP server", async () => {
      const report = await runReminders(
        { db, mailer: createMailer({ from: "s@x.test" }, logger), baseUrl: BASE, logger },
        new Date("2027-05-01T07:00:00.000Z"),
      );
      assert.equal(report.configured, false);
      const recorded = await db
        .selectFrom("reminders_sent")
        .select("reminder_key")
        .where("sent_at", ">=", "2027-05")
        .execute();
      assert.deepEqual(recorded, []);
    });
  });
}

describe("the scheduled job and its settings", () => {
  it("runs on the server's clock, each tick sending only what is new", async () => {
    const smtp = await startSmtpServer();
    const database = await openTestDatabase("sqlite");
    try {
      await buildWorld(database.db);
      let clock = new Date("2027-03-03T06:00:00.000Z");
      const job = startReminderJob({
        db: database.db,
        mailer: createMailer({ smtpUrl: smtp.url, from: "s@x.test" }, logger),
        baseUrl: BASE,
        logger,
        intervalMs: 0,
        now: () => clock,
      });
      const first = await job.tick();
      assert.deepEqual(first.sent.map((s) => `${s.to} ${s.type}`).sort(), [
        "paul@riverside.test reminders",
        "wendy@riverside.test digest",
      ]);
      assert.deepEqual((await job.tick()).sent, []);
      clock = new Date("2027-03-08T06:00:00.000Z");
      assert.deepEqual(
        (await job.tick()).sent.map((s) => s.to),
        ["wendy@riverside.test"],
        "a new week: the digest; Paul's next reminder is the day before",
      );
      clock = new Date("2027-03-09T06:00:00.000Z");
      assert.deepEqual(
        (await job.tick()).sent.map((s) => s.to),
        ["paul@riverside.test"],
      );
      await job.stop();
      assert.equal(smtp.received.length, 4);
    } finally {
      await database.close();
      await smtp.close();
    }
  });

  it("reads how often and how many days before from the environment", () => {
    assert.deepEqual(readConfig({}).reminders, { everyMinutes: 60, daysBefore: [7, 1] });
    assert.deepEqual(readConfig({ REMINDERS_EVERY_MINUTES: "0", REMINDER_DAYS_BEFORE: "1, 14,14" }).reminders, {
      everyMinutes: 0,
      daysBefore: [14, 1],
    });
    assert.throws(() => readConfig({ REMINDER_DAYS_BEFORE: "soon" }), /REMINDER_DAYS_BEFORE/);
    assert.throws(() => readConfig({ REMINDERS_EVERY_MINUTES: "-5" }), /REMINDERS_EVERY_MINUTES/);
  });
});

describe("skillshelf reminders", () => {
  let smtp: TestSmtpServer;
  let folder: string;
  let file: string;
  before(async () => {
    smtp = await startSmtpServer();
    folder = mkdtempSync(join(tmpdir(), "skillshelf-reminders-"));
    file = join(folder, "cli.db");
    const database = await openDatabase(file);
    try {
      await migrateToLatest(database.db);
      await buildWorld(database.db);
    } finally {
      await database.close();
    }
  });
  after(async () => {
    await smtp.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("sends what is due at --now, once, and refuses a --now that is no date", async () => {
    const env = { DATABASE_URL: file, SMTP_URL: smtp.url, BASE_URL: BASE, LOG_LEVEL: "silent" };
    const first = await runSkillshelf(["reminders", "--now", "2027-03-03T08:00:00Z"], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /2027-03-03: 2 message\(s\) sent, 0 failed/);
    assert.deepEqual(smtp.received.map((m) => m.to.join()).sort(), ["paul@riverside.test", "wendy@riverside.test"]);
    const again = await runSkillshelf(["reminders", "--now", "2027-03-03T09:00:00Z"], env);
    assert.match(again.stdout, /0 message\(s\) sent/);
    assert.equal(smtp.received.length, 2);
    const bad = await runSkillshelf(["reminders", "--now", "next tuesday"], env);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--now/);
  });
});
