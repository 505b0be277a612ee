/**
 * The builder page (the chosen competencies, then finding more) and the preview of the job
 * description as it will print. The preview is this builder's own until the documents' printable
 * page lands (src/profiles/documents); it groups requirements by area, essential before asset, each
 * with its level's label and descriptor and the KSAs it narrows to.
 */
import { type Lang, messages } from "../../i18n/index.ts";
import { ErrorSummary, type FieldErrors, Notice } from "../../ui/forms/index.ts";
import { Text, textOf } from "../../ui/text.tsx";
import { type ChosenEntry, ChosenList, type ChosenProps, competencyName } from "./chosen.tsx";
import { FindCompetencies, type FindProps, type Place } from "./find.tsx";
import { builderUrls } from "./urls.ts";

export interface BuilderProfile {
  id: string;
  title: string;
  version: number;
  summary: string;
}

export interface BuilderPageProps {
  lang: Lang;
  org: string;
  profile: BuilderProfile;
  chosen: ChosenProps["entries"];
  find: Pick<FindProps, "browse" | "search" | "ticked" | "itemError">;
  place: Place;
  notice?: string;
  /** One message about the whole submission (a stale form, an item that cannot be chosen). */
  message?: string;
  kept?: ChosenProps["kept"];
  /** The errors of the refused form, and its scope (for the summary's links). */
  errors?: { scope: string; errors: FieldErrors; labels?: Record<string, string> };
}

function ProfileLinks(props: { lang: Lang; org: string; profileId: string; preview?: boolean }) {
  const t = messages(props.lang);
  return (
    <nav aria-label={t.builderNavLabel}>
      <ul class="builder-links">
        <li>
          <a href={builderUrls.profile(props.lang, props.org, props.profileId)}>{t.builderBackToProfile}</a>
        </li>
        <li>
          {props.preview ? (
            <a href={builderUrls.builder(props.lang, props.org, props.profileId)}>{t.builderBackToBuilder}</a>
          ) : (
            <a href={builderUrls.preview(props.lang, props.org, props.profileId)}>{t.builderPreviewLink}</a>
          )}
        </li>
      </ul>
    </nav>
  );
}

export function BuilderPage(props: BuilderPageProps) {
  const { lang, org, profile } = props;
  const t = messages(lang);
  return (
    <>
      <h1>{t.builderTitle(profile.title)}</h1>
      <ProfileLinks lang={lang} org={org} profileId={profile.id} />
      {props.notice && <Notice>{props.notice}</Notice>}
      <ErrorSummary
        lang={lang}
        message={props.message}
        errors={props.errors?.errors}
        labels={props.errors?.labels}
        scope={props.errors?.scope}
      />
      <p>{t.builderIntro}</p>
      <section aria-labelledby="chosen-heading">
        <h2 id="chosen-heading">{t.builderChosenHeading}</h2>
        <ChosenList
          lang={lang}
          org={org}
          profileId={profile.id}
          version={profile.version}
          entries={props.chosen}
          kept={props.kept}
        />
      </section>
      <section aria-labelledby="find">
        <FindCompetencies
          lang={lang}
          org={org}
          profileId={profile.id}
          version={profile.version}
          place={props.place}
          {...props.find}
        />
      </section>
    </>
  );
}

/** Requirements by area (in the order they were chosen), each area's essential ones before its assets. */
export function groupForPreview(entries: readonly ChosenEntry[], lang: Lang) {
  const areas = new Map<string, { area: string; essential: ChosenEntry[]; asset: ChosenEntry[] }>();
  for (const entry of entries) {
    const area = entry.requirement.ancestors.at(-1);
    const key = area ? `${entry.requirement.frameworkId}~${area.id}` : entry.requirement.frameworkId;
    const group = areas.get(key) ?? {
      area: area ? competencyName(area, lang) : textOf(entry.requirement.frameworkTitle, lang),
      essential: [],
      asset: [],
    };
    group[entry.requirement.importance].push(entry);
    areas.set(key, group);
  }
  return [...areas.values()];
}

function PreviewRequirement(props: { lang: Lang; entry: ChosenEntry }) {
  const t = messages(props.lang);
  const r = props.entry.requirement;
  const level = props.entry.levels.find((l) => l.number === r.targetLevel);
  const ksas = r.ksaIds ? r.ksas.filter((k) => r.ksaIds?.includes(k.id)) : [];
  return (
    <li>
      <p>
        <strong>
          {r.item.code && <span class="code">{r.item.code} </span>}
          <Text text={r.item.statement} lang={props.lang} />
        </strong>
      </p>
      {level && (
        <p>
          {t.builderPreviewLevel(level.number, level.label)}. {level.own ?? level.descriptor}
        </p>
      )}
      {ksas.length > 0 && (
        <ul>
          {ksas.map((k) => (
            <li>
              <Text text={k.statement} lang={props.lang} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function PreviewPage(props: { lang: Lang; org: string; profile: BuilderProfile; chosen: ChosenEntry[] }) {
  const { lang } = props;
  const t = messages(lang);
  const groups = groupForPreview(props.chosen, lang);
  return (
    <>
      <h1>{t.builderPreviewTitle(props.profile.title)}</h1>
      <ProfileLinks lang={lang} org={props.org} profileId={props.profile.id} preview />
      <p class="meta">{t.builderPreviewIntro}</p>
      <article class="job-document">
        {props.profile.summary && (
          <section>
            <h2>{t.builderPreviewSummary}</h2>
            {props.profile.summary.split(/\n\s*\n/).map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </section>
        )}
        <section>
          <h2>{t.builderPreviewCompetencies}</h2>
          {groups.length === 0 && <p>{t.builderPreviewNone}</p>}
          {groups.map((group) => (
            <section>
              <h3>{group.area}</h3>
              {group.essential.length > 0 && (
                <>
                  <h4>{t.builderPreviewEssential}</h4>
                  <ul>
                    {group.essential.map((entry) => (
                      <PreviewRequirement lang={lang} entry={entry} />
                    ))}
                  </ul>
                </>
              )}
              {group.asset.length > 0 && (
                <>
                  <h4>{t.builderPreviewAssets}</h4>
                  <ul>
                    {group.asset.map((entry) => (
                      <PreviewRequirement lang={lang} entry={entry} />
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </section>
      </article>
    </>
  );
}
