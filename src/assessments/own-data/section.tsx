/**
 * The assessments' sections of "everything held about me" (src/people/privacy/own-data.tsx,
 * decision 050): every assessment of the person, and their reminders. The composition (src/app.tsx)
 * adds them to the people side's list. Everything shown here was written by people (comments,
 * notes, titles, addresses): JSX escapes it, and an address is a link only when it is http(s).
 */
import type { Child } from "hono/jsx";
import { pick } from "../../i18n/bilingual.ts";
import { formatDateTime, formatDay, type Lang, messages } from "../../i18n/index.ts";
import { ownDataSection } from "../../people/privacy/own-data.tsx";
import { Table } from "../../people/privacy/own-data-parts.tsx";
import {
  type HeldAssessment,
  type HeldCompetency,
  type HeldReminders,
  readHeldAssessments,
  readHeldReminders,
} from "./read.ts";

export const assessmentDataSection = ownDataSection<HeldAssessment[]>({
  key: "assessments",
  title: (lang) => messages(lang).awDataTitle,
  collect: (db, subject) => readHeldAssessments(db, subject),
  render(assessments, lang, timeZone) {
    const t = messages(lang);
    if (assessments.length === 0) return <p>{t.awDataNone}</p>;
    return (
      <>
        {assessments.some((a) => a.evidence.some((e) => e.kind === "file")) && <p>{t.awDataFilesNote}</p>}
        {assessments.map((a) => (
          <HeldAssessmentView assessment={a} lang={lang} timeZone={timeZone} />
        ))}
      </>
    );
  },
});

export const reminderDataSection = ownDataSection<HeldReminders>({
  key: "reminders",
  title: (lang) => messages(lang).awDataRemindersTitle,
  collect: (db, subject) => readHeldReminders(db, subject),
  render(data, lang, timeZone) {
    const t = messages(lang);
    const mode =
      data.mode === "weekly"
        ? t.remindersModeWeekly
        : data.mode === "each"
          ? t.remindersModeEach
          : t.awDataReminderDefault;
    return (
      <>
        <dl class="facts">
          <dt>{t.awDataReminderMode}</dt>
          <dd>
            {mode}
            {data.modeChangedAt && ` (${formatDateTime(data.modeChangedAt, lang, timeZone)})`}
          </dd>
        </dl>
        <h3>{t.awDataRemindersSent}</h3>
        {data.sent.length === 0 ? (
          <p>{t.awDataRemindersNone}</p>
        ) : (
          <Table
            caption={t.awDataRemindersSent}
            head={[t.awHistoryWhen, t.awDataReminderWhat]}
            rows={data.sent.map((s) => [<Time at={s.at} lang={lang} timeZone={timeZone} />, <code>{s.key}</code>])}
          />
        )}
      </>
    );
  },
});

const text = (value: { en: string | null; fr: string | null }, lang: Lang) => pick(value, lang)?.value ?? "";

const competencyName = (c: Pick<HeldCompetency, "code" | "statement">, lang: Lang) => {
  const statement = text(c.statement, lang);
  return c.code ? `${c.code} ${statement}` : statement;
};

function HeldAssessmentView(props: { assessment: HeldAssessment; lang: Lang; timeZone: string }) {
  const { assessment: a, lang, timeZone } = props;
  const t = messages(lang);
  const level = (n: number | null) => {
    if (n === null) return t.awNotRated;
    const found = a.scale.levels.find((l) => l.number === n);
    return t.awLevelName(n, found ? text(found.label, lang) : "");
  };
  const signOff = (s: HeldAssessment["signOffs"]["person"]) =>
    s === null
      ? t.awDataNotSigned
      : s.by
        ? t.awSignedBy(s.by, formatDateTime(s.at, lang, timeZone))
        : t.awDataSignedOn(formatDateTime(s.at, lang, timeZone));
  const names = new Map(a.competencies.map((c) => [c.itemId, competencyName(c, lang)]));
  const facts: [string, Child][] = [
    [t.awDataNameEn, <span lang="en">{a.cycle.name.en}</span>],
    [t.awDataNameFr, <span lang="fr">{a.cycle.name.fr}</span>],
    [t.awDataPeriod, t.awDataPeriodValue(formatDay(a.cycle.periodStart, lang), formatDay(a.cycle.periodEnd, lang))],
    [t.awDataCycleState, t.cyclesCycleState(a.cycle.state)],
    [t.awDataState, t.awStateName(a.state)],
    [t.awDataVersion, String(a.version)],
    ...(a.dueOn ? ([[t.awReopenDue, formatDay(a.dueOn, lang)]] as [string, Child][]) : []),
    [t.awDataReviewer, a.reviewer?.name ?? t.awNoReviewer],
    [t.awConversationDate, a.conversation.date ? formatDay(a.conversation.date, lang) : t.privacyNone],
    [t.awConversationNotes, a.conversation.notes ? <Paragraphs text={a.conversation.notes} /> : t.privacyNone],
    [t.awDataSignOffPerson, signOff(a.signOffs.person)],
    [t.awDataSignOffManager, signOff(a.signOffs.manager)],
  ];
  return (
    <section aria-labelledby={`held-${a.id}`}>
      <h3 id={`held-${a.id}`}>{text(a.cycle.name, lang)}</h3>
      {a.withdrawn && (
        <p>
          <strong>{t.awDataWithdrawn}</strong>
        </p>
      )}
      {a.reopenedReason && <p>{t.awReopenedBecause(a.reopenedReason)}</p>}
      <dl class="facts">
        {facts.map(([term, value]) => (
          <>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      <p>
        <a href={a.page}>{t.awDataOpen}</a>
      </p>
      <h4>{t.awCompetenciesHeading}</h4>
      {a.competencies.length === 0 ? (
        <p>{t.awNoCompetencies}</p>
      ) : (
        <Table
          scrollable
          caption={t.awCompetenciesHeading}
          head={[t.awDataCompetency, t.awDataFramework, t.awDataTarget, t.awDataSelf, t.awDataManager, t.awDataAgreed]}
          rows={a.competencies.map((c) => [
            competencyName(c, lang),
            t.awDataFrameworkEdition(
              text(c.framework.title, lang) || (c.framework.slug ?? ""),
              String(c.edition.number ?? ""),
            ),
            c.targetLevel === null ? t.awNoTarget : level(c.targetLevel),
            <Rated level={level(c.self.level)} comment={c.self.comment} />,
            <Rated level={level(c.manager.level)} comment={c.manager.comment} />,
            level(c.agreedLevel),
          ])}
        />
      )}
      <h4>{t.awDataEvidence}</h4>
      {a.evidence.length === 0 ? (
        <p>{t.awDataEvidenceNone}</p>
      ) : (
        <ul>
          {a.evidence.map((e) => {
            const added = e.addedBy
              ? t.awDataAdded(e.addedBy, formatDateTime(e.addedAt, lang, timeZone))
              : t.awDataAddedOn(formatDateTime(e.addedAt, lang, timeZone));
            const about = e.itemId ? ` — ${t.awDataForCompetency(names.get(e.itemId) ?? e.itemId)}` : "";
            return (
              <li>
                {e.kind === "link" ? (
                  <>
                    {t.awDataLink(e.title)} — <Address url={e.url ?? ""} />
                  </>
                ) : (
                  <>
                    {t.awDataFile(e.title)} — {t.awDataFileFacts(e.file?.name ?? "", t.awDataBytes(e.file?.size ?? 0))}{" "}
                    <code>{e.file?.mediaType ?? ""}</code>{" "}
                    {e.file && <a href={e.file.download}>{t.awDataDownload(e.file.name ?? e.title)}</a>}
                  </>
                )}{" "}
                ({added}){about}
              </li>
            );
          })}
        </ul>
      )}
      <h4>{t.awHistoryHeading}</h4>
      {a.history.length === 0 ? (
        <p>{t.awHistoryNone}</p>
      ) : (
        <Table
          scrollable
          caption={t.awHistoryHeading}
          head={[t.awHistoryWhen, t.awHistoryWho, t.awHistoryWhat, t.awDataDetail]}
          rows={a.history.map((line) => [
            <Time at={line.at} lang={lang} timeZone={timeZone} />,
            line.actor,
            eventText(line, lang),
            <Detail value={line.detail} />,
          ])}
        />
      )}
    </section>
  );
}

/** What a history line records, in words: the event, and the move between states when it is one. */
function eventText(line: HeldAssessment["history"][number], lang: Lang): string {
  const t = messages(lang);
  if (line.event === "evidence") {
    const action =
      typeof line.detail === "object" && line.detail !== null
        ? (line.detail as { action?: unknown }).action
        : undefined;
    return t.awDataEvidenceEvent(String(action ?? "added"));
  }
  if (line.fromState && line.toState)
    return `${t.awEventName(line.event)} — ${t.awEventState(t.awStateName(line.fromState), t.awStateName(line.toState))}`;
  return t.awEventName(line.event);
}

const Time = (props: { at: string; lang: Lang; timeZone: string }) => (
  <time datetime={props.at}>{formatDateTime(props.at, props.lang, props.timeZone)}</time>
);

function Rated(props: { level: string; comment: string | null }) {
  return (
    <>
      {props.level}
      {props.comment && <Paragraphs text={props.comment} />}
    </>
  );
}

/** Text as written, its line breaks kept (escaped by JSX like any text). */
const Paragraphs = (props: { text: string }) => (
  <>
    {props.text.split(/\r?\n/).map((line) => (
      <p>{line}</p>
    ))}
  </>
);

/** An address someone typed: a link only when it is http(s); otherwise shown as text. */
function Address(props: { url: string }) {
  return /^https?:\/\//i.test(props.url) ? (
    <a href={props.url} rel="noopener noreferrer nofollow">
      {props.url}
    </a>
  ) : (
    <code>{props.url}</code>
  );
}

/** A history line's recorded detail, as compact JSON text (the readable what is in the column before). */
function Detail(props: { value: unknown }) {
  if (props.value === null || props.value === undefined) return null;
  if (typeof props.value === "object" && Object.keys(props.value as object).length === 0) return null;
  // Spaced out, so a long detail wraps between its fields instead of widening the table.
  return <code>{typeof props.value === "string" ? props.value : JSON.stringify(props.value, null, 1)}</code>;
}
