/**
 * The outline: one level of a framework's draft (the top level or an item's children), English and
 * French side by side, with every action as a plain form (keyboard and no-JS friendly); drag and
 * drop (SortableJS) only enhances the list when scripts run.
 */
import type { Framework, ItemType } from "../../db/schema.ts";
import type { DraftItem } from "../../frameworks/item-state.ts";
import type { TreeNode } from "../../frameworks/tree.ts";
import { formatDate, type Lang, messages } from "../../i18n/index.ts";
import { assetUrl } from "../../ui/assets.ts";
import { ButtonForm, Notice } from "../../ui/forms/index.ts";
import { Text } from "../../ui/text.tsx";
import { urls } from "../../ui/urls.ts";
import { needsEnglish, needsFrench } from "../translations.ts";
import { editorUrls } from "../urls.ts";
import { JumpForm } from "./jump-form.tsx";
import { type Crumb, EditorCrumbs, plainStatement, Statement } from "./parts.tsx";

export interface OutlineProps {
  lang: Lang;
  framework: Framework;
  types: ItemType[];
  /** The item whose children are shown; null for the top level. */
  node: TreeNode | null;
  ancestors: TreeNode[];
  /** The items of the level shown (never named `children`: JSX would take it for element children). */
  levelItems: TreeNode[];
  items: Map<string, DraftItem>;
  latestEdition: { number: number; publishedAt: string } | null;
  missing: { french: number; english: number };
  /** For an adopted framework: how many upstream changes wait (null for any other framework). */
  upstream: { waiting: number; conflicts: number } | null;
  notice?: string;
}

export function frameworkTitle(lang: Lang, f: Framework) {
  return plainStatement(lang, { en: f.title_en, fr: f.title_fr });
}

export function outlineCrumbs(
  lang: Lang,
  framework: Framework,
  ancestors: TreeNode[],
  last?: TreeNode | null,
): Crumb[] {
  const t = messages(lang);
  const slug = framework.slug;
  return [
    { href: editorUrls.home(lang), label: t.editorTitle },
    { href: editorUrls.framework(lang, slug), label: frameworkTitle(lang, framework) },
    ...ancestors.map((a) => ({ href: editorUrls.item(lang, slug, a.id), label: plainStatement(lang, a.statement) })),
    ...(last ? [{ href: editorUrls.item(lang, slug, last.id), label: plainStatement(lang, last.statement) }] : []),
  ];
}

export function typeLabel(lang: Lang, types: ItemType[], code: string): string {
  const type = types.find((t) => t.code === code);
  return (lang === "fr" ? type?.label_fr : type?.label_en) ?? type?.label_en ?? code;
}

export function Outline(props: OutlineProps) {
  const { lang, framework, node } = props;
  const t = messages(lang);
  const slug = framework.slug;
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={outlineCrumbs(lang, framework, props.ancestors, node)} />
      <h1>
        {node ? (
          <Statement lang={lang} en={node.statement.en} fr={node.statement.fr} />
        ) : (
          frameworkTitle(lang, framework)
        )}
      </h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p class="meta">
        {props.latestEdition
          ? t.editorStatusPublished(props.latestEdition.number, formatDate(props.latestEdition.publishedAt, lang))
          : t.editorStatusDraft}
      </p>
      <nav class="editor-toolbar" aria-label={t.editorFrameworkActions}>
        <ul>
          <li>
            <a href={editorUrls.publish(lang, slug)}>{t.editorPublishLink}</a>
          </li>
          <li>
            <a href={editorUrls.changes(lang, slug)}>{t.editorChangeLog}</a>
          </li>
          <li>
            <a href={editorUrls.translations(lang, slug)}>{t.upkeepTranslationsLink}</a>
          </li>
          <li>
            <a href={editorUrls.details(lang, slug)}>{t.editorDetails}</a>
          </li>
          {props.upstream && (
            <li>
              <a href={editorUrls.upstream(lang, slug)}>
                {t.adoptWaitingLink(props.upstream.waiting, props.upstream.conflicts)}
              </a>
            </li>
          )}
          {props.latestEdition && (
            <li>
              <a href={urls.framework(lang, slug)}>{t.editorViewPublished}</a>
            </li>
          )}
        </ul>
      </nav>
      <JumpForm lang={lang} slug={slug} />
      <TranslationSummary lang={lang} slug={slug} missing={props.missing} />
      {node && <ItemSummary {...props} node={node} />}
      <Children {...props} />
    </>
  );
}

function TranslationSummary(props: { lang: Lang; slug: string; missing: { french: number; english: number } }) {
  const t = messages(props.lang);
  const { french, english } = props.missing;
  if (french === 0 && english === 0) return <p class="meta">{t.editorAllTranslated}</p>;
  return (
    <ul class="translation-summary">
      {french > 0 && (
        <li>
          <a href={`${editorUrls.translations(props.lang, props.slug)}#need-french`}>
            {t.editorItemsNeedFrench(french)}
          </a>
        </li>
      )}
      {english > 0 && (
        <li>
          <a href={`${editorUrls.translations(props.lang, props.slug)}#need-english`}>
            {t.editorItemsNeedEnglish(english)}
          </a>
        </li>
      )}
    </ul>
  );
}

/** The item itself, both languages side by side, with its own actions. */
function ItemSummary(props: OutlineProps & { node: TreeNode }) {
  const { lang, node, framework } = props;
  const t = messages(lang);
  const item = props.items.get(node.id) as DraftItem;
  return (
    <section class="item-summary" aria-labelledby="item-summary-heading">
      <h2 id="item-summary-heading" class="visually-hidden">
        {t.editorThisItem}
      </h2>
      <p class="meta">
        {typeLabel(lang, props.types, item.type)}
        {item.code && (
          <>
            {" "}
            · {t.editorCode} {item.code}
          </>
        )}
      </p>
      <Bilingual lang={lang} item={item} withDescription />
      <p class="page-actions">
        <a class="button" href={editorUrls.edit(lang, framework.slug, node.id)}>
          {t.editorEdit}
        </a>
        <a href={editorUrls.move(lang, framework.slug, node.id)}>{t.editorMoveTo}</a>
        <a href={editorUrls.history(lang, framework.slug, node.id)}>{t.editorHistory}</a>
        <a href={editorUrls.remove(lang, framework.slug, node.id)}>{t.editorDelete}</a>
      </p>
    </section>
  );
}

/** English and French of an item in two columns, each marked with its language and any gap. */
export function Bilingual(props: { lang: Lang; item: DraftItem; withDescription?: boolean }) {
  const t = messages(props.lang);
  const { item } = props;
  const column = (l: Lang) => {
    const statement = l === "en" ? item.statement_en : item.statement_fr;
    const description = l === "en" ? item.description_en : item.description_fr;
    const missing = l === "fr" ? needsFrench(item) : needsEnglish(item);
    return (
      <div class="bilingual__column">
        <p class="bilingual__lang">
          {l === "en" ? t.editorEnglish : t.editorFrench}
          {missing && <strong class="flag">{l === "fr" ? t.editorNeedsFrench : t.editorNeedsEnglish}</strong>}
        </p>
        <div lang={l === "fr" ? "fr-CA" : "en-CA"}>
          {statement ? (
            <Text text={{ en: statement, fr: null }} lang="en" markdown="inline" />
          ) : (
            <span class="missing">{t.editorEmpty}</span>
          )}
          {props.withDescription && description && (
            <div class="md">
              <Text text={{ en: description, fr: null }} lang="en" markdown="block" />
            </div>
          )}
        </div>
      </div>
    );
  };
  return (
    <div class="bilingual">
      {column("en")}
      {column("fr")}
    </div>
  );
}

function Children(props: OutlineProps) {
  const { lang, framework, node, levelItems } = props;
  const t = messages(lang);
  const slug = framework.slug;
  return (
    <section aria-labelledby="children-heading">
      <h2 id="children-heading">{t.editorContents(levelItems.length)}</h2>
      {levelItems.length === 0 ? (
        <p>{t.editorNoChildren}</p>
      ) : (
        <>
          <p class="field-hint js-only" hidden>
            {t.editorDragHint}
          </p>
          <ol
            class="outline-list"
            data-sortable="true"
            data-order-url={editorUrls.order(lang, slug)}
            data-parent={node?.id ?? "root"}
            data-msg-saved={t.editorOrderSaved}
            data-msg-failed={t.editorOrderFailed}
          >
            {levelItems.map((child, index) => (
              <ChildRow {...props} child={child} place={index + 1} count={levelItems.length} />
            ))}
          </ol>
          <p class="visually-hidden" role="status" aria-live="polite" id="order-status"></p>
        </>
      )}
      <p class="page-actions">
        <a class="button" href={editorUrls.newItem(lang, slug, node?.id ?? null)}>
          {t.editorAddItem}
        </a>
      </p>
      <script src={assetUrl("sortable.min.js")} defer></script>
      <script src={assetUrl("editor.js")} defer></script>
    </section>
  );
}

function ChildRow(props: OutlineProps & { child: TreeNode; place: number; count: number }) {
  const { lang, framework, child, place, count } = props;
  const t = messages(lang);
  const slug = framework.slug;
  const item = props.items.get(child.id) as DraftItem;
  const name = plainStatement(lang, child.statement);
  const reorder = (direction: "up" | "down", label: string) => (
    <ButtonForm
      lang={lang}
      action={editorUrls.reorder(lang, slug, child.id)}
      hidden={{ direction, from: String(place) }}
      class="button--quiet"
      label={`${label}: ${name}`}
    >
      {label}
    </ButtonForm>
  );
  return (
    <li class="outline-row" id={`item-${child.id}`} data-id={child.id}>
      <p class="outline-row__meta">
        <span class="drag-handle js-only" hidden aria-hidden="true" title={t.editorDragHint}>
          ⠿
        </span>
        <span class="label">{typeLabel(lang, props.types, child.type)}</span>
        {child.code && <span class="code">{child.code}</span>}
        <span>{t.editorPlace(place, count)}</span>
      </p>
      <Bilingual lang={lang} item={item} />
      {/* biome-ignore lint/a11y/useSemanticElements: a row of links and buttons, not form fields: a fieldset would misdescribe it */}
      <div class="outline-row__actions" role="group" aria-label={t.editorActionsFor(name)}>
        <a href={editorUrls.item(lang, slug, child.id)}>{t.editorOpenChildren(child.children.length)}</a>
        <a href={editorUrls.edit(lang, slug, child.id)} aria-label={`${t.editorEdit}: ${name}`}>
          {t.editorEdit}
        </a>
        {place > 1 && reorder("up", t.editorMoveUp)}
        {place < count && reorder("down", t.editorMoveDown)}
        <a href={editorUrls.move(lang, slug, child.id)} aria-label={`${t.editorMoveTo} ${name}`}>
          {t.editorMoveTo}
        </a>
        <a href={editorUrls.history(lang, slug, child.id)} aria-label={`${t.editorHistory}: ${name}`}>
          {t.editorHistory}
        </a>
        <a href={editorUrls.remove(lang, slug, child.id)} aria-label={`${t.editorDelete}: ${name}`}>
          {t.editorDelete}
        </a>
      </div>
    </li>
  );
}
