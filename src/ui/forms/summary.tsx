/**
 * What the page says about a submission: the error summary at the top (role="alert", a link to each
 * field to fix, and focused when the page loads, so the reader starts there), and notices of what was
 * done (role="status").
 */
import type { Child } from "hono/jsx";
import { type Lang, messages } from "../../i18n/index.ts";
import { type FieldErrors, FORM_PROBLEM, translateErrors } from "./errors.ts";
import { fieldId, summaryId } from "./ids.ts";

export interface ErrorSummaryProps {
  lang: Lang;
  errors?: FieldErrors;
  /** Field labels by name: each entry then says which field it is about. */
  labels?: Record<string, string>;
  /** One message about the whole submission (wrong credentials, saved meanwhile by someone else). */
  message?: string;
  /** The scope of the form it is about (as given to that <Form>). */
  scope?: string;
  /** More about the failure (e.g. what someone else saved meanwhile). */
  children?: Child;
}

/** Nothing when there is nothing to say. */
export function ErrorSummary(props: ErrorSummaryProps) {
  const { summary } = translateErrors(props.lang, props.errors, props.labels);
  if (!props.message && summary.length === 0 && !props.children) return null;
  return (
    <div class="form-errors" role="alert" id={summaryId(props.scope)} tabindex={-1} autofocus>
      {props.message && <p>{props.message}</p>}
      {summary.length > 0 && (
        <>
          <p>{messages(props.lang).formErrorSummary}</p>
          <ul>
            {summary.map((entry) => (
              <li>
                {entry.field === FORM_PROBLEM ? (
                  entry.text
                ) : (
                  <a href={`#${fieldId(entry.field, props.scope)}`}>{entry.text}</a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {props.children}
    </div>
  );
}

/** What was just done ("Saved.", "Signed out."); a warning stands out and is not announced. */
export function Notice(props: { children: Child; kind?: "status" | "warning" }) {
  if (props.kind === "warning") return <p class="notice notice--warning">{props.children}</p>;
  return (
    <p class="notice" role="status">
      {props.children}
    </p>
  );
}
