/**
 * The search page: a labelled GET form that works without JavaScript, which htmx enhances into
 * search-as-you-type; a live status line with the count; results grouped by area.
 */
import { type Bilingual, pick } from "../frameworks/tree.ts";
import { type Lang, messages, otherLang, typeset } from "../i18n/index.ts";
import { Form, Hidden, Submit, TextField } from "../ui/forms/index.ts";
import { urls } from "../ui/urls.ts";
import { Highlight, hasMatch, snippet } from "./highlight.tsx";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from "./normalize.ts";

export interface HitView {
  id: string;
  typeLabel: Bilingual;
  statement: Bilingual;
  description: Bilingual;
  matchedTerms: string[];
  href: string;
}

export interface GroupView {
  id: string;
  statement: Bilingual;
  href: string;
  /** The title of the framework the group comes from, when the site has several. */
  framework?: string;
  hits: HitView[];
}

export interface SearchPageModel {
  lang: Lang;
  /** The query as searched (cleaned and cut to length). */
  query: string;
  /** The query as read when some words were corrected (typo tolerance). */
  correctedQuery?: string;
  /** The framework the search is narrowed to. */
  only?: { slug: string; title: string };
  /** The `framework=` asked for is not published: every framework was searched. */
  unknownFramework?: boolean;
  /** Links that narrow the search to one framework, with its number of results (when hits come from several). */
  narrowing?: { title: string; count: number; href: string }[];
  /** The visitor's input was longer than MAX_QUERY_LENGTH and was cut. */
  shortened: boolean;
  /** Distinct words beyond MAX_QUERY_TERMS that were not searched (0: none). */
  termsIgnored?: number;
  total: number;
  shown: number;
  groups: GroupView[];
}

const RESULTS_ID = "search-results";
const STATUS_ID = "search-status";

export function SearchPage(props: { model: SearchPageModel }) {
  const { model } = props;
  const t = messages(model.lang);
  const action = urls.search(model.lang);
  return (
    <>
      <h1>{t.searchHeading}</h1>
      <p class="lead">{t.searchIntro}</p>
      <Form lang={model.lang} method="get" action={action} class="search-form" role="search">
        <div class="search-form__row">
          <TextField
            bare
            name="q"
            id="search-q"
            type="search"
            label={t.searchLabel}
            value={model.query}
            maxlength={MAX_QUERY_LENGTH}
            autocomplete="off"
            spellcheck={false}
            attributes={{
              "aria-controls": RESULTS_ID,
              "hx-get": action,
              "hx-trigger": "input changed delay:250ms, search",
              "hx-target": `#${RESULTS_ID}`,
              "hx-push-url": "true",
              "hx-sync": "this:replace",
              "hx-include": "closest form",
            }}
          />
          <Submit>{t.searchButton}</Submit>
        </div>
        {model.only && <Hidden name="framework" value={model.only.slug} />}
      </Form>
      {model.only && (
        <p class="search-scope">
          {t.searchNarrowedTo(model.only.title)}{" "}
          <a href={urls.search(model.lang, model.query || undefined)}>{t.searchAllFrameworks}</a>
        </p>
      )}
      <div id={STATUS_ID} class="search-status" role="status" aria-live="polite" aria-atomic="true">
        <StatusLine model={model} />
      </div>
      <div id={RESULTS_ID} class="search-results">
        <Results model={model} />
      </div>
    </>
  );
}

/**
 * What htmx swaps in: the results, plus the status line sent out of band into the live region that
 * stays in the page, so screen readers hear the new count, not the whole list.
 */
export function SearchResultsFragment(props: { model: SearchPageModel }) {
  return (
    <>
      <div id={STATUS_ID} hx-swap-oob="innerHTML">
        <StatusLine model={props.model} />
      </div>
      <Results model={props.model} />
    </>
  );
}

function StatusLine(props: { model: SearchPageModel }) {
  const { model } = props;
  const t = messages(model.lang);
  if (!model.query) return model.unknownFramework ? <p class="meta">{t.searchUnknownFramework}</p> : null;
  return (
    <>
      <p class="search-count">
        {model.total > 0 ? t.searchResultCount(model.total, model.query) : t.searchNoResults(model.query)}
      </p>
      {model.correctedQuery && <p class="search-corrected">{t.searchCorrected(model.correctedQuery)}</p>}
      {model.unknownFramework && <p class="meta">{t.searchUnknownFramework}</p>}
      {model.shortened && <p class="meta">{t.searchShortened(MAX_QUERY_LENGTH)}</p>}
      {(model.termsIgnored ?? 0) > 0 && (
        <p class="meta">{t.searchTermsIgnored(MAX_QUERY_TERMS, model.termsIgnored ?? 0)}</p>
      )}
      {model.shown < model.total && <p class="meta">{t.searchShowingBest(model.shown)}</p>}
    </>
  );
}

function Results(props: { model: SearchPageModel }) {
  const { model } = props;
  if (!model.query) return <EmptyQuery lang={model.lang} />;
  if (model.total === 0) return <NoResults lang={model.lang} />;
  return (
    <>
      <Narrowing model={model} />
      {model.groups.map((group) => (
        <SearchGroup lang={model.lang} group={group} />
      ))}
    </>
  );
}

/** When the hits come from several frameworks: one link per framework, with its count. */
function Narrowing(props: { model: SearchPageModel }) {
  const links = props.model.narrowing ?? [];
  if (links.length === 0) return null;
  const t = messages(props.model.lang);
  return (
    <section class="search-narrow" aria-labelledby="search-narrow-heading">
      <h2 id="search-narrow-heading">{t.searchNarrowHeading}</h2>
      <ul>
        {links.map((link) => (
          <li>
            <a href={link.href}>{t.searchNarrowLink(link.title, link.count)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EmptyQuery(props: { lang: Lang }) {
  const t = messages(props.lang);
  return (
    <div class="search-empty">
      <p>{t.searchEmpty}</p>
      <ul class="search-examples">
        {t.searchExamples.split("|").map((example) => (
          <li>
            <a href={urls.search(props.lang, example)}>{example}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NoResults(props: { lang: Lang }) {
  const t = messages(props.lang);
  return (
    <section class="search-none" aria-labelledby="search-suggestions">
      <h2 id="search-suggestions">{t.searchSuggestionsHeading}</h2>
      <ul>
        <li>{t.searchSuggestSpelling}</li>
        <li>{t.searchSuggestFewerWords}</li>
        <li>{t.searchSuggestOtherLanguage}</li>
        <li>
          <a href={urls.home(props.lang)}>{t.searchSuggestBrowse}</a>
        </li>
      </ul>
    </section>
  );
}

/** Content text in the page language when there is one, with its own `lang` otherwise. */
function ContentText(props: { text: Bilingual; lang: Lang; terms: readonly string[] }) {
  const chosen = pick(props.text, props.lang);
  if (!chosen) return null;
  const highlighted = <Highlight text={typeset(chosen.value, chosen.lang)} terms={props.terms} />;
  return chosen.lang === props.lang ? highlighted : <span lang={chosen.lang}>{highlighted}</span>;
}

function SearchGroup(props: { lang: Lang; group: GroupView }) {
  const { lang, group } = props;
  const headingId = `group-${group.id}`;
  return (
    <section class="search-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <a href={group.href}>
          <ContentText text={group.statement} lang={lang} terms={[]} />
        </a>
      </h2>
      {group.framework && (
        <p class="meta search-group__framework">{messages(lang).searchFrameworkOf(group.framework)}</p>
      )}
      <ul class="search-hits">
        {group.hits.map((hit) => (
          <SearchHitItem lang={lang} hit={hit} />
        ))}
      </ul>
    </section>
  );
}

function SearchHitItem(props: { lang: Lang; hit: HitView }) {
  const { lang, hit } = props;
  const t = messages(lang);
  const other = otherLang(lang);
  const shown = pick(hit.statement, lang);
  // When the statement shown has none of the matched words (a French word on the English page, or a
  // match in the description), the text that does match is shown under it, so the visitor sees why
  // the item came up: the other language's statement, else the description in either language.
  const candidates: { text: string | null; lang: Lang; label?: string }[] = [
    { text: shown?.lang === lang ? hit.statement[other] : null, lang: other, label: t.searchOtherLanguageMatch },
    { text: hit.description[lang], lang },
    { text: hit.description[other], lang: other, label: t.searchOtherLanguageMatch },
  ];
  const extra = hasMatch(shown?.value, hit.matchedTerms)
    ? undefined
    : candidates.find((candidate) => hasMatch(candidate.text, hit.matchedTerms));
  return (
    <li class="search-hit">
      <span class="search-hit__type">{pick(hit.typeLabel, lang)?.value}</span>{" "}
      <a href={hit.href}>
        <ContentText text={hit.statement} lang={lang} terms={hit.matchedTerms} />
      </a>
      {extra?.text && (
        <p class="search-hit__extra">
          {extra.label && <span class="meta">{extra.label} </span>}
          <span lang={extra.lang === lang ? undefined : extra.lang}>
            <Highlight text={typeset(snippet(extra.text, hit.matchedTerms), extra.lang)} terms={hit.matchedTerms} />
          </span>
        </p>
      )}
    </li>
  );
}
