/** Readers' pages about editions: the list of a framework's editions, and the note on an earlier one. */

import type { FrameworkView } from "../editions/catalog.ts";
import type { EditionSummary } from "../editions/store.ts";
import { formatDate, type Lang, messages } from "../i18n/index.ts";
import { Text, textOf } from "../ui/text.tsx";
import { editionUrls, urls } from "../ui/urls.ts";

export function EditionList(props: { lang: Lang; view: FrameworkView; editions: EditionSummary[] }) {
  const { lang, view } = props;
  const t = messages(lang);
  const slug = view.framework.slug;
  const current = view.edition?.number;
  return (
    <>
      <nav class="breadcrumb" aria-label={t.breadcrumb}>
        <ol>
          <li>
            <a href={urls.framework(lang, slug)}>{t.home}</a>
          </li>
          <li aria-current="page">{t.editionsLink}</li>
        </ol>
      </nav>
      <h1>{t.editionsTitle(textOf({ en: view.framework.title_en, fr: view.framework.title_fr }, lang))}</h1>
      <p class="lead">{t.editionsIntro}</p>
      <ol reversed class="editions">
        {props.editions.map((e) => (
          <li>
            <a href={editionUrls.edition(lang, slug, e.number)}>{t.editorEditionN(e.number)}</a>
            {e.number === current && <> ({t.editionCurrent})</>} —{" "}
            {t.editionPublishedOn(formatDate(e.published_at, lang))}
            <br />
            <Text text={{ en: e.summary_en, fr: e.summary_fr }} lang={lang} marker />
          </li>
        ))}
      </ol>
    </>
  );
}

/** Says which edition the page shows and, for an earlier one, where the current one is. */
export function EditionNote(props: {
  lang: Lang;
  slug: string;
  number: number;
  publishedAt: string;
  current: boolean;
}) {
  const t = messages(props.lang);
  const date = formatDate(props.publishedAt, props.lang);
  return (
    <p class="notice edition-note">
      {props.current ? t.editionCurrentNote(props.number, date) : t.editionEarlierNote(props.number, date)}{" "}
      {!props.current && <a href={urls.framework(props.lang, props.slug)}>{t.editionReadCurrent}</a>}{" "}
      <a href={urls.editions(props.lang, props.slug)}>{t.editionsLink}</a>
    </p>
  );
}
