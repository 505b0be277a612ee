/** The "waiting for you" page and the reminder settings page. */
import { type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import { type FieldErrors, Form, Notice, RadioGroup, Submit } from "../../ui/forms/index.ts";
import type { ReminderMode } from "./planner.ts";
import type { Task } from "./tasks.ts";
import { reminderUrls } from "./urls.ts";
import { cycleName, dueText, taskLabel, taskPath } from "./wording.ts";

function TaskList(props: { lang: Lang; org: string; heading: string; tasks: Task[]; id: string }) {
  const t = messages(props.lang);
  if (props.tasks.length === 0) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <ul class="tasks">
        {props.tasks.map((task) => (
          <li class={task.overdue ? "task task--overdue" : "task"}>
            <a href={taskPath(task, props.lang, props.org)}>{taskLabel(task, props.lang)}</a>
            <span class="meta">
              {" "}
              — {cycleName(task, props.lang)}, {dueText(task, props.lang)}
            </span>
            {task.overdue && (
              <>
                {" "}
                <strong class="badge">{t.waitingOverdueBadge}</strong>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WaitingPage(props: OrganisationFrame & { tasks: Task[]; canChooseReminders: boolean }) {
  const t = messages(props.lang);
  const own = props.tasks.filter((task) => task.role === "person");
  const team = props.tasks.filter((task) => task.role === "manager");
  const cycles = props.tasks.filter((task) => task.role === "hr");
  return (
    <>
      <h1>{t.waitingTitle}</h1>
      <OrganisationNav {...props} />
      {props.tasks.length === 0 ? (
        <p class="empty">{t.waitingEmpty}</p>
      ) : (
        <>
          <p>{t.waitingIntro}</p>
          <TaskList lang={props.lang} org={props.slug} heading={t.waitingOwnHeading} tasks={own} id="waiting-own" />
          <TaskList lang={props.lang} org={props.slug} heading={t.waitingTeamHeading} tasks={team} id="waiting-team" />
          <TaskList
            lang={props.lang}
            org={props.slug}
            heading={t.waitingCyclesHeading}
            tasks={cycles}
            id="waiting-cycles"
          />
        </>
      )}
      {props.canChooseReminders && (
        <p>
          <a href={reminderUrls.settings(props.lang, props.slug)}>{t.waitingSettingsLink}</a>
        </p>
      )}
    </>
  );
}

export function ReminderSettingsPage(
  props: OrganisationFrame & { mode: ReminderMode; saved?: boolean; errors?: FieldErrors },
) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.remindersTitle}</h1>
      <OrganisationNav {...props} />
      {props.saved && <Notice>{t.remindersSaved}</Notice>}
      <p>{t.remindersIntro}</p>
      <Form lang={props.lang} action={reminderUrls.settings(props.lang, props.slug)} errors={props.errors}>
        <RadioGroup
          name="mode"
          label={t.remindersModeLegend}
          value={props.mode}
          options={[
            {
              value: "each",
              label: (
                <>
                  {t.remindersModeEach} <span class="meta">— {t.remindersModeEachHint}</span>
                </>
              ),
            },
            {
              value: "weekly",
              label: (
                <>
                  {t.remindersModeWeekly} <span class="meta">— {t.remindersModeWeeklyHint}</span>
                </>
              ),
            },
          ]}
        />
        <Submit>{t.remindersSave}</Submit>
      </Form>
      <p>
        <a href={reminderUrls.waiting(props.lang, props.slug)}>{t.remindersBackToWaiting}</a>
      </p>
    </>
  );
}
