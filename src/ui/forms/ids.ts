/**
 * Element ids of form fields: derived from the field's name, so the error summary can link to a
 * field it has never seen, and the same on every render. A page with two forms holding fields of the
 * same name gives each form a scope, which goes into its fields' ids and its summary's.
 */

/** Names may hold any character; ids keep letters, digits, _ and -. */
const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, "-");

export function fieldId(name: string, scope?: string): string {
  return scope ? `field-${safe(scope)}-${safe(name)}` : `field-${safe(name)}`;
}

/** The id of one choice of a radio or checkbox group: the first is the field's own, so links land on it. */
export function choiceId(name: string, value: string, first: boolean, scope?: string): string {
  return first ? fieldId(name, scope) : `${fieldId(name, scope)}--${safe(value)}`;
}

export function summaryId(scope?: string): string {
  return scope ? `${safe(scope)}-errors` : "form-error";
}
