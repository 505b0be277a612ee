/** An item's history and a framework's change log: who changed what, when, with restore buttons. */
import type { Change, Framework } from "../../db/schema.ts";
import type { JsonValue } from "../../db/stored-json.ts";
import { changeValueAt, decodeValue, recordedState } from "../../frameworks/history.ts";
import { type Lang, type Messages, messages } from "../../i18n/index.ts";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  Notice,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import { restoreKind } from "../commands/restore.ts";
import { editorUrls, withQuery } from "../urls.ts";
import { fieldLabel } from "./item-form.tsx";
import { frameworkTitle } from "./outline.tsx";
import type { Crumb } from "./parts.tsx";
import { EditorCrumbs, When } from "./parts.tsx";

export function kindLabel(t: Messages, kind: string): string {
  const labels: Record<string, string> = {
    create: t.editorKindCreate,
    update: t.editorKindUpdate,
    delete: t.editorKindDelete,
    move: t.editorKindMove,
    reorder: t.editorKindReorder,
    restore: t.editorKindRestore,
    publish: t.editorKindPublish,
    adopt: t.editorKindAdopt,
    take: t.editorKindTake,
    leave: t.editorKindLeave,
    confirm: t.upkeepKindConfirm,
  };
  return labels[kind] ?? kind;
}

/** A recorded value as a person reads it. */
export function describeValue(t: Messages, lang: Lang, change: Change, which: "before" | "after"): string {
  const text = change[which];
  if (text === null) return "";
  let value: JsonValue;
  try {
    value = decodeValue(text, changeValueAt(change, which));
  } catch {
    // Not JSON (written by hand, or by something other than Skillshelf): shown as it is stored.
    return text;
  }
  if (change.field === null || change.field === "edition") {
    const state = recordedState(text);
    if (state)
      return [
        state.code,
        lang === "fr" ? (state.statement_fr ?? state.statement_en) : (state.statement_en ?? state.statement_fr),
      ]
        .filter(Boolean)
        .join(" ");
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const v = value;
      if (typeof v.number === "number") return `${t.editorEditionN(v.number)}: ${summaryIn(v.summary, lang)}`;
      if (typeof v.edition === "number") return `${String(v.source ?? "")} · ${t.editorEditionN(v.edition)}`;
      if (typeof v.slug === "string") return String(v.title_en ?? v.title_fr ?? v.slug);
    }
    return typeof value === "string" ? value : "";
  }
  if (value === null || value === "") return t.editorEmpty;
  return String(value);
}

/** A publish record's summary: one text before summaries were bilingual, { en, fr } since. */
function summaryIn(summary: unknown, lang: Lang): string {
  if (typeof summary === "string") return summary;
  if (!summary || typeof summary !== "object") return "";
  const both = summary as Record<string, unknown>;
  const text = both[lang] ?? both[lang === "fr" ? "en" : "fr"];
  return typeof text === "string" ? text : "";
}

export interface LogRow {
  change: Change;
  /** How to name the item (its code and statement now, or as it was when deleted). */
  itemLabel: string | null;
  itemLink: string | null;
  /** The item's version now, for field restores; null when it is gone. */
  version: number | null;
  /** Whether a restore button makes sense here. */
  restorable: boolean;
}

export function ChangeTable(props: {
  lang: Lang;
  framework: Framework;
  rows: LogRow[];
  showItem: boolean;
  caption: string;
}) {
  const { lang, framework } = props;
  const t = messages(lang);
  return (
    <table class="data-table change-table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.editorWhen}</th>
          <th scope="col">{t.editorWho}</th>
          {props.showItem && <th scope="col">{t.editorItem}</th>}
          <th scope="col">{t.editorWhat}</th>
          <th scope="col">{t.editorBefore}</th>
          <th scope="col">{t.editorAfter}</th>
          <th scope="col">
            <span class="visually-hidden">{t.editorRestore}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ change, itemLabel, itemLink, version, restorable }) => (
          <tr>
            <td>
              <When lang={lang} at={change.at} />
            </td>
            <td>{change.actor_label ?? t.editorSystem}</td>
            {props.showItem && <td>{itemLink ? <a href={itemLink}>{itemLabel}</a> : (itemLabel ?? "—")}</td>}
            <td>
              {kindLabel(t, change.kind)}
              {change.field && change.field !== "edition" && <>: {fieldLabel(t, change.field)}</>}
            </td>
            <td class="value">{describeValue(t, lang, change, "before")}</td>
            <td class="value">{describeValue(t, lang, change, "after")}</td>
            <td>
              {restorable && (
                <ButtonForm
                  lang={lang}
                  action={editorUrls.restore(lang, framework.slug, change.id)}
                  hidden={version !== null ? { version: String(version) } : undefined}
                  class="button--quiet"
                >
                  {restoreKind(change) === "undelete" ? t.editorRestoreItem : t.editorRestore}
                </ButtonForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HistoryPage(props: {
  lang: Lang;
  framework: Framework;
  crumbs: Crumb[];
  title: string;
  rows: LogRow[];
  notice?: string;
  message?: string;
}) {
  const { lang } = props;
  const t = messages(lang);
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={[...props.crumbs, { label: props.title }]} />
      <h1>{props.title}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} message={props.message} />
      {props.rows.length === 0 ? (
        <p>{t.editorNoHistory}</p>
      ) : (
        <ChangeTable lang={lang} framework={props.framework} rows={props.rows} showItem={false} caption={props.title} />
      )}
    </>
  );
}

export interface ChangeLogFilter {
  area?: string;
  from?: string;
  to?: string;
  person?: string;
}

export function ChangeLogPage(props: {
  lang: Lang;
  framework: Framework;
  rows: LogRow[];
  filter: ChangeLogFilter;
  areas: { value: string; label: string }[];
  people: { id: string; label: string }[];
  limited: number | null;
  errors?: FieldErrors;
  notice?: string;
  message?: string;
}) {
  const { lang, framework, filter } = props;
  const t = messages(lang);
  const title = t.editorChangeLog;
  return (
    <>
      <EditorCrumbs
        lang={lang}
        crumbs={[
          { href: editorUrls.home(lang), label: t.editorTitle },
          { href: editorUrls.framework(lang, framework.slug), label: frameworkTitle(lang, framework) },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <Form
        lang={lang}
        method="get"
        action={editorUrls.changes(lang, framework.slug)}
        class="filter-form"
        label={t.editorFilter}
        errors={props.errors}
        values={{ ...filter }}
      >
        <SelectField
          name="area"
          label={t.editorArea}
          value={filter.area ?? ""}
          options={[{ value: "", label: t.editorAnyArea }, ...props.areas]}
        />
        <TextField name="from" label={t.editorFrom} type="date" />
        <TextField name="to" label={t.editorTo} type="date" />
        <SelectField
          name="person"
          label={t.editorPerson}
          value={filter.person ?? ""}
          options={[
            { value: "", label: t.editorAnyone },
            ...props.people.map((p) => ({ value: p.id, label: p.label })),
          ]}
        />
        <Submit>{t.editorFilter}</Submit>
      </Form>
      <p>
        <a href={withQuery(editorUrls.changesCsv(lang, framework.slug), { ...filter })} download>
          {t.editorExportCsv}
        </a>
      </p>
      <p class="meta" role="status">
        {t.editorChangeCount(props.rows.length)}
        {props.limited !== null && <> {t.editorLogLimited(props.limited)}</>}
      </p>
      {props.rows.length > 0 && (
        <ChangeTable lang={lang} framework={framework} rows={props.rows} showItem caption={title} />
      )}
    </>
  );
}
