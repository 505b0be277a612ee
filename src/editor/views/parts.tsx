/**
 * Building blocks of the editor's pages: labelled fields that carry their hint and error
 * (aria-invalid, aria-describedby), an error summary (role="alert"), notices, the editor breadcrumb.
 */
import type { Child } from "hono/jsx";
import { formatDate, formatTime, type Lang, type Messages, messages } from "../../i18n/index.ts";
import { Text } from "../../ui/text.tsx";
import type { FieldErrors } from "../schemas.ts";

export const fieldId = (name: string) => `field-${name}`;

/** The translated text of a form error code ("tooLong:300" → "Use at most 300 characters."). */
export function errorText(t: Messages, code: string): string {
  const [name, arg] = code.split(":");
  switch (name) {
    case "tooLong":
      return t.editorErrTooLong(Number(arg));
    case "required":
      return t.editorErrRequired;
    case "html":
      return t.editorErrHtml;
    case "badLink":
      return t.editorErrBadLink;
    case "control":
      return t.editorErrControl;
    case "bidi":
      return t.editorErrBidi;
    case "badCode":
      return t.editorErrBadCode;
    case "badSlug":
      return t.editorErrBadSlug;
    case "badId":
      return t.editorErrBadId;
    case "badNumber":
      return t.editorErrBadNumber;
    case "badDate":
      return t.editorErrBadDate;
    case "statementNeeded":
      return t.editorErrStatementNeeded;
    case "titleNeeded":
      return t.editorErrTitleNeeded;
    case "choose":
      return t.adoptErrChoose;
    case "sameTitle":
      return t.adoptErrSameTitle;
    default:
      return t.editorErrInvalid;
  }
}

interface FieldProps {
  lang: Lang;
  name: string;
  /** The element's id when a page has two fields of the same name (two forms); by default from the name. */
  id?: string;
  label: string;
  value?: string | null;
  hint?: string;
  errors?: FieldErrors;
  required?: boolean;
  maxlength?: number;
  /** The language of the text typed in (for spell checkers and screen readers). */
  inputLang?: Lang;
  rows?: number;
  multiline?: boolean;
  type?: "text" | "date" | "number";
  min?: number;
  max?: number;
  /** A remark about the value (e.g. "may be out of date"), shown above the input and read with it. */
  note?: string;
  /** Shown after the input (e.g. a checkbox that answers the note). */
  after?: Child;
}

export function Field(props: FieldProps) {
  const t = messages(props.lang);
  const id = props.id ?? fieldId(props.name);
  const error = props.errors?.[props.name];
  const described =
    [props.hint ? `${id}-hint` : "", props.note ? `${id}-note` : "", error ? `${id}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    required: props.required,
    maxlength: props.maxlength,
    lang: props.inputLang,
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": described,
  };
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.note && (
        <p class="field-note" id={`${id}-note`}>
          {props.note}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {errorText(t, error)}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 3}>
          {props.value ?? ""}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? "text"} value={props.value ?? ""} min={props.min} max={props.max} />
      )}
      {props.after}
    </div>
  );
}

export function SelectField(props: {
  lang: Lang;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  hint?: string;
  errors?: FieldErrors;
}) {
  const t = messages(props.lang);
  const id = fieldId(props.name);
  const error = props.errors?.[props.name];
  const described = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field--invalid" : "field"}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {errorText(t, error)}
        </p>
      )}
      <select id={id} name={props.name} aria-invalid={error ? "true" : undefined} aria-describedby={described}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What to fix, each entry linking to its field; or one message for the whole form. */
export function ErrorSummary(props: {
  lang: Lang;
  errors?: FieldErrors;
  labels?: Record<string, string>;
  message?: string;
  children?: Child;
}) {
  const t = messages(props.lang);
  const entries = Object.entries(props.errors ?? {});
  if (!props.message && entries.length === 0) return null;
  return (
    <div class="form-errors" role="alert" id="form-error" tabindex={-1}>
      {props.message && <p>{props.message}</p>}
      {entries.length > 0 && (
        <>
          <p>{t.editorErrorSummary}</p>
          <ul>
            {entries.map(([name, code]) => (
              <li>
                <a href={`#${fieldId(name)}`}>
                  {props.labels?.[name] ? `${props.labels[name]}: ` : ""}
                  {errorText(t, code)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.children}
    </div>
  );
}

export function Notice(props: { children: Child }) {
  return (
    <p class="notice" role="status">
      {props.children}
    </p>
  );
}

export interface Crumb {
  href?: string;
  label: Child;
  lang?: Lang;
}

/** Where this page sits in the editor; the last crumb is the page itself. */
export function EditorCrumbs(props: { lang: Lang; crumbs: Crumb[] }) {
  const t = messages(props.lang);
  return (
    <nav class="breadcrumb" aria-label={t.editorNav}>
      <ol>
        {props.crumbs.map((crumb, index) =>
          index === props.crumbs.length - 1 ? (
            <li aria-current="page">{crumb.label}</li>
          ) : (
            <li>
              <a href={crumb.href}>{crumb.label}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** A statement in the page's language (falling back to the other one), or a placeholder. */
export function Statement(props: { lang: Lang; en: string | null; fr: string | null }) {
  if (!props.en && !props.fr) return <>{messages(props.lang).editorUntitled}</>;
  return <Text text={{ en: props.en, fr: props.fr }} lang={props.lang} />;
}

export function plainStatement(lang: Lang, text: { en: string | null; fr: string | null }): string {
  return (lang === "fr" ? (text.fr ?? text.en) : (text.en ?? text.fr)) ?? messages(lang).editorUntitled;
}

export function When(props: { lang: Lang; at: string }) {
  const time = Number.isNaN(new Date(props.at).getTime()) ? "" : formatTime(props.at, props.lang);
  return (
    <time datetime={props.at}>
      {formatDate(props.at, props.lang)} {time}
    </time>
  );
}

/** One text field as both languages have it: `base` names the pair (`statement` → statement_en, statement_fr). */
export interface BilingualFieldSpec {
  base: string;
  label: Record<Lang, string>;
  maxlength: number;
  multiline?: boolean;
  rows?: number;
}

/** A remark on one language's field (by its name, e.g. statement_fr), and what answers it. */
export type FieldNotes = Record<string, { note: string; after?: Child }>;

/** English and French side by side: each language's column holds the same fields, in the same order. */
export function BilingualFields(props: {
  lang: Lang;
  values: Record<string, string | null | undefined>;
  errors?: FieldErrors;
  fields: BilingualFieldSpec[];
  notes?: FieldNotes;
}) {
  return (
    <div class="bilingual bilingual--form">
      {(["en", "fr"] as const).map((inputLang) => (
        <div class="bilingual__column">
          {props.fields.map((field) => (
            <Field
              lang={props.lang}
              name={`${field.base}_${inputLang}`}
              label={field.label[inputLang]}
              value={props.values[`${field.base}_${inputLang}`]}
              errors={props.errors}
              multiline={field.multiline}
              rows={field.rows}
              inputLang={inputLang}
              maxlength={field.maxlength}
              note={props.notes?.[`${field.base}_${inputLang}`]?.note}
              after={props.notes?.[`${field.base}_${inputLang}`]?.after}
            />
          ))}
        </div>
      ))}
    </div>
  );
}
