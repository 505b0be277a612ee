/** Publishing a new edition. */
import type { Framework } from "../../db/schema.ts";
import type { EditionSummary } from "../../editions/store.ts";
import { formatDate, type Lang, messages } from "../../i18n/index.ts";
import {
  BilingualFields,
  ErrorSummary,
  type FieldErrors,
  Fieldset,
  Form,
  Hidden,
  Notice,
  Submit,
} from "../../ui/forms/index.ts";
import { Text } from "../../ui/text.tsx";
import { editionUrls } from "../../ui/urls.ts";
import { LIMITS } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { frameworkTitle } from "./outline.tsx";
import { EditorCrumbs } from "./parts.tsx";
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
      <Form lang={lang} action={editorUrls.publish(lang, framework.slug)} errors={props.errors} values={props.summary}>
        <Hidden name="seen" value={String(latest)} />
        <Fieldset class="summary-fields" legend={t.editorSummary} id="summary" hint={t.upkeepSummaryHint}>
          <BilingualFields
            fields={[
              {
                base: "summary",
                label: { en: t.upkeepSummaryEn, fr: t.upkeepSummaryFr },
                maxlength: LIMITS.summary,
                multiline: true,
                rows: 3,
                required: true,
              },
            ]}
          />
        </Fieldset>
        <Submit>{t.editorPublishButton(latest + 1)}</Submit>
      </Form>
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
