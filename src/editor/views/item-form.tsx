/** Adding and editing an item: both languages side by side, a Markdown preview, and stale-save conflicts. */
import { raw } from "hono/html";
import type { Framework, ItemType } from "../../db/schema.ts";
import type { TextField as ItemTextField } from "../../frameworks/item-state.ts";
import type { TreeNode } from "../../frameworks/tree.ts";
import { type Lang, type Messages, messages } from "../../i18n/index.ts";
import {
  BilingualFields,
  ErrorSummary,
  type FieldErrors,
  type FieldNotes,
  Form,
  Hidden,
  Hint,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import { renderMarkdown } from "../../ui/markdown.ts";
import type { Conflict } from "../commands/items.ts";
import { LIMITS } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { outlineCrumbs, typeLabel } from "./outline.tsx";
import { EditorCrumbs, plainStatement, When } from "./parts.tsx";

export type ItemValues = Partial<Record<ItemTextField, string | null>>;

export interface ItemFormProps {
  lang: Lang;
  framework: Framework;
  types: ItemType[];
  /** Edit: the item; add: the parent (null at the top level). */
  mode: { kind: "edit"; node: TreeNode; version: number } | { kind: "add"; parent: TreeNode | null; id: string };
  ancestors: TreeNode[];
  values: ItemValues;
  errors?: FieldErrors;
  /** A form-wide message (a refused save). */
  message?: string;
  conflicts?: Conflict[];
  preview?: boolean;
  /** Notes beside fields whose translation may be out of date (views/translations.tsx). */
  notes?: FieldNotes;
}

export function fieldLabel(t: Messages, field: string): string {
  const labels: Record<string, string> = {
    code: t.editorCode,
    type: t.editorType,
    statement_en: t.editorStatementEn,
    statement_fr: t.editorStatementFr,
    description_en: t.editorDescriptionEn,
    description_fr: t.editorDescriptionFr,
    parent_id: t.editorFieldParent,
    position: t.editorFieldPosition,
    title_en: t.editorTitleEn,
    title_fr: t.editorTitleFr,
    edition: t.editorFieldEdition,
  };
  return labels[field] ?? field;
}

export function ItemForm(props: ItemFormProps) {
  const { lang, framework, mode, values } = props;
  const t = messages(lang);
  const slug = framework.slug;
  const title = mode.kind === "edit" ? t.editorEditTitle(plainStatement(lang, mode.node.statement)) : t.editorAddTitle;
  const crumbs = outlineCrumbs(lang, framework, props.ancestors, mode.kind === "edit" ? mode.node : mode.parent);
  const action = mode.kind === "edit" ? editorUrls.edit(lang, slug, mode.node.id) : editorUrls.addItem(lang, slug);
  const back =
    mode.kind === "edit"
      ? editorUrls.item(lang, slug, mode.node.id)
      : editorUrls.outline(lang, slug, mode.parent?.id ?? null);
  const labels = Object.fromEntries(
    ["code", "type", "statement_en", "statement_fr", "description_en", "description_fr"].map((f) => [
      f,
      fieldLabel(t, f),
    ]),
  );
  return (
    <>
      <EditorCrumbs lang={lang} crumbs={[...crumbs, { label: title }]} />
      <h1>{title}</h1>
      {mode.kind === "add" && (
        <p class="lead">
          {mode.parent ? t.editorAddUnder(plainStatement(lang, mode.parent.statement)) : t.editorAddAtTop}
        </p>
      )}
      <ErrorSummary lang={lang} errors={props.errors} labels={labels} message={props.message}>
        {props.conflicts && props.conflicts.length > 0 && <ConflictTable lang={lang} conflicts={props.conflicts} />}
      </ErrorSummary>
      <Form lang={lang} action={action} class="item-form" errors={props.errors} values={values}>
        {mode.kind === "edit" ? (
          <Hidden name="version" value={String(mode.version)} />
        ) : (
          <>
            <Hidden name="id" value={mode.id} />
            <Hidden name="parent" value={mode.parent?.id ?? "root"} />
          </>
        )}
        <div class="form-row">
          <SelectField
            name="type"
            label={t.editorType}
            options={props.types.map((type) => ({ value: type.code, label: typeLabel(lang, props.types, type.code) }))}
          />
          <TextField name="code" label={t.editorCode} hint={t.editorCodeHint} maxlength={LIMITS.code} />
        </div>
        <Hint id="markdown-hint">{t.editorMarkdownHint}</Hint>
        <BilingualFields
          describedBy="markdown-hint"
          notes={props.notes}
          fields={[
            {
              base: "statement",
              label: { en: t.editorStatementEn, fr: t.editorStatementFr },
              maxlength: LIMITS.statement,
              multiline: true,
              rows: 3,
            },
            {
              base: "description",
              label: { en: t.editorDescriptionEn, fr: t.editorDescriptionFr },
              maxlength: LIMITS.description,
              multiline: true,
              rows: 5,
            },
          ]}
        />
        <p class="page-actions">
          <Submit>{t.editorSave}</Submit>
          <Submit name="intent" value="preview" class="button--quiet">
            {t.editorPreview}
          </Submit>
          <a href={back}>{t.editorCancel}</a>
        </p>
      </Form>
      {props.preview && <Preview lang={lang} values={values} />}
    </>
  );
}

/** How the statements will read once published (same renderer as the public pages). */
function Preview(props: { lang: Lang; values: ItemValues }) {
  const t = messages(props.lang);
  const block = (text: string | null | undefined) =>
    text ? raw(renderMarkdown(text)) : <p class="missing">{t.editorEmpty}</p>;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t.editorPreviewHeading}</h2>
      <div class="bilingual">
        {(["en", "fr"] as const).map((l) => (
          <div class="bilingual__column" lang={l === "fr" ? "fr-CA" : "en-CA"}>
            <h3 lang={props.lang}>{l === "en" ? t.editorEnglish : t.editorFrench}</h3>
            <div class="md preview__statement">{block(props.values[l === "en" ? "statement_en" : "statement_fr"])}</div>
            <div class="md">{block(props.values[l === "en" ? "description_en" : "description_fr"])}</div>
          </div>
        ))}
      </div>
    </section>
  );
}

/** What someone else saved meanwhile, beside what this editor tried to save. */
export function ConflictTable(props: { lang: Lang; conflicts: Conflict[] }) {
  const t = messages(props.lang);
  return (
    <table class="conflicts">
      <caption>{t.editorConflictHeading}</caption>
      <thead>
        <tr>
          <th scope="col">{t.editorConflictField}</th>
          <th scope="col">{t.editorConflictTheirs}</th>
          <th scope="col">{t.editorConflictYours}</th>
        </tr>
      </thead>
      <tbody>
        {props.conflicts.map((c) => (
          <tr>
            <th scope="row">{fieldLabel(t, c.field)}</th>
            <td>
              {c.theirs ?? <span class="missing">{t.editorEmpty}</span>}
              <br />
              <span class="meta">
                {t.editorBy(c.by ?? t.editorSomeone)}, <When lang={props.lang} at={c.at} />
              </span>
            </td>
            <td>{c.yours ?? <span class="missing">{t.editorEmpty}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
