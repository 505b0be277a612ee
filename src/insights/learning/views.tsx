/**
 * The learning resources pages: the catalogue (filtered by a competency found in the index), one
 * resource with its competencies (tagged and untagged by editors through a search of the index),
 * its form, its deletion and the CSV import. Real forms; no JavaScript needed.
 */
import { pick } from "../../i18n/bilingual.ts";
import { formatNumber, type Lang, type Messages, messages, translate } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import type { CompetencyRef } from "../../profiles/scales/competencies.ts";
import {
  ButtonForm,
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Form,
  type FormValues,
  Hidden,
  Notice,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import type { CsvProblem } from "./csv.ts";
import type { CompetencyTag, Resource } from "./store.ts";
import { competencyValue, learningUrls } from "./urls.ts";
import { PROVIDER_MAX, RESOURCE_FORMATS, type ResourceFormat, TITLE_MAX, URL_MAX } from "./values.ts";

const FORMAT_LABEL: Record<ResourceFormat, keyof Messages> = {
  course: "learningFormatCourse",
  on_the_job: "learningFormatOnTheJob",
  mentoring: "learningFormatMentoring",
  reading: "learningFormatReading",
  video: "learningFormatVideo",
  other: "learningFormatOther",
};
export const formatLabel = (format: ResourceFormat, lang: Lang) => messages(lang)[FORMAT_LABEL[format]] as string;

export const resourceTitle = (resource: Resource, lang: Lang) =>
  lang === "fr" ? resource.fields.titleFr : resource.fields.titleEn;

function hours(minutes: number | null, lang: Lang) {
  if (minutes === null) return messages(lang).learningNotGiven;
  const value = new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", { maximumFractionDigits: 2 }).format(
    minutes / 60,
  );
  return messages(lang).learningHoursValue(value);
}

function cost(resource: Resource, lang: Lang) {
  const { costCents, currency } = resource.fields;
  if (costCents === null || currency === null) return messages(lang).learningNotGiven;
  try {
    return new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency }).format(
      costCents / 100,
    );
  } catch {
    return `${formatNumber(costCents / 100, lang)} ${currency}`;
  }
}

/** A competency as the index's latest edition names it, in the reader's language (or the other, marked). */
export function CompetencyName(props: {
  lang: Lang;
  code: string | null;
  statement: { en: string | null; fr: string | null } | null;
}) {
  const t = messages(props.lang);
  if (!props.statement) return <span>{[props.code, `(${t.learningRetired})`].filter(Boolean).join(" ")}</span>;
  const shown = pick(props.statement, props.lang);
  return (
    <span>
      {props.code ? `${props.code} ` : ""}
      {shown && (shown.lang === props.lang ? shown.value : <span lang={shown.lang}>{shown.value}</span>)}
    </span>
  );
}

const tagText = (tag: CompetencyTag, lang: Lang) =>
  [tag.code, tag.statement ? (pick(tag.statement, lang)?.value ?? "") : ""].filter(Boolean).join(" ");

export interface ListPageProps {
  frame: OrganisationFrame;
  resources: Resource[];
  edit: boolean;
  query: string;
  results?: CompetencyRef[];
  competency?: CompetencyRef;
  notice?: string;
}

export function ListPage(props: ListPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  return (
    <>
      <OrganisationNav {...props.frame} current="learning" />
      <h1>{t.learningTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.learningIntro}</p>
      <nav aria-label={t.learningActionsLabel}>
        <ul class="link-list">
          {props.edit && (
            <li>
              <a href={learningUrls.create(lang, slug)}>{t.learningAdd}</a>
            </li>
          )}
          {props.edit && (
            <li>
              <a href={learningUrls.import(lang, slug)}>{t.learningImportLink}</a>
            </li>
          )}
          <li>
            <a href={learningUrls.export(lang, slug)} download>
              {t.learningExportLink}
            </a>
          </li>
        </ul>
      </nav>
      <h2>{t.learningFindHeading}</h2>
      <Form
        lang={lang}
        method="get"
        action={learningUrls.list(lang, slug)}
        role="search"
        label={t.learningFindHeading}
        class="inline-form"
      >
        <TextField name="q" type="search" label={t.learningSearchLabel} value={props.query} maxlength={200} />
        <Submit>{t.learningSearchButton}</Submit>
      </Form>
      {props.results && (
        <section aria-labelledby="learning-found">
          <h3 id="learning-found">{t.learningSearchResults(props.query)}</h3>
          {props.results.length === 0 ? (
            <p>{t.learningSearchNone}</p>
          ) : (
            <ul>
              {props.results.map((ref) => (
                <li>
                  <a href={`${learningUrls.list(lang, slug)}?competency=${encodeURIComponent(competencyValue(ref))}`}>
                    <CompetencyName lang={lang} code={ref.code} statement={ref.statement} />
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {props.competency && (
        <p>
          <strong>
            {t.learningFilteredBy(tagText({ ...props.competency, statement: props.competency.statement }, lang))}
          </strong>{" "}
          <a href={learningUrls.list(lang, slug)}>{t.learningShowAll}</a>
        </p>
      )}
      {props.resources.length === 0 ? (
        <p>{props.competency ? t.learningEmptyFiltered : t.learningEmpty}</p>
      ) : (
        <ResourceTable lang={lang} slug={slug} resources={props.resources} />
      )}
    </>
  );
}

function ResourceTable(props: { lang: Lang; slug: string; resources: Resource[] }) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <table>
      <caption>{t.learningCaption(props.resources.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.learningColumnTitle}</th>
          <th scope="col">{t.learningColumnFormat}</th>
          <th scope="col">{t.learningColumnProvider}</th>
          <th scope="col">{t.learningColumnHours}</th>
          <th scope="col">{t.learningColumnCost}</th>
          <th scope="col">{t.learningColumnCompetencies}</th>
        </tr>
      </thead>
      <tbody>
        {props.resources.map((r) => (
          <tr>
            <th scope="row">
              <a href={learningUrls.resource(lang, props.slug, r.id)}>{resourceTitle(r, lang)}</a>
            </th>
            <td>{formatLabel(r.fields.format, lang)}</td>
            <td>{r.fields.provider ?? t.learningNotGiven}</td>
            <td>{hours(r.fields.durationMinutes, lang)}</td>
            <td>{cost(r, lang)}</td>
            <td>
              {r.competencies
                .map((tag) => tag.code ?? "")
                .filter(Boolean)
                .join(", ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface ResourcePageProps {
  frame: OrganisationFrame;
  resource: Resource;
  edit: boolean;
  query: string;
  results?: CompetencyRef[];
  notice?: string;
  message?: string;
  errors?: FieldErrors;
}

export function ResourcePage(props: ResourcePageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const r = props.resource;
  const other: Lang = lang === "fr" ? "en" : "fr";
  return (
    <>
      <OrganisationNav {...props.frame} current="learning" />
      <p>
        <a href={learningUrls.list(lang, slug)}>{t.learningBackToList}</a>
      </p>
      <h1>{resourceTitle(r, lang)}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary lang={lang} message={props.message} errors={props.errors} scope="tag" />
      <dl>
        <dt>{other === "fr" ? t.learningFieldTitleFr : t.learningFieldTitleEn}</dt>
        <dd lang={other}>{other === "fr" ? r.fields.titleFr : r.fields.titleEn}</dd>
        <dt>{t.learningFieldFormat}</dt>
        <dd>{formatLabel(r.fields.format, lang)}</dd>
        <dt>{t.learningFieldProvider}</dt>
        <dd>{r.fields.provider ?? t.learningNotGiven}</dd>
        <dt>{t.learningFieldHours}</dt>
        <dd>{hours(r.fields.durationMinutes, lang)}</dd>
        <dt>{t.learningFieldCost}</dt>
        <dd>{cost(r, lang)}</dd>
        <dt>{t.learningFieldUrl}</dt>
        <dd>{r.fields.url ? <a href={r.fields.url}>{r.fields.url}</a> : t.learningNotGiven}</dd>
      </dl>
      {props.edit && (
        <ul class="link-list">
          <li>
            <a href={learningUrls.edit(lang, slug, r.id)}>{t.learningEditLink}</a>
          </li>
          <li>
            <a href={learningUrls.delete(lang, slug, r.id)}>{t.learningDeleteLink}</a>
          </li>
        </ul>
      )}
      <h2>{t.learningCompetenciesHeading}</h2>
      {r.competencies.length === 0 ? (
        <p>{t.learningNoCompetencies}</p>
      ) : (
        <ul>
          {r.competencies.map((tag) => (
            <li>
              <CompetencyName lang={lang} code={tag.code} statement={tag.statement} />
              {props.edit && (
                <>
                  {" "}
                  <ButtonForm
                    lang={lang}
                    action={learningUrls.untag(lang, slug, r.id)}
                    hidden={{ version: String(r.version), competency: competencyValue(tag) }}
                    class="button--quiet"
                    label={t.learningRemoveTag(tagText(tag, lang) || tag.itemId)}
                  >
                    {t.learningDeleteLink}
                  </ButtonForm>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.edit && <TagCompetencies {...props} />}
    </>
  );
}

function TagCompetencies(props: ResourcePageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const r = props.resource;
  const tagged = new Set(r.competencies.map(competencyValue));
  const options = (props.results ?? [])
    .filter((ref) => !tagged.has(competencyValue(ref)))
    .map((ref) => ({ value: competencyValue(ref), label: tagText({ ...ref }, lang) || ref.itemId }));
  return (
    <>
      <h2 id="tag">{t.learningTagHeading}</h2>
      <Form
        lang={lang}
        method="get"
        action={`${learningUrls.resource(lang, slug, r.id)}#tag`}
        role="search"
        label={t.learningTagHeading}
        scope="find"
        class="inline-form"
      >
        <TextField name="q" type="search" label={t.learningTagSearchLabel} value={props.query} maxlength={200} />
        <Submit>{t.learningSearchButton}</Submit>
      </Form>
      {props.results &&
        (options.length === 0 ? (
          <p>{t.learningSearchNone}</p>
        ) : (
          <Form lang={lang} action={learningUrls.tag(lang, slug, r.id)} scope="tag" errors={props.errors}>
            <Hidden name="version" value={String(r.version)} />
            <Hidden name="q" value={props.query} />
            <CheckboxGroup name="competency" label={t.learningTagLegend} options={options} />
            <Submit>{t.learningTagButton}</Submit>
          </Form>
        ))}
    </>
  );
}

export interface FormPageProps {
  frame: OrganisationFrame;
  /** Absent: a new resource. */
  resource?: Resource;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
}

export function ResourceFormPage(props: FormPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const r = props.resource;
  const action = r ? learningUrls.edit(lang, slug, r.id) : learningUrls.create(lang, slug);
  const labels = {
    title_en: t.learningFieldTitleEn,
    title_fr: t.learningFieldTitleFr,
    url: t.learningFieldUrl,
    provider: t.learningFieldProvider,
    format: t.learningFieldFormat,
    hours: t.learningFieldHours,
    cost: t.learningFieldCost,
    currency: t.learningFieldCurrency,
  };
  return (
    <>
      <OrganisationNav {...props.frame} current="learning" />
      <p>
        <a href={r ? learningUrls.resource(lang, slug, r.id) : learningUrls.list(lang, slug)}>{t.learningBackToList}</a>
      </p>
      <h1>{r ? t.learningEditTitle(resourceTitle(r, lang)) : t.learningNewTitle}</h1>
      <ErrorSummary lang={lang} errors={props.errors} labels={labels} message={props.message} />
      <Form lang={lang} action={action} values={props.values} errors={props.errors} novalidate>
        {r && <Hidden name="version" value={String(r.version)} />}
        <TextField name="title_en" label={labels.title_en} required maxlength={TITLE_MAX} inputLang="en" />
        <TextField name="title_fr" label={labels.title_fr} required maxlength={TITLE_MAX} inputLang="fr" />
        <SelectField
          name="format"
          label={labels.format}
          required
          options={RESOURCE_FORMATS.map((format) => ({ value: format, label: formatLabel(format, lang) }))}
        />
        <TextField name="provider" label={labels.provider} maxlength={PROVIDER_MAX} />
        <TextField name="url" label={labels.url} hint={t.learningFieldUrlHint} maxlength={URL_MAX} spellcheck={false} />
        <TextField name="hours" label={labels.hours} hint={t.learningFieldHoursHint} maxlength={12} />
        <TextField name="cost" label={labels.cost} hint={t.learningFieldCostHint} maxlength={16} />
        <TextField name="currency" label={labels.currency} hint={t.learningFieldCurrencyHint} maxlength={3} />
        <Submit>{t.learningSave}</Submit>
      </Form>
    </>
  );
}

export function DeletePage(props: { frame: OrganisationFrame; resource: Resource; message?: string }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const r = props.resource;
  return (
    <>
      <OrganisationNav {...props.frame} current="learning" />
      <h1>{t.learningDeleteTitle(resourceTitle(r, lang))}</h1>
      <ErrorSummary lang={lang} message={props.message} />
      <p>{t.learningDeleteIntro}</p>
      <ButtonForm
        lang={lang}
        action={learningUrls.delete(lang, slug, r.id)}
        hidden={{ version: String(r.version) }}
        class="button--danger"
        formClass="stack-form"
      >
        {t.learningDeleteButton}
      </ButtonForm>
      <p>
        <a href={learningUrls.resource(lang, slug, r.id)}>{t.learningBackToList}</a>
      </p>
    </>
  );
}

export function ImportPage(props: { frame: OrganisationFrame; errors?: FieldErrors; problems?: CsvProblem[] }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const problems = props.problems ?? [];
  return (
    <>
      <OrganisationNav {...props.frame} current="learning" />
      <p>
        <a href={learningUrls.list(lang, slug)}>{t.learningBackToList}</a>
      </p>
      <h1>{t.learningImportTitle}</h1>
      <ErrorSummary
        lang={lang}
        errors={props.errors}
        labels={{ file: t.learningImportFile }}
        message={problems.length > 0 ? t.learningImportRefused(problems.length) : undefined}
      />
      {problems.length > 0 && (
        <table>
          <caption>{t.learningImportProblemsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.learningImportLine}</th>
              <th scope="col">{t.learningImportColumn}</th>
              <th scope="col">{t.learningImportProblem}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p) => (
              <tr>
                <td>{formatNumber(p.line, lang)}</td>
                <td>{p.column ?? ""}</td>
                <td>{translate(lang, p.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>{t.learningImportIntro}</p>
      <h2>{t.learningImportColumnsHeading}</h2>
      <p>{t.learningImportColumnsIntro}</p>
      <Form lang={lang} action={learningUrls.import(lang, slug)} upload errors={props.errors} novalidate>
        <FileField name="file" label={t.learningImportFile} accept=".csv,text/csv" required />
        <Submit>{t.learningImportButton}</Submit>
      </Form>
    </>
  );
}
