/** The assessment page's closing sections: sign-off, reopening, withdrawal, history. */
import { formatDateTime, formatDay, type Lang, messages } from "../../i18n/index.ts";
import { Checkbox, Form, Submit, TextArea, TextField } from "../../ui/forms/index.ts";
import { dayOf } from "../due.ts";
import { type AssessmentPageProps, competencyName, levelName } from "./page-model.ts";
import type { AssessmentView, HistoryLine } from "./read.ts";
import { latestDueOn, offeredDueOn } from "./reopen-form.ts";
import { REOPENABLE_STATES } from "./states.ts";
import { assessmentUrls } from "./urls.ts";

export function SignOff(props: AssessmentPageProps) {
  const { view, lang, party } = props;
  const t = messages(lang);
  const signedAt = (at: string | null, who: string) =>
    at && <p>{t.awSignedBy(who, formatDateTime(at, lang, props.timeZone))}</p>;
  const mine = party === "person" ? view.personSignedAt : party === "reviewer" ? view.managerSignedAt : "n/a";
  const canSign = view.state === "agreed" && view.cycle.state === "open" && mine === null;
  if (view.state !== "agreed" && view.state !== "signed_off") return null;
  return (
    <section aria-labelledby="aw-sign">
      <h2 id="aw-sign">{t.awSignHeading}</h2>
      {signedAt(view.personSignedAt, view.personName)}
      {signedAt(view.managerSignedAt, view.reviewerName ?? t.awTheManager)}
      {view.state === "agreed" && !view.personSignedAt && <p>{t.awWaitingSignature(t.awThePerson)}</p>}
      {view.state === "agreed" && !view.managerSignedAt && <p>{t.awWaitingSignature(t.awTheManager)}</p>}
      {canSign && (
        <Form lang={lang} action={assessmentUrls.sign(lang, props.slug, view.id)} errors={props.errors} scope="sign">
          <Checkbox name="confirm" value="yes" label={t.awSignCheck} />
          <Submit>{t.awSign}</Submit>
        </Form>
      )}
    </section>
  );
}

/** While reopened: why, and by when the person should finish again (when the reopening said so). */
export function Reopened(props: { view: AssessmentView; lang: Lang }) {
  const { view, lang } = props;
  const t = messages(lang);
  if (view.state !== "reopened" || !view.reopenedReason) return null;
  return (
    <p>
      {view.dueOn
        ? t.awReopenedBecauseBy(view.reopenedReason, formatDay(view.dueOn, lang))
        : t.awReopenedBecause(view.reopenedReason)}
    </p>
  );
}

export function Reopen(props: AssessmentPageProps) {
  const { view, lang } = props;
  const t = messages(lang);
  const may = (props.party === "reviewer" || props.administrator) && REOPENABLE_STATES.includes(view.state);
  if (!may || view.cycle.state !== "open") return null;
  return (
    <ReasonSection
      {...props}
      id="aw-reopen"
      heading={t.awReopenHeading}
      action={assessmentUrls.reopen(lang, props.slug, view.id)}
      field="reason"
      label={t.awReopenReason}
      hint={t.awReopenHint}
      button={t.awReopen}
      due={{
        label: t.awReopenDue,
        hint: t.awReopenDueHint,
        today: dayOf(new Date(), props.timeZone),
      }}
    />
  );
}

/** HR withdraws one person's assessment from the cycle, with a reason (any state but finished ones). */
export function Withdraw(props: AssessmentPageProps) {
  const { view, lang } = props;
  const t = messages(lang);
  const finished = view.state === "withdrawn" || view.state === "signed_off";
  if (!props.administrator || finished || view.cycle.state !== "open") return null;
  return (
    <ReasonSection
      {...props}
      id="aw-withdraw"
      heading={t.awWithdrawHeading}
      action={assessmentUrls.withdraw(lang, props.slug, view.id)}
      field="withdrawReason"
      label={t.awWithdrawReason}
      hint={t.awWithdrawHint}
      button={t.awWithdraw}
    />
  );
}

/** A change of state that needs a reason: its own section and form (the page may hold two). */
function ReasonSection(
  props: AssessmentPageProps & {
    id: string;
    heading: string;
    action: string;
    field: string;
    label: string;
    hint: string;
    button: string;
    /** The day by which to finish (reopening): its field, prefilled with the offered day. */
    due?: { label: string; hint: string; today: string };
  },
) {
  const due = props.due;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <Form
        lang={props.lang}
        action={props.action}
        errors={props.errors}
        scope={props.id.replace("aw-", "")}
        values={props.values}
      >
        <TextArea name={props.field} label={props.label} hint={props.hint} maxlength={2000} rows={3} />
        {due && (
          <TextField
            name="due_on"
            type="date"
            label={due.label}
            hint={due.hint}
            required
            min={due.today}
            max={latestDueOn(due.today)}
            // What was sent wins after a refusal; otherwise the offered day.
            value={props.values?.due_on ?? offeredDueOn(due.today)}
          />
        )}
        <Submit>{props.button}</Submit>
      </Form>
    </section>
  );
}

export function History(props: { lines: HistoryLine[]; view: AssessmentView; lang: Lang; timeZone: string }) {
  const t = messages(props.lang);
  const names = new Map(props.view.items.map((i) => [i.itemId, competencyName(i, props.lang)]));
  const what = (line: HistoryLine) => {
    if (line.event === "state" && line.fromState && line.toState) {
      const reason = typeof line.detail.reason === "string" ? ` — ${line.detail.reason}` : "";
      const due =
        typeof line.detail.dueOn === "string" ? ` — ${t.awEventDueOn(formatDay(line.detail.dueOn, props.lang))}` : "";
      return t.awEventState(t.awStateName(line.fromState), t.awStateName(line.toState)) + reason + due;
    }
    const item = typeof line.detail.item === "string" ? (names.get(line.detail.item) ?? line.detail.item) : "";
    const said = item ? `${t.awEventName(line.event)}: ${item}` : t.awEventName(line.event);
    return line.event === "rating" ? `${said}${ratingChange(line)}` : said;
  };
  /** What a rating line changed: whose level, from what to what, and whether the comment changed. */
  const ratingChange = (line: HistoryLine) => {
    const { before, after, group } = line.detail as { before?: unknown; after?: unknown; group?: unknown };
    const fields = (value: unknown) =>
      typeof value === "object" && value !== null ? (value as { level?: unknown; comment?: unknown }) : {};
    const from = fields(before);
    const to = fields(after);
    const level = (value: unknown) => (typeof value === "number" ? value : null);
    const parts: string[] = [];
    if (level(from.level) !== level(to.level)) {
      const change = `${levelName(props.view, level(from.level), props.lang)} → ${levelName(props.view, level(to.level), props.lang)}`;
      parts.push(
        group === "manager"
          ? t.awManagerSummary(change)
          : group === "agreed"
            ? t.awAgreedSummary(change)
            : t.awSelfSummary(change),
      );
    }
    if ((from.comment ?? null) !== (to.comment ?? null) && to.comment !== undefined)
      parts.push(t.awHistoryCommentChanged);
    return parts.length > 0 ? ` — ${parts.join("; ")}` : "";
  };
  return (
    <section aria-labelledby="aw-history">
      <h2 id="aw-history">{t.awHistoryHeading}</h2>
      {props.lines.length === 0 ? (
        <p>{t.awHistoryNone}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.awHistoryWhen}</th>
              <th scope="col">{t.awHistoryWho}</th>
              <th scope="col">{t.awHistoryWhat}</th>
            </tr>
          </thead>
          <tbody>
            {props.lines.map((line) => (
              <tr>
                <td>{formatDateTime(line.at, props.lang, props.timeZone)}</td>
                <td>{line.actor}</td>
                <td>{what(line)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
