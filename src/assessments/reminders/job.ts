/**
 * The reminder job (issue 15, decision 044): plans today's reminders and digests for every
 * organisation (planner.ts), and sends each through the mailer (SMTP), in the recipient's language.
 *
 * Sending once: before a message goes, its keys are claimed in `reminders_sent` in one transaction
 * (insert unless present; the unique index on person and key lets exactly one process win a key).
 * Only what this run claimed is sent. If the SMTP server refuses or cannot be reached, the claims are
 * given back, so the next run (the next tick of the scheduler, or `skillshelf reminders`) tries again.
 * A process that dies between claiming and sending loses that message rather than sending it twice:
 * at most once, by design.
 *
 * Without SMTP configured the job sends nothing and claims nothing (the reminders stay due), rather
 * than filling the log with messages nobody reads.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { effectiveTimeZone } from "../../i18n/zones.ts";
import type { Logger } from "../../log.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { renderReminderMail } from "./mail.tsx";
import { DEFAULT_REMINDER_POLICY, keysOf, type PlannedMessage, planReminders, type ReminderPolicy } from "./planner.ts";
import { claimKeys, loadFactsByOrganisation, loadRecipients, releaseKeys, sentKeys } from "./store.ts";
import { assessmentTasks, dayOf } from "./tasks.ts";

export interface ReminderRunReport {
  /** False: no SMTP server configured, nothing was planned or sent. */
  configured: boolean;
  /** Today in the instance's zone; each organisation's reminders follow its own day (decision 054). */
  today: string;
  sent: { personId: string; to: string; type: PlannedMessage["type"]; keys: string[] }[];
  failed: { personId: string; to: string; error: string }[];
}

export interface ReminderDeps {
  db: Kysely<DB>;
  mailer: Mailer;
  /** Public origin for the links (config.baseUrl). */
  baseUrl: string;
  logger?: Logger;
  policy?: ReminderPolicy;
  /** The instance's time zone (config.timeZone), for organisations without their own; UTC if not given. */
  timeZone?: string;
}

export async function runReminders(deps: ReminderDeps, now: Date): Promise<ReminderRunReport> {
  const instanceZone = deps.timeZone ?? "UTC";
  const today = dayOf(now, instanceZone);
  const report: ReminderRunReport = { configured: deps.mailer.configured, today, sent: [], failed: [] };
  if (!deps.mailer.configured) return report;
  const byOrganisation = await loadFactsByOrganisation(deps.db);
  if (byOrganisation.size === 0) return report;
  const organisations = new Map(
    (
      await deps.db
        .selectFrom("organisations")
        .select(["id", "name_en", "name_fr", "time_zone"])
        .where("id", "in", [...byOrganisation.keys()])
        .execute()
    ).map((o) => [o.id, o]),
  );

  for (const [organisationId, facts] of byOrganisation) {
    const organisation = organisations.get(organisationId);
    // The organisation's own day: "overdue" goes out after its midnight, not UTC's (decision 054).
    const organisationToday = dayOf(now, effectiveTimeZone(organisation ?? {}, instanceZone));
    const allTasks = assessmentTasks(facts, organisationToday);
    const recipients = await loadRecipients(deps.db, [...new Set(allTasks.map((t) => t.recipientId))]);
    // Nobody to write to: someone who left, or without any address. Their tasks stay on the page.
    const tasks = allTasks.filter((t) => recipients.get(t.recipientId)?.email);
    const sent = await sentKeys(deps.db, [...new Set(tasks.map((t) => t.recipientId))]);
    const plan = planReminders({
      tasks,
      modes: new Map([...recipients].map(([id, r]) => [id, r.mode])),
      sent: (personId, key) => sent.has(`${personId}|${key}`),
      today: organisationToday,
      policy: deps.policy ?? DEFAULT_REMINDER_POLICY,
    });
    for (const planned of plan) {
      const recipient = recipients.get(planned.personId);
      if (!recipient?.email || !organisation) continue;
      const assessmentOf = new Map(
        planned.type === "digest"
          ? []
          : planned.lines.flatMap((line) => line.keys.map((key) => [key, line.task.assessmentId] as const)),
      );
      const claimed = new Set(
        await claimKeys(deps.db, {
          personId: planned.personId,
          keys: keysOf(planned).map((key) => ({ key, assessmentId: assessmentOf.get(key) ?? null })),
          at: now.toISOString(),
        }),
      );
      // Another process claimed some (or all) of it first: send only what this run holds.
      const message: PlannedMessage | undefined =
        planned.type === "digest"
          ? claimed.has(planned.key)
            ? planned
            : undefined
          : (() => {
              const lines = planned.lines
                .map((line) => ({ ...line, keys: line.keys.filter((k) => claimed.has(k)) }))
                .filter((line) => line.keys.length > 0);
              return lines.length > 0 ? { ...planned, lines } : undefined;
            })();
      if (!message) continue;
      const mail = renderReminderMail(message, {
        recipient,
        organisationName: recipient.lang === "fr" ? organisation.name_fr : organisation.name_en,
        baseUrl: deps.baseUrl,
      });
      const outcome = await deps.mailer.send(mail);
      if (outcome.sent) {
        report.sent.push({ personId: recipient.personId, to: mail.to, type: message.type, keys: [...claimed] });
      } else {
        await releaseKeys(deps.db, planned.personId, [...claimed]);
        const error = outcome.reason === "failed" ? outcome.error : outcome.reason;
        report.failed.push({ personId: recipient.personId, to: mail.to, error });
      }
    }
  }
  if (report.sent.length + report.failed.length > 0)
    deps.logger?.info(
      { today, sent: report.sent.length, failed: report.failed.length },
      "reminders: messages sent; any that failed will be tried again on the next run",
    );
  return report;
}

export interface ReminderJob {
  /** Runs now (unless a run is in progress, which it then waits for). */
  tick(): Promise<ReminderRunReport>;
  /** Stops the timer; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Runs the job every `intervalMs` (and once at start) in the server process. Several processes may
 * each run it: the claims in `reminders_sent` keep every message single. 0 starts no timer.
 */
export function startReminderJob(
  deps: ReminderDeps & { logger: Logger; intervalMs: number; now?: () => Date },
): ReminderJob {
  const now = deps.now ?? (() => new Date());
  let running: Promise<ReminderRunReport> | undefined;
  const tick = () => {
    running ??= runReminders(deps, now()).finally(() => {
      running = undefined;
    });
    return running;
  };
  const check = () =>
    tick().catch((error) => deps.logger.error({ err: error }, "reminders: run failed; will try again"));
  let timer: NodeJS.Timeout | undefined;
  if (deps.intervalMs > 0 && deps.mailer.configured) {
    void check();
    timer = setInterval(check, deps.intervalMs);
    timer.unref();
  }
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
