/** `skillshelf reminders`: sends the review cycles' reminders due now, as the server's job does. */
import { runReminders } from "../assessments/reminders/job.ts";
import { readConfig } from "../config.ts";
import { openDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createLogger } from "../log.ts";
import { createMailer } from "../mail/mailer.ts";
import { type Command, ENV_NOTE, terminal, UsageError } from "./command.ts";

export const remindersCommand: Command = {
  help: `Usage: skillshelf reminders [--now ISO] [--json]

Sends the reminders and weekly digests of review cycles that are due, as the server does every
REMINDERS_EVERY_MINUTES: each reminder goes once (the database keeps what was sent), so running it
again, or while a server runs it too, sends nothing twice. A message the mail server refuses is
tried again on the next run.
  --now ISO   act as if it were this date and time (e.g. 2027-03-01T08:00:00Z)
  --json      print the report as JSON
Needs SMTP_URL (without it nothing is sent); links use BASE_URL. REMINDER_DAYS_BEFORE (default
"7,1") sets the days before a due date that reminders go out. Each organisation's "today" is its
own time zone's, or TIME_ZONE's (default UTC) when it has none.
${ENV_NOTE}`,
  options: { now: { type: "string" }, json: { type: "boolean" } },
  async run(values) {
    const now = typeof values.now === "string" ? new Date(values.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now: "${values.now}" is not a date and time (ISO 8601)`);
    const config = readConfig();
    const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
    const database = await openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(database.db);
      const report = await runReminders(
        {
          db: database.db,
          mailer: createMailer(config.mail, logger),
          baseUrl: config.baseUrl,
          logger,
          policy: { daysBefore: config.reminders.daysBefore },
          timeZone: config.timeZone,
        },
        now,
      );
      if (values.json) terminal.console.log(JSON.stringify(report, null, 2));
      else if (!report.configured) terminal.console.log("SMTP_URL is not set: no reminder was sent.");
      else {
        terminal.console.log(`${report.today}: ${report.sent.length} message(s) sent, ${report.failed.length} failed`);
        for (const sent of report.sent)
          terminal.console.log(`  sent ${sent.type} to ${sent.to} (${sent.keys.join(", ")})`);
        for (const failed of report.failed) terminal.console.log(`  failed to ${failed.to}: ${failed.error}`);
      }
      return report.configured && report.failed.length === 0 ? 0 : 1;
    } finally {
      await database.close();
    }
  },
};
