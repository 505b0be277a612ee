/**
 * Finding competencies in the builder: browsing the index one level at a time (frameworks, then a
 * framework's categories, an area's competencies…), never a whole framework at once, and searching
 * it with the site's search engine, a page of results at a time. Competencies are ticked in a real
 * form ("add the ticked competencies"); the levels above them are links to browse into.
 */

import type { Bilingual } from "../../frameworks/tree.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { CheckboxGroup, Form, HiddenFields, Submit, TextField } from "../../ui/forms/index.ts";
import { Text, textOf } from "../../ui/text.tsx";
import { builderUrls } from "./urls.ts";

export interface FoundItem {
  frameworkId: string;
  frameworkSlug: string;
  id: string;
  code: string | null;
  statement: Bilingual;
  /** A competency: it can be ticked. Otherwise it is browsed into. */
  requirable: boolean;
  /** Already on the profile. */
  chosen: boolean;
  /** Items under it (shown beside a level that is browsed into). */
  childCount: number;
  /** Where browsing shows it (its own node for a level, its parent's for a competency). */
  browseNode: string;
}

export interface BrowseModel {
  frameworks: { slug: string; title: Bilingual }[];
  framework?: { slug: string; title: Bilingual };
  /** From the framework's top down to the level shown (empty at the framework's top). */
  trail: { id: string; code: string | null; statement: Bilingual }[];
  items: FoundItem[];
  page: number;
  pages: number;
}

export interface SearchModel {
  query: string;
  total: number;
  page: number;
  pages: number;
  /** 1-based position of the first item shown. */
  from: number;
  items: FoundItem[];
}

export interface FindProps {
  lang: Lang;
  org: string;
  profileId: string;
  version: number;
  browse: BrowseModel;
  search?: SearchModel;
  /** Ticked items of a refused submission, shown ticked again. */
  ticked?: string[];
  itemError?: boolean;
}

/** Where the add form brings the reader back: the same level or the same page of results. */
export interface Place {
  framework: string;
  node: string;
  q: string;
  page: string;
}

export const itemValue = (item: Pick<FoundItem, "frameworkId" | "id">) => `${item.frameworkId}~${item.id}`;

const name = (item: { code: string | null; statement: Bilingual }, lang: Lang) =>
  [item.code, textOf(item.statement, lang)].filter(Boolean).join(" ");

export function FindCompetencies(props: FindProps & { place: Place }) {
  const t = messages(props.lang);
  return (
    <>
      <h2 id="find">{t.builderFindHeading}</h2>
      <Form
        lang={props.lang}
        method="get"
        action={`${builderUrls.builder(props.lang, props.org, props.profileId)}#find`}
        role="search"
        label={t.builderSearchLabel}
        scope="search"
        class="inline-form"
      >
        <TextField
          name="q"
          type="search"
          label={t.builderSearchLabel}
          value={props.search?.query ?? ""}
          maxlength={200}
        />
        <Submit>{t.builderSearchButton}</Submit>
      </Form>
      {props.search ? <SearchResults {...props} search={props.search} /> : <Browse {...props} />}
    </>
  );
}

function AddForm(props: FindProps & { place: Place; legend: string; items: FoundItem[] }) {
  const t = messages(props.lang);
  const ticked = new Set(props.ticked ?? []);
  const values = props.items.filter((i) => i.chosen || ticked.has(itemValue(i))).map(itemValue);
  return (
    <Form
      lang={props.lang}
      action={builderUrls.add(props.lang, props.org, props.profileId)}
      scope="add"
      errors={props.itemError ? { item: "builderErrItems" } : undefined}
    >
      <HiddenFields values={{ version: String(props.version), ...props.place }} />
      <CheckboxGroup
        name="item"
        label={props.legend}
        values={values}
        options={props.items.map((item) => ({
          value: itemValue(item),
          label: (
            <>
              {item.code && <span class="code">{item.code} </span>}
              <Text text={item.statement} lang={props.lang} />
              {item.chosen && <span class="meta"> ({t.builderChosenMark})</span>}
            </>
          ),
        }))}
      />
      <Submit>{t.builderAddButton}</Submit>
    </Form>
  );
}

function BrowseLinks(props: { lang: Lang; org: string; profileId: string; items: FoundItem[] }) {
  const t = messages(props.lang);
  if (props.items.length === 0) return null;
  return (
    <ul class="builder-levels">
      {props.items.map((item) => (
        <li>
          <a
            href={`${builderUrls.builder(props.lang, props.org, props.profileId, { framework: item.frameworkSlug, node: item.browseNode })}#find`}
          >
            {name(item, props.lang)}
          </a>{" "}
          <span class="meta">({t.builderOpenArea(item.childCount)})</span>
        </li>
      ))}
    </ul>
  );
}

function Browse(props: FindProps & { place: Place }) {
  const t = messages(props.lang);
  const { browse, lang, org, profileId } = props;
  const at = (query: Record<string, string>) => `${builderUrls.builder(lang, org, profileId, query)}#find`;
  const here = browse.trail.at(-1);
  const place = here ? name(here, lang) : browse.framework ? textOf(browse.framework.title, lang) : "";
  const competencies = browse.items.filter((i) => i.requirable);
  return (
    <section aria-labelledby="browse-heading">
      <h3 id="browse-heading">{t.builderBrowseHeading}</h3>
      {browse.frameworks.length === 0 && <p>{t.builderNoFramework}</p>}
      <nav aria-label={t.builderBrowseTrail}>
        <ol class="builder-trail">
          <li>
            <a href={at({})} aria-current={browse.framework ? undefined : "page"}>
              {t.builderFrameworks}
            </a>
          </li>
          {browse.framework && (
            <li>
              <a
                href={at({ framework: browse.framework.slug })}
                aria-current={browse.trail.length === 0 ? "page" : undefined}
              >
                {textOf(browse.framework.title, lang)}
              </a>
            </li>
          )}
          {browse.framework &&
            browse.trail.map((step, index) => (
              <li>
                <a
                  href={at({ framework: browse.framework?.slug ?? "", node: step.id })}
                  aria-current={index === browse.trail.length - 1 ? "page" : undefined}
                >
                  {name(step, lang)}
                </a>
              </li>
            ))}
        </ol>
      </nav>
      {!browse.framework && (
        <ul class="builder-levels">
          {browse.frameworks.map((f) => (
            <li>
              <a href={at({ framework: f.slug })}>{textOf(f.title, lang)}</a>
            </li>
          ))}
        </ul>
      )}
      <BrowseLinks lang={lang} org={org} profileId={profileId} items={browse.items.filter((i) => !i.requirable)} />
      {competencies.length > 0 && <AddForm {...props} legend={t.builderTickLegend(place)} items={competencies} />}
      {browse.pages > 1 && (
        <Pager
          lang={lang}
          page={browse.page}
          pages={browse.pages}
          href={(page) => at({ framework: browse.framework?.slug ?? "", node: here?.id ?? "", page: String(page) })}
        />
      )}
    </section>
  );
}

function SearchResults(props: FindProps & { place: Place; search: SearchModel }) {
  const t = messages(props.lang);
  const { search, lang, org, profileId } = props;
  const competencies = search.items.filter((i) => i.requirable);
  const to = search.from + search.items.length - 1;
  return (
    <section aria-labelledby="results-heading">
      <h3 id="results-heading">{t.builderSearchResults(search.total, search.query)}</h3>
      {search.items.length > 0 && <p class="meta">{t.builderSearchShown(search.from, to)}</p>}
      {competencies.length > 0 && <AddForm {...props} legend={t.builderSearchLegend} items={competencies} />}
      <BrowseLinks lang={lang} org={org} profileId={profileId} items={search.items.filter((i) => !i.requirable)} />
      {search.pages > 1 && (
        <Pager
          lang={lang}
          page={search.page}
          pages={search.pages}
          href={(page) => `${builderUrls.builder(lang, org, profileId, { q: search.query, page: String(page) })}#find`}
        />
      )}
    </section>
  );
}

function Pager(props: { lang: Lang; page: number; pages: number; href: (page: number) => string }) {
  const t = messages(props.lang);
  return (
    <nav aria-label={t.builderPageOf(props.page, props.pages)} class="builder-pager">
      <p>
        {props.page > 1 && <a href={props.href(props.page - 1)}>{t.builderPrevious}</a>}{" "}
        <span>{t.builderPageOf(props.page, props.pages)}</span>{" "}
        {props.page < props.pages && <a href={props.href(props.page + 1)}>{t.builderNext}</a>}
      </p>
    </nav>
  );
}
