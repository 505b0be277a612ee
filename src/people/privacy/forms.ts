/** The privacy forms' schemas: what each accepts, with the message each refusal shows. */
import { z } from "zod";
import { customIssue, says } from "../../ui/forms/index.ts";
import { NOTICE_MAX_LENGTH } from "./notice.tsx";
import { MAX_RETENTION_MONTHS, MAX_RETENTION_YEARS } from "./retention.ts";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A real calendar day, YYYY-MM-DD. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says("privacyDateInvalid"))
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    says("privacyDateInvalid"),
  );

export const accessLogFilter = z
  .object({
    personId: z.preprocess(blankToUndefined, z.uuid().optional()),
    person: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
    viewer: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
    from: z.preprocess(blankToUndefined, day.optional()),
    to: z.preprocess(blankToUndefined, day.optional()),
  })
  .superRefine((filter, ctx) => {
    if (filter.from && filter.to && filter.to < filter.from) ctx.addIssue(customIssue("privacyDateOrder", ["to"]));
  });

const notice = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\r\n/g, "\n").trim() : value),
  z.string().max(NOTICE_MAX_LENGTH),
);

export const noticeForm = z.object({ notice_en: notice, notice_fr: notice });

/** Empty keeps records for ever; otherwise a whole number in range. */
const wholeNumber = (max: number) =>
  z.preprocess(
    (value) =>
      typeof value === "string" && value.trim() === "" ? null : typeof value === "string" ? value.trim() : value,
    z
      .string()
      .regex(/^\d{1,5}$/, says("privacyWholeNumber"))
      .transform(Number)
      .pipe(z.number().min(1, says("privacyWholeNumber")).max(max, says("privacyNumberTooLarge")))
      .nullable(),
  );

export const retentionForm = z.object({
  left_months: wholeNumber(MAX_RETENTION_MONTHS),
  assessment_years: wholeNumber(MAX_RETENTION_YEARS),
});

export const deleteForm = z.object({ confirm: z.string().trim().max(200) });
