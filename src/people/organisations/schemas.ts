/**
 * What an organisation's settings may hold, checked at the edge (forms, API, command line) with
 * named, translated messages (decision 016).
 */
import { z } from "zod";
import { says } from "../../ui/forms/index.ts";

/** The web address name: /en/orgs/{slug}. Lower-case letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 60;
export const NAME_MAX = 200;

const trimmed = (max: number) =>
  z
    .string(says("formRequired"))
    .transform((value) => value.trim())
    .pipe(z.string().min(1, says("formRequired")).max(max));

export const slugSchema = z
  .string(says("formRequired"))
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(2, says("orgSlugInvalid"))
      .max(SLUG_MAX, says("orgSlugInvalid"))
      .regex(SLUG_PATTERN, says("orgSlugInvalid")),
  );

export const organisationSettingsForm = z.object({
  name_en: trimmed(NAME_MAX),
  name_fr: trimmed(NAME_MAX),
  slug: slugSchema,
  default_lang: z.enum(["en", "fr"], says("formChoose")),
});
export type OrganisationSettingsInput = z.infer<typeof organisationSettingsForm>;

/** An account named by its e-mail address (appointing an administrator). */
export const administratorForm = z.object({
  email: z
    .string(says("formRequired"))
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.email(says("formEmail")).max(254)),
});
