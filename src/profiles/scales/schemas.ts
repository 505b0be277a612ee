/** What the scale forms and the API accept (the scale's own rules are in validate.ts). */
import { z } from "zod";
import { says } from "../../ui/forms/index.ts";
import { DESCRIPTOR_MAX, LABEL_MAX, MAX_LEVELS, NAME_MAX } from "./validate.ts";

export const chooseForm = z.object({ scale: z.enum(["default", "own"], says("formChoose")) });

const text = (max: number) => z.string().max(max);
const bilingual = (max: number) => z.object({ en: text(max), fr: text(max) }).strict();

/** The API's scale: the default, or the organisation's own with its levels (numbered 1..n). */
export const scaleJsonInput = z.discriminatedUnion("uses", [
  z.object({ uses: z.literal("default") }).strict(),
  z
    .object({
      uses: z.literal("own"),
      name: bilingual(NAME_MAX),
      description: bilingual(DESCRIPTOR_MAX).optional(),
      levels: z
        .array(
          z
            .object({
              number: z.number().int(),
              label: bilingual(LABEL_MAX),
              descriptor: bilingual(DESCRIPTOR_MAX).optional(),
            })
            .strict(),
        )
        .max(MAX_LEVELS + 1),
      /** The version read (optimistic concurrency); absent: no check. */
      version: z.number().int().positive().optional(),
    })
    .strict(),
]);
