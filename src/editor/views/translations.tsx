/**
 * Bilingual upkeep in the editor: the framework's translations page (what is missing, what may be
 * out of date, with "still correct" buttons that work without JavaScript), the notes beside flagged
 * fields in the edit forms, and the count the publish page shows.
 */
import type { Framework } from "../../db/schema.ts";
import type { DraftItem } from "../../frameworks/item-state.ts";
import { formatDate, type Lang, messages } from "../../i18n/index.ts";
import { ButtonForm, Checkbox, type FieldNotes, Notice } from "../../ui/forms/index.ts";
import { type BilingualText, type OutdatedText, otherTextLang, type Pair, type TextLang } from "../translations.ts";
import { editorUrls } from "../urls.ts";
import { fieldLabel } from "./item-form.tsx";
import { frameworkTitle } from "./outline.tsx";
import { EditorCrumbs, plainStatement } from "./parts.tsx";

const htmlLang = (lang: TextLang) => (lang === "fr" ? "fr-CA" : "en-CA");

function langName(lang: Lang, of: TextLang): string {
  const t = messages(lang);
  return of === "en" ? t.upkeepLangEnglish : t.upkeepLangFrench;
}

/**
 * The note beside each flagged field of an edit form, with a checkbox that clears the flag on save.
 * @param checked the confirm_* values the form was posted with (shown again after a refusal)
 */
export function flagNotes(
  lang: Lang,
  outdated: ReadonlyMap<BilingualText, OutdatedText>,
  checked: Record<string, string | null | undefined> = {},
): FieldNotes {
  const t = messages(lang);
  const notes: FieldNotes = {};
  for (const flag of outdated.values()) {
    const name = `confirm_${flag.field}`;
    notes[`${flag.field}_${flag.lang}`] = {
      note: t.upkeepFlag(langName(lang, otherTextLang(flag.lang)), formatDate(flag.flaggedAt, lang)),
      after: (
        <Checkbox
          class="field-confirm"
          name={name}
          value={flag.lang}
          checked={checked[name] === flag.lang}
          label={t.upkeepConfirmOnSave}
        />
      ),
    };
  }
  return notes;
}

/** "Translations: 2 items lack a language, 1 text may be out of date", linking to the page. */
export function TranslationCount(props: { lang: Lang; slug: string; missing: number; outdated: number }) {
  const t = messages(props.lang);
  return (
    <p>
      {t.upkeepPublishCount(props.missing, props.outdated)}{" "}
      {props.missing + props.outdated > 0 && (
        <a href={editorUrls.translations(props.lang, props.slug)}>{t.upkeepSeeTranslations}</a>
      )}
    </p>
  );
}

/** A flagged text with what its owner (an item, or the framework itself) says in both languages. */
export interface OutdatedEntry {
  flag: OutdatedText;
  /** The item, or null for the framework's own title or description. */
  item: DraftItem | null;
  text: Pair;
}

export function TranslationsPage(props: {
  lang: Lang;
  framework: Framework;
  french: DraftItem[];
  english: DraftItem[];
  outdated: OutdatedEntry[];
  notice?: string;
}) {
  const { lang, framework } = props;
  const t = messages(lang);
  const list = (items: DraftItem[], show: "en" | "fr") => (
    <ul class="translation-list">
      {items.map((item) => (
        <li>
          <a href={editorUrls.edit(lang, framework.slug, item.id)}>
            {item.code && <span class="code">{item.code}</span>}{" "}
            <span lang={htmlLang(show)}>{plainStatement(show, { en: item.statement_en, fr: item.statement_fr })}</span>
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <EditorCrumbs
        lang={lang}
        crumbs={[
          { href: editorUrls.home(lang), label: t.editorTitle },
          { href: editorUrls.framework(lang, framework.slug), label: frameworkTitle(lang, framework) },
          { label: t.upkeepTranslationsTitle },
        ]}
      />
      <h1>{t.upkeepTranslationsTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <h2>{t.upkeepMissingHeading}</h2>
      {props.french.length === 0 && props.english.length === 0 && <p>{t.editorAllTranslated}</p>}
      <section aria-labelledby="need-french">
        <h3 id="need-french">{t.editorItemsNeedFrench(props.french.length)}</h3>
        {props.french.length > 0 && list(props.french, "en")}
      </section>
      <section aria-labelledby="need-english">
        <h3 id="need-english">{t.editorItemsNeedEnglish(props.english.length)}</h3>
        {props.english.length > 0 && list(props.english, "fr")}
      </section>
      <section aria-labelledby="outdated">
        <h2 id="outdated">{t.upkeepOutdatedHeading(props.outdated.length)}</h2>
        {props.outdated.length === 0 ? (
          <p>{t.upkeepNothingOutdated}</p>
        ) : (
          <>
            <p>{t.upkeepOutdatedIntro}</p>
            <ol class="outdated-list">
              {props.outdated.map((entry, index) => (
                <OutdatedItem lang={lang} framework={framework} entry={entry} index={index} />
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}

function OutdatedItem(props: { lang: Lang; framework: Framework; entry: OutdatedEntry; index: number }) {
  const { lang, framework, entry } = props;
  const t = messages(lang);
  const { flag, item } = entry;
  const changed = otherTextLang(flag.lang);
  const owner = item ? plainStatement(lang, { en: item.statement_en, fr: item.statement_fr }) : t.upkeepFramework;
  const field = fieldLabel(t, `${flag.field}_${flag.lang}`);
  const headingId = `outdated-${props.index}`;
  const edit = item ? editorUrls.edit(lang, framework.slug, item.id) : editorUrls.details(lang, framework.slug);
  const date = formatDate(flag.flaggedAt, lang);
  return (
    <li class="outdated-entry">
      <h3 id={headingId}>
        <a href={edit}>
          {item?.code && <span class="code">{item.code}</span>} {owner}
        </a>{" "}
        — {field}
      </h3>
      <div class="bilingual">
        {(["en", "fr"] as const).map((l) => (
          <div class={l === flag.lang ? "bilingual__column to-check" : "bilingual__column"}>
            <p class="bilingual__lang">
              {l === "en" ? t.upkeepEnglishText : t.upkeepFrenchText}
              {l === flag.lang && <span class="flag">{t.upkeepToCheck}</span>}
            </p>
            <p lang={htmlLang(l)} class="value">
              {entry.text[l] ?? <span class="missing">{t.editorEmpty}</span>}
            </p>
          </div>
        ))}
      </div>
      <p class="meta">
        {flag.flaggedBy
          ? t.upkeepChangedBy(langName(lang, changed), date, flag.flaggedBy)
          : t.upkeepChangedOn(langName(lang, changed), date)}
      </p>
      <ButtonForm
        lang={lang}
        action={editorUrls.confirmTranslation(lang, framework.slug)}
        hidden={{ item: item ? item.id : "framework", field: flag.field, lang: flag.lang }}
        describedBy={headingId}
      >
        {t.upkeepConfirm}
      </ButtonForm>
    </li>
  );
}
