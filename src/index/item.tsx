import type { FrameworkView } from "../editions/catalog.ts";
import { ancestors, height, type TreeNode } from "../frameworks/tree.ts";
import { formatDate, type Lang, messages } from "../i18n/index.ts";
import { Text, textOf } from "../ui/text.tsx";
import { urls } from "../ui/urls.ts";

interface ItemProps {
  lang: Lang;
  view: FrameworkView;
  node: TreeNode;
  /** The printable view: no breadcrumb or actions. */
  print?: boolean;
  /** Where a signed-in editor edits this item (absent for readers: their pages are cached and shared). */
  editHref?: string;
}

/**
 * One page for every item, whatever its type: an item whose subtree is deep (a category) lists its
 * children with their descriptions; a shallower one (an area, a competency) is shown whole.
 */
export function ItemPage(props: ItemProps) {
  const { lang, view, node } = props;
  const t = messages(lang);
  const slug = view.framework.slug;
  const key = view.keys.get(node.id) as string;
  const listsChildren = height(node) >= 3;
  const parent = node.parentId ? view.tree.byId.get(node.parentId) : undefined;
  const siblings = parent ? parent.children : view.tree.roots;
  const content = (
    <>
      <h1>
        <Text text={node.statement} lang={lang} marker markdown="inline" />
      </h1>
      {node.description.en || node.description.fr ? (
        <p class="lead">
          <Text text={node.description} lang={lang} marker markdown="inline" />
        </p>
      ) : null}
      {!listsChildren && (
        <p class="meta">
          {t.lastUpdatedOn("")}
          <time datetime={node.lastUpdated.slice(0, 10)}>{formatDate(node.lastUpdated, lang)}</time>
        </p>
      )}
      {!props.print && (!listsChildren || props.editHref) && (
        <p class="page-actions">
          {!listsChildren && (
            <a class="button" href={urls.itemPrint(lang, slug, key)} data-print>
              {t.print}
            </a>
          )}
          {props.editHref && (
            <a href={props.editHref} aria-label={t.editThisLabel(textOf(node.statement, lang))}>
              {t.editThis}
            </a>
          )}
        </p>
      )}
      {props.print && (
        <p class="page-actions">
          <a href={urls.item(lang, slug, key)}>{t.backToPage}</a>
          {/* Without scripting the browser's own Print command prints this view as it is. */}
          <button type="button" class="js-only" data-print hidden>
            {t.printThisPage}
          </button>
        </p>
      )}
      {listsChildren ? <ChildList {...props} /> : <Subtree lang={lang} view={view} nodes={node.children} level={2} />}
    </>
  );
  if (props.print) return content;
  return (
    <>
      <Breadcrumb lang={lang} view={view} node={node} />
      {parent ? (
        <div class="with-siblings">
          <div class="with-siblings__content">
            {content}
            <PreviousNext lang={lang} view={view} node={node} siblings={siblings} />
          </div>
          <SiblingNav lang={lang} view={view} node={node} parent={parent} />
        </div>
      ) : (
        <>
          {content}
          <PreviousNext lang={lang} view={view} node={node} siblings={siblings} />
        </>
      )}
    </>
  );
}

const typeLabelOf = (view: FrameworkView, code: string, lang: Lang) => {
  const type = view.types.get(code);
  return (lang === "fr" ? type?.label_fr : type?.label_en) ?? type?.label_en ?? code;
};

/**
 * The item's siblings, as the seed page's left-hand menu lists a category's areas: the parent
 * (linked) as heading, then each sibling, the current one marked.
 */
function SiblingNav(props: { lang: Lang; view: FrameworkView; node: TreeNode; parent: TreeNode }) {
  const { lang, view, node, parent } = props;
  const t = messages(lang);
  const slug = view.framework.slug;
  const link = (n: TreeNode) => urls.item(lang, slug, view.keys.get(n.id) as string);
  return (
    <nav class="sibling-nav" aria-labelledby="sibling-nav-heading">
      <h2 id="sibling-nav-heading">
        <a href={link(parent)}>
          <span class="sibling-nav__type">{t.navSiblingsHeading(typeLabelOf(view, parent.type, lang))}</span>{" "}
          <Text text={parent.statement} lang={lang} />
        </a>
      </h2>
      <ul>
        {parent.children.map((sibling) => (
          <li>
            <a href={link(sibling)} aria-current={sibling.id === node.id ? "page" : undefined}>
              <Text text={sibling.statement} lang={lang} />
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Links to the item before and after this one among its siblings (none for an only child). */
function PreviousNext(props: { lang: Lang; view: FrameworkView; node: TreeNode; siblings: TreeNode[] }) {
  const { lang, view, node, siblings } = props;
  const t = messages(lang);
  const place = siblings.findIndex((s) => s.id === node.id);
  const previous = place > 0 ? siblings[place - 1] : undefined;
  const next = place >= 0 && place < siblings.length - 1 ? siblings[place + 1] : undefined;
  if (!previous && !next) return null;
  const link = (n: TreeNode) => urls.item(lang, view.framework.slug, view.keys.get(n.id) as string);
  return (
    <nav class="prev-next" aria-label={t.navPrevNext}>
      {previous && (
        <a class="prev-next__previous" rel="prev" href={link(previous)}>
          <span class="prev-next__label">{t.navPrevious}</span> <Text text={previous.statement} lang={lang} />
        </a>
      )}
      {next && (
        <a class="prev-next__next" rel="next" href={link(next)}>
          <span class="prev-next__label">{t.navNext}</span> <Text text={next.statement} lang={lang} />
        </a>
      )}
    </nav>
  );
}

function Breadcrumb(props: { lang: Lang; view: FrameworkView; node: TreeNode }) {
  const t = messages(props.lang);
  const slug = props.view.framework.slug;
  const chain = ancestors(props.node, props.view.tree.byId);
  return (
    <nav class="breadcrumb" aria-label={t.breadcrumb}>
      <ol>
        <li>
          <a href={urls.framework(props.lang, slug)}>{t.home}</a>
        </li>
        {chain.map((a) => (
          <li>
            <a href={urls.item(props.lang, slug, props.view.keys.get(a.id) as string)}>
              <Text text={a.statement} lang={props.lang} />
            </a>
          </li>
        ))}
        <li aria-current="page">
          <Text text={props.node.statement} lang={props.lang} />
        </li>
      </ol>
    </nav>
  );
}

function ChildList(props: ItemProps) {
  const { lang, view, node } = props;
  const t = messages(lang);
  return (
    <section aria-labelledby="children-heading">
      <h2 id="children-heading" class="visually-hidden">
        {t.areasIn(node.statement[lang] ?? node.statement.en ?? node.statement.fr ?? "")}
      </h2>
      <ul class="area-list">
        {node.children.map((child) => (
          <li>
            <h3>
              <a href={urls.item(lang, view.framework.slug, view.keys.get(child.id) as string)}>
                <Text text={child.statement} lang={lang} />
              </a>
            </h3>
            {(child.description.en || child.description.fr) && (
              <p>
                <Text text={child.description} lang={lang} />
              </p>
            )}
            <p class="meta">
              {t.competencyCount(child.children.length)} · {t.lastUpdatedOn("")}
              {formatDate(child.lastUpdated, lang)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Children as headed sections, grandchildren as lists under them (competency → its KSAs). */
export function Subtree(props: { lang: Lang; view: FrameworkView; nodes: TreeNode[]; level: 2 | 3 | 4 | 5 }) {
  const { lang, view } = props;
  const t = messages(lang);
  const typeLabel = (code: string) => {
    const type = view.types.get(code);
    return (lang === "fr" ? type?.label_fr : type?.label_en) ?? type?.label_en ?? code;
  };
  const Heading = `h${props.level}` as "h2";
  return (
    <>
      {props.nodes.map((child) => (
        <section class="competency" id={`item-${view.keys.get(child.id)}`}>
          <Heading>
            <span class="label">{typeLabel(child.type)}</span>
            <Text text={child.statement} lang={lang} marker markdown="inline" />
          </Heading>
          {(child.description.en || child.description.fr) && (
            <div class="md">
              <Text text={child.description} lang={lang} markdown="block" />
            </div>
          )}
          {child.children.length > 0 && (
            <>
              <p class="ksa-heading">
                {child.children.every((k) => k.type === "ksa") ? t.ksaHeading : typeLabel(child.children[0].type)}
              </p>
              <NestedList lang={lang} nodes={child.children} />
            </>
          )}
        </section>
      ))}
    </>
  );
}

function NestedList(props: { lang: Lang; nodes: TreeNode[] }) {
  return (
    <ul class="ksas">
      {props.nodes.map((n) => (
        <li>
          <Text text={n.statement} lang={props.lang} marker markdown="inline" />
          {n.children.length > 0 && <NestedList lang={props.lang} nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}
