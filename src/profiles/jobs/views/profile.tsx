/**
 * One job profile as HR, managers and the people who hold it read it: its fields, its units, the
 * competencies it requires (grouped by area, essential before asset, with the target level's label
 * and the edition each is pinned to) and, for those who may edit it, what they can do with it and who
 * holds it. The delete confirmation says how many people hold the profile.
 */
import type { Child } from "hono/jsx";
import { type Lang, messages } from "../../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../../people/organisations/views.tsx";
import {
  ButtonForm,
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  Form,
  Notice,
  Submit,
  TextField,
} from "../../../ui/forms/index.ts";
import type { Scale } from "../../scales/read.ts";
import type { BilingualLine } from "../fields.ts";
import type { Holder } from "../positions.ts";
import type { Posting } from "../postings.ts";
import type { PinnedRequirement } from "../requirements.ts";
import type { Profile } from "../store.ts";
import { profileUrls } from "../urls.ts";
import { PostingList } from "./postings.tsx";

export const inLang = (line: BilingualLine, lang: Lang) => (lang === "fr" ? line.fr : line.en);
export const profileTitle = (p: Pick<Profile, "title_en" | "title_fr">, lang: Lang) =>
  lang === "fr" ? p.title_fr : p.title_en;

export interface UnitName {
  id: string;
  name_en: string;
  name_fr: string;
}

/** Requirements grouped by area (areas in the author's order), essential before asset within each. */
export function byArea(requirements: readonly PinnedRequirement[], lang: Lang) {
  const groups = new Map<string, PinnedRequirement[]>();
  for (const r of requirements) {
    const area = inLang(r.area, lang);
    groups.set(area, [...(groups.get(area) ?? []), r]);
  }
  return [...groups].map(([area, list]) => ({
    area,
    requirements: [
      ...list.filter((r) => r.importance === "essential"),
      ...list.filter((r) => r.importance === "asset"),
    ],
  }));
}

export function RequirementList(props: { lang: Lang; requirements: readonly PinnedRequirement[]; scale: Scale }) {
  const t = messages(props.lang);
  const label = (n: number) => {
    const level = props.scale.levels.find((l) => l.number === n);
    return level ? inLang(level.label, props.lang) : String(n);
  };
  if (props.requirements.length === 0) return <p>{t.profileRequirementsNone}</p>;
  return (
    <>
      {byArea(props.requirements, props.lang).map((group) => (
        <section class="profile-area">
          <h3>{group.area}</h3>
          <ul class="profile-requirements">
            {group.requirements.map((r) => (
              <li>
                <p>
                  {r.code && <span class="meta">{r.code} </span>}
                  <strong>{inLang(r.competency, props.lang)}</strong>
                </p>
                <p>
                  {t.profileRequirementLevel(r.targetLevel, label(r.targetLevel))} ·{" "}
                  {r.importance === "essential" ? t.profileEssential : t.profileAsset}{" "}
                  <span class="meta">({t.profileEditionLabel(r.editionNumber)})</span>
                </p>
                {r.ksas.length > 0 && (
                  <ul>
                    {r.ksas.map((k) => (
                      <li>{inLang(k.text, props.lang)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Lines(props: { lang: Lang; lines: BilingualLine[] }) {
  if (props.lines.length === 0) return <p>{messages(props.lang).profileNoneGiven}</p>;
  return (
    <ol>
      {props.lines.map((l) => (
        <li>{inLang(l, props.lang)}</li>
      ))}
    </ol>
  );
}

const paragraphs = (text: string): Child =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== "")
    .map((p) => <p>{p}</p>);

export interface ProfilePageProps {
  frame: OrganisationFrame;
  profile: Profile;
  units: UnitName[];
  requirements: PinnedRequirement[];
  scale: Scale;
  /** The reader may edit (HR, managers): actions and the holders are shown. */
  edit: boolean;
  holders: Holder[];
  postings: Posting[];
  /** The reader may publish postings (the organisation's administrators). */
  publish: boolean;
  notice?: string;
  holderForm?: { values: Record<string, string>; errors: FieldErrors };
  /** How many pinned competencies a newer edition changed or retired (and nobody chose to keep). */
  editionChanges?: number;
}

export function ProfilePage(props: ProfilePageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const p = props.profile;
  const title = profileTitle(p, lang);
  const units = props.units.filter((u) => p.unitIds.includes(u.id)).map((u) => (lang === "fr" ? u.name_fr : u.name_en));
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{title}</h1>
      {props.notice && <Notice>{props.notice}</Notice>}
      {(props.editionChanges ?? 0) > 0 && (
        <p class="notice" role="status">
          {t.profileEditionChanges(props.editionChanges ?? 0)}{" "}
          {props.edit && <a href={profileUrls.action(lang, slug, p.id, "builder")}>{t.profileEditionChangesReview}</a>}
        </p>
      )}
      <dl class="profile-facts">
        <dt>{t.profileCodeLabel}</dt>
        <dd>{p.code ?? t.profileNoneGiven}</dd>
        <dt>{t.profileGradeLabel}</dt>
        <dd>{p.grade ?? t.profileNoneGiven}</dd>
        <dt>{t.profileUnitsLabel}</dt>
        <dd>{units.length > 0 ? units.join(", ") : t.profileNoneGiven}</dd>
        <dt>{t.profileScaleLabel}</dt>
        <dd>{inLang(props.scale.name, lang)}</dd>
      </dl>
      {props.edit && (
        <nav class="profile-actions" aria-label={t.profileActionsLabel}>
          <ul class="link-list">
            <li>
              <a href={profileUrls.action(lang, slug, p.id, "edit")}>{t.profileEditLink}</a>
            </li>
            <li>
              <a href={profileUrls.action(lang, slug, p.id, "builder")}>{t.profileBuilderLink}</a>
            </li>
            <li>
              <a href={profileUrls.action(lang, slug, p.id, "delete")}>{t.profileDeleteLink}</a>
            </li>
          </ul>
          <ButtonForm lang={lang} action={profileUrls.action(lang, slug, p.id, "copy")} class="button--quiet">
            {t.profileCopyButton}
          </ButtonForm>
        </nav>
      )}
      {/* Whoever reads the profile (the person holding the position too) may print or download it. */}
      <nav class="profile-documents" aria-label={t.profileDocumentsLabel}>
        <ul class="link-list">
          <li>
            <a href={profileUrls.action(lang, slug, p.id, "description")}>{t.profileDescriptionLink}</a>
          </li>
          <li>
            <a href={`${profileUrls.action(lang, slug, p.id, "description")}.pdf`} type="application/pdf">
              {t.profileDescriptionPdf}
            </a>
          </li>
          <li>
            <a
              href={`${profileUrls.action(lang, slug, p.id, "description")}.docx`}
              type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            >
              {t.profileDescriptionDocx}
            </a>
          </li>
        </ul>
      </nav>
      <h2>{t.profileSummaryHeading}</h2>
      {p[`summary_${lang}`] ? paragraphs(p[`summary_${lang}`]) : <p>{t.profileNoneGiven}</p>}
      <h2>{t.profileDutiesHeading}</h2>
      <Lines lang={lang} lines={p.duties} />
      <h2>{t.profileQualificationsHeading}</h2>
      <Lines lang={lang} lines={p.qualifications} />
      <h2>{t.profileConditionsHeading}</h2>
      {p[`working_conditions_${lang}`] ? paragraphs(p[`working_conditions_${lang}`]) : <p>{t.profileNoneGiven}</p>}
      <h2>{t.profileRequirementsHeading}</h2>
      <RequirementList lang={lang} requirements={props.requirements} scale={props.scale} />
      {props.edit && <Holders {...props} />}
      {props.edit && (
        <PostingList lang={lang} slug={slug} profileId={p.id} postings={props.postings} publish={props.publish} />
      )}
    </>
  );
}

function Holders(props: ProfilePageProps) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const id = props.profile.id;
  return (
    <section aria-labelledby="holders-heading">
      <h2 id="holders-heading">{t.profileHoldersHeading}</h2>
      {props.holders.length === 0 ? (
        <p>{t.profileHoldersNone}</p>
      ) : (
        <ul class="holders">
          {props.holders.map((h) => (
            <li>
              {h.name} <span class="meta">({h.employeeNumber})</span>{" "}
              <ButtonForm
                lang={lang}
                action={profileUrls.removeHolder(lang, slug, id, h.personId)}
                class="button--quiet"
                label={t.profileHolderRemove(h.name)}
              >
                {t.profileHolderRemoveText}
              </ButtonForm>
            </li>
          ))}
        </ul>
      )}
      <Form
        lang={lang}
        action={profileUrls.action(lang, slug, id, "holders")}
        scope="holders"
        values={props.holderForm?.values}
        errors={props.holderForm?.errors}
      >
        <ErrorSummary
          lang={lang}
          scope="holders"
          errors={props.holderForm?.errors}
          labels={{ employee_number: t.profileHolderLabel }}
        />
        <TextField
          name="employee_number"
          label={t.profileHolderLabel}
          hint={t.profileHolderHint}
          required
          maxlength={60}
          autocomplete="off"
        />
        <Submit>{t.profileHolderAddButton}</Submit>
      </Form>
    </section>
  );
}

export function DeletePage(props: { frame: OrganisationFrame; profile: Profile; holders: number; refused?: boolean }) {
  const { lang, slug } = props.frame;
  const t = messages(lang);
  const title = profileTitle(props.profile, lang);
  return (
    <>
      <OrganisationNav {...props.frame} />
      <h1>{t.profileDeleteTitle(title)}</h1>
      <Form lang={lang} action={profileUrls.action(lang, slug, props.profile.id, "delete")}>
        <ErrorSummary lang={lang} message={props.refused ? t.profileDeleteClearNeeded : undefined} />
        <p>{t.profileDeleteIntro}</p>
        {props.holders > 0 && (
          <>
            <p>{t.profileDeleteHeld(props.holders)}</p>
            <Checkbox name="clear_positions" value="yes" label={t.profileDeleteClearLabel} />
          </>
        )}
        <Submit class="button--danger">{t.profileDeleteButton}</Submit>
      </Form>
      <p>
        <a href={profileUrls.profile(lang, slug, props.profile.id)}>{t.profileCancel}</a>
      </p>
    </>
  );
}
