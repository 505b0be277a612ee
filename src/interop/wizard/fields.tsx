/**
 * Form fields of the import wizard: each carries its label, hint and error (aria-invalid,
 * aria-describedby), like the accounts forms; plus text areas, selects and file inputs.
 */
import type { Child } from "hono/jsx";
import { type Lang, type MessageKey, messages } from "../../i18n/index.ts";

export type FieldErrors = Record<string, MessageKey>;

export const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

interface Common {
  lang: Lang;
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  required?: boolean;
}

function described(props: Common): { id: string; error?: MessageKey; describedBy?: string } {
  const id = fieldId(props.name);
  const error = props.errors?.[props.name];
  const ids = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, error, describedBy: ids || undefined };
}

function Wrapper(props: Common & { id: string; error?: MessageKey; children: Child; wide?: boolean }) {
  const t = messages(props.lang);
  return (
    <div class={`field${props.error ? " field--invalid" : ""}${props.wide ? " field--wide" : ""}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {t[props.error]}
        </p>
      )}
      {props.children}
    </div>
  );
}

export function TextInput(
  props: Common & { value?: string; type?: "text" | "date"; maxlength?: number; autocomplete?: string },
) {
  const d = described(props);
  return (
    <Wrapper {...props} {...d}>
      <input
        id={d.id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        maxlength={props.maxlength}
        required={props.required}
        autocomplete={props.autocomplete ?? "off"}
        aria-invalid={d.error ? "true" : undefined}
        aria-describedby={d.describedBy}
      />
    </Wrapper>
  );
}

export function TextArea(props: Common & { value?: string; rows?: number; maxlength?: number }) {
  const d = described(props);
  return (
    <Wrapper {...props} {...d} wide>
      <textarea
        id={d.id}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={d.error ? "true" : undefined}
        aria-describedby={d.describedBy}
      >
        {props.value ?? ""}
      </textarea>
    </Wrapper>
  );
}

export interface Choice {
  value: string;
  label: string;
  lang?: Lang;
}

export interface ChoiceGroup {
  label: string;
  choices: Choice[];
}

export function SelectField(props: Common & { value?: string; choices: (Choice | ChoiceGroup)[] }) {
  const d = described(props);
  const option = (choice: Choice) => (
    <option value={choice.value} selected={choice.value === props.value} lang={choice.lang}>
      {choice.label}
    </option>
  );
  return (
    <Wrapper {...props} {...d}>
      <select
        id={d.id}
        name={props.name}
        required={props.required}
        aria-invalid={d.error ? "true" : undefined}
        aria-describedby={d.describedBy}
      >
        {props.choices.map((entry) =>
          "choices" in entry ? <optgroup label={entry.label}>{entry.choices.map(option)}</optgroup> : option(entry),
        )}
      </select>
    </Wrapper>
  );
}

export function FileInput(props: Common & { accept?: string }) {
  const d = described(props);
  return (
    <Wrapper {...props} {...d}>
      <input
        id={d.id}
        name={props.name}
        type="file"
        accept={props.accept}
        required={props.required}
        aria-invalid={d.error ? "true" : undefined}
        aria-describedby={d.describedBy}
      />
    </Wrapper>
  );
}

/** Radio buttons in a fieldset whose legend is the question. */
export function RadioGroup(props: Common & { value?: string; choices: Choice[] }) {
  const t = messages(props.lang);
  const id = fieldId(props.name);
  const error = props.errors?.[props.name];
  return (
    <fieldset
      class={`field${error ? " field--invalid" : ""}`}
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{props.label}</legend>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {t[error]}
        </p>
      )}
      {props.choices.map((choice, i) => (
        <label class="choice" for={`${id}-${i}`}>
          <input
            id={`${id}-${i}`}
            type="radio"
            name={props.name}
            value={choice.value}
            checked={choice.value === props.value}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The list of what to fix, each linking to its field; or one message for the whole form. */
export function ErrorSummary(props: { lang: Lang; errors?: FieldErrors; message?: string }) {
  const t = messages(props.lang);
  const entries = Object.entries(props.errors ?? {});
  if (!props.message && entries.length === 0) return null;
  return (
    <div class="form-errors" role="alert" id="form-error" tabindex={-1}>
      {props.message && <p>{props.message}</p>}
      {entries.length > 0 && (
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
