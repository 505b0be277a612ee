/**
 * What is wrong with a form, in one place: zod issues become one message per field (references into
 * the typed dictionaries, translated when the page is rendered in the reader's language), and those
 * become the error summary's entries. Schemas name their own messages (`says("formEmail")`, or a
 * custom issue carrying a message with arguments); anything they leave unnamed is mapped here by
 * zod's issue code, so no form shows zod's own English.
 */
import type { z } from "zod";
import {
  isMessageKey,
  isMessageRef,
  type Lang,
  type MessageKey,
  type MessageRef,
  translate,
} from "../../i18n/index.ts";

export type { MessageKey, MessageRef };

/** Each field's problem, by field name. */
export type FieldErrors = Partial<Record<string, MessageRef>>;

/** The name under which a problem with no field (a refinement of the whole form) is kept. */
export const FORM_PROBLEM = "form";

/** zod's `error` parameter naming the message a rule's failure shows: `z.email(says("formEmail"))`. */
export const says = (key: MessageKey) => ({ error: key });

/**
 * A custom issue for `ctx.addIssue`, carrying any message (arguments too):
 * `ctx.addIssue(customIssue({ key: "formTooLong", args: [300] }))`.
 */
export function customIssue(message: MessageRef, path?: PropertyKey[]) {
  return {
    code: "custom" as const,
    message: typeof message === "string" ? message : message.key,
    params: { message },
    ...(path ? { path } : {}),
  };
}

/** The message for one zod issue. */
export function issueMessage(issue: z.core.$ZodIssue): MessageRef {
  const carried = issue.code === "custom" ? (issue.params as { message?: unknown } | undefined)?.message : undefined;
  if (isMessageRef(carried)) return carried;
  if (isMessageKey(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string" ? { key: "formTooLong", args: [Number(issue.maximum)] } : "formInvalid";
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) <= 1 ? "formRequired" : "formInvalid";
    // A form sends strings: anything else means the field was not sent at all.
    case "invalid_type":
      return "formRequired";
    case "invalid_value":
    case "invalid_union":
      return "formChoose";
    case "invalid_format":
      return issue.format === "email" ? "formEmail" : "formInvalid";
    default:
      return "formInvalid";
  }
}

/** Each field's first problem; a problem with no path belongs to the form (FORM_PROBLEM). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : FORM_PROBLEM;
    errors[field] ??= issueMessage(issue);
  }
  return errors;
}

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** A form body through its schema: the data, or each field's problem. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): ParsedForm<z.infer<S>> {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

/**
 * Hidden fields (versions, ids) cannot be corrected by the person: their problems are left out, and
 * `outdated` says the form as a whole is out of date (the page then says so, "formOutdated").
 */
export function withoutHidden(
  errors: FieldErrors,
  hidden: readonly string[],
): { errors: FieldErrors; outdated: boolean } {
  const visible: FieldErrors = {};
  let outdated = false;
  for (const [name, message] of Object.entries(errors)) {
    if (hidden.includes(name)) outdated = true;
    else visible[name] = message;
  }
  return { errors: visible, outdated };
}

export const hasErrors = (errors: FieldErrors | undefined): boolean =>
  Object.values(errors ?? {}).some((message) => message !== undefined);

/** One entry of the error summary: which field, and what to do, in the reader's language. */
export interface SummaryEntry {
  field: string;
  text: string;
}

/**
 * Field errors in the reader's language, for the fields (`fields`) and for the summary (`summary`,
 * each entry prefixed with the field's label when one is given, so it makes sense on its own).
 */
export function translateErrors(
  lang: Lang,
  errors: FieldErrors | undefined,
  labels: Record<string, string> = {},
): { fields: Record<string, string>; summary: SummaryEntry[] } {
  const fields: Record<string, string> = {};
  const summary: SummaryEntry[] = [];
  for (const [field, message] of Object.entries(errors ?? {})) {
    if (message === undefined) continue;
    const text = translate(lang, message);
    fields[field] = text;
    summary.push({ field, text: labels[field] ? `${labels[field]}: ${text}` : text });
  }
  return { fields, summary };
}
