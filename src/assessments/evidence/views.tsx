/**
 * An assessment's evidence on a page: `EvidenceSection` (the list with its links and downloads, the
 * forms to add a link or a file, a remove button on what the reader may remove) is what the
 * assessment's own page includes; `EvidencePage` shows it on a page of its own. Real forms through
 * the form kit: everything works without JavaScript.
 */
import type { Child } from "hono/jsx";
import { formatDate } from "../../i18n/format.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationFrame, OrganisationNav } from "../../people/organisations/views.tsx";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Form,
  type FormValues,
  Hidden,
  Notice,
  SelectField,
  Submit,
  TextField,
} from "../../ui/forms/index.ts";
import type { AssessedCompetency } from "./access.ts";
import { EVIDENCE_ACCEPT } from "./file-types.ts";
import type { EvidenceEntry } from "./store.ts";
import type { EvidenceUrls } from "./urls.ts";

/** Which form the last submission's errors and values belong to. */
export type EvidenceFormName = "link" | "file";

export interface EvidenceSectionProps {
  lang: Lang;
  urls: EvidenceUrls;
  entries: EvidenceEntry[];
  competencies: AssessedCompetency[];
  /** "add": the forms are shown; "closed": the reader's, but not at this step; "read": only to see. */
  right: "add" | "closed" | "read";
  /** Ids of the entries the reader may remove. */
  removable: ReadonlySet<string>;
  maxMb: number;
  /** The organisation's time zone (decision 054): the day each entry was added is its day there. */
  timeZone: string;
  /** The heading level of the section's title (the assessment page's sections sit under its h1). */
  level?: 2 | 3;
  form?: { name: EvidenceFormName; errors?: FieldErrors; values?: FormValues };
  /**
   * Where to come back to after adding or removing (the assessment's own page, when it includes
   * the section); by default the evidence page.
   */
  back?: string;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function competencyLabel(lang: Lang, c: AssessedCompetency) {
  return [c.code, c.statement[lang]].filter(Boolean).join(" ");
}

function Heading(props: { level: 2 | 3 | 4; id?: string; children: Child }) {
  if (props.level === 2) return <h2 id={props.id}>{props.children}</h2>;
  if (props.level === 3) return <h3 id={props.id}>{props.children}</h3>;
  return <h4 id={props.id}>{props.children}</h4>;
}

function EvidenceList(props: EvidenceSectionProps) {
  const t = messages(props.lang);
  const byItem = new Map(props.competencies.map((c) => [c.itemId, c]));
  if (props.entries.length === 0) return <p>{t.evidenceNone}</p>;
  return (
    <table class="evidence-list">
      <thead>
        <tr>
          <th scope="col">{t.evidenceColumnTitle}</th>
          <th scope="col">{t.evidenceColumnSupports}</th>
          <th scope="col">{t.evidenceColumnAdded}</th>
          {props.removable.size > 0 && <th scope="col">{t.evidenceColumnActions}</th>}
        </tr>
      </thead>
      <tbody>
        {props.entries.map((entry) => {
          const competency = entry.itemId ? byItem.get(entry.itemId) : undefined;
          return (
            <tr>
              <td>
                {entry.kind === "link" && entry.url ? (
                  <>
                    <a href={entry.url} rel="noopener noreferrer nofollow">
                      {entry.title}
                    </a>
                    <br />
                    <small>{t.evidenceLinkTo(hostOf(entry.url))}</small>
                  </>
                ) : (
                  <>
                    <a href={props.urls.file(entry.id)} download={entry.fileName ?? undefined}>
                      {entry.title}
                    </a>
                    <br />
                    <small>{t.evidenceFileAbout(entry.fileName ?? "", t.evidenceSize(entry.size ?? 0))}</small>
                  </>
                )}
              </td>
              <td>{competency ? competencyLabel(props.lang, competency) : t.evidenceWhole}</td>
              <td>{formatDate(entry.createdAt, props.lang, props.timeZone)}</td>
              {props.removable.size > 0 && (
                <td>
                  {props.removable.has(entry.id) && (
                    <ButtonForm
                      lang={props.lang}
                      action={props.urls.remove(entry.id)}
                      hidden={props.back ? { back: props.back } : undefined}
                      class="button--quiet"
                      label={t.evidenceRemoveLabel(entry.title)}
                    >
                      {t.evidenceRemove}
                    </ButtonForm>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ItemField(props: { lang: Lang; competencies: AssessedCompetency[] }) {
  const t = messages(props.lang);
  if (props.competencies.length === 0) return null;
  const options = [
    { value: "", label: t.evidenceWhole },
    ...props.competencies.map((c) => ({ value: c.itemId, label: competencyLabel(props.lang, c) })),
  ];
  return <SelectField name="item" label={t.evidenceItemLabel} options={options} />;
}

export function EvidenceSection(props: EvidenceSectionProps) {
  const t = messages(props.lang);
  const level = props.level ?? 2;
  const sub = level === 2 ? 3 : 4;
  const formOf = (name: EvidenceFormName) => (props.form?.name === name ? props.form : undefined);
  const link = formOf("link");
  const file = formOf("file");
  const linkLabels = { title: t.evidenceLinkTitleLabel, url: t.evidenceLinkUrlLabel, item: t.evidenceItemLabel };
  const fileLabels = { file: t.evidenceFileLabel, title: t.evidenceFileTitleLabel, item: t.evidenceItemLabel };
  return (
    <section class="evidence" aria-labelledby="evidence-heading">
      <Heading level={level} id="evidence-heading">
        {t.evidenceListHeading}
      </Heading>
      <EvidenceList {...props} />
      {props.right === "closed" && <p>{t.evidenceClosed}</p>}
      {props.right === "read" && <p>{t.evidenceReadOnly}</p>}
      {props.right === "add" && (
        <>
          <Heading level={sub}>{t.evidenceAddLinkHeading}</Heading>
          <ErrorSummary lang={props.lang} errors={link?.errors} labels={linkLabels} scope="link" />
          <Form lang={props.lang} action={props.urls.links} scope="link" errors={link?.errors} values={link?.values}>
            {props.back && <Hidden name="back" value={props.back} />}
            <TextField name="title" label={t.evidenceLinkTitleLabel} required maxlength={200} />
            <TextField
              name="url"
              label={t.evidenceLinkUrlLabel}
              hint={t.evidenceLinkUrlHint}
              required
              maxlength={2000}
              autocomplete="url"
              spellcheck={false}
            />
            <ItemField lang={props.lang} competencies={props.competencies} />
            <Submit>{t.evidenceAddLink}</Submit>
          </Form>
          <Heading level={sub}>{t.evidenceAddFileHeading}</Heading>
          <ErrorSummary lang={props.lang} errors={file?.errors} labels={fileLabels} scope="file" />
          <Form
            lang={props.lang}
            action={props.urls.files}
            scope="file"
            upload
            errors={file?.errors}
            values={file?.values}
          >
            {props.back && <Hidden name="back" value={props.back} />}
            <FileField
              name="file"
              label={t.evidenceFileLabel}
              hint={t.evidenceFileHint(props.maxMb)}
              accept={EVIDENCE_ACCEPT}
              required
            />
            <TextField name="title" label={t.evidenceFileTitleLabel} hint={t.evidenceFileTitleHint} maxlength={200} />
            <ItemField lang={props.lang} competencies={props.competencies} />
            <Submit>{t.evidenceAddFile}</Submit>
          </Form>
        </>
      )}
    </section>
  );
}

export interface EvidencePageProps extends EvidenceSectionProps {
  frame: OrganisationFrame;
  personName: string;
  cycleName: string;
  notice?: string;
}

export function EvidencePage(props: EvidencePageProps) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.evidenceTitle}</h1>
      <OrganisationNav {...props.frame} />
      <p>{t.evidenceAbout(props.personName, props.cycleName)}</p>
      {props.notice && <Notice>{props.notice}</Notice>}
      <p>{t.evidenceIntro}</p>
      <EvidenceSection {...props} level={2} />
    </>
  );
}

export function RemoveEvidencePage(props: { lang: Lang; urls: EvidenceUrls; entry: EvidenceEntry; back?: string }) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.evidenceRemoveTitle}</h1>
      <p>{t.evidenceRemoveBody(props.entry.title)}</p>
      <Form lang={props.lang} action={props.urls.remove(props.entry.id)}>
        <Hidden name="confirm" value="yes" />
        {props.back && <Hidden name="back" value={props.back} />}
        <Submit class="button--danger">{t.evidenceRemoveConfirm}</Submit>{" "}
        <a href={props.back ?? props.urls.page}>{t.evidenceRemoveCancel}</a>
      </Form>
    </>
  );
}
