/**
 * What an organisation's settings may hold, checked at the edge (forms, API, command line) with
 * named, translated messages (decision 016).
 */
import { z } from "zod";
import { isTimeZone } from "../../i18n/zones.ts";
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

/**
 * The organisation's time zone (decision 054): an IANA name the runtime knows, or blank for the
 * instance's (null). Absent (the site administrator's creation form, the command line) is left
 * out, so an update without it keeps the zone the organisation has.
 */
export const timeZoneSchema = z
  .string(says("orgTimeZoneUnknown"))
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .max(64, says("orgTimeZoneUnknown"))
      .refine((value) => value === "" || isTimeZone(value), says("orgTimeZoneUnknown")),
  )
  .transform((value) => (value === "" ? null : value));

export const organisationSettingsForm = z.object({
  name_en: trimmed(NAME_MAX),
  name_fr: trimmed(NAME_MAX),
  slug: slugSchema,
  default_lang: z.enum(["en", "fr"], says("formChoose")),
  time_zone: timeZoneSchema.optional(),
});
export type OrganisationSettingsInput = z.infer<typeof organisationSettingsForm>;

/** An account named by its e-mail address (appointing an administrator). */
export const administratorForm = z.object({
  email: z
    .string(says("formRequired"))
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.email(says("formEmail")).max(254)),
});
