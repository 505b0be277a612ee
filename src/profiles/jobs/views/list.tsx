/** The organisation's job profiles (search, filter by unit), the starter profiles, and the comparison. */
import { type Lang, messages } from "../../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../../people/organisations/views.tsx";
import { ButtonForm, ErrorSummary, Form, Notice, SelectField, Submit, TextField } from "../../../ui/forms/index.ts";
import type { Scale } from "../../scales/read.ts";
import type { ComparedField, RequirementComparison } from "../compare.ts";
import type { PinnedRequirement } from "../requirements.ts";
import type { StarterProfileLike } from "../starter-copy.ts";
import type { Profile, ProfileSummary } from "../store.ts";
import { profileUrls } from "../urls.ts";
import { inLang, profileTitle, type UnitName } from "./profile.tsx";

const unitName = (u: UnitName, lang: Lang) => (lang === "fr" ? u.name_fr : u.name_en);

export interface ProfilesPageProps {
  frame: OrganisationFrame;
  profiles: ProfileSummary[];
  units: UnitName[];
  q: string;
  unit: string;
  edit: boolean;
  notice?: string;
}

export function ProfilesPage(props: ProfilesPageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const filtered = props.q !== "" || props.unit !== "";
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{t.profilesTitle}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.profilesIntro}</p>
      {props.edit && (
        <ul class="link-list">
          <li>
            <a href={profileUrls.create(lang, slug)}>{t.profilesNewLink}</a>
          </li>
          <li>
            <a href={profileUrls.starters(lang, slug)}>{t.profilesStartersLink}</a>
          </li>
          <li>
            <a href={profileUrls.compare(lang, slug)}>{t.profilesCompareLink}</a>
          </li>
        </ul>
      )}
      <Form
        lang={lang}
        method="get"
        action={profileUrls.list(lang, slug)}
        role="search"
        label={t.profilesFilterLabel}
        values={{ q: props.q, unit: props.unit }}
      >
        <TextField name="q" type="search" label={t.profilesSearchLabel} maxlength={200} />
        <SelectField
          name="unit"
          label={t.profilesUnitLabel}
          options={[
            { value: "", label: t.profilesAllUnits },
            ...props.units.map((u) => ({ value: u.id, label: unitName(u, lang) })),
          ]}
        />
        <Submit>{t.profilesFilterButton}</Submit>
      </Form>
      {props.profiles.length === 0 ? (
        <p>{filtered ? t.profilesNone : t.profilesEmpty}</p>
      ) : (
        <table>
          <caption>{t.profilesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.profilesColumnTitle}</th>
              <th scope="col">{t.profilesColumnCode}</th>
              <th scope="col">{t.profilesColumnUnits}</th>
              <th scope="col">{t.profilesColumnRequirements}</th>
              <th scope="col">{t.profilesColumnHolders}</th>
            </tr>
          </thead>
          <tbody>
            {props.profiles.map((p) => (
              <tr>
                <th scope="row">
                  <a href={profileUrls.profile(lang, slug, p.id)}>{profileTitle(p, lang)}</a>
                </th>
                <td>{p.code ?? ""}</td>
                <td>
                  {props.units
                    .filter((u) => p.unitIds.includes(u.id))
                    .map((u) => unitName(u, lang))
                    .join(", ")}
                </td>
                <td>{new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA").format(p.requirements)}</td>
                <td>{new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA").format(p.holders)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function StartersPage(props: { frame: OrganisationFrame; starters: StarterProfileLike[]; available: boolean }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{t.profileStartersTitle}</h1>
      <p>{t.profileStartersIntro}</p>
      {!props.available && <Notice kind="warning">{t.profileStarterUnavailable}</Notice>}
      {props.starters.length === 0 ? (
        <p>{t.profileStartersNone}</p>
      ) : (
        props.starters.map((s) => {
          const texts = lang === "fr" ? s.fr : s.en;
          return (
            <section class="starter-profile">
              <h2>{texts.title}</h2>
              <p>{texts.summary}</p>
              {props.available && (
                <ButtonForm lang={lang} action={profileUrls.starterCopy(lang, slug, s.code)}>
                  {t.profileStarterCopyButton(texts.title)}
                </ButtonForm>
              )}
            </section>
          );
        })
      )}
    </>
  );
}

export interface CompareView {
  a: Profile;
  b: Profile;
  requirements: RequirementComparison<PinnedRequirement>;
  fields: ComparedField[];
  scale: { a: Scale; b: Scale };
}

export function ComparePage(props: {
  frame: OrganisationFrame;
  profiles: ProfileSummary[];
  chosen: { a: string; b: string };
  problem?: boolean;
  view?: CompareView;
}) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const options = [
    { value: "", label: "—" },
    ...props.profiles.map((p) => ({ value: p.id, label: profileTitle(p, lang) })),
  ];
  const view = props.view;
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{t.profileCompareTitle}</h1>
      <Form
        lang={lang}
        method="get"
        action={profileUrls.compare(lang, slug)}
        values={props.chosen}
        errors={props.problem ? { b: "profileCompareChooseTwo" } : undefined}
      >
        <ErrorSummary
          lang={lang}
          errors={props.problem ? { b: "profileCompareChooseTwo" } : undefined}
          labels={{ b: t.profileCompareSecond }}
        />
        <SelectField name="a" label={t.profileCompareFirst} options={options} />
        <SelectField name="b" label={t.profileCompareSecond} options={options} />
        <Submit>{t.profileCompareButton}</Submit>
      </Form>
      {view && <Comparison lang={lang} view={view} />}
    </>
  );
}

function Comparison(props: { lang: Lang; view: CompareView }) {
  const { lang, view } = props;
  const t = messages(lang);
  const [ta, tb] = [profileTitle(view.a, lang), profileTitle(view.b, lang)];
  const level = (scale: Scale, r: PinnedRequirement) => {
    const l = scale.levels.find((x) => x.number === r.targetLevel);
    return `${t.profileRequirementLevel(r.targetLevel, l ? inLang(l.label, lang) : "")} · ${
      r.importance === "essential" ? t.profileEssential : t.profileAsset
    }`;
  };
  const fieldLabel: Record<ComparedField, string> = {
    title_en: t.profileTitleEnLabel,
    title_fr: t.profileTitleFrLabel,
    code: t.profileCodeLabel,
    grade: t.profileGradeLabel,
    summary_en: t.profileSummaryEnLabel,
    summary_fr: t.profileSummaryFrLabel,
    duties: t.profileDutiesHeading,
    qualifications: t.profileQualificationsHeading,
    working_conditions_en: t.profileConditionsEnLabel,
    working_conditions_fr: t.profileConditionsFrLabel,
    units: t.profileUnitsLabel,
  };
  const rows: [string, PinnedRequirement | undefined, PinnedRequirement | undefined][] = [
    ...view.requirements.onlyInA.map((r): [string, PinnedRequirement, undefined] => [
      t.profileCompareOnlyIn(ta),
      r,
      undefined,
    ]),
    ...view.requirements.onlyInB.map((r): [string, undefined, PinnedRequirement] => [
      t.profileCompareOnlyIn(tb),
      undefined,
      r,
    ]),
    ...view.requirements.differ.map(([x, y]): [string, PinnedRequirement, PinnedRequirement] => [
      t.profileCompareDiffer,
      x,
      y,
    ]),
    ...view.requirements.same.map(([x, y]): [string, PinnedRequirement, PinnedRequirement] => [
      t.profileCompareSame,
      x,
      y,
    ]),
  ];
  return (
    <>
      <h2>{t.profileCompareFieldsHeading}</h2>
      {view.fields.length === 0 ? (
        <p>{t.profileCompareFieldsSame}</p>
      ) : (
        <ul>
          {view.fields.map((f) => (
            <li>{fieldLabel[f]}</li>
          ))}
        </ul>
      )}
      <h2>{t.profileCompareCompetenciesHeading}</h2>
      {rows.length === 0 ? (
        <p>{t.profileCompareNone}</p>
      ) : (
        <table>
          <caption>{t.profileCompareCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.profileCompareCompetency}</th>
              <th scope="col">{ta}</th>
              <th scope="col">{tb}</th>
              <th scope="col">{t.profileCompareWhere}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([where, x, y]) => {
              const r = (x ?? y) as PinnedRequirement;
              return (
                <tr>
                  <th scope="row">
                    {r.code && <span class="meta">{r.code} </span>}
                    {inLang(r.competency, lang)}
                  </th>
                  <td>{x ? level(view.scale.a, x) : "—"}</td>
                  <td>{y ? level(view.scale.b, y) : "—"}</td>
                  <td>{where}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
