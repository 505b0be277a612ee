/**
 * Form building blocks shared by the accounts pages: an error summary (role="alert") and fields
 * that carry their label, hint and error (aria-invalid, aria-describedby).
 */
import type { Child } from "hono/jsx";
import { type Lang, messages } from "../i18n/index.ts";
import type { FieldErrors, MessageKey } from "./forms.ts";

export interface FieldProps {
  lang: Lang;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  value?: string;
  hint?: string;
  errors?: FieldErrors;
  /** The whole form failed (e.g. wrong credentials): mark the field and point at the summary. */
  invalid?: boolean;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

export function Field(props: FieldProps) {
  const t = messages(props.lang);
  const id = fieldId(props.name);
  const errorKey = props.errors?.[props.name];
  const described = [
    props.hint ? `${id}-hint` : "",
    errorKey ? `${id}-error` : "",
    props.invalid && !errorKey ? "form-error" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={errorKey || props.invalid ? "field field--invalid" : "field"}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {errorKey && (
        <p class="field-error" id={`${id}-error`}>
          {t[errorKey]}
        </p>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.type === "password" ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        spellcheck={props.type === "email" || props.type === "password" ? false : undefined}
        aria-invalid={errorKey || props.invalid ? "true" : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}

/** The list of what to fix, each linking to its field; or one message for the whole form. */
export function ErrorSummary(props: { lang: Lang; errors?: FieldErrors; message?: string }) {
  const t = messages(props.lang);
  const entries = Object.entries(props.errors ?? {}).filter((entry): entry is [string, MessageKey] =>
    Boolean(entry[1]),
  );
  if (!props.message && entries.length === 0) return null;
  return (
    <div class="form-errors" role="alert" id="form-error" tabindex={-1}>
      {props.message ? (
        <p>{props.message}</p>
      ) : (
        <>
          <p>{t.authErrorSummary}</p>
          <ul>
            {entries.map(([name, key]) => (
              <li>
                <a href={`#${fieldId(name)}`}>{t[key]}</a>
              </li>
            ))}
          </ul>
        </>
      )}
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
