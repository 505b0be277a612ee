/**
 * The form element and what every form shares. `<Form>` gives its fields the reader's language, the
 * errors and values of the last submission and an id scope, so fields need only their name and
 * label. A POST form needs nothing for CSRF: the page renderer adds the token field to every
 * `<form method="post">` (src/security/csrf.ts). Everything works without JavaScript.
 */
import { type Child, createContext, useContext } from "hono/jsx";
import type { Lang } from "../../i18n/index.ts";
import type { FieldErrors } from "./errors.ts";
import { summaryId } from "./ids.ts";

export type FormValues = Record<string, string | null | undefined>;

export interface FormState {
  lang: Lang;
  errors: FieldErrors;
  values: FormValues;
  scope?: string;
}

export const FormContext = createContext<FormState>({ lang: "en", errors: {}, values: {} });

export const useForm = () => useContext(FormContext);

/** The id a field points at when the whole submission failed (its summary's). */
export const formSummaryId = (form: FormState) => summaryId(form.scope);

export interface FormProps {
  lang: Lang;
  action: string;
  /** POST unless said otherwise (search and filter forms are GET). */
  method?: "get" | "post";
  /** Each field's problem with the last submission. */
  errors?: FieldErrors;
  /** What the fields held (shown again after a refusal); a field's own `value` wins. */
  values?: FormValues;
  /** For a page with two forms whose fields share names: keeps every id unique. */
  scope?: string;
  /** The form sends a file (multipart). */
  upload?: boolean;
  class?: string;
  id?: string;
  /**
   * A search form is a landmark. (Not the <search> element: too new for some screen readers, while
   * role="search" on the form is announced everywhere.)
   */
  role?: "search";
  /** Names the form for assistive technology (a search or filter form). */
  label?: string;
  /** Leave checks to the server (whose messages are clearer and translated). */
  novalidate?: boolean;
  /** data-* attributes read by scripts that enhance the form (without the "data-" prefix). */
  data?: Record<string, string>;
  children?: Child;
}

export function Form(props: FormProps) {
  const state: FormState = {
    lang: props.lang,
    errors: props.errors ?? {},
    values: props.values ?? {},
    scope: props.scope,
  };
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([key, value]) => [`data-${key}`, value]));
  return (
    <FormContext.Provider value={state}>
      <form
        method={props.method ?? "post"}
        action={props.action}
        enctype={props.upload ? "multipart/form-data" : undefined}
        class={props.class}
        id={props.id}
        role={props.role}
        aria-label={props.label}
        novalidate={props.novalidate}
        {...data}
      >
        {props.children}
      </form>
    </FormContext.Provider>
  );
}

export function Hidden(props: { name: string; value: string; autocomplete?: string }) {
  return <input type="hidden" name={props.name} value={props.value} autocomplete={props.autocomplete} />;
}

/** Several hidden fields at once (ids, versions, what the form carries from page to page). */
export function HiddenFields(props: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(props.values).map(([name, value]) => (
        <Hidden name={name} value={value} />
      ))}
    </>
  );
}

export interface SubmitProps {
  children: Child;
  /** Which button was pressed, when a form has several. */
  name?: string;
  value?: string;
  /** "button--quiet", "button--danger"… */
  class?: string;
  /** Sends the form to another address (a "check again" beside "import"). */
  formaction?: string;
  /** A name for assistive technology when the visible text needs its context ("Move up: Budget"). */
  label?: string;
  describedBy?: string;
}

export function Submit(props: SubmitProps) {
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      class={props.class}
      formaction={props.formaction}
      aria-label={props.label}
      aria-describedby={props.describedBy}
    >
      {props.children}
    </button>
  );
}

/** A form that is one button (sign out, restore, take, move up), with what it carries hidden. */
export function ButtonForm(
  props: Omit<SubmitProps, "name" | "value" | "formaction"> & {
    lang: Lang;
    action: string;
    hidden?: Record<string, string>;
    /** The form's class: "inline-form" by default, so the button sits among others. */
    formClass?: string;
  },
) {
  return (
    <Form lang={props.lang} action={props.action} class={props.formClass ?? "inline-form"}>
      {props.hidden && <HiddenFields values={props.hidden} />}
      <Submit class={props.class} label={props.label} describedBy={props.describedBy}>
        {props.children}
      </Submit>
    </Form>
  );
}
