/** The single-control fields: text (and its kinds), text areas, selects, files and one checkbox. */
import type { Lang } from "../../i18n/index.ts";
import { type FieldBase, FieldShell, useDescribed, useValue } from "./field.tsx";
import { useForm } from "./form.tsx";

/** Attributes a script reads (htmx's hx-*, aria-controls): passed to the control as they are. */
export type ControlAttributes = Record<`hx-${string}` | `aria-${string}` | `data-${string}`, string | undefined>;

export interface TextFieldProps extends FieldBase {
  type?: "text" | "email" | "password" | "date" | "number" | "search";
  value?: string | null;
  required?: boolean;
  maxlength?: number;
  /** A number's bounds, or a date's (YYYY-MM-DD): the browser's picker offers nothing outside them. */
  min?: number | string;
  max?: number | string;
  autocomplete?: string;
  placeholder?: string;
  readonly?: boolean;
  spellcheck?: boolean;
  /** The language of the text typed in (for spell checkers and screen readers). */
  inputLang?: Lang | string;
  attributes?: ControlAttributes;
}

export function TextField(props: TextFieldProps) {
  const d = useDescribed(props);
  const type = props.type ?? "text";
  const value = useValue(props.name, props.value);
  const secret = type === "email" || type === "password";
  return (
    <FieldShell {...props} d={d}>
      <input
        id={d.id}
        name={props.name}
        type={type}
        // A password is never sent back to the browser.
        value={type === "password" ? undefined : value}
        required={props.required}
        maxlength={props.maxlength}
        min={props.min}
        max={props.max}
        autocomplete={props.autocomplete}
        placeholder={props.placeholder}
        readonly={props.readonly}
        spellcheck={props.spellcheck ?? (secret ? false : undefined)}
        lang={props.inputLang}
        aria-invalid={d.invalid ? "true" : undefined}
        aria-describedby={d.describedBy}
        {...props.attributes}
      />
    </FieldShell>
  );
}

export interface TextAreaProps extends FieldBase {
  value?: string | null;
  rows?: number;
  required?: boolean;
  maxlength?: number;
  inputLang?: Lang | string;
}

export function TextArea(props: TextAreaProps) {
  const d = useDescribed(props);
  return (
    <FieldShell {...props} d={d}>
      <textarea
        id={d.id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        maxlength={props.maxlength}
        lang={props.inputLang}
        aria-invalid={d.invalid ? "true" : undefined}
        aria-describedby={d.describedBy}
      >
        {useValue(props.name, props.value) ?? ""}
      </textarea>
    </FieldShell>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** The label's language when it is not the page's (a framework's French title on an English page). */
  lang?: string;
}

export interface ChoiceGroup {
  label: string;
  choices: Choice[];
}

export interface SelectFieldProps extends FieldBase {
  options: (Choice | ChoiceGroup)[];
  value?: string | null;
  required?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const d = useDescribed(props);
  const value = useValue(props.name, props.value);
  const option = (choice: Choice) => (
    <option value={choice.value} selected={choice.value === value} lang={choice.lang}>
      {choice.label}
    </option>
  );
  return (
    <FieldShell {...props} d={d}>
      <select
        id={d.id}
        name={props.name}
        required={props.required}
        aria-invalid={d.invalid ? "true" : undefined}
        aria-describedby={d.describedBy}
      >
        {props.options.map((entry) =>
          "choices" in entry ? <optgroup label={entry.label}>{entry.choices.map(option)}</optgroup> : option(entry),
        )}
      </select>
    </FieldShell>
  );
}

export function FileField(props: FieldBase & { accept?: string; required?: boolean }) {
  const d = useDescribed(props);
  return (
    <FieldShell {...props} d={d}>
      <input
        id={d.id}
        name={props.name}
        type="file"
        accept={props.accept}
        required={props.required}
        aria-invalid={d.invalid ? "true" : undefined}
        aria-describedby={d.describedBy}
      />
    </FieldShell>
  );
}

/** One checkbox, its label after it; ticked when the form last held this value. */
export function Checkbox(
  props: Omit<FieldBase, "note" | "after" | "bare" | "labelHidden"> & { value: string; checked?: boolean },
) {
  const form = useForm();
  const d = useDescribed(props);
  const checked = props.checked ?? form.values[props.name] === props.value;
  const classes = ["field", "field--check", d.invalid ? "field--invalid" : "", props.class ?? ""];
  return (
    <div class={classes.filter(Boolean).join(" ")}>
      {d.error && (
        <p class="field-error" id={d.errorId}>
          {d.error}
        </p>
      )}
      <input
        type="checkbox"
        id={d.id}
        name={props.name}
        value={props.value}
        checked={checked}
        aria-invalid={d.invalid ? "true" : undefined}
        aria-describedby={d.describedBy}
      />{" "}
      <label for={d.id}>{props.label}</label>
      {props.hint && (
        <p class="field-hint" id={d.hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
