/**
 * "Overdue" in the organisation's own day (decision 054), on every database. Riverside is in
 * America/Toronto; Paul's self-assessment is due on 10 March 2027. At 22:30 and 23:30 in Toronto on
 * the 10th (03:30 and 04:30 UTC on the 11th: standard time, UTC−5, until the 14th) it is not overdue — not in his waiting list, not on the landing page, not
 * in HR's cycle progress, and the reminder job sends no "overdue" mail — and it is overdue from
 * Toronto's midnight on. An organisation without a zone of its own follows the instance's.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import { cycleProgress } from "../../src/assessments/cycles/progress-read.ts";
import { findCycle } from "../../src/assessments/cycles/store.ts";
import { dayOf } from "../../src/assessments/due.ts";
import { runReminders } from "../../src/assessments/reminders/job.ts";
import { waitingLandingLinks } from "../../src/assessments/reminders/landing.ts";
import { loadFacts } from "../../src/assessments/reminders/store.ts";
import { tasksFor } from "../../src/assessments/reminders/tasks.ts";
import type { DB } from "../../src/db/schema.ts";
import { effectiveTimeZone } from "../../src/i18n/zones.ts";
import { createLogger } from "../../src/log.ts";
import { createMailer } from "../../src/mail/mailer.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { assessmentRow, cycleRow } from "../support/assessment-rows.ts";
import { type ReceivedMail, startSmtpServer, type TestSmtpServer, textBody } from "../support/smtp.ts";

const AT = "2027-01-10T09:00:00.000Z";
const logger = createLogger("silent");
/** 23:30 on 10 March in Toronto (EST, UTC−5: daylight time starts on the 14th). */
const LATE_EVENING = new Date("2027-03-11T04:30:00.000Z");
/** 03:30 UTC on the 11th: 22:30 on the 10th in Toronto, the brief's example. */
const UTC_NEXT_DAY = new Date("2027-03-11T03:30:00.000Z");
/** 00:30 on 11 March in Toronto. */
const AFTER_MIDNIGHT = new Date("2027-03-11T05:30:00.000Z");

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
      time_zone: "America/Toronto",
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  for (const [id, manager] of [
    ["marie", null],
    ["paul", "marie"],
  ] as const)
    await db
      .insertInto("people")
      .values({
        id,
        organisation_id: "org",
        given_name: id,
        family_name: "Tester",
        preferred_name: null,
        email: `${id}@riverside.test`,
        employee_number: id,
        unit_id: null,
        manager_id: manager,
        status: "active",
        status_since: null,
        preferred_lang: "en",
        user_id: null,
        created_at: AT,
        updated_at: AT,
      })
      .execute();
  await db
    .insertInto("review_cycles")
    .values(cycleRow({ id: "cycle", organisation_id: "org", state: "open", name_en: "Spring 2027" }))
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
  await db
    .insertInto("assessments")
    .values(
      assessmentRow({
        id: "a-paul",
        cycle_id: "cycle",
        organisation_id: "org",
        person_id: "paul",
        manager_id: "marie",
        state: "in_progress",
      }),
    )
    .execute();
}

const bodyOf = (mail: ReceivedMail | undefined) => textBody(mail?.raw ?? "")?.replace(/[\u00a0\u202f]/g, " ") ?? "";

for (const dialect of testDialects()) {
  describe(`overdue in the organisation's time zone (${dialect})`, () => {
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

    /** "Today" as the pages compute it: the organisation's effective zone (people/context.ts). */
    const todayAt = async (now: Date, instanceZone = "UTC") => {
      const organisation = await db.selectFrom("organisations").selectAll().executeTakeFirstOrThrow();
      return dayOf(now, effectiveTimeZone(organisation, instanceZone));
    };
    const paulsTasks = async (now: Date, instanceZone = "UTC") =>
      tasksFor(
        await loadFacts(db, "org"),
        { personId: "paul", administrator: false },
        await todayAt(now, instanceZone),
      );
    const hrTasks = async (now: Date) =>
      tasksFor(await loadFacts(db, "org"), { personId: null, administrator: true }, await todayAt(now));
    const progress = async (now: Date) => {
      const cycle = await findCycle(db, "org", "cycle");
      assert.ok(cycle);
      return cycleProgress(db, cycle, await todayAt(now), {});
    };
    const landing = async (now: Date, instanceZone = "UTC") =>
      (
        await waitingLandingLinks(
          db,
          "en",
          [
            {
              slug: "riverside",
              nameEn: "Riverside Library",
              nameFr: "Bibliothèque Riverside",
              personId: "paul",
              administrator: false,
              hasReports: false,
            },
          ],
          now,
          instanceZone,
        )
      ).get("riverside")?.[0]?.text ?? "";
    const mailsAt = async (now: Date) => {
      const before = smtp.received.length;
      const report = await runReminders(
        {
          db,
          mailer: createMailer({ smtpUrl: smtp.url, from: "s@x.test" }, logger),
          baseUrl: "https://skills.example",
          logger,
        },
        now,
      );
      return { report, mails: smtp.received.slice(before) };
    };

    it("the day before, the 'due tomorrow' reminder goes (and is spent)", async () => {
      const { mails } = await mailsAt(new Date("2027-03-09T15:00:00.000Z"));
      assert.match(bodyOf(mails.find((m) => m.to.join() === "paul@riverside.test")), /due March 10, 2027/);
    });

    for (const [label, now] of [
      ["22:30 in Toronto on the due day (03:30 UTC the next day)", UTC_NEXT_DAY],
      ["23:30 in Toronto on the due day", LATE_EVENING],
    ] as const)
      it(`${label}: on time everywhere, and no 'overdue' mail`, async () => {
        assert.equal(dayOf(now), "2027-03-11", "UTC has moved on");
        assert.equal(await todayAt(now), "2027-03-10");
        const [task] = await paulsTasks(now);
        assert.equal(task?.overdue, false);
        assert.equal((await hrTasks(now)).length, 0, "HR: nobody is behind");
        const p = await progress(now);
        assert.equal(p.overdue, 0);
        assert.equal(p.rows[0]?.overdue, false);
        assert.doesNotMatch(await landing(now), /overdue/);
        const { report, mails } = await mailsAt(now);
        assert.equal(report.today, "2027-03-11", "the report's day is the instance's (UTC here)");
        assert.equal(mails.length, 0, "nothing is sent on the due day's evening");
      });

    it("00:30 in Toronto the next day: overdue on the list, the landing page, HR's progress, and by mail once", async () => {
      assert.equal(await todayAt(AFTER_MIDNIGHT), "2027-03-11");
      const [task] = await paulsTasks(AFTER_MIDNIGHT);
      assert.equal(task?.overdue, true);
      const [hr] = await hrTasks(AFTER_MIDNIGHT);
      assert.equal(hr?.kind, "cycle-overdue");
      const p = await progress(AFTER_MIDNIGHT);
      assert.equal(p.overdue, 1);
      assert.equal(p.rows[0]?.overdue, true);
      assert.match(await landing(AFTER_MIDNIGHT), /1 overdue/);
      const { mails } = await mailsAt(AFTER_MIDNIGHT);
      assert.equal(mails.length, 1);
      assert.match(bodyOf(mails[0]), /overdue since March 10, 2027/);
      assert.equal((await mailsAt(new Date("2027-03-11T12:00:00.000Z"))).mails.length, 0, "once");
    });

    it("without a zone of its own, the organisation follows the instance's zone (UTC by default)", async () => {
      await db.updateTable("organisations").set({ time_zone: null }).execute();
      try {
        assert.equal((await paulsTasks(UTC_NEXT_DAY))[0]?.overdue, true, "UTC: the 11th already");
        assert.equal((await paulsTasks(UTC_NEXT_DAY, "America/Toronto"))[0]?.overdue, false);
        assert.match(await landing(UTC_NEXT_DAY), /overdue/);
        assert.doesNotMatch(await landing(UTC_NEXT_DAY, "America/Toronto"), /overdue/);
      } finally {
        await db.updateTable("organisations").set({ time_zone: "America/Toronto" }).execute();
      }
    });
  });
}
