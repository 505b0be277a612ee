/**
 * One zod schema per editor form. Text follows the one text rule (src/text/rules.ts): normalised
 * (line breaks, NFC, trimmed), then refused when it holds refused characters (control, text-direction),
 * a line break in a one-line field, HTML or a link other than http(s)/mailto, or is too long. Each
 * refusal names its message in the dictionaries; the form kit (src/ui/forms) turns the issues into
 * field errors and the views translate them.
 */
import { z } from "zod";
import { textIssueMessage } from "../text/messages.ts";
import { acceptText, TEXT_KINDS, type TextKind } from "../text/rules.ts";
import { customIssue, type FieldErrors, FORM_PROBLEM, fieldErrors, says } from "../ui/forms/index.ts";

export const LIMITS = {
  statement: TEXT_KINDS.statement.max,
  description: TEXT_KINDS.description.max,
  code: TEXT_KINDS.code.max,
  title: TEXT_KINDS.title.max,
  slug: 80,
  summary: TEXT_KINDS.summary.max,
  typeCode: TEXT_KINDS.typeCode.max,
} as const;

const clean = (value: unknown) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "");

/** Free text of a kind (Markdown subset allowed where readers see it formatted); empty becomes null. */
function text(kind: TextKind) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value : ""),
    z.string().transform((raw, ctx) => {
      const accepted = acceptText(raw, kind);
      if (accepted.ok) return accepted.value;
      ctx.addIssue(customIssue(textIssueMessage(accepted.issue)));
      return z.NEVER;
    }),
  );
}

const uuid = z.preprocess(
  clean,
  z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, says("formOutdated"))
    .transform((v) => v.toLowerCase()),
);
const positiveInt = z.preprocess(
  clean,
  z
    .string()
    .regex(/^\d{1,9}$/, says("formWholeNumber"))
    .transform(Number),
);
/** Codes travel in addresses: beyond the text rule, letters, digits and . _ ~ : ( ) - only. */
const code = text("code").refine(
  (value) => value === null || /^[\p{L}\p{N}._~:()-]*$/u.test(value),
  says("editorErrBadCode"),
);
const typeCode = text("typeCode").pipe(z.string(says("formRequired")));

const itemText = {
  code,
  type: typeCode,
  statement_en: text("statement"),
  statement_fr: text("statement"),
  description_en: text("description"),
  description_fr: text("description"),
};

const needsStatement = <T extends { statement_en: string | null; statement_fr: string | null }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (!value.statement_en && !value.statement_fr)
    ctx.addIssue(customIssue("editorErrStatementNeeded", ["statement_en"]));
};

/** A "still correct" checkbox beside a flagged text: the language it confirms, when ticked. */
const confirmLang = z.preprocess(
  (v) => (clean(v) === "" ? undefined : clean(v)),
  z.enum(["en", "fr"], says("formInvalid")).optional(),
);

/** Edit an item: its text fields, the version the form started from, flagged texts confirmed. */
export const editItemSchema = z
  .object({
    ...itemText,
    version: positiveInt,
    confirm_statement: confirmLang,
    confirm_description: confirmLang,
  })
  .superRefine(needsStatement);
export type EditItemInput = z.infer<typeof editItemSchema>;

/** Add an item: `id` is minted when the form is shown, so submitting twice creates it once. */
export const addItemSchema = z
  .object({ ...itemText, id: uuid, parent: z.preprocess(clean, z.string().max(36, says("formOutdated"))) })
  .superRefine(needsStatement);
export type AddItemInput = z.infer<typeof addItemSchema>;

const slug = z.preprocess(
  (v) => clean(v).toLowerCase(),
  z
    .string()
    .min(1, says("formRequired"))
    .max(LIMITS.slug)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, says("editorErrBadSlug")),
);

const frameworkText = {
  title_en: text("title"),
  title_fr: text("title"),
  description_en: text("description"),
  description_fr: text("description"),
};

const needsTitle = <T extends { title_en: string | null; title_fr: string | null }>(value: T, ctx: z.RefinementCtx) => {
  if (!value.title_en && !value.title_fr) ctx.addIssue(customIssue("editorErrTitleNeeded", ["title_en"]));
};

/** A web address the person may leave empty (it is then made from the title). */
const optionalSlug = z.preprocess(
  (v) => clean(v).toLowerCase(),
  z
    .string()
    .max(LIMITS.slug)
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, says("editorErrBadSlug"))
    .transform((value) => (value === "" ? null : value)),
);

export const createFrameworkSchema = z
  .object({ ...frameworkText, id: uuid, slug: optionalSlug })
  .superRefine(needsTitle);
export type CreateFrameworkInput = z.infer<typeof createFrameworkSchema>;

export const frameworkDetailsSchema = z
  .object({ ...frameworkText, confirm_title: confirmLang, confirm_description: confirmLang })
  .superRefine(needsTitle);

/** "Still correct" on the translations page: an item's text (or the framework's, item=framework). */
export const confirmTranslationSchema = z.object({
  item: z.preprocess(clean, z.string().min(1, says("formOutdated")).max(36, says("formOutdated"))),
  field: z.enum(["statement", "description", "title"]),
  lang: z.enum(["en", "fr"]),
});
export type FrameworkDetailsInput = z.infer<typeof frameworkDetailsSchema>;

export const adoptSchema = z.object({
  source: slug,
  id: uuid,
  slug,
  title_en: text("title"),
  title_fr: text("title"),
});
export type AdoptInput = z.infer<typeof adoptSchema>;

/** An edition's summary in one language: the text rule's "summary" kind, required, no markup. */
const summary = text("summary")
  .pipe(z.string(says("formRequired")))
  .refine((value) => !/[<>]/.test(value), says("editorErrHtml"));

/** Publishing: what changed, in both languages (readers see the one in theirs). */
export const publishSchema = z.object({
  summary_en: summary,
  summary_fr: summary,
  /** The latest edition when the form was shown: a second submit finds it already published. */
  seen: z.preprocess(
    clean,
    z
      .string()
      .regex(/^\d{1,9}$/, says("formOutdated"))
      .transform(Number),
  ),
});

export const reorderSchema = z.discriminatedUnion("direction", [
  z.object({ direction: z.literal("up"), from: positiveInt }),
  z.object({ direction: z.literal("down"), from: positiveInt }),
  z.object({ direction: z.literal("to"), from: positiveInt, position: positiveInt }),
]);

/** Move to another parent: "root" or an item id, and an optional 1-based position. */
export const moveSchema = z.object({
  parent: z.preprocess(clean, z.string().min(1, says("formRequired")).max(36, says("formOutdated"))),
  position: z.preprocess(
    (v) => (clean(v) === "" ? undefined : clean(v)),
    z
      .string()
      .regex(/^\d{1,9}$/, says("formWholeNumber"))
      .transform(Number)
      .optional(),
  ),
});

/** Drag and drop: the whole new order of one parent's children. */
export const orderSchema = z.object({
  parent: z.preprocess(clean, z.string().max(36, says("formOutdated"))),
  order: z.array(z.string().max(36)).max(5000),
});

export const restoreSchema = z.object({
  version: z.preprocess(
    (v) => (clean(v) === "" ? undefined : clean(v)),
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number)
      .optional(),
  ),
});

const fingerprint = z.preprocess(clean, z.string().regex(/^[0-9a-f]{32}$/, says("formOutdated")));

export const decisionSchema = z.object({ decision: z.enum(["take", "leave"]), fingerprint });

/** The fields a merge may write a value of its own for, with the same rules as the edit form. */
const writable = {
  code: itemText.code,
  statement_en: itemText.statement_en,
  statement_fr: itemText.statement_fr,
  description_en: itemText.description_en,
  description_fr: itemText.description_fr,
} as const;

export type MergeChoiceInput = { kind: "ours" } | { kind: "theirs" } | { kind: "value"; value: string | null };

/**
 * A field-by-field merge: for each field upstream changed, `choice_<field>` (ours, theirs or value)
 * and, for a value of one's own, `value_<field>`. Errors name `choice_<field>` or `value_<field>`.
 */
export function parseMerge(
  fields: readonly string[],
  form: Record<string, string>,
): { fingerprint: string; choices: Record<string, MergeChoiceInput> } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const choices: Record<string, MergeChoiceInput> = {};
  const print = fingerprint.safeParse(form.fingerprint);
  if (!print.success) errors.fingerprint = "formOutdated";
  for (const field of fields) {
    const choice = form[`choice_${field}`];
    if (choice === "ours" || choice === "theirs") choices[field] = { kind: choice };
    else if (choice === "value" && Object.hasOwn(writable, field)) {
      const parsed = writable[field as keyof typeof writable].safeParse(form[`value_${field}`] ?? "");
      if (parsed.success) choices[field] = { kind: "value", value: parsed.data };
      else errors[`value_${field}`] = fieldErrors(parsed.error)[FORM_PROBLEM] ?? "formInvalid";
    } else errors[`choice_${field}`] = "formChoose";
  }
  return Object.keys(errors).length > 0 || !print.success ? { errors } : { fingerprint: print.data, choices };
}

const isoDay = z.preprocess(
  (v) => (clean(v) === "" ? undefined : clean(v)),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, says("formDate"))
    .optional(),
);

/** Change-log filters (query string); unknown or malformed values are reported, not ignored silently. */
export const changeFilterSchema = z.object({
  area: z.preprocess(
    (v) => (clean(v) === "" ? undefined : clean(v)),
    z.string().max(36, says("formOutdated")).optional(),
  ),
  from: isoDay,
  to: isoDay,
  person: z.preprocess(
    (v) => (clean(v) === "" ? undefined : clean(v)),
    z.string().max(64, says("formOutdated")).optional(),
  ),
});
