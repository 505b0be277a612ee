/**
 * What every field shares: its id, its label, a hint, a note, its error, and how the control points
 * at them (aria-describedby, aria-invalid). Used by the field components; not a field itself.
 */
import type { Child } from "hono/jsx";
import { translate } from "../../i18n/index.ts";
import { formSummaryId, useForm } from "./form.tsx";
import { fieldId } from "./ids.ts";

export interface FieldBase {
  name: string;
  label: Child;
  /**
   * The element's id when it must be a particular one (by default it comes from the name). The
   * error summary links to the id the name gives, so only fields that are never refused (search
   * boxes, a value shown to be copied) take one of their own.
   */
  id?: string;
  /** Help shown under the label and read with the control. */
  hint?: Child;
  /** A remark about the value (e.g. "may be out of date"), shown above the control and read with it. */
  note?: Child;
  /** Shown after the control (e.g. a checkbox that answers the note). */
  after?: Child;
  /**
   * The whole submission failed (wrong credentials): the field is marked invalid and points at the
   * error summary, even without an error of its own.
   */
  invalid?: boolean;
  /** The label is read by assistive technology but not shown (a search box beside its button). */
  labelHidden?: boolean;
  /** No wrapper: label and control only, for a control that sits in a row (search boxes). */
  bare?: boolean;
  /** More classes for the wrapper. */
  class?: string;
  /** The id of other text that describes this field too (a <Hint> shared by several fields). */
  describedBy?: string;
}

export interface Described {
  id: string;
  error?: string;
  invalid: boolean;
  describedBy?: string;
  hintId?: string;
  noteId?: string;
  errorId?: string;
}

/** The field's id, its error in the reader's language, and the ids the control is described by. */
export function useDescribed(
  props: Pick<FieldBase, "name" | "id" | "hint" | "note" | "invalid" | "describedBy">,
): Described {
  const form = useForm();
  const id = props.id ?? fieldId(props.name, form.scope);
  const message = form.errors[props.name];
  const error = message === undefined ? undefined : translate(form.lang, message);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const noteId = props.note ? `${id}-note` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const summary = props.invalid && !error ? formSummaryId(form) : undefined;
  const describedBy = [hintId, props.describedBy, noteId, errorId, summary].filter(Boolean).join(" ") || undefined;
  return { id, error, invalid: Boolean(error || props.invalid), describedBy, hintId, noteId, errorId };
}

/** The value to show: the field's own, else what the form was submitted with. */
export function useValue(name: string, own: string | null | undefined): string | undefined {
  const form = useForm();
  return own ?? form.values[name] ?? undefined;
}

/** Label, hint, note and error above the control, in the order they are read. */
export function FieldShell(props: FieldBase & { d: Described; children: Child; wide?: boolean }) {
  const { d } = props;
  const label = (
    <label for={d.id} class={props.labelHidden ? "visually-hidden" : undefined}>
      {props.label}
    </label>
  );
  const texts = (
    <>
      {props.hint && (
        <p class="field-hint" id={d.hintId}>
          {props.hint}
        </p>
      )}
      {props.note && (
        <p class="field-note" id={d.noteId}>
          {props.note}
        </p>
      )}
      {d.error && (
        <p class="field-error" id={d.errorId}>
          {d.error}
        </p>
      )}
    </>
  );
  if (props.bare)
    return (
      <>
        {label}
        {texts}
        {props.children}
        {props.after}
      </>
    );
  const classes = ["field", d.invalid ? "field--invalid" : "", props.wide ? "field--wide" : "", props.class ?? ""];
  return (
    <div class={classes.filter(Boolean).join(" ")}>
      {label}
      {texts}
      {props.children}
      {props.after}
    </div>
  );
}

/** A hint for several fields at once; each names its id in `describedBy`. */
export function Hint(props: { id: string; children: Child }) {
  return (
    <p class="field-hint" id={props.id}>
      {props.children}
    </p>
  );
}
