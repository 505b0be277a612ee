/** The administrator's retention settings and the organisation's deletion (with what goes named). */
import type { Organisation } from "../../db/schema.ts";
import { formatDay, type Lang, messages } from "../../i18n/index.ts";
import { ErrorSummary, type FieldErrors, Form, Notice, Submit, TextField } from "../../ui/forms/index.ts";
import { PrivacyNoticeLink } from "./notice.tsx";
import type { SectionCount } from "./organisation-export.ts";
import type { OrganisationPurge } from "./retention.ts";
import { MAX_RETENTION_MONTHS, MAX_RETENTION_YEARS } from "./retention.ts";
import { privacyUrls } from "./urls.ts";

/** How many of the people due the page names (the rest are counted; `skillshelf purge --dry-run` lists all). */
const LISTED = 100;

export function RetentionPage(props: {
  lang: Lang;
  organisation: Organisation;
  values: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
  /** Who the next purge would remove under the saved settings. */
  due: OrganisationPurge | undefined;
}) {
  const { lang, organisation } = props;
  const t = messages(lang);
  const due = props.due;
  return (
    <>
      <h1>{t.privacyRetentionTitle}</h1>
      {props.saved && <Notice>{t.privacyRetentionSaved}</Notice>}
      <ErrorSummary
        lang={lang}
        errors={props.errors}
        labels={{ left_months: t.privacyRetentionLeftLabel, assessment_years: t.privacyRetentionAssessmentLabel }}
      />
      <p>{t.privacyRetentionIntro}</p>
      <Form
        lang={lang}
        action={privacyUrls.retention(lang, organisation.slug)}
        errors={props.errors}
        values={props.values}
      >
        <TextField
          name="left_months"
          type="number"
          min={1}
          max={MAX_RETENTION_MONTHS}
          label={t.privacyRetentionLeftLabel}
          hint={t.privacyRetentionLeftHint}
        />
        <TextField
          name="assessment_years"
          type="number"
          min={1}
          max={MAX_RETENTION_YEARS}
          label={t.privacyRetentionAssessmentLabel}
          hint={t.privacyRetentionAssessmentHint}
        />
        <Submit>{t.privacySave}</Submit>
      </Form>
      <h2>{t.privacyRetentionDueHeading}</h2>
      {!due || due.cutoff === null ? (
        <p>{t.privacyRetentionKeepAll}</p>
      ) : due.people.length === 0 ? (
        <p>{t.privacyRetentionNoneDue(formatDay(due.cutoff, lang))}</p>
      ) : (
        <>
          <p>{t.privacyRetentionSomeDue(due.people.length, formatDay(due.cutoff, lang))}</p>
          <ul>
            {due.people.slice(0, LISTED).map((person) => (
              <li>
                {person.name} ({person.employeeNumber}) — {t.privacyLeftOn(formatDay(person.leftOn, lang))}
              </li>
            ))}
          </ul>
          {due.people.length > LISTED && <p>{t.privacyRetentionMore(due.people.length - LISTED)}</p>}
        </>
      )}
      <PrivacyNoticeLink lang={lang} organisation={organisation} />
    </>
  );
}

export function DeleteOrganisationPage(props: {
  lang: Lang;
  organisation: Organisation;
  /** Every section's count, in the export's order: the page names all that goes. */
  counts: readonly SectionCount[];
  errors?: FieldErrors;
}) {
  const { lang, organisation, counts } = props;
  const t = messages(lang);
  const name = lang === "fr" ? organisation.name_fr : organisation.name_en;
  return (
    <>
      <h1>{t.privacyDeleteTitle(name)}</h1>
      <ErrorSummary
        lang={lang}
        errors={props.errors}
        labels={{ confirm: t.privacyDeleteConfirmLabel(organisation.slug) }}
      />
      <p>{t.privacyDeleteIntro}</p>
      <ul>
        {counts.map((count) => (
          <li>{count.label(lang)}</li>
        ))}
      </ul>
      <p>
        {t.privacyDeleteExportFirst}{" "}
        <a href={privacyUrls.organisationExport(lang, organisation.slug)} download>
          {t.privacyOrganisationExportLink}
        </a>
      </p>
      <Form lang={lang} action={privacyUrls.deleteOrganisation(lang, organisation.slug)} errors={props.errors}>
        <TextField
          name="confirm"
          label={t.privacyDeleteConfirmLabel(organisation.slug)}
          autocomplete="off"
          spellcheck={false}
          maxlength={60}
          required
        />
        <Submit class="button--danger">{t.privacyDeleteButton(name)}</Submit>
      </Form>
      <p>
        <a href={privacyUrls.notice(lang, organisation.slug)}>{t.privacyBackToNotice}</a>
      </p>
    </>
  );
}

export function OrganisationDeletedPage(props: { lang: Lang; name: string; counts: readonly SectionCount[] }) {
  const t = messages(props.lang);
  const n = (key: string) => props.counts.find((count) => count.key === key)?.n ?? 0;
  return (
    <>
      <h1>{t.privacyDeletedTitle(props.name)}</h1>
      <p>{t.privacyDeletedBody(n("people"), n("units"))}</p>
      <p>
        <a href={`/${props.lang}`}>{t.goHome}</a>
      </p>
    </>
  );
}
