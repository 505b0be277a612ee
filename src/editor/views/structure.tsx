/** Moving an item (place among its siblings, or under another item) and deleting it with what it holds. */
import type { Framework, ItemType } from "../../db/schema.ts";
import type { TreeNode } from "../../frameworks/tree.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import {
  ErrorSummary,
  type FieldErrors,
  Form,
  Hidden,
  HiddenFields,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import { editorUrls } from "../urls.ts";
import { outlineCrumbs, typeLabel } from "./outline.tsx";
import { EditorCrumbs, plainStatement } from "./parts.tsx";

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
  /** What is wrong with the "place among its siblings" form. */
  errors?: FieldErrors;
  /** What is wrong with the "under another item" form. */
  parentErrors?: FieldErrors;
}

/** The "under another item" form's scope: both forms have a position field. */
const PARENT_FORM = "new-parent";

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
      <ErrorSummary lang={lang} errors={props.parentErrors} scope={PARENT_FORM} />
      <section aria-labelledby="place-heading">
        <h2 id="place-heading">{t.editorPositionHeading}</h2>
        <Form lang={lang} action={editorUrls.reorder(lang, slug, node.id)} errors={props.errors}>
          <HiddenFields values={{ direction: "to", from: String(props.place) }} />
          <TextField
            name="position"
            label={t.editorPosition}
            type="number"
            min={1}
            max={props.siblings}
            value={String(props.place)}
            hint={t.editorPositionHint(props.siblings)}
          />
          <Submit>{t.editorMoveHere}</Submit>
        </Form>
      </section>
      <section aria-labelledby="parent-heading">
        <h2 id="parent-heading">{t.editorParentHeading}</h2>
        <Form lang={lang} action={editorUrls.move(lang, slug, node.id)} errors={props.parentErrors} scope={PARENT_FORM}>
          <SelectField
            name="parent"
            label={t.editorNewParent}
            hint={t.editorParentHint}
            value={node.parentId ?? "root"}
            options={[
              { value: "root", label: t.editorTopLevel },
              ...props.parents.map((p) => ({
                value: p.id,
                label: `${indent(p)}${typeLabel(lang, props.types, p.type)}: ${p.code ? `${p.code} ` : ""}${plainStatement(lang, p.statement)}`,
              })),
            ]}
          />
          <TextField
            name="position"
            label={t.editorPositionOptional}
            type="number"
            min={1}
            hint={t.editorPositionLastHint}
          />
          <Submit>{t.editorMoveToParent}</Submit>
        </Form>
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
      <Form lang={lang} action={editorUrls.remove(lang, framework.slug, node.id)}>
        <Hidden name="count" value={String(props.count)} />
        <p class="page-actions">
          <Submit class="button--danger">{t.editorDeleteConfirm(props.count + 1)}</Submit>
          <a href={editorUrls.item(lang, framework.slug, node.id)}>{t.editorCancel}</a>
        </p>
      </Form>
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
