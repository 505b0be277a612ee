/**
 * The organisation's privacy notice: what it holds about its staff, why, and whom to ask. Each
 * organisation writes its own, in English and French; every personal page links to it through
 * `PrivacyNoticeLink`. Its administrators also find their privacy tools here.
 */
import { raw } from "hono/html";
import type { Organisation } from "../../db/schema.ts";
import { type Lang, messages, otherLang } from "../../i18n/index.ts";
import { BilingualFields, ErrorSummary, type FieldErrors, Form, Hint, Notice, Submit } from "../../ui/forms/index.ts";
import { renderMarkdown } from "../../ui/markdown.ts";
import { privacyUrls } from "./urls.ts";

/** The longest notice either language may hold. */
export const NOTICE_MAX_LENGTH = 20_000;

/** The link every personal page carries to its organisation's privacy notice. */
export function PrivacyNoticeLink(props: { lang: Lang; organisation: Pick<Organisation, "slug"> }) {
  return (
    <p class="privacy-notice-link">
      <a href={privacyUrls.notice(props.lang, props.organisation.slug)}>{messages(props.lang).privacyNoticeLink}</a>
    </p>
  );
}

const orgName = (organisation: Pick<Organisation, "name_en" | "name_fr">, lang: Lang) =>
  lang === "fr" ? organisation.name_fr : organisation.name_en;

export function NoticePage(props: {
  lang: Lang;
  organisation: Organisation;
  administers: boolean;
  /** The reader is a person of the organisation (so has information of their own here). */
  hasRecord: boolean;
  saved?: boolean;
}) {
  const { lang, organisation } = props;
  const t = messages(lang);
  const own = lang === "fr" ? organisation.privacy_notice_fr : organisation.privacy_notice_en;
  const other = lang === "fr" ? organisation.privacy_notice_en : organisation.privacy_notice_fr;
  const text = own?.trim() ? own : other?.trim() ? other : null;
  const textLang = own?.trim() ? lang : otherLang(lang);
  const slug = organisation.slug;
  return (
    <>
      <h1>{t.privacyNoticeTitle(orgName(organisation, lang))}</h1>
      {props.saved && <Notice>{t.privacyNoticeSaved}</Notice>}
      {text === null ? (
        <p>{t.privacyNoticeMissing}</p>
      ) : (
        <div class="privacy-notice" lang={textLang === lang ? undefined : textLang}>
          {raw(renderMarkdown(text))}
        </div>
      )}
      {props.hasRecord && (
        <>
          <h2>{t.privacyYourDataHeading}</h2>
          <ul>
            <li>
              <a href={privacyUrls.myData(lang, slug)}>{t.privacyMyDataLink}</a>
            </li>
            <li>
              <a href={privacyUrls.myAccessLog(lang, slug)}>{t.privacyMyAccessLogLink}</a>
            </li>
          </ul>
        </>
      )}
      {props.administers && (
        <nav aria-label={t.privacyAdminNav}>
          <h2>{t.privacyAdminHeading}</h2>
          <ul>
            <li>
              <a href={privacyUrls.editNotice(lang, slug)}>{t.privacyEditNoticeLink}</a>
            </li>
            <li>
              <a href={privacyUrls.accessLog(lang, slug)}>{t.privacyAccessLogLink}</a>
            </li>
            <li>
              <a href={privacyUrls.retention(lang, slug)}>{t.privacyRetentionLink}</a>
            </li>
            <li>
              <a href={privacyUrls.organisationExport(lang, slug)} download>
                {t.privacyOrganisationExportLink}
              </a>
            </li>
            <li>
              <a href={privacyUrls.deleteOrganisation(lang, slug)}>{t.privacyDeleteLink}</a>
            </li>
          </ul>
        </nav>
      )}
    </>
  );
}

export function NoticeEditPage(props: {
  lang: Lang;
  organisation: Organisation;
  values: Record<string, string | null>;
  errors?: FieldErrors;
}) {
  const { lang, organisation } = props;
  const t = messages(lang);
  const en = messages("en");
  const fr = messages("fr");
  return (
    <>
      <h1>{t.privacyEditNoticeTitle(orgName(organisation, lang))}</h1>
      <ErrorSummary
        lang={lang}
        errors={props.errors}
        labels={{ notice_en: en.privacyNoticeFieldLabel, notice_fr: fr.privacyNoticeFieldLabel }}
      />
      <p>{t.privacyEditNoticeIntro}</p>
      <Form
        lang={lang}
        action={privacyUrls.editNotice(lang, organisation.slug)}
        errors={props.errors}
        values={props.values}
      >
        <Hint id="notice-markdown">{t.privacyNoticeHint}</Hint>
        <BilingualFields
          describedBy="notice-markdown"
          fields={[
            {
              base: "notice",
              label: { en: en.privacyNoticeFieldLabel, fr: fr.privacyNoticeFieldLabel },
              maxlength: NOTICE_MAX_LENGTH,
              multiline: true,
              rows: 14,
            },
          ]}
        />
        <Submit>{t.privacySave}</Submit>
      </Form>
      <p>
        <a href={privacyUrls.notice(lang, organisation.slug)}>{t.privacyBackToNotice}</a>
      </p>
    </>
  );
}
