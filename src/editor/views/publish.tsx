/** Publishing a new edition. */
import type { Framework } from "../../db/schema.ts";
import type { EditionSummary } from "../../editions/store.ts";
import { formatDate, type Lang, messages } from "../../i18n/index.ts";
import { Text } from "../../ui/text.tsx";
import { editionUrls } from "../../ui/urls.ts";
import { type FieldErrors, LIMITS } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { frameworkTitle } from "./outline.tsx";
import { EditorCrumbs, ErrorSummary, Field, Notice } from "./parts.tsx";
import { TranslationCount } from "./translations.tsx";

const crumbs = (lang: Lang, framework: Framework, label: string) => {
  const t = messages(lang);
  return [
    { href: editorUrls.home(lang), label: t.editorTitle },
    { href: editorUrls.framework(lang, framework.slug), label: frameworkTitle(lang, framework) },
    { label },
  ];
};

/** The publish form's summary fields as typed (shown again when the form is refused). */
export type SummaryValues = Partial<Record<"summary_en" | "summary_fr", string>>;

export function PublishPage(props: {
  lang: Lang;
  framework: Framework;
  editions: EditionSummary[];
  pending: { added: number; changed: number; removed: number };
  /** Items lacking a language, and texts whose translation may be out of date. */
  translations: { missing: number; outdated: number };
  summary?: SummaryValues;
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
      <TranslationCount lang={lang} slug={framework.slug} {...props.translations} />
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <form method="post" action={editorUrls.publish(lang, framework.slug)}>
        <input type="hidden" name="seen" value={String(latest)} />
        <fieldset class="summary-fields">
          <legend>{t.editorSummary}</legend>
          <p class="field-hint" id="summary-hint">
            {t.upkeepSummaryHint}
          </p>
          <div class="bilingual bilingual--form">
            {(["en", "fr"] as const).map((summaryLang) => (
              <div class="bilingual__column">
                <Field
                  lang={lang}
                  name={`summary_${summaryLang}`}
                  label={summaryLang === "en" ? t.upkeepSummaryEn : t.upkeepSummaryFr}
                  value={props.summary?.[`summary_${summaryLang}`]}
                  errors={props.errors}
                  inputLang={summaryLang}
                  multiline
                  rows={3}
                  required
                  maxlength={LIMITS.summary}
                />
              </div>
            ))}
          </div>
        </fieldset>
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
              <Text text={{ en: e.summary_en, fr: e.summary_fr }} lang={lang} marker />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
