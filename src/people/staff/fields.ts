/**
 * A person's fields as forms, the API and the staff import send them, through one schema: trimmed,
 * empty optional fields as null, e-mail lower-cased (single sign-on and invitations match it
 * exactly), dates as real YYYY-MM-DD days. What the schema cannot know — whether a unit or manager
 * belongs to the organisation, whether a manager line would loop, whether an employee number is
 * taken — the store checks (store.ts).
 */
import { z } from "zod";
import { LANGS, PERSON_STATUSES } from "../../db/migrations/010_people.ts";
import { says } from "../../ui/forms/index.ts";

export { PERSON_STATUSES };
export type PersonStatus = (typeof PERSON_STATUSES)[number];

const asText = (v: unknown) => (typeof v === "string" ? v.trim() : v == null ? "" : v);
const required = (max: number) => z.preprocess(asText, z.string().min(1).max(max));
const optional = (max: number) =>
  z.preprocess((v) => {
    const text = asText(v);
    return text === "" ? null : text;
  }, z.string().max(max).nullable());

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

const isoDay = z.preprocess((v) => {
  const text = asText(v);
  return text === "" ? null : text;
}, z.string().refine(isIsoDay, says("staffDateInvalid")).nullable());

const id = optional(36);

export const personFields = z.object({
  givenName: required(200),
  familyName: required(200),
  preferredName: optional(200),
  email: z.preprocess((v) => {
    const text = asText(v);
    return typeof text === "string" ? (text === "" ? null : text.toLowerCase()) : text;
  }, z.email(says("formEmail")).max(254, says("formEmail")).nullable()),
  employeeNumber: required(60),
  unitId: id,
  managerId: id,
  status: z.preprocess((v) => (v == null || v === "" ? "active" : v), z.enum(PERSON_STATUSES)),
  statusSince: isoDay,
  preferredLang: z.enum(LANGS),
});

export type PersonFields = z.infer<typeof personFields>;

/** Some of a person's fields (an update through the API, a status change). */
export const personPatch = personFields.partial();
export type PersonPatch = z.infer<typeof personPatch>;
