/** The wizard's first page: upload a file, or paste text, and say where it goes. */
import { type Lang, messages } from "../../i18n/index.ts";
import {
  type Choice,
  type ChoiceGroup,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Form,
  RadioGroup,
  SelectField,
  Submit,
  TextArea,
  TextField,
} from "../../ui/forms/index.ts";
import type { ImportTarget } from "../draft-store.ts";
import { MAX_PASTED_BYTES } from "../text/index.ts";
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
        <ErrorSummary lang={lang} errors={props.uploadErrors} message={props.uploadMessage} />
        <Form
          lang={lang}
          action={wizardUrls.upload(lang)}
          upload
          class="stacked-form import-form"
          errors={props.uploadErrors}
        >
          <RadioGroup
            name="format"
            label={t.importFormatLegend}
            value={v.format ?? "auto"}
            options={[
              { value: "auto", label: t.importFormatAuto },
              { value: "case", label: t.importFormatCase },
              { value: "json", label: t.importFormatJson },
              { value: "xlsx", label: t.importFormatXlsx },
              { value: "csv", label: t.importFormatCsv },
            ]}
          />
          <FileField
            name="file"
            label={t.importFileLabel}
            hint={t.importFileHint(props.maxUploadMb)}
            accept=".json,.case,.xlsx,.csv,application/json,text/csv"
            required
          />
          <SelectField
            name="sheet_target"
            label={t.importSheetTargetLabel}
            hint={t.importSheetTargetHint}
            value={chosenTarget}
            options={sheetTargets}
          />
          <TextField
            name="new_slug"
            label={t.importNewSlugLabel}
            hint={t.importNewSlugHint}
            value={v.new_slug}
            maxlength={80}
            autocomplete="off"
          />
          <TextField
            name="sheet_title"
            label={t.importNewTitleLabel}
            hint={t.importNewTitleHint}
            value={v.sheet_title}
            maxlength={PASTE_LIMITS.title}
            autocomplete="off"
          />
          <Submit>{t.importPreviewButton}</Submit>
        </Form>
      </section>

      <section aria-labelledby="paste">
        <h2 id="paste">{t.importPasteHeading}</h2>
        <p>{t.importPasteIntro}</p>
        <ErrorSummary lang={lang} errors={props.pasteErrors} message={props.pasteMessage} />
        <Form lang={lang} action={wizardUrls.paste(lang)} class="stacked-form import-form" errors={props.pasteErrors}>
          <TextArea
            name="text"
            label={t.importPasteLabel}
            hint={t.importPasteHint(Math.floor(MAX_PASTED_BYTES / 1024))}
            value={v.text}
            rows={14}
            required
          />
          <SelectField
            name="text_lang"
            label={t.importPasteLangLabel}
            value={v.text_lang ?? lang}
            options={languageChoices(lang)}
          />
          <SelectField
            name="target"
            label={t.importTargetLabel}
            value={v.target ?? "new"}
            options={pasteTargetChoices(lang, props.targets)}
          />
          <TextField
            name="new_title"
            label={t.importNewFrameworkTitleLabel}
            hint={t.importNewFrameworkTitleHint}
            value={v.new_title}
            maxlength={PASTE_LIMITS.title}
            autocomplete="off"
          />
          <Submit>{t.importPreviewButton}</Submit>
        </Form>
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
