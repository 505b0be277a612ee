/** The editor's home (every framework, draft or published), creating, adopting, details, translations. */
import type { Framework } from "../../db/schema.ts";
import type { FrameworkSummary } from "../../frameworks/draft-store.ts";
import { formatNumber, type Lang, messages } from "../../i18n/index.ts";
import { assetUrl } from "../../ui/assets.ts";
import {
  BilingualFields,
  ErrorSummary,
  type FieldErrors,
  type FieldNotes,
  Form,
  fieldId,
  Hidden,
  Hint,
  Notice,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import { LIMITS } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { frameworkTitle } from "./outline.tsx";
import { EditorCrumbs } from "./parts.tsx";

export function EditorHome(props: { lang: Lang; frameworks: FrameworkSummary[]; notice?: string }) {
  const { lang } = props;
  const t = messages(lang);
  return (
    <>
      <h1>{t.editorTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p class="lead">{t.editorIntro}</p>
      <p class="page-actions">
        <a class="button" href={editorUrls.newFramework(lang)}>
          {t.editorCreateFramework}
        </a>
        <a class="button button--quiet" href={editorUrls.adopt(lang)}>
          {t.editorAdoptFramework}
        </a>
        <a class="button button--quiet" href={editorUrls.importWizard(lang)}>
          {t.importTitle}
        </a>
      </p>
      <h2>{t.editorFrameworks}</h2>
      {props.frameworks.length === 0 ? (
        <p>{t.editorNoFrameworks}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t.editorFrameworkColumn}</th>
              <th scope="col">{t.editorStatusColumn}</th>
              <th scope="col">{t.editorItemsColumn}</th>
            </tr>
          </thead>
          <tbody>
            {props.frameworks.map((s) => (
              <tr>
                <th scope="row">
                  <a href={editorUrls.framework(lang, s.framework.slug)}>{frameworkTitle(lang, s.framework)}</a>
                  <br />
                  <span class="meta">
                    {s.framework.slug}
                    {s.sourceSlug && <> · {t.editorAdoptedFrom(s.sourceSlug)}</>}
                  </span>
                </th>
                <td>{s.latestEdition > 0 ? t.editorEditionN(s.latestEdition) : t.editorStatusDraft}</td>
                <td>{formatNumber(s.items, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export interface FrameworkFormValues {
  slug?: string | null;
  title_en?: string | null;
  title_fr?: string | null;
  description_en?: string | null;
  description_fr?: string | null;
}

function FrameworkTextFields(props: { lang: Lang; notes?: FieldNotes }) {
  const t = messages(props.lang);
  return (
    <BilingualFields
      notes={props.notes}
      fields={[
        { base: "title", label: { en: t.editorTitleEn, fr: t.editorTitleFr }, maxlength: LIMITS.title },
        {
          base: "description",
          label: { en: t.editorDescriptionEn, fr: t.editorDescriptionFr },
          maxlength: LIMITS.description,
          multiline: true,
          rows: 4,
        },
      ]}
    />
  );
}

export function NewFrameworkPage(props: {
  lang: Lang;
  id: string;
  values: FrameworkFormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const { lang } = props;
  const t = messages(lang);
  return (
    <>
      <EditorCrumbs
        lang={lang}
        crumbs={[{ href: editorUrls.home(lang), label: t.editorTitle }, { label: t.editorCreateFramework }]}
      />
      <h1>{t.editorCreateFramework}</h1>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <Form
        lang={lang}
        action={editorUrls.createFramework(lang)}
        errors={props.errors}
        values={{ ...props.values }}
        data={{ "slug-from": `${fieldId("title_en")} ${fieldId("title_fr")}` }}
      >
        <Hidden name="id" value={props.id} />
        <Hidden name="slug_proposed" value="" />
        <FrameworkTextFields lang={lang} />
        <TextField name="slug" label={t.editorSlug} hint={t.editorSlugFromTitleHint} maxlength={LIMITS.slug} />
        <p class="page-actions">
          <Submit>{t.editorCreate}</Submit>
          <a href={editorUrls.home(lang)}>{t.editorCancel}</a>
        </p>
      </Form>
      <script src={assetUrl("editor-slug.js")} defer></script>
    </>
  );
}

export function DetailsPage(props: {
  lang: Lang;
  framework: Framework;
  seen: string;
  values: FrameworkFormValues;
  errors?: FieldErrors;
  message?: string;
  notice?: string;
  /** Notes beside texts whose translation may be out of date. */
  notes?: FieldNotes;
}) {
  const { lang, framework } = props;
  const t = messages(lang);
  return (
    <>
      <EditorCrumbs
        lang={lang}
        crumbs={[
          { href: editorUrls.home(lang), label: t.editorTitle },
          { href: editorUrls.framework(lang, framework.slug), label: frameworkTitle(lang, framework) },
          { label: t.editorDetails },
        ]}
      />
      <h1>{t.editorDetails}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <Form
        lang={lang}
        action={editorUrls.details(lang, framework.slug)}
        errors={props.errors}
        values={{ ...props.values }}
      >
        <Hidden name="seen" value={props.seen} />
        <FrameworkTextFields lang={lang} notes={props.notes} />
        <p class="page-actions">
          <Submit>{t.editorSave}</Submit>
          <a href={editorUrls.framework(lang, framework.slug)}>{t.editorCancel}</a>
        </p>
      </Form>
    </>
  );
}

export function AdoptPage(props: {
  lang: Lang;
  id: string;
  sources: Framework[];
  values: { source?: string; slug?: string | null; title_en?: string | null; title_fr?: string | null };
  errors?: FieldErrors;
  message?: string;
}) {
  const { lang } = props;
  const t = messages(lang);
  return (
    <>
      <EditorCrumbs
        lang={lang}
        crumbs={[{ href: editorUrls.home(lang), label: t.editorTitle }, { label: t.editorAdoptFramework }]}
      />
      <h1>{t.editorAdoptFramework}</h1>
      <p class="lead">{t.editorAdoptIntro}</p>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      {props.sources.length === 0 ? (
        <p>{t.editorNothingToAdopt}</p>
      ) : (
        <Form lang={lang} action={editorUrls.adopt(lang)} errors={props.errors} values={{ ...props.values }}>
          <Hidden name="id" value={props.id} />
          <SelectField
            name="source"
            label={t.editorSource}
            options={props.sources.map((f) => ({ value: f.slug, label: frameworkTitle(lang, f) }))}
          />
          <TextField name="slug" label={t.editorSlug} hint={t.editorSlugHint} required maxlength={LIMITS.slug} />
          <Hint id="adopt-title-hint">{t.editorTitleOptional}</Hint>
          <BilingualFields
            describedBy="adopt-title-hint"
            fields={[{ base: "title", label: { en: t.editorTitleEn, fr: t.editorTitleFr }, maxlength: LIMITS.title }]}
          />
          <p class="page-actions">
            <Submit>{t.editorAdoptButton}</Submit>
            <a href={editorUrls.home(lang)}>{t.editorCancel}</a>
          </p>
        </Form>
      )}
    </>
  );
}
