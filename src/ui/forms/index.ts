/**
 * The one way to build a form (decision 016): `<Form>` and its fields carry their label, hint and
 * error with the right ids and ARIA; the error summary links to them; zod issues become translated
 * field errors through `parseForm`/`fieldErrors`. Nothing outside this folder writes a <label>, an
 * error summary or a field's error markup (test/ui/forms-only-here.test.ts).
 */
export { type BilingualFieldSpec, BilingualFields, type FieldNotes } from "./bilingual.tsx";
export { CheckboxGroup, Fieldset, type Option, RadioGroup } from "./choices.tsx";
export {
  customIssue,
  type FieldErrors,
  FORM_PROBLEM,
  fieldErrors,
  hasErrors,
  issueMessage,
  type MessageKey,
  type MessageRef,
  type ParsedForm,
  parseForm,
  says,
  translateErrors,
  withoutHidden,
} from "./errors.ts";
export { type FieldBase, Hint } from "./field.tsx";
export {
  Checkbox,
  type Choice,
  type ChoiceGroup,
  FileField,
  SelectField,
  TextArea,
  TextField,
} from "./fields.tsx";
export { ButtonForm, Form, type FormValues, Hidden, HiddenFields, Submit } from "./form.tsx";
export { choiceId, fieldId, summaryId } from "./ids.ts";
export { ErrorSummary, Notice } from "./summary.tsx";
