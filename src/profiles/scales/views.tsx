/**
 * The scale pages. The scale page shows the levels the organisation uses; its administrators choose
 * the default or their own scale and edit their own scale's levels in one form (see level-form.ts);
 * everyone finds a competency there and opens its level descriptors, which administrators write when
 * the organisation has its own scale. No JavaScript needed.
 */

import { pick } from "../../i18n/bilingual.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import {
  BilingualFields,
  ErrorSummary,
  type FieldErrors,
  Fieldset,
  Form,
  type FormValues,
  fieldId,
  Hidden,
  Notice,
  RadioGroup,
  Submit,
  TextArea,
  TextField,
} from "../../ui/forms/index.ts";
import type { CompetencyRef } from "./competencies.ts";
import type { LevelForm } from "./level-form.ts";
import type { Bilingual, Scale } from "./read.ts";
import { scaleUrls } from "./urls.ts";
import { DESCRIPTOR_MAX, LABEL_MAX, MAX_LEVELS, NAME_MAX } from "./validate.ts";

const inLang = (text: Bilingual, lang: Lang) => pick(text, lang)?.value ?? "";

/** A text shown in the reader's language, or the other one (marked) when only that one exists. */
function Shown(props: { text: { en: string | null; fr: string | null }; lang: Lang }) {
  const shown = pick(props.text, props.lang);
  if (!shown) return null;
  return shown.lang === props.lang ? shown.value : <span lang={shown.lang}>{shown.value}</span>;
}

function LevelsTable(props: { scale: Scale; lang: Lang }) {
  const t = messages(props.lang);
  return (
    <table>
      <caption>{t.scaleLevelsCaption(inLang(props.scale.name, props.lang))}</caption>
      <thead>
        <tr>
          <th scope="col">{t.scaleColumnNumber}</th>
          <th scope="col">{t.scaleColumnLabel}</th>
          <th scope="col">{t.scaleColumnDescriptor}</th>
        </tr>
      </thead>
      <tbody>
        {props.scale.levels.map((level) => (
          <tr>
            <td>{new Intl.NumberFormat(props.lang === "fr" ? "fr-CA" : "en-CA").format(level.number)}</td>
            <th scope="row">
              <Shown text={level.label} lang={props.lang} />
            </th>
            <td>
              <Shown text={level.descriptor} lang={props.lang} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface ScalePageProps extends OrganisationFrame {
  scale: Scale;
  /** The actor may choose and define the scale (the policy's scale.edit). */
  edit: boolean;
  notice?: string;
  message?: string;
  /** The level editor as submitted (after a move, an add, a refusal), or undefined: the saved scale. */
  editor?: LevelForm;
  errors?: FieldErrors;
  query: string;
  results?: CompetencyRef[];
}

function ChooseForm(props: ScalePageProps) {
  const t = messages(props.lang);
  return (
    <>
      <h2 id="choose">{t.scaleChooseHeading}</h2>
      <Form lang={props.lang} action={scaleUrls.choose(props.lang, props.slug)} class="stacked-form" scope="choose">
        <RadioGroup
          name="scale"
          label={t.scaleChooseLabel}
          value={props.scale.organisationId === null ? "default" : "own"}
          options={[
            { value: "default", label: t.scaleChooseDefault },
            { value: "own", label: t.scaleChooseOwn },
          ]}
        />
        <Submit>{t.scaleChooseButton}</Submit>
      </Form>
    </>
  );
}

function editorOf(scale: Scale): LevelForm {
  return {
    name_en: scale.name.en,
    name_fr: scale.name.fr,
    description_en: scale.description.en,
    description_fr: scale.description.fr,
    version: scale.version,
    rows: scale.levels.map((level) => ({
      label_en: level.label.en,
      label_fr: level.label.fr,
      descriptor_en: level.descriptor.en,
      descriptor_fr: level.descriptor.fr,
      was: level.number,
    })),
  };
}

function LevelEditor(props: ScalePageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const editor = props.editor ?? editorOf(props.scale);
  const values: FormValues = {
    name_en: editor.name_en,
    name_fr: editor.name_fr,
    description_en: editor.description_en,
    description_fr: editor.description_fr,
  };
  editor.rows.forEach((row, index) => {
    const n = index + 1;
    Object.assign(values, {
      [`level_${n}_label_en`]: row.label_en,
      [`level_${n}_label_fr`]: row.label_fr,
      [`level_${n}_descriptor_en`]: row.descriptor_en,
      [`level_${n}_descriptor_fr`]: row.descriptor_fr,
    });
  });
  const count = editor.rows.length;
  return (
    <>
      <h2 id="levels">{t.scaleEditHeading}</h2>
      {/* The target of the error summary's link when the levels as a whole are wrong (their count). */}
      <p id={fieldId("levels", "levels")} tabindex={-1}>
        {t.scaleEditIntro}
      </p>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} scope="levels" />
      <Form
        lang={lang}
        action={scaleUrls.levels(lang, props.slug)}
        class="stacked-form"
        scope="levels"
        novalidate
        errors={props.errors}
        values={values}
      >
        <Hidden name="version" value={String(editor.version ?? props.scale.version)} />
        <Hidden name="count" value={String(count)} />
        <BilingualFields
          fields={[
            { base: "name", label: { en: t.scaleNameEn, fr: t.scaleNameFr }, maxlength: NAME_MAX, required: true },
            {
              base: "description",
              label: { en: t.scaleDescriptionEn, fr: t.scaleDescriptionFr },
              maxlength: DESCRIPTOR_MAX,
              multiline: true,
              rows: 2,
            },
          ]}
        />
        {editor.rows.map((row, index) => {
          const n = index + 1;
          return (
            <Fieldset legend={t.scaleLevelLegend(n)} class="scale-level" id={`level-${n}`}>
              {row.was !== null && <Hidden name={`level_${n}_was`} value={String(row.was)} />}
              <BilingualFields
                fields={[
                  {
                    base: `level_${n}_label`,
                    label: { en: t.scaleLevelLabelEn, fr: t.scaleLevelLabelFr },
                    maxlength: LABEL_MAX,
                    required: true,
                  },
                  {
                    base: `level_${n}_descriptor`,
                    label: { en: t.scaleLevelDescriptorEn, fr: t.scaleLevelDescriptorFr },
                    maxlength: DESCRIPTOR_MAX,
                    multiline: true,
                    rows: 2,
                  },
                ]}
              />
              <p class="outline-row__actions">
                {n > 1 && (
                  <Submit name="action" value={`up:${n}`} class="button--quiet" label={t.scaleMoveUpLabel(n)}>
                    {t.scaleMoveUp}
                  </Submit>
                )}{" "}
                {n < count && (
                  <Submit name="action" value={`down:${n}`} class="button--quiet" label={t.scaleMoveDownLabel(n)}>
                    {t.scaleMoveDown}
                  </Submit>
                )}{" "}
                <Submit name="action" value={`remove:${n}`} class="button--quiet" label={t.scaleRemoveLabel(n)}>
                  {t.scaleRemove}
                </Submit>
              </p>
            </Fieldset>
          );
        })}
        <p>
          <Submit name="action" value="save">
            {t.scaleSave}
          </Submit>{" "}
          {count < MAX_LEVELS && (
            <Submit name="action" value="add" class="button--quiet">
              {t.scaleAddLevel}
            </Submit>
          )}
        </p>
      </Form>
    </>
  );
}

function CompetencyFinder(props: ScalePageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <>
      <h2 id="find">{t.scaleDescriptorsHeading}</h2>
      <p>{t.scaleDescriptorsIntro}</p>
      <Form
        lang={lang}
        method="get"
        action={`${scaleUrls.page(lang, props.slug)}#find`}
        role="search"
        label={t.scaleSearchLabel}
        scope="find"
      >
        <TextField
          name="q"
          type="search"
          label={t.scaleSearchLabel}
          hint={t.scaleSearchHint}
          value={props.query}
          maxlength={200}
        />
        <Submit>{t.scaleSearchButton}</Submit>
      </Form>
      {props.results && (
        <section aria-labelledby="find-results">
          <h3 id="find-results">
            {props.results.length === 0 ? t.scaleSearchNone : t.scaleSearchResults(props.results.length)}
          </h3>
          <ul>
            {props.results.map((result) => (
              <li>
                <a href={scaleUrls.competency(lang, props.slug, result.frameworkId, result.itemId)}>
                  {result.code && <>{result.code} — </>}
                  <Shown text={result.statement} lang={lang} />
                </a>{" "}
                <span class="meta">
                  (<Shown text={result.frameworkTitle} lang={lang} />)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Paste a CASE CFRubric (or a package with one): its levels become the organisation's own scale. */
function RubricImportForm(props: ScalePageProps) {
  const t = messages(props.lang);
  return (
    <section aria-labelledby="import-rubric-heading">
      <h2 id="import-rubric-heading">{t.scaleRubricHeading}</h2>
      <Form
        lang={props.lang}
        action={scaleUrls.importRubric(props.lang, props.slug)}
        class="stacked-form"
        novalidate
        errors={props.errors}
      >
        <TextArea name="rubric" label={t.scaleRubricLabel} hint={t.scaleRubricHint} rows={6} inputLang="zxx" />
        <Submit>{t.scaleRubricImport}</Submit>
      </Form>
    </section>
  );
}

export function ScalePage(props: ScalePageProps) {
  const t = messages(props.lang);
  const own = props.scale.organisationId !== null;
  return (
    <>
      <h1>{t.scaleTitle}</h1>
      <OrganisationNav {...props} />
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{own ? t.scaleIntroOwn : t.scaleIntroDefault}</p>
      {props.scale.description && (
        <p>
          <Shown text={props.scale.description} lang={props.lang} />
        </p>
      )}
      <LevelsTable scale={props.scale} lang={props.lang} />
      {props.edit && <ChooseForm {...props} />}
      {props.edit && own && <LevelEditor {...props} />}
      {props.edit && <RubricImportForm {...props} />}
      <CompetencyFinder {...props} />
    </>
  );
}

export interface CompetencyLevelsPageProps extends OrganisationFrame {
  scale: Scale;
  competency: CompetencyRef;
  descriptors: Map<number, Bilingual>;
  /** The actor may write them: an administrator, on the organisation's own scale. */
  edit: boolean;
  /** The actor administers the scale but the organisation uses the default (whose descriptors are the site's). */
  onDefault: boolean;
  notice?: string;
  values?: FormValues;
  errors?: FieldErrors;
  /** The instance's editors also write the default scale's descriptors (on its own page). */
  defaultEditUrl?: string;
}

export function competencyStatement(competency: CompetencyRef, lang: Lang): string {
  const statement = pick(competency.statement, lang)?.value ?? "";
  return competency.code ? `${competency.code} ${statement}` : statement;
}

export function CompetencyLevelsPage(props: CompetencyLevelsPageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const { competency, scale } = props;
  const values: FormValues = props.values ?? {};
  if (!props.values)
    for (const level of scale.levels) {
      const own = props.descriptors.get(level.number);
      values[`level_${level.number}_en`] = own?.en ?? "";
      values[`level_${level.number}_fr`] = own?.fr ?? "";
    }
  return (
    <>
      <h1>{t.scaleCompetencyTitle(competencyStatement(competency, lang))}</h1>
      <OrganisationNav {...props} />
      <p>
        <a href={scaleUrls.page(lang, props.slug)}>{t.scaleBackToScale}</a>
      </p>
      <p class="meta">
        {t.scaleCompetencyFramework}: <Shown text={competency.frameworkTitle} lang={lang} />
      </p>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.scaleDescriptorsIntro}</p>
      {props.onDefault && <p>{t.scaleDescriptorsDefaultNote}</p>}
      {props.edit ? (
        <DescriptorForm
          {...props}
          action={scaleUrls.competency(lang, props.slug, competency.frameworkId, competency.itemId)}
          values={values}
        />
      ) : (
        <DescriptorList {...props} />
      )}
      {props.defaultEditUrl && (
        <p>
          <a href={props.defaultEditUrl}>{t.scaleDefaultCompetencyEdit}</a>
        </p>
      )}
    </>
  );
}

interface DescriptorProps {
  lang: Lang;
  scale: Scale;
  descriptors: Map<number, Bilingual>;
  errors?: FieldErrors;
}

/** Initial values: the competency's own descriptors (or what was sent back with errors). */
function descriptorValues(props: DescriptorProps & { values?: FormValues }): FormValues {
  if (props.values) return props.values;
  const values: FormValues = {};
  for (const level of props.scale.levels) {
    const own = props.descriptors.get(level.number);
    values[`level_${level.number}_en`] = own?.en ?? "";
    values[`level_${level.number}_fr`] = own?.fr ?? "";
  }
  return values;
}

/** One field pair per level; the form names the scale it was drawn for. */
function DescriptorForm(props: DescriptorProps & { action: string; values: FormValues }) {
  const t = messages(props.lang);
  const { lang, scale } = props;
  return (
    <>
      <ErrorSummary lang={lang} errors={props.errors} />
      <Form
        lang={lang}
        action={props.action}
        class="stacked-form"
        novalidate
        errors={props.errors}
        values={props.values}
      >
        <Hidden name="scale" value={scale.id} />
        {scale.levels.map((level) => (
          <Fieldset
            legend={t.scaleCompetencyLevelLegend(level.number, inLang(level.label, lang))}
            id={`level-${level.number}`}
            hint={t.scaleCompetencyGeneral(inLang(level.descriptor, lang))}
          >
            <BilingualFields
              fields={[
                {
                  base: `level_${level.number}`,
                  label: { en: t.scaleCompetencyDescriptorEn, fr: t.scaleCompetencyDescriptorFr },
                  maxlength: DESCRIPTOR_MAX,
                  multiline: true,
                  rows: 2,
                },
              ]}
            />
          </Fieldset>
        ))}
        <Submit>{t.scaleCompetencySave}</Submit>
      </Form>
    </>
  );
}

function DescriptorList(props: DescriptorProps) {
  const t = messages(props.lang);
  const { lang, scale } = props;
  return (
    <dl class="scale-descriptors">
      {scale.levels.map((level) => {
        const own = props.descriptors.get(level.number);
        return (
          <>
            <dt>{t.scaleCompetencyLevelLegend(level.number, inLang(level.label, lang))}</dt>
            <dd>
              {own ? <Shown text={own} lang={lang} /> : <p>{t.scaleCompetencyNone}</p>}
              <p class="meta">{t.scaleCompetencyGeneral(inLang(level.descriptor, lang))}</p>
            </dd>
          </>
        );
      })}
    </dl>
  );
}

export interface DefaultCompetencyLevelsPageProps {
  lang: Lang;
  scale: Scale;
  competency: CompetencyRef;
  descriptors: Map<number, Bilingual>;
  action: string;
  notice?: string;
  values?: FormValues;
  errors?: FieldErrors;
}

/** The instance's editors write the default scale's descriptors: every organisation on it, and the public CASE export, carry them. */
export function DefaultCompetencyLevelsPage(props: DefaultCompetencyLevelsPageProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <>
      <h1>{t.scaleDefaultCompetencyTitle(competencyStatement(props.competency, lang))}</h1>
      <p class="meta">
        {t.scaleCompetencyFramework}: <Shown text={props.competency.frameworkTitle} lang={lang} />
      </p>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.scaleDefaultCompetencyIntro}</p>
      <DescriptorForm {...props} values={descriptorValues(props)} />
    </>
  );
}
