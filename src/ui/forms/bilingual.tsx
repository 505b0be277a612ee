/**
 * One text as both languages have it, side by side: each language's column holds the same fields in
 * the same order, each input marked with the language typed into it.
 */
import type { Child } from "hono/jsx";
import type { Lang } from "../../i18n/index.ts";
import { TextArea, TextField } from "./fields.tsx";

/** One text field in both languages: `base` names the pair (`statement` → statement_en, statement_fr). */
export interface BilingualFieldSpec {
  base: string;
  label: Record<Lang, string>;
  maxlength: number;
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  hint?: Record<Lang, Child>;
}

/** A remark on one language's field (by its name, e.g. statement_fr), and what answers it. */
export type FieldNotes = Record<string, { note: Child; after?: Child }>;

export function BilingualFields(props: {
  fields: BilingualFieldSpec[];
  /** The fields' values by name (statement_en…); by default what the form was submitted with. */
  values?: Record<string, string | null | undefined>;
  notes?: FieldNotes;
  /** The id of a <Hint> that describes every field of the pair (e.g. the Markdown they accept). */
  describedBy?: string;
}) {
  return (
    <div class="bilingual bilingual--form">
      {(["en", "fr"] as const).map((inputLang) => (
        <div class="bilingual__column">
          {props.fields.map((field) => {
            const name = `${field.base}_${inputLang}`;
            const common = {
              name,
              label: field.label[inputLang],
              value: props.values?.[name],
              hint: field.hint?.[inputLang],
              inputLang,
              describedBy: props.describedBy,
              maxlength: field.maxlength,
              required: field.required,
              note: props.notes?.[name]?.note,
              after: props.notes?.[name]?.after,
            };
            return field.multiline ? <TextArea {...common} rows={field.rows ?? 3} /> : <TextField {...common} />;
          })}
        </div>
      ))}
    </div>
  );
}
