/**
 * The evidence forms at the edge: a link is a title and an http(s) address (no other scheme — no
 * javascript:, data: or file: — and no user name or password in it); a file's form has an optional
 * title. Either may name one of the assessment's competencies ("" or absent: the whole assessment).
 */
import { z } from "zod";
import { says } from "../../ui/forms/index.ts";

const MAX_TITLE = 200;
const MAX_URL = 2000;

/** The address as the browser will open it, or undefined when it is not a plain web address. */
export function webAddress(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  // Encoding can lengthen an address: what is stored must still fit.
  return url.href.length <= MAX_URL ? url.href : undefined;
}

const item = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => v || null);

export const linkForm = z.object({
  title: z.string().trim().min(1).max(MAX_TITLE),
  url: z
    .string()
    .trim()
    .min(1)
    .max(MAX_URL)
    .refine((v) => webAddress(v) !== undefined, says("evidenceErrUrl"))
    .transform((v) => webAddress(v) as string),
  item,
});

export const fileForm = z.object({
  title: z.string().trim().max(MAX_TITLE).optional(),
  item,
});
