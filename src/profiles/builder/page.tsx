/**
 * The builder page (the chosen competencies, then finding more) and the preview of the job
 * description as it will print: the documents' JobDocumentArticle (src/profiles/documents/page.tsx),
 * the very article of the description page, so the preview cannot say something the page does not.
 */
import { type Lang, messages } from "../../i18n/index.ts";
import { ErrorSummary, type FieldErrors, Notice } from "../../ui/forms/index.ts";
import type { JobDocument } from "../documents/model.ts";
import { JobDocumentArticle } from "../documents/page.tsx";
import { ChosenList, type ChosenProps } from "./chosen.tsx";
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

/** The job description as it will print: the documents' own article, under the preview's h1. */
export function PreviewPage(props: { lang: Lang; org: string; profile: BuilderProfile; doc: JobDocument }) {
  const { lang } = props;
  const t = messages(lang);
  return (
    <>
      <h1>{t.builderPreviewTitle(props.profile.title)}</h1>
      <ProfileLinks lang={lang} org={props.org} profileId={props.profile.id} preview />
      <p class="meta">{t.builderPreviewIntro}</p>
      <JobDocumentArticle doc={props.doc} />
    </>
  );
}
