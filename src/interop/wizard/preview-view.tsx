/** The wizard's preview pages: what was read, what is wrong, what would change, and the confirm form. */
import type { Bilingual } from "../../frameworks/tree.ts";
import { formatNumber, type Lang, messages } from "../../i18n/index.ts";
import {
  ButtonForm,
  ErrorSummary,
  type FieldErrors,
  Fieldset,
  Form,
  HiddenFields,
  Notice,
  Submit,
  TextArea,
  TextField,
} from "../../ui/forms/index.ts";
import type { ImportReport } from "../import.ts";
import type { ImportedItem, Problem } from "../model.ts";
import { ChangeList, Changes, Counts, Outline, Problems, textIn } from "./parts.tsx";
import { PASTE_LIMITS, type PasteDraft } from "./paste.ts";
import type { TypeCount } from "./prepare.ts";
import { wizardUrls } from "./urls.ts";

/** Enough rows to show the text without scrolling inside the box, wrapped at about 75 characters. */
const rowsFor = (text: string, min: number, max: number) =>
  Math.min(
    max,
    Math.max(min, text.split("\n").reduce((rows, line) => rows + Math.max(1, Math.ceil(line.length / 75)), 0) + 1),
  );

export interface ReadSummary {
  total: number;
  types: TypeCount[];
  associations?: number;
  definitions?: number;
  items: readonly ImportedItem[];
}

/** What the import would do to which framework, or why it cannot. */
export interface Outcome {
  /** Title of the framework the import creates or updates. */
  title: Bilingual;
  report?: ImportReport;
}

function Effect(props: { lang: Lang; outcome: Outcome; caseRows: boolean }) {
  const t = messages(props.lang);
  const report = props.outcome.report;
  if (!report) return null;
  const title = textIn(props.outcome.title, props.lang)?.value ?? report.slug;
  return (
    <section aria-labelledby="changes">
      <h2 id="changes">{t.importChangesHeading}</h2>
      <p>{report.created ? t.importCreatesFramework(title) : t.importUpdatesFramework(title)}</p>
      <Changes lang={props.lang} report={report} caseRows={props.caseRows} />
      {!report.created && <ChangeList lang={props.lang} changes={report.changes} />}
      {report.items.removed > 0 && (
        <Notice kind="warning">
          <strong>{t.importRemovalWarning(report.items.removed)}</strong>
        </Notice>
      )}
    </section>
  );
}

function Read(props: { lang: Lang; summary: ReadSummary; problems: readonly Problem[] }) {
  const t = messages(props.lang);
  return (
    <>
      <section aria-labelledby="read">
        <h2 id="read">{t.importCountsHeading}</h2>
        <Counts
          lang={props.lang}
          total={props.summary.total}
          types={props.summary.types}
          associations={props.summary.associations}
          definitions={props.summary.definitions}
        />
      </section>
      <section aria-labelledby="problems">
        <h2 id="problems">{t.importProblemsHeading}</h2>
        <Problems lang={props.lang} problems={props.problems} />
      </section>
      <section aria-labelledby="tree">
        <h2 id="tree">{t.importTreeHeading}</h2>
        <Outline lang={props.lang} items={props.summary.items} total={props.summary.total} />
      </section>
    </>
  );
}

export interface UploadPreviewProps {
  lang: Lang;
  fileName: string;
  size: number;
  formatLabel: string;
  summary: ReadSummary | null;
  problems: readonly Problem[];
  outcome?: Outcome;
  /** Present when the file can be imported: the confirm form posts it back. */
  token?: string;
  /** Why the import did not happen (shown at the top). */
  message?: string;
}

export function UploadPreviewPage(props: UploadPreviewProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  return (
    <>
      <h1>{t.importPreviewTitle}</h1>
      <ErrorSummary lang={lang} message={props.message} />
      <p class="lead">{props.token ? t.importPreviewIntro : t.importCannotImport}</p>
      <dl class="facts">
        <dt>{t.importFileLabel}</dt>
        <dd>
          <code>{props.fileName}</code> ({t.importSize(formatNumber(Math.max(1, Math.round(props.size / 1024)), lang))})
        </dd>
        <dt>{t.importFormatLegend}</dt>
        <dd>{props.formatLabel}</dd>
      </dl>
      {props.summary ? (
        <Read lang={lang} summary={props.summary} problems={props.problems} />
      ) : (
        <Problems lang={lang} problems={props.problems} />
      )}
      {props.outcome && (
        <Effect lang={lang} outcome={props.outcome} caseRows={props.summary?.associations !== undefined} />
      )}
      <div class="wizard-actions">
        {props.token && (
          <ButtonForm lang={lang} action={wizardUrls.uploadConfirm(lang)} hidden={{ token: props.token }}>
            {t.importConfirmButton}
          </ButtonForm>
        )}
        <a href={wizardUrls.start(lang)}>{t.importStartOver}</a>
      </div>
    </>
  );
}

export interface PastePreviewProps {
  lang: Lang;
  draft: PasteDraft;
  errors?: FieldErrors;
  message?: string;
  /** The parser's own findings (lines left out, unreadable dates…). */
  problems: readonly Problem[];
  summary: ReadSummary | null;
  targetLabel: string;
  outcome?: Outcome;
  hidden: { text: string; text_lang: string; target: string; new_title: string; seed: string };
}

export function PastePreviewPage(props: PastePreviewProps) {
  const t = messages(props.lang);
  const lang = props.lang;
  const d = props.draft;
  const slots =
    d.competencies.length < PASTE_LIMITS.competencies
      ? [...d.competencies, { statement: "", ksas: "" }]
      : d.competencies;
  return (
    <>
      <h1>{t.importPasteTitle}</h1>
      <ErrorSummary lang={lang} errors={props.errors} message={props.message} />
      <p class="lead">{t.importPreviewIntro}</p>
      <dl class="facts">
        <dt>{t.importTargetLabel}</dt>
        <dd>{props.targetLabel}</dd>
      </dl>
      {props.summary && <Read lang={lang} summary={props.summary} problems={props.problems} />}
      {!props.summary && (
        <section aria-labelledby="problems">
          <h2 id="problems">{t.importProblemsHeading}</h2>
          <Problems lang={lang} problems={props.problems} />
        </section>
      )}
      {props.outcome && <Effect lang={lang} outcome={props.outcome} caseRows={false} />}

      <section aria-labelledby="edit">
        <h2 id="edit">{t.importEditHeading}</h2>
        <p>{t.importEditHint}</p>
        <Form lang={lang} action={wizardUrls.pasteConfirm(lang)} class="stacked-form import-form" errors={props.errors}>
          <HiddenFields values={props.hidden} />
          <TextField
            name="title"
            label={t.importAreaTitleLabel}
            value={d.title}
            maxlength={PASTE_LIMITS.title}
            required
          />
          <TextArea
            name="description"
            label={t.importAreaDescriptionLabel}
            value={d.description}
            rows={rowsFor(d.description, 3, 14)}
          />
          <TextField name="date" type="date" label={t.importAreaDateLabel} hint={t.importAreaDateHint} value={d.date} />
          {slots.map((c, i) => {
            const n = i + 1;
            const isNew = i >= d.competencies.length;
            return (
              <Fieldset
                class="competency-edit"
                legend={isNew ? t.importNewCompetencyLegend : t.importCompetencyLegend(n)}
              >
                <TextArea
                  name={`competency_${n}`}
                  label={t.importCompetencyLabel}
                  value={c.statement}
                  rows={rowsFor(c.statement, 2, 6)}
                />
                <TextArea name={`ksas_${n}`} label={t.importKsasLabel} value={c.ksas} rows={rowsFor(c.ksas, 3, 24)} />
              </Fieldset>
            );
          })}
          <div class="wizard-actions">
            <Submit formaction={wizardUrls.pasteReview(lang)} class="button--quiet">
              {t.importCheckAgainButton}
            </Submit>
            <Submit>{t.importConfirmButton}</Submit>
            <a href={wizardUrls.start(lang)}>{t.importStartOver}</a>
          </div>
        </Form>
      </section>
    </>
  );
}

export function DonePage(props: {
  lang: Lang;
  title: string;
  slug: string;
  report: { added: number; updated: number; removed: number };
}) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.importDoneTitle}</h1>
      <Notice>
        {t.importDone(props.title)} {t.importDoneCounts(props.report.added, props.report.updated, props.report.removed)}
      </Notice>
      <p>{t.importDoneNext}</p>
      <ul class="page-actions">
        <li>
          <a href={wizardUrls.editorFramework(props.lang, props.slug)}>{t.importOpenEditor}</a>
        </li>
        <li>
          <a href={wizardUrls.start(props.lang)}>{t.importAnother}</a>
        </li>
      </ul>
    </>
  );
}
