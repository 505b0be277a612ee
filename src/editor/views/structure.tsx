/** Moving an item (place among its siblings, or under another item) and deleting it with what it holds. */
import type { Framework, ItemType } from "../../db/schema.ts";
import type { TreeNode } from "../../frameworks/tree.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import type { FieldErrors } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { outlineCrumbs, typeLabel } from "./outline.tsx";
import { EditorCrumbs, ErrorSummary, Field, plainStatement, SelectField } from "./parts.tsx";

export interface MoveProps {
  lang: Lang;
  framework: Framework;
  node: TreeNode;
  ancestors: TreeNode[];
  /** 1-based place among its siblings, and how many there are. */
  place: number;
  siblings: number;
  /** Items it may go under (never itself or its descendants), in reading order. */
  parents: TreeNode[];
  types: ItemType[];
  message?: string;
  errors?: FieldErrors;
}

export function MovePage(props: MoveProps) {
  const { lang, framework, node } = props;
  const t = messages(lang);
  const slug = framework.slug;
  const name = plainStatement(lang, node.statement);
  const title = t.editorMoveTitle(name);
  const indent = (n: TreeNode) => "— ".repeat(n.depth);
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={[...outlineCrumbs(lang, framework, props.ancestors, node), { label: title }]} />
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <section aria-labelledby="place-heading">
        <h2 id="place-heading">{t.editorPositionHeading}</h2>
        <form method="post" action={editorUrls.reorder(lang, slug, node.id)}>
          <input type="hidden" name="direction" value="to" />
          <input type="hidden" name="from" value={String(props.place)} />
          <Field
            lang={lang}
            name="position"
            label={t.editorPosition}
            type="number"
            min={1}
            max={props.siblings}
            value={String(props.place)}
            hint={t.editorPositionHint(props.siblings)}
            errors={props.errors}
          />
          <button type="submit">{t.editorMoveHere}</button>
        </form>
      </section>
      <section aria-labelledby="parent-heading">
        <h2 id="parent-heading">{t.editorParentHeading}</h2>
        <form method="post" action={editorUrls.move(lang, slug, node.id)}>
          <SelectField
            lang={lang}
            name="parent"
            label={t.editorNewParent}
            hint={t.editorParentHint}
            value={node.parentId ?? "root"}
            errors={props.errors}
            options={[
              { value: "root", label: t.editorTopLevel },
              ...props.parents.map((p) => ({
                value: p.id,
                label: `${indent(p)}${typeLabel(lang, props.types, p.type)}: ${p.code ? `${p.code} ` : ""}${plainStatement(lang, p.statement)}`,
              })),
            ]}
          />
          <Field
            lang={lang}
            name="position"
            id="field-new-parent-position"
            label={t.editorPositionOptional}
            type="number"
            min={1}
            hint={t.editorPositionLastHint}
          />
          <button type="submit">{t.editorMoveToParent}</button>
        </form>
      </section>
      <p>
        <a href={editorUrls.outline(lang, slug, node.parentId)}>{t.editorCancel}</a>
      </p>
    </>
  );
}

export interface DeleteProps {
  lang: Lang;
  framework: Framework;
  node: TreeNode;
  ancestors: TreeNode[];
  /** Everything under the item, as a tree (its children, theirs…). */
  subtree: TreeNode[];
  count: number;
  byType: { label: string; count: number }[];
  types: ItemType[];
  message?: string;
}

export function DeletePage(props: DeleteProps) {
  const { lang, framework, node } = props;
  const t = messages(lang);
  const title = t.editorDeleteTitle(plainStatement(lang, node.statement));
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={[...outlineCrumbs(lang, framework, props.ancestors, node), { label: title }]} />
      <h1>{title}</h1>
      <ErrorSummary lang={lang} message={props.message} />
      <p class="lead">{t.editorDeleteWhat(props.count)}</p>
      {props.count > 0 && (
        <>
          <ul>
            {props.byType.map((entry) => (
              <li>
                {entry.label}: {entry.count}
              </li>
            ))}
          </ul>
          <SubtreeList lang={lang} nodes={props.subtree} types={props.types} />
        </>
      )}
      <form method="post" action={editorUrls.remove(lang, framework.slug, node.id)}>
        <input type="hidden" name="count" value={String(props.count)} />
        <p class="page-actions">
          <button type="submit" class="button--danger">
            {t.editorDeleteConfirm(props.count + 1)}
          </button>
          <a href={editorUrls.item(lang, framework.slug, node.id)}>{t.editorCancel}</a>
        </p>
      </form>
    </>
  );
}

function SubtreeList(props: { lang: Lang; nodes: TreeNode[]; types: ItemType[] }) {
  return (
    <ul class="subtree">
      {props.nodes.map((n) => (
        <li>
          <span class="label">{typeLabel(props.lang, props.types, n.type)}</span>{" "}
          {n.code && <span class="code">{n.code}</span>} {plainStatement(props.lang, n.statement)}
          {n.children.length > 0 && <SubtreeList lang={props.lang} nodes={n.children} types={props.types} />}
        </li>
      ))}
    </ul>
  );
}
