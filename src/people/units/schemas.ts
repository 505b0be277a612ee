/** What the units forms and API accept, with named, translated messages (decision 016). */
import { z } from "zod";
import { says } from "../../ui/forms/index.ts";
import { NAME_MAX } from "../organisations/schemas.ts";

const name = z
  .string(says("formRequired"))
  .transform((value) => value.trim())
  .pipe(z.string().min(1, says("formRequired")).max(NAME_MAX));

/** A unit chosen in a list: its id, or "" for the top level. */
const parent = z
  .string()
  .max(36)
  .optional()
  .transform((value) => (value ? value : null));

export const unitNamesForm = z.object({ name_en: name, name_fr: name });
export const newUnitForm = unitNamesForm.extend({ parent });
export const unitParentForm = z.object({ parent });
export const unitMoveForm = z.object({ direction: z.enum(["up", "down", "indent", "outdent"], says("formChoose")) });
export const unitHeadForm = z.object({
  employee_number: z
    .string()
    .max(60)
    .optional()
    .transform((value) => value?.trim() || null),
});

/** The API's new unit: names in both languages, under a unit or at the top level. */
export const newUnitJson = z.object({
  name: z.object({ en: name, fr: name }),
  parentId: z.string().max(36).nullable().optional(),
});

/** The API's change to a unit: new names, a new parent (null: the top level), or both. */
export const unitPatchJson = z
  .object({
    name: z.object({ en: name, fr: name }).optional(),
    parentId: z.string().max(36).nullable().optional(),
  })
  .strict();
