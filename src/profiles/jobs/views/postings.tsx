/** The postings of a profile (on its page) and the form for a new posting. */
import { type Lang, messages } from "../../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../../people/organisations/views.tsx";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Form,
  type FormValues,
  Hidden,
  SelectField,
  Submit,
  TextArea,
  TextField,
} from "../../../ui/forms/index.ts";
import { EMPLOYMENT_TYPES, type Posting } from "../postings.ts";

export function PostingList(props: {
  lang: Lang;
  slug: string;
  profileId: string;
  postings: Posting[];
  publish: boolean;
}) {
  const { lang, slug } = props;
  const t = messages(lang);
  const base = `/${lang}/orgs/${encodeURIComponent(slug)}/profiles/${encodeURIComponent(props.profileId)}/postings`;
  return (
    <section aria-labelledby="postings-heading">
      <h2 id="postings-heading">{t.postingsHeading}</h2>
      {props.postings.length === 0 ? (
        <p>{t.postingsNone}</p>
      ) : (
        <ul>
          {props.postings.map((p) => (
            <li>
              {t.postingDates(p.date_posted ?? "", p.valid_through ?? "")}{" "}
              <strong>{p.published ? t.postingPublished : t.postingDraft}</strong>{" "}
              {p.published && (
                <a href={`/${lang}/jobs/${encodeURIComponent(slug)}/${encodeURIComponent(p.id)}`}>
                  {t.postingPublicLink}
                </a>
              )}{" "}
              <a
                href={`${base}/${encodeURIComponent(p.id)}/edit`}
                aria-label={t.postingEditLabel(t.postingDates(p.date_posted ?? "", p.valid_through ?? ""))}
              >
                {t.postingEditLink}
              </a>{" "}
              <a
                href={`${base}/${encodeURIComponent(p.id)}/delete`}
                aria-label={t.postingDeleteLabel(t.postingDates(p.date_posted ?? "", p.valid_through ?? ""))}
              >
                {t.postingDeleteLink}
              </a>{" "}
              {props.publish && (
                <ButtonForm
                  lang={lang}
                  action={`${base}/${encodeURIComponent(p.id)}/${p.published ? "unpublish" : "publish"}`}
                  class="button--quiet"
                >
                  {p.published ? t.postingUnpublishButton : t.postingPublishButton}
                </ButtonForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${base}/new`}>{t.postingNewLink}</a>
      </p>
    </section>
  );
}

export function PostingFormPage(props: {
  frame: OrganisationFrame;
  action: string;
  title: string;
  values: FormValues;
  errors?: FieldErrors;
  /** The button's words: create (default) or save an existing posting. */
  submit?: string;
  /** An existing posting's last save as the author loaded it: a later save by someone else is refused. */
  loadedAt?: string;
  /** Shown above the form (a stale save). */
  message?: string;
}) {
  const { lang } = props.frame;
  const t = messages(lang);
  const labels: Record<string, string> = {
    date_posted: t.postingDatePostedLabel,
    valid_through: t.postingValidThroughLabel,
    employment_type: t.postingEmploymentLabel,
    hours_per_week: t.postingHoursLabel,
    salary_min: t.postingSalaryMinLabel,
    salary_max: t.postingSalaryMaxLabel,
    salary_currency: t.postingCurrencyLabel,
    salary_unit: t.postingSalaryUnitLabel,
    street_address: t.postingStreetLabel,
    locality: t.postingLocalityLabel,
    region: t.postingRegionLabel,
    postal_code: t.postingPostalCodeLabel,
    country: t.postingCountryLabel,
    how_to_apply_en: t.postingApplyEnLabel,
    how_to_apply_fr: t.postingApplyFrLabel,
  };
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{props.title}</h1>
      <Form lang={lang} action={props.action} values={props.values} errors={props.errors} novalidate>
        <ErrorSummary lang={lang} errors={props.errors} labels={labels} message={props.message} />
        {props.loadedAt !== undefined && <Hidden name="loaded_at" value={props.loadedAt} />}
        <TextField name="date_posted" type="date" label={labels.date_posted} required />
        <TextField name="valid_through" type="date" label={labels.valid_through} required />
        <SelectField
          name="employment_type"
          label={labels.employment_type}
          options={EMPLOYMENT_TYPES.map((value) => ({ value, label: t.postingEmploymentType(value) }))}
        />
        <TextField name="hours_per_week" type="number" label={labels.hours_per_week} min={0} max={168} />
        <TextField name="salary_min" label={labels.salary_min} maxlength={12} />
        <TextField name="salary_max" label={labels.salary_max} maxlength={12} />
        <TextField name="salary_currency" label={labels.salary_currency} hint={t.postingCurrencyHint} maxlength={3} />
        <SelectField
          name="salary_unit"
          label={labels.salary_unit}
          options={[
            { value: "", label: "—" },
            { value: "HOUR", label: t.postingPerHour },
            { value: "YEAR", label: t.postingPerYear },
          ]}
        />
        <TextField name="street_address" label={labels.street_address} maxlength={200} autocomplete="off" />
        <TextField name="locality" label={labels.locality} maxlength={120} />
        <TextField name="region" label={labels.region} maxlength={120} />
        <TextField name="postal_code" label={labels.postal_code} maxlength={20} />
        <TextField name="country" label={labels.country} hint={t.postingCountryHint} maxlength={2} />
        <TextArea name="how_to_apply_en" label={labels.how_to_apply_en} inputLang="en" required maxlength={3000} />
        <TextArea name="how_to_apply_fr" label={labels.how_to_apply_fr} inputLang="fr" required maxlength={3000} />
        <Submit>{props.submit ?? t.postingCreateButton}</Submit>
      </Form>
    </>
  );
}

/** Asks before deleting a posting: a real form, no script. */
export function PostingDeletePage(props: { frame: OrganisationFrame; action: string; title: string; back: string }) {
  const { lang } = props.frame;
  const t = messages(lang);
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{props.title}</h1>
      <Form lang={lang} action={props.action}>
        <p>{t.postingDeleteIntro}</p>
        <Submit class="button--danger">{t.postingDeleteButton}</Submit>
      </Form>
      <p>
        <a href={props.back}>{t.profileCancel}</a>
      </p>
    </>
  );
}
