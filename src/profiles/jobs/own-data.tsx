/**
 * The person's position (the job profile they hold, `person_positions`) in "everything held about
 * me" (src/people/privacy/own-data.tsx, decision 050). The composition (src/app.tsx) adds it.
 */
import { pick } from "../../i18n/bilingual.ts";
import { formatDateTime, formatDay, messages } from "../../i18n/index.ts";
import { ownDataSection } from "../../people/privacy/own-data.tsx";

interface PositionData {
  profileId: string;
  code: string | null;
  title: { en: string; fr: string };
  /** YYYY-MM-DD, when known. */
  since: string | null;
  updatedAt: string;
}

export const positionDataSection = ownDataSection<PositionData | null>({
  key: "position",
  title: (lang) => messages(lang).profileDataTitle,
  async collect(db, subject) {
    const row = await db
      .selectFrom("person_positions as pp")
      .innerJoin("people as p", "p.id", "pp.person_id")
      .innerJoin("job_profiles as j", "j.id", "pp.profile_id")
      .select(["pp.profile_id", "pp.since", "pp.updated_at", "j.code", "j.title_en", "j.title_fr"])
      .where("p.organisation_id", "=", subject.organisationId)
      .where("pp.person_id", "=", subject.personId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      profileId: row.profile_id,
      code: row.code,
      title: { en: row.title_en, fr: row.title_fr },
      since: row.since,
      updatedAt: row.updated_at,
    };
  },
  render(data, lang, timeZone) {
    const t = messages(lang);
    if (!data) return <p>{t.profileDataNone}</p>;
    const title = pick(data.title, lang)?.value ?? "";
    return (
      <dl class="facts">
        <dt>{t.profileDataJob}</dt>
        <dd>{data.code ? `${data.code} — ${title}` : title}</dd>
        <dt>{t.profileDataSince}</dt>
        <dd>{data.since ? formatDay(data.since, lang) : t.privacyNone}</dd>
        <dt>{t.profileDataChanged}</dt>
        <dd>{formatDateTime(data.updatedAt, lang, timeZone)}</dd>
      </dl>
    );
  },
});
