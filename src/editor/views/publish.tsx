/** Publishing a new edition. */
import type { Framework } from "../../db/schema.ts";
import type { EditionSummary } from "../../editions/store.ts";
import { formatDate, type Lang, messages } from "../../i18n/index.ts";
import { type FieldErrors, LIMITS } from "../schemas.ts";
import { editionUrls, editorUrls } from "../urls.ts";
import { frameworkTitle } from "./outline.tsx";
import { EditorCrumbs, ErrorSummary, Field, Notice } from "./parts.tsx";

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
