/**
 * The job description as it prints (/:profile/description): the profile's texts and its requirements
 * grouped by area, essential before asset, each with its target level's label and descriptor (the
 * competency's own descriptor for that level when the scale has one, else the scale's general one).
 * This is this folder's own article until the documents' shared page component (src/profiles/documents)
 * lands; then the route fills that component's view model instead.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { type Bilingual, levelDescriptors, type Scale } from "../scales/read.ts";
import type { PinnedRequirement } from "./requirements.ts";
import type { Profile } from "./store.ts";
import { byArea, inLang, profileTitle } from "./views/profile.tsx";

export interface DescribedRequirement extends PinnedRequirement {
  levelLabel: Bilingual;
  levelDescriptor: Bilingual;
}

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

export function DescriptionPage(props: {
  lang: Lang;
  organisation: string;
  profile: Profile;
  units: string[];
  requirements: DescribedRequirement[];
  scale: Scale;
}) {
  const { lang, profile: p } = props;
  const t = messages(lang);
  const text = (value: string) =>
    value
      .split(/\n\s*\n/)
      .filter((x) => x.trim() !== "")
      .map((x) => <p>{x}</p>);
  return (
    <article class="job-description">
      <p class="meta">{props.organisation}</p>
      <h1>{profileTitle(p, lang)}</h1>
      <dl class="profile-facts">
        {p.code && (
          <>
            <dt>{t.profileCodeLabel}</dt>
            <dd>{p.code}</dd>
          </>
        )}
        {p.grade && (
          <>
            <dt>{t.profileGradeLabel}</dt>
            <dd>{p.grade}</dd>
          </>
        )}
        {props.units.length > 0 && (
          <>
            <dt>{t.profileUnitsLabel}</dt>
            <dd>{props.units.join(", ")}</dd>
          </>
        )}
      </dl>
      <h2>{t.profileSummaryHeading}</h2>
      {text(lang === "fr" ? p.summary_fr : p.summary_en)}
      <h2>{t.profileDutiesHeading}</h2>
      <ol>
        {p.duties.map((d) => (
          <li>{inLang(d, lang)}</li>
        ))}
      </ol>
      <h2>{t.profileQualificationsHeading}</h2>
      <ul>
        {p.qualifications.map((q) => (
          <li>{inLang(q, lang)}</li>
        ))}
      </ul>
      <h2>{t.profileConditionsHeading}</h2>
      {text(lang === "fr" ? p.working_conditions_fr : p.working_conditions_en)}
      <h2>{t.profileRequirementsHeading}</h2>
      <p class="meta">
        {t.profileScaleLabel}: {inLang(props.scale.name, lang)}
      </p>
      {props.requirements.length === 0 && <p>{t.profileRequirementsNone}</p>}
      {byArea(props.requirements, lang).map((group) => (
        <section>
          <h3>{group.area}</h3>
          <ul>
            {(group.requirements as DescribedRequirement[]).map((r) => (
              <li>
                <p>
                  {r.code && <span class="meta">{r.code} </span>}
                  <strong>{inLang(r.competency, lang)}</strong> —{" "}
                  {r.importance === "essential" ? t.profileEssential : t.profileAsset}
                </p>
                <p>
                  {t.profileRequirementLevel(r.targetLevel, inLang(r.levelLabel, lang))}.{" "}
                  {inLang(r.levelDescriptor, lang)}
                </p>
                {r.ksas.length > 0 && (
                  <ul>
                    {r.ksas.map((k) => (
                      <li>{inLang(k.text, lang)}</li>
                    ))}
                  </ul>
                )}
                <p class="meta">{t.profileEditionLabel(r.editionNumber)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
