/**
 * Questions answered by choosing: radio buttons and checkbox groups, each a fieldset whose legend is
 * the question; and a plain fieldset for grouping fields under a heading.
 */
import type { Child } from "hono/jsx";
import { translate } from "../../i18n/index.ts";
import { useForm } from "./form.tsx";
import { choiceId, fieldId } from "./ids.ts";

export interface Option {
  value: string;
  label: Child;
  /** More about this choice (a level's descriptor): shown under it and read with it, not in its name. */
  description?: Child;
}

interface GroupProps {
  name: string;
  /** The question (the legend). */
  label: Child;
  options: Option[];
  hint?: Child;
  class?: string;
  /** Shown after the options, inside the group (a field that one of the options refers to). */
  children?: Child;
}

function Group(props: GroupProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  const form = useForm();
  const id = fieldId(props.name, form.scope);
  const message = form.errors[props.name];
  const error = message === undefined ? undefined : translate(form.lang, message);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const classes = ["field", error ? "field--invalid" : "", props.class ?? ""];
  return (
    <fieldset class={classes.filter(Boolean).join(" ")} aria-describedby={describedBy}>
      <legend>{props.label}</legend>
      {props.hint && (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      {props.options.map((option, index) => {
        const optionId = choiceId(props.name, option.value, index === 0, form.scope);
        const descriptionId = option.description ? `${optionId}-description` : undefined;
        const label = (
          <label class="choice" for={optionId}>
            <input
              type={props.type}
              id={optionId}
              name={props.name}
              value={option.value}
              checked={props.isChecked(option.value)}
              aria-invalid={error ? "true" : undefined}
              aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ") || undefined}
            />{" "}
            <span>{option.label}</span>
          </label>
        );
        if (!option.description) return label;
        return (
          <div class="choice-with-description">
            {label}
            <div class="choice-description" id={descriptionId}>
              {option.description}
            </div>
          </div>
        );
      })}
      {props.children}
    </fieldset>
  );
}

/** One answer among several; the error summary's link lands on the first. */
export function RadioGroup(props: GroupProps & { value?: string | null }) {
  const form = useForm();
  const value = props.value ?? form.values[props.name];
  return <Group {...props} type="radio" isChecked={(v) => v === value} />;
}

/** Any number of answers, sent as several values of one name. */
export function CheckboxGroup(props: GroupProps & { values?: readonly string[] }) {
  const chosen = new Set(props.values ?? []);
  return <Group {...props} type="checkbox" isChecked={(v) => chosen.has(v)} />;
}

/** A fieldset's hint needs an id to be read with it: the fieldset's own. */
export type FieldsetProps = { legend: Child; class?: string; children: Child } & (
  | { hint: Child; id: string }
  | { hint?: undefined; id?: string }
);

/** Fields grouped under a legend (both languages of a summary, one competency of a pasted area). */
export function Fieldset(props: FieldsetProps) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <fieldset class={props.class} id={props.id} aria-describedby={hintId}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}
