/** The wizard's first page: upload a file, or paste text, and say where it goes. */
import { type Lang, messages } from "../../i18n/index.ts";
import type { ImportTarget } from "../draft-store.ts";
import { MAX_PASTED_BYTES } from "../text/index.ts";
import {
  type Choice,
  type ChoiceGroup,
  ErrorSummary,
  type FieldErrors,
  FileInput,
  RadioGroup,
  SelectField,
  TextArea,
  TextInput,
} from "./fields.tsx";
import { textIn } from "./parts.tsx";
import { encodeTarget, PASTE_LIMITS } from "./paste.ts";
import { wizardUrls } from "./urls.ts";

export interface StartValues {
  format?: string;
  sheet_target?: string;
  sheet_title?: string;
  new_slug?: string;
  text?: string;
  text_lang?: string;
  target?: string;
  new_title?: string;
}

export interface StartProps {
  lang: Lang;
  targets: ImportTarget[];
  maxUploadMb: number;
  values?: StartValues;
  uploadErrors?: FieldErrors;
  uploadMessage?: string;
  pasteErrors?: FieldErrors;
  pasteMessage?: string;
}

export const frameworkTitle = (framework: ImportTarget["framework"], lang: Lang) =>
  textIn({ en: framework.title_en, fr: framework.title_fr }, lang)?.value ?? framework.slug;

export function languageChoices(lang: Lang): Choice[] {
  const t = messages(lang);
  return [
    { value: "en", label: t.importLangEn },
    { value: "fr", label: t.importLangFr },
  ];
}

/** Where a pasted area can go: a new framework, or the top of / a category of each draft. */
export function pasteTargetChoices(lang: Lang, targets: ImportTarget[]): (Choice | ChoiceGroup)[] {
  const t = messages(lang);
  return [
    { value: "new", label: t.importTargetNew },
    ...targets.map((target) => ({
      label: frameworkTitle(target.framework, lang),
      choices: [
        {
          value: encodeTarget({ kind: "existing", slug: target.framework.slug, parentId: null }),
          label: t.importTargetTop,
        },
        ...target.parents.map((parent) => ({
          value: encodeTarget({ kind: "existing", slug: target.framework.slug, parentId: parent.id }),
          label: t.importTargetUnder(textIn(parent.statement, lang)?.value ?? parent.code ?? parent.id),
        })),
      ],
    })),
  ];
}

export function StartPage(props: StartProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const v = props.values ?? {};
  const uploadFailed = Boolean(
    props.uploadMessage || (props.uploadErrors && Object.keys(props.uploadErrors).length > 0),
  );
  const pasteFailed = Boolean(props.pasteMessage || (props.pasteErrors && Object.keys(props.pasteErrors).length > 0));
  const sheetTargets: Choice[] = [
    { value: "file", label: t.importSheetTargetFile },
    { value: "new", label: t.importSheetTargetNew },
    ...props.targets.map((target) => ({
      value: `into:${target.framework.slug}`,
      label: t.importUpdateFramework(frameworkTitle(target.framework, lang)),
    })),
  ];
  // A bare slug (as earlier forms sent it) selects the same choice.
  const chosenTarget =
    v.sheet_target && !["file", "new"].includes(v.sheet_target) && !v.sheet_target.startsWith("into:")
      ? `into:${v.sheet_target}`
      : (v.sheet_target ?? "file");
  return (
    <>
      <h1>{t.importTitle}</h1>
      <p class="lead">{t.importIntro}</p>
      <nav aria-label={t.importWaysNav}>
        <ul>
          <li>
            <a href="#upload">{t.importUploadHeading}</a>
          </li>
          <li>
            <a href="#paste">{t.importPasteHeading}</a>
          </li>
          <li>
            <a href="#templates">{t.importTemplatesHeading}</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="upload">
        <h2 id="upload">{t.importUploadHeading}</h2>
        <p>{t.importUploadIntro}</p>
        {uploadFailed && <ErrorSummary lang={lang} errors={props.uploadErrors} message={props.uploadMessage} />}
        <form
          method="post"
          action={wizardUrls.upload(lang)}
          enctype="multipart/form-data"
          class="stacked-form import-form"
        >
          <RadioGroup
            lang={lang}
            name="format"
            label={t.importFormatLegend}
            value={v.format ?? "auto"}
            errors={props.uploadErrors}
            choices={[
              { value: "auto", label: t.importFormatAuto },
              { value: "case", label: t.importFormatCase },
              { value: "json", label: t.importFormatJson },
              { value: "xlsx", label: t.importFormatXlsx },
              { value: "csv", label: t.importFormatCsv },
            ]}
          />
          <FileInput
            lang={lang}
            name="file"
            label={t.importFileLabel}
            hint={t.importFileHint(props.maxUploadMb)}
            errors={props.uploadErrors}
            accept=".json,.case,.xlsx,.csv,application/json,text/csv"
            required
          />
          <SelectField
            lang={lang}
            name="sheet_target"
            label={t.importSheetTargetLabel}
            hint={t.importSheetTargetHint}
            value={chosenTarget}
            errors={props.uploadErrors}
            choices={sheetTargets}
          />
          <TextInput
            lang={lang}
            name="new_slug"
            label={t.importNewSlugLabel}
            hint={t.importNewSlugHint}
            value={v.new_slug}
            errors={props.uploadErrors}
            maxlength={80}
          />
          <TextInput
            lang={lang}
            name="sheet_title"
            label={t.importNewTitleLabel}
            hint={t.importNewTitleHint}
            value={v.sheet_title}
            errors={props.uploadErrors}
            maxlength={PASTE_LIMITS.title}
          />
          <button type="submit">{t.importPreviewButton}</button>
        </form>
      </section>

      <section aria-labelledby="paste">
        <h2 id="paste">{t.importPasteHeading}</h2>
        <p>{t.importPasteIntro}</p>
        {pasteFailed && <ErrorSummary lang={lang} errors={props.pasteErrors} message={props.pasteMessage} />}
        <form method="post" action={wizardUrls.paste(lang)} class="stacked-form import-form">
          <TextArea
            lang={lang}
            name="text"
            label={t.importPasteLabel}
            hint={t.importPasteHint(Math.floor(MAX_PASTED_BYTES / 1024))}
            value={v.text}
            errors={props.pasteErrors}
            rows={14}
            required
          />
          <SelectField
            lang={lang}
            name="text_lang"
            label={t.importPasteLangLabel}
            value={v.text_lang ?? lang}
            errors={props.pasteErrors}
            choices={languageChoices(lang)}
          />
          <SelectField
            lang={lang}
            name="target"
            label={t.importTargetLabel}
            value={v.target ?? "new"}
            errors={props.pasteErrors}
            choices={pasteTargetChoices(lang, props.targets)}
          />
          <TextInput
            lang={lang}
            name="new_title"
            label={t.importNewFrameworkTitleLabel}
            hint={t.importNewFrameworkTitleHint}
            value={v.new_title}
            errors={props.pasteErrors}
            maxlength={PASTE_LIMITS.title}
          />
          <button type="submit">{t.importPreviewButton}</button>
        </form>
      </section>

      <section aria-labelledby="templates">
        <h2 id="templates">{t.importTemplatesHeading}</h2>
        <p>{t.importTemplatesIntro}</p>
        <ul>
          <li>
            <a href={wizardUrls.template(lang, "xlsx")} download>
              {t.importTemplateXlsx}
            </a>
          </li>
          <li>
            <a href={wizardUrls.template(lang, "csv")} download>
              {t.importTemplateCsv}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
