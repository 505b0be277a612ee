/** Publishing a new edition, and an adopted framework's changes upstream. */
import type { Framework } from "../../db/schema.ts";
import type { UpstreamChange } from "../../editions/snapshot.ts";
import type { EditionSummary } from "../../editions/store.ts";
import { formatDate, type Lang, messages } from "../../i18n/index.ts";
import type { DraftItem } from "../item-state.ts";
import { TEXT_FIELDS } from "../item-state.ts";
import { type FieldErrors, LIMITS } from "../schemas.ts";
import { editionUrls, editorUrls } from "../urls.ts";
import { fieldLabel } from "./item-form.tsx";
import { frameworkTitle } from "./outline.tsx";
import { EditorCrumbs, ErrorSummary, Field, Notice, plainStatement } from "./parts.tsx";

const crumbs = (lang: Lang, framework: Framework, label: string) => {
  const t = messages(lang);
  return [
    { href: editorUrls.home(lang), label: t.editorTitle },
    { href: editorUrls.framework(lang, framework.slug), label: frameworkTitle(lang, framework) },
    { label },
  ];
};

export function PublishPage(props: {
  lang: Lang;
  framework: Framework;
  editions: EditionSummary[];
  pending: { added: number; changed: number; removed: number };
  summary?: string;
  errors?: FieldErrors;
  message?: string;
  notice?: string;
}) {
  const { lang, framework, editions } = props;
  const t = messages(lang);
  const latest = editions[0]?.number ?? 0;
  const nothing = props.pending.added + props.pending.changed + props.pending.removed === 0;
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={crumbs(lang, framework, t.editorPublishTitle)} />
      <h1>{t.editorPublishTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p class="lead">{t.editorPublishIntro}</p>
      <p>
        {latest > 0 && nothing
          ? t.editorNoPendingChanges
          : t.editorPendingChanges(props.pending.added, props.pending.changed, props.pending.removed)}
      </p>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <form method="post" action={editorUrls.publish(lang, framework.slug)}>
        <input type="hidden" name="seen" value={String(latest)} />
        <Field
          lang={lang}
          name="summary"
          label={t.editorSummary}
          hint={t.editorSummaryHint}
          value={props.summary}
          errors={props.errors}
          multiline
          rows={3}
          required
          maxlength={LIMITS.summary}
        />
        <button type="submit">{t.editorPublishButton(latest + 1)}</button>
      </form>
      <h2>{t.editorEditions}</h2>
      {editions.length === 0 ? (
        <p>{t.editorNeverPublished}</p>
      ) : (
        <ol reversed class="editions">
          {editions.map((e) => (
            <li>
              {framework.status === "published" ? (
                <a href={editionUrls.edition(lang, framework.slug, e.number)}>{t.editorEditionN(e.number)}</a>
              ) : (
                t.editorEditionN(e.number)
              )}
              {" — "}
              {formatDate(e.published_at, lang)}
              {e.published_by_label && <> · {e.published_by_label}</>}
              <br />
              {e.summary}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export interface PendingChange {
  change: UpstreamChange;
  local: DraftItem | null;
}

export function UpstreamPage(props: {
  lang: Lang;
  framework: Framework;
  source: Framework;
  adoptedEdition: number;
  latestEdition: number;
  pending: PendingChange[];
  decided: number;
  notice?: string;
  message?: string;
}) {
  const { lang, framework } = props;
  const t = messages(lang);
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={crumbs(lang, framework, t.editorUpstream)} />
      <h1>{t.editorUpstream}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} message={props.message} />
      <p class="lead">
        {t.editorUpstreamIntro(frameworkTitle(lang, props.source), props.adoptedEdition, props.latestEdition)}
      </p>
      {props.decided > 0 && <p class="meta">{t.editorUpstreamDecided(props.decided)}</p>}
      {props.pending.length === 0 ? (
        <p>{t.editorUpstreamNone}</p>
      ) : (
        <ol class="upstream-list">
          {props.pending.map((p) => (
            <UpstreamEntry lang={lang} framework={framework} entry={p} />
          ))}
        </ol>
      )}
    </>
  );
}

function UpstreamEntry(props: { lang: Lang; framework: Framework; entry: PendingChange }) {
  const { lang, entry } = props;
  const t = messages(lang);
  const { change, local } = entry;
  const state = change.after ?? change.before;
  const name = state ? plainStatement(lang, { en: state.statement_en, fr: state.statement_fr }) : change.id;
  const kind =
    change.kind === "added"
      ? t.editorUpstreamAdded
      : change.kind === "changed"
        ? t.editorUpstreamChanged
        : t.editorUpstreamRemoved;
  const headingId = `upstream-${change.id}`;
  const fields =
    change.kind === "changed"
      ? change.fields.filter((f) => f.field !== "parent_id").map((f) => f.field)
      : TEXT_FIELDS.filter((f) => state?.[f]);
  const moved = change.fields.some((f) => f.field === "parent_id");
  return (
    <li class="upstream-entry">
      <h2 id={headingId}>
        <span class="label">{kind}</span> {state?.code && <span class="code">{state.code}</span>} {name}
      </h2>
      {moved && <p>{t.editorUpstreamMoved}</p>}
      <table class="data-table">
        <caption class="visually-hidden">{name}</caption>
        <thead>
          <tr>
            <th scope="col">{t.editorConflictField}</th>
            {change.kind !== "added" && <th scope="col">{t.editorUpstreamBefore}</th>}
            {change.kind !== "removed" && <th scope="col">{t.editorUpstreamNow}</th>}
            <th scope="col">{t.editorYoursNow}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr>
              <th scope="row">{fieldLabel(t, field)}</th>
              {change.kind !== "added" && <td class="value">{change.before?.[field] ?? t.editorEmpty}</td>}
              {change.kind !== "removed" && <td class="value">{change.after?.[field] ?? t.editorEmpty}</td>}
              <td class="value">{local ? (local[field] ?? t.editorEmpty) : t.editorNotInYours}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* biome-ignore lint/a11y/useSemanticElements: two one-button forms named by the change's heading, not a set of fields */}
      <div class="page-actions" role="group" aria-labelledby={headingId}>
        {(["take", "leave"] as const).map((decision) => (
          <form method="post" action={editorUrls.decide(lang, props.framework.slug, change.id)} class="inline-form">
            <input type="hidden" name="decision" value={decision} />
            <input type="hidden" name="fingerprint" value={change.fingerprint} />
            <button type="submit" class={decision === "leave" ? "button--quiet" : undefined}>
              {decision === "take" ? t.editorTake : t.editorLeave}
            </button>
          </form>
        ))}
      </div>
    </li>
  );
}
