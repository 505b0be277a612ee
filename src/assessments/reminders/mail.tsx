/**
 * A reminder or a digest as an e-mail, in the recipient's language: plain text for every client and
 * an HTML alternative (rendered by hono/jsx, which escapes names and cycle titles), each line with the
 * absolute address of the exact page where the task is done, plus the waiting list and the settings.
 */

import { formatDay, messages } from "../../i18n/index.ts";
import type { MailMessage } from "../../mail/mailer.ts";
import type { PlannedMessage, ReminderLine } from "./planner.ts";
import type { Recipient } from "./store.ts";
import type { AssessmentTask } from "./tasks.ts";
import { reminderUrls } from "./urls.ts";
import { cycleName, taskLabel, taskPath } from "./wording.ts";

export interface MailContext {
  recipient: Recipient;
  /** The organisation's name in the recipient's language. */
  organisationName: string;
  /** The public origin, e.g. https://skills.library.example (config.baseUrl). */
  baseUrl: string;
}

interface Line {
  label: string;
  cycle: string;
  when: string;
  url: string;
}

function lineOf(task: AssessmentTask, when: string, context: MailContext): Line {
  const { lang, organisationSlug } = context.recipient;
  return {
    label: taskLabel(task, lang),
    cycle: cycleName(task, lang),
    when,
    url: `${context.baseUrl}${taskPath(task, lang, organisationSlug)}`,
  };
}

/** "now waiting for you", "due March 1, 2027", "overdue since …": why this line is in the message. */
function reminderWhen(line: ReminderLine, context: MailContext): string {
  const lang = context.recipient.lang;
  const t = messages(lang);
  const due = line.task.due;
  if (line.kind === "overdue" && due) return t.remindersMailOverdue(formatDay(due, lang));
  if (line.kind === "before" && due) return t.remindersMailDueOn(formatDay(due, lang));
  return due
    ? `${t.remindersMailNowWaiting}, ${t.remindersMailDueOn(formatDay(due, lang))}`
    : t.remindersMailNowWaiting;
}

function digestWhen(task: AssessmentTask, context: MailContext): string {
  const lang = context.recipient.lang;
  const t = messages(lang);
  if (task.due === null) return t.waitingNoDueDate;
  return task.overdue
    ? t.remindersMailOverdue(formatDay(task.due, lang))
    : t.remindersMailDueOn(formatDay(task.due, lang));
}

export function renderReminderMail(message: PlannedMessage, context: MailContext): MailMessage {
  const { recipient } = context;
  const lang = recipient.lang;
  const t = messages(lang);
  const digest = message.type === "digest";
  const lines =
    message.type === "digest"
      ? message.tasks.map((task) => lineOf(task, digestWhen(task, context), context))
      : message.lines.map((line) => lineOf(line.task, reminderWhen(line, context), context));
  const waitingUrl = `${context.baseUrl}${reminderUrls.waiting(lang, recipient.organisationSlug)}`;
  const settingsUrl = `${context.baseUrl}${reminderUrls.settings(lang, recipient.organisationSlug)}`;
  const subject = digest
    ? t.remindersDigestSubject(context.organisationName)
    : t.remindersMailSubject(context.organisationName);
  const intro = digest ? t.remindersDigestIntro : t.remindersMailIntro;

  const text = [
    t.remindersMailGreeting(recipient.name),
    "",
    intro,
    "",
    ...lines.flatMap((line) => [`- ${line.label} (${line.cycle}), ${line.when}`, `  ${line.url}`]),
    "",
    t.remindersMailAllWaiting,
    waitingUrl,
    "",
    t.remindersMailSettings,
    settingsUrl,
    "",
    `-- `,
    t.remindersMailSignature,
  ].join("\n");

  const html = (
    <html lang={lang}>
      <body>
        <p>{t.remindersMailGreeting(recipient.name)}</p>
        <p>{intro}</p>
        <ul>
          {lines.map((line) => (
            <li>
              <a href={line.url}>{line.label}</a> ({line.cycle}), {line.when}
            </li>
          ))}
        </ul>
        <p>
          <a href={waitingUrl}>{t.remindersMailAllWaiting.replace(/\s*:\s*$/, "")}</a>
        </p>
        <p>
          {t.remindersMailSettings} <a href={settingsUrl}>{settingsUrl}</a>
        </p>
        <p>{t.remindersMailSignature}</p>
      </body>
    </html>
  );
  return { to: recipient.email ?? "", subject, text, html: `<!doctype html>${html.toString()}`, lang };
}
