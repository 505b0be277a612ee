/** The readable page of everything held about a person (its JSON twin is the download). */
import type { Organisation } from "../../db/schema.ts";
import { formatDateTime, type Lang, messages } from "../../i18n/index.ts";
import { PrivacyNoticeLink } from "./notice.tsx";
import type { OwnDataDocument, OwnDataSection } from "./own-data.tsx";
import { privacyUrls } from "./urls.ts";

export function OwnDataPage(props: {
  lang: Lang;
  organisation: Organisation;
  personName: string;
  self: boolean;
  document: OwnDataDocument;
  sections: readonly OwnDataSection[];
  /** The organisation's effective time zone (decision 054). */
  timeZone: string;
}) {
  const { lang, organisation, document } = props;
  const t = messages(lang);
  const orgName = lang === "fr" ? organisation.name_fr : organisation.name_en;
  return (
    <>
      <h1>{props.self ? t.privacyMyDataTitle : t.privacyPersonDataTitle(props.personName)}</h1>
      <p>{t.privacyDataIntro(orgName, formatDateTime(document.exportedAt, lang, props.timeZone))}</p>
      <p class="screen-only">
        <a href={privacyUrls.personDataJson(lang, organisation.slug, document.personId)} download>
          {t.privacyDataDownload}
        </a>
      </p>
      {props.sections.map((section) => (
        <section aria-labelledby={`section-${section.key}`}>
          <h2 id={`section-${section.key}`}>{section.title(lang)}</h2>
          {section.render(document.sections[section.key], lang, props.timeZone)}
        </section>
      ))}
      <PrivacyNoticeLink lang={lang} organisation={organisation} />
    </>
  );
}
