/** A job profile for tests, in both languages (the project's own words). */
import type { ProfileInput } from "../../src/profiles/jobs/fields.ts";

/** A library technician's profile; `over` replaces any field. */
export const technician = (over: Partial<ProfileInput> = {}): ProfileInput => ({
  title_en: "Library technician",
  title_fr: "Technicienne ou technicien en documentation",
  code: "LT-2",
  grade: "Band 4",
  summary_en: "Keeps the collection in order.",
  summary_fr: "Tient la collection en ordre.",
  duties: [
    { en: "Catalogue new items", fr: "Cataloguer les nouveautés" },
    { en: "Train volunteers", fr: "Former les bénévoles" },
  ],
  qualifications: [{ en: "Diploma in library techniques", fr: "DEC en techniques de la documentation" }],
  working_conditions_en: "Evenings and weekends.",
  working_conditions_fr: "Soirs et fins de semaine.",
  unit_ids: [],
  ...over,
});
