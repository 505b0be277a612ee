import { z } from "zod";

/** Texts of a node in one language. Statements are one line; descriptions may be a paragraph. */
const texts = z.object({
  statement: z.string().trim().min(1).max(2000),
  description: z.string().trim().min(1).max(5000).optional(),
});

/** ISO calendar date (YYYY-MM-DD): the day a node was last changed. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

export interface ContentNode {
  code: string;
  type: string;
  updated?: string;
  en: z.infer<typeof texts>;
  fr: z.infer<typeof texts>;
  children?: ContentNode[];
}

export const contentNode: z.ZodType<ContentNode> = z.lazy(() =>
  z
    .object({
      code: z.string().regex(/^[A-Z0-9][A-Z0-9.-]*$/, "codes use A-Z, 0-9, '.' and '-'"),
      type: z.string().min(1),
      updated: isoDate.optional(),
      en: texts,
      fr: texts,
      children: z.array(contentNode).optional(),
    })
    .strict(),
);

export const itemTypeDef = z
  .object({ code: z.string().regex(/^[a-z][a-z0-9-]*$/), en: z.string().min(1), fr: z.string().min(1) })
  .strict();

/** framework.json: the framework, its item types and its categories (areas live in areas/CODE.json). */
export const frameworkFile = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    version: z.string().min(1),
    publisher: z.string().min(1),
    licence: z.string().min(1),
    updated: isoDate,
    en: texts,
    fr: texts,
    itemTypes: z.array(itemTypeDef).min(1),
    categories: z.array(
      z
        .object({
          code: z.string(),
          en: texts,
          fr: texts,
          areas: z.array(z.string()).min(1),
        })
        .strict(),
    ),
  })
  .strict();

export type FrameworkFile = z.infer<typeof frameworkFile>;
