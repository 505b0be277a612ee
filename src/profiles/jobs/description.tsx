/**
 * The job description as it prints (/:profile/description): the profile's texts and its requirements
 * grouped by area, essential before asset, each with its target level's label and descriptor (the
 * competency's own descriptor for that level when the scale has one, else the scale's general one).
 * The page itself is the documents' JobDocumentArticle (src/profiles/documents/page.tsx), filled from
 * `loadJobDocument`, so the page, the preview and the files never say different things.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Lang } from "../../i18n/index.ts";
import type { JobDocument } from "../documents/model.ts";
import { type Bilingual, levelDescriptors, organisationScale, readScale, type Scale } from "../scales/read.ts";
import { type DescribedRequirement, toJobDocument } from "./job-document.ts";
import type { Posting } from "./postings.ts";
import { type PinnedRequirement, requirementsOf } from "./requirements.ts";
import type { Profile } from "./store.ts";

export type { DescribedRequirement };

/** Each requirement with the words of its target level (pure, given the competency descriptors). */
export function describeLevels(
  requirements: readonly PinnedRequirement[],
  scale: Scale,
  own: ReadonlyMap<string, ReadonlyMap<number, Bilingual>>,
): DescribedRequirement[] {
  return requirements.map((r) => {
    const level = scale.levels.find((l) => l.number === r.targetLevel);
    const general = level?.descriptor ?? { en: "", fr: "" };
    const specific = own.get(`${r.frameworkId} ${r.itemId}`)?.get(r.targetLevel);
    return {
      ...r,
      levelLabel: level?.label ?? { en: String(r.targetLevel), fr: String(r.targetLevel) },
      levelDescriptor: {
        en: specific?.en || general.en,
        fr: specific?.fr || general.fr,
      },
    };
  });
}

/** The competency-specific descriptors of the profile's scale for its requirements, keyed "framework item". */
export async function ownDescriptors(db: Kysely<DB>, scaleId: string, requirements: readonly PinnedRequirement[]) {
  const result = new Map<string, Map<number, Bilingual>>();
  for (const frameworkId of new Set(requirements.map((r) => r.frameworkId))) {
    const items = requirements.filter((r) => r.frameworkId === frameworkId).map((r) => r.itemId);
    for (const [itemId, levels] of await levelDescriptors(db, scaleId, frameworkId, items))
      result.set(`${frameworkId} ${itemId}`, levels);
  }
  return result;
}

/**
 * The profile as the documents' view model, read from the database: its requirements with their
 * levels' words, its units' names, its scale (the organisation's when the profile's is gone). Given a
 * posting, the document is that posting (kind "posting"), its place and pay included. The printable
 * page, the builder's preview and the PDF and Word files all print this one value.
 */
export async function loadJobDocument(
  db: Kysely<DB>,
  input: { organisationId: string; organisation: string; profile: Profile; lang: Lang; posting?: Posting },
): Promise<JobDocument> {
  const { profile, lang } = input;
  const scale = (await readScale(db, profile.scaleId)) ?? (await organisationScale(db, input.organisationId));
  const requirements = await requirementsOf(db, profile.id);
  const units = await db
    .selectFrom("units")
    .select(["id", "name_en", "name_fr"])
    .where("organisation_id", "=", input.organisationId)
    .orderBy("ordinal")
    .orderBy("id")
    .execute();
  return toJobDocument({
    lang,
    organisation: input.organisation,
    profile,
    units: units.filter((u) => profile.unitIds.includes(u.id)).map((u) => (lang === "fr" ? u.name_fr : u.name_en)),
    requirements: describeLevels(requirements, scale, await ownDescriptors(db, scale.id, requirements)),
    scale,
    posting: input.posting,
    generatedAt: new Date(),
  });
}
