/**
 * An adopted framework's changes upstream: each waiting change with its three versions (upstream
 * before, upstream now, yours), conflicts marked in words, and plain forms to take, leave or merge
 * field by field (no script needed).
 */
import type { ItemName, NamedEntry, UpstreamReport } from "../../adoption/report.ts";
import { isWritable, type MergeField, type Value } from "../../adoption/three-way.ts";
import type { Framework } from "../../db/schema.ts";
import { type Lang, type Messages, messages } from "../../i18n/index.ts";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  Hidden,
  Notice,
  type Option,
  RadioGroup,
  Submit,
  TextArea,
  TextField,
} from "../../ui/forms/index.ts";
import { descendantsOf } from "../moves.ts";
import { LIMITS } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { fieldLabel } from "./item-form.tsx";
import { frameworkTitle } from "./outline.tsx";
import { EditorCrumbs, plainStatement } from "./parts.tsx";

const crumbs = (lang: Lang, framework: Framework, last?: string) => {
  const t = messages(lang);
  return [
    { href: editorUrls.home(lang), label: t.editorTitle },
    { href: editorUrls.framework(lang, framework.slug), label: frameworkTitle(lang, framework) },
    ...(last
      ? [{ href: editorUrls.upstream(lang, framework.slug), label: t.editorUpstream }, { label: last }]
      : [{ label: t.editorUpstream }]),
  ];
};

const describeName = (lang: Lang, name: ItemName) =>
  [name.code, plainStatement(lang, name.statement)].filter(Boolean).join(" ");

/** How an entry is named: upstream's version when there is one, else the draft's. */
export function entryName(lang: Lang, entry: NamedEntry): string {
  const state = entry.three.theirs ?? entry.three.base ?? entry.three.ours;
  return state ? plainStatement(lang, { en: state.statement_en, fr: state.statement_fr }) : entry.id;
}

function conflictText(t: Messages, entry: NamedEntry): string | null {
  switch (entry.conflict) {
    case "both_changed":
      return t.adoptConflictBothChanged;
    case "removed_locally":
      return t.adoptConflictRemovedLocally;
    case "edited_locally":
      return t.adoptConflictEditedLocally;
    case "added_both":
      return t.adoptConflictAddedBoth;
    default:
      return null;
  }
}

/** One version's value as a person reads it: type labels, the parent's name, "(empty)". */
function shown(
  lang: Lang,
  report: Pick<UpstreamReport, "typeLabels">,
  entry: NamedEntry,
  field: MergeField,
  side: "base" | "ours" | "theirs",
): string {
  const t = messages(lang);
  if (field === "parent_id") {
    const parent = entry.parents[side];
    return parent ? describeName(lang, parent) : t.editorTopLevel;
  }
  const value: Value = entry.fields.find((f) => f.field === field)?.[side] ?? null;
  if (value === null || value === "") return t.editorEmpty;
  if (field === "type") {
    const label = report.typeLabels.get(value);
    return (label && (lang === "fr" ? (label.fr ?? label.en) : (label.en ?? label.fr))) ?? value;
  }
  return value;
}

/** The three versions of an item, field by field; rows that conflict say so in words. */
export function VersionsTable(props: {
  lang: Lang;
  report: Pick<UpstreamReport, "typeLabels" | "latestEdition">;
  entry: NamedEntry;
  caption: string;
}) {
  const { lang, report, entry } = props;
  const t = messages(lang);
  const { base, ours, theirs } = entry.three;
  return (
    <table class="data-table versions">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.editorConflictField}</th>
          {base && <th scope="col">{t.adoptColumnBase(entry.baseEdition)}</th>}
          <th scope="col">{t.adoptColumnTheirs(report.latestEdition)}</th>
          <th scope="col">{t.editorYoursNow}</th>
        </tr>
      </thead>
      <tbody>
        {entry.fields.map((f) => (
          <tr class={f.conflict ? "versions__conflict" : undefined}>
            <th scope="row">
              {fieldLabel(t, f.field)}
              {f.conflict && <strong class="flag">{t.adoptFieldConflict}</strong>}
            </th>
            {base && <td class="value">{shown(lang, report, entry, f.field, "base")}</td>}
            <td class="value">{theirs ? shown(lang, report, entry, f.field, "theirs") : t.adoptNotUpstream}</td>
            <td class="value">{ours ? shown(lang, report, entry, f.field, "ours") : t.editorNotInYours}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UpstreamPage(props: {
  lang: Lang;
  framework: Framework;
  report: UpstreamReport;
  notice?: string;
  message?: string;
}) {
  const { lang, framework, report } = props;
  const t = messages(lang);
  const waiting = report.entries.length;
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={crumbs(lang, framework)} />
      <h1>{t.editorUpstream}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} message={props.message} />
      <p class="lead">
        {t.adoptFromLine(frameworkTitle(lang, report.source), report.adoption.adoptedEdition)}{" "}
        {report.caughtUpTo !== null && t.adoptCaughtUp(report.caughtUpTo, report.latestEdition)}
      </p>
      <p>{waiting === 0 ? t.editorUpstreamNone : t.adoptWaiting(waiting, report.conflicts)}</p>
      {report.decided > 0 && <p class="meta">{t.editorUpstreamDecided(report.decided)}</p>}
      {waiting > 0 && (
        <ol class="upstream-list">
          {report.entries.map((entry) => (
            <UpstreamEntryView lang={lang} framework={framework} report={report} entry={entry} />
          ))}
        </ol>
      )}
    </>
  );
}

function UpstreamEntryView(props: { lang: Lang; framework: Framework; report: UpstreamReport; entry: NamedEntry }) {
  const { lang, entry, report } = props;
  const t = messages(lang);
  const slug = props.framework.slug;
  const name = entryName(lang, entry);
  const kind =
    entry.kind === "added"
      ? t.editorUpstreamAdded
      : entry.kind === "changed"
        ? t.editorUpstreamChanged
        : t.editorUpstreamRemoved;
  const headingId = `upstream-${entry.id}`;
  const code = (entry.three.theirs ?? entry.three.base ?? entry.three.ours)?.code;
  const canTake = !entry.parentMissing;
  const canMerge = entry.three.ours !== null && entry.three.theirs !== null;
  const below = entry.local ? descendantsOf(report.draft, entry.local.id).length : 0;
  const decide = (decision: "take" | "leave", label: string, quiet: boolean) => (
    <ButtonForm
      lang={lang}
      action={editorUrls.decide(lang, slug, entry.id)}
      hidden={{ decision, fingerprint: entry.fingerprint }}
      class={quiet ? "button--quiet" : undefined}
    >
      {label}
    </ButtonForm>
  );
  return (
    <li class="upstream-entry" id={`entry-${entry.id}`}>
      <h2 id={headingId}>
        <span class="label">{kind}</span>
        {entry.conflict && <strong class="flag">{t.adoptConflict}</strong>} {code && <span class="code">{code}</span>}{" "}
        {name}
      </h2>
      {entry.conflict && <p>{conflictText(t, entry)}</p>}
      {entry.kind === "added" && (
        <p>{entry.parents.theirs ? t.editorAddUnder(describeName(lang, entry.parents.theirs)) : t.editorAddAtTop}</p>
      )}
      {entry.parentMissing && entry.parents.theirs && (
        <p>{t.adoptParentMissing(describeName(lang, entry.parents.theirs))}</p>
      )}
      {entry.kind === "removed" && <p>{t.adoptRemovesBelow(below)}</p>}
      <VersionsTable lang={lang} report={report} entry={entry} caption={name} />
      {/* biome-ignore lint/a11y/useSemanticElements: one-button forms and a link named by the change's heading, not a set of fields */}
      <div class="page-actions" role="group" aria-label={t.adoptDecisionsFor(name)}>
        {entry.conflict ? (
          <>
            {decide("leave", t.adoptKeepYours, false)}
            {canTake && decide("take", t.adoptTakeUpstream, true)}
            {canMerge && <a href={editorUrls.merge(lang, slug, entry.id)}>{t.adoptMergeLink}</a>}
          </>
        ) : (
          <>
            {canTake && decide("take", t.editorTake, false)}
            {decide("leave", t.editorLeave, true)}
            {canMerge && <a href={editorUrls.merge(lang, slug, entry.id)}>{t.adoptChooseFields}</a>}
          </>
        )}
      </div>
    </li>
  );
}

export type MergeValues = Record<string, string | undefined>;

/** The merge form's starting choices: a conflict keeps yours, a plain upstream change is taken. */
export function initialMergeValues(entry: NamedEntry): MergeValues {
  const values: MergeValues = {};
  for (const field of entry.takes) {
    const versions = entry.fields.find((f) => f.field === field);
    values[`choice_${field}`] = versions?.conflict || entry.conflict === "added_both" ? "ours" : "theirs";
    if (isWritable(field)) values[`value_${field}`] = versions?.ours ?? versions?.theirs ?? "";
  }
  return values;
}

export function MergePage(props: {
  lang: Lang;
  framework: Framework;
  report: UpstreamReport;
  entry: NamedEntry;
  values: MergeValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const { lang, framework, report, entry, values, errors } = props;
  const t = messages(lang);
  const name = entryName(lang, entry);
  const title = t.adoptMergeTitle(name);
  const labels: Record<string, string> = {};
  for (const field of entry.takes) {
    labels[`choice_${field}`] = fieldLabel(t, field);
    labels[`value_${field}`] = t.adoptValueLabel(fieldLabel(t, field));
  }
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={crumbs(lang, framework, title)} />
      <h1>{title}</h1>
      <p class="lead">{t.adoptMergeIntro}</p>
      {entry.conflict && <p>{conflictText(t, entry)}</p>}
      <ErrorSummary lang={lang} errors={errors} labels={labels} message={props.message} />
      <VersionsTable lang={lang} report={report} entry={entry} caption={name} />
      <Form lang={lang} action={editorUrls.merge(lang, framework.slug, entry.id)} errors={errors} values={values}>
        <Hidden name="fingerprint" value={entry.fingerprint} />
        {entry.takes.map((field) => (
          <FieldChoice lang={lang} report={report} entry={entry} field={field} />
        ))}
        <p class="page-actions">
          <Submit>{t.adoptMergeButton}</Submit>
          <a href={editorUrls.upstream(lang, framework.slug)}>{t.adoptBackToUpstream}</a>
        </p>
      </Form>
    </>
  );
}

/** For one field upstream changed: keep yours, take upstream's, or (for texts) write another value. */
function FieldChoice(props: { lang: Lang; report: UpstreamReport; entry: NamedEntry; field: MergeField }) {
  const { lang, report, entry, field } = props;
  const t = messages(lang);
  const conflict = entry.fields.find((f) => f.field === field)?.conflict;
  const option = (value: "ours" | "theirs" | "value", label: string, shownValue?: string): Option => ({
    value,
    label:
      shownValue === undefined ? (
        label
      ) : (
        <>
          {label}
          {" — "}
          <span class="value">{shownValue}</span>
        </>
      ),
  });
  const options = [
    option("ours", t.adoptChoiceOurs, entry.three.ours ? shown(lang, report, entry, field, "ours") : undefined),
    option("theirs", t.adoptChoiceTheirs, shown(lang, report, entry, field, "theirs")),
    ...(isWritable(field) ? [option("value", t.adoptChoiceValue)] : []),
  ];
  const multiline = field.startsWith("statement") || field.startsWith("description");
  const own = {
    name: `value_${field}`,
    label: t.adoptValueLabel(fieldLabel(t, field)),
    inputLang: field.endsWith("_fr") ? "fr" : field.endsWith("_en") ? "en" : undefined,
    maxlength: field === "code" ? LIMITS.code : field.startsWith("statement") ? LIMITS.statement : LIMITS.description,
  };
  return (
    <RadioGroup
      name={`choice_${field}`}
      class="merge-choice"
      label={
        <>
          {fieldLabel(t, field)}
          {conflict && <strong class="flag">{t.adoptFieldConflict}</strong>}
        </>
      }
      options={options}
    >
      {isWritable(field) && (multiline ? <TextArea {...own} rows={3} /> : <TextField {...own} />)}
    </RadioGroup>
  );
}
