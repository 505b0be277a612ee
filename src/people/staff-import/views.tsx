/**
 * The staff import's pages: choose the file and options → columns and what the import would do
 * (counts, errors by row and column, changes) → import → done. Plain forms: everything works
 * without JavaScript.
 */
import { type Lang, messages } from "../../i18n/index.ts";
import {
  Checkbox,
  type Choice,
  ErrorSummary,
  type FieldErrors,
  Fieldset,
  FileField,
  Form,
  HiddenFields,
  Notice,
  SelectField,
  Submit,
} from "../../ui/forms/index.ts";
import { STAFF_FIELDS, type StaffField } from "./columns.ts";
import { MAX_STAFF_FILE_MB } from "./limits.ts";
import type { ImportPlan, PersonField } from "./plan.ts";
import { errorColumn, fieldLabel, problemText } from "./report.ts";

/** Rows shown per table; the counts say how many there are in all. */
const SHOWN = 200;

export const importUrl = (lang: Lang, slug: string, rest = "") =>
  `/${lang}/orgs/${encodeURIComponent(slug)}/import${rest}`;

export function StartPage(props: {
  lang: Lang;
  slug: string;
  orgName: string;
  errors?: FieldErrors;
  message?: string;
}) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.staffImportTitle}</h1>
      <p class="lead">{props.orgName}</p>
      <p>{t.staffImportIntro}</p>
      <ErrorSummary lang={props.lang} errors={props.errors} message={props.message} />
      <Form
        lang={props.lang}
        action={importUrl(props.lang, props.slug)}
        upload
        class="stacked-form"
        errors={props.errors}
      >
        <FileField
          name="file"
          label={t.staffImportFileLabel}
          hint={t.staffImportFileHint(MAX_STAFF_FILE_MB)}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
        />
        <Fieldset legend={t.staffImportOptionsLegend}>
          <Checkbox
            name="create_units"
            value="1"
            label={t.staffImportCreateUnitsLabel}
            hint={t.staffImportCreateUnitsHint}
          />
          <Checkbox name="mark_left" value="1" label={t.staffImportMarkLeftLabel} hint={t.staffImportMarkLeftHint} />
          <SelectField
            name="date_order"
            label={t.staffImportDateOrderLabel}
            value="dmy"
            options={[
              { value: "dmy", label: t.staffImportDateOrderDmy },
              { value: "mdy", label: t.staffImportDateOrderMdy },
            ]}
          />
        </Fieldset>
        <Submit>{t.staffImportRead}</Submit>
      </Form>
    </>
  );
}

export interface PreviewProps {
  lang: Lang;
  slug: string;
  token: string;
  fileName: string;
  headers: string[];
  rowCount: number;
  /** The mapping as the form sends it: field → column index as text ("" when not in the file). */
  columns: Record<StaffField, string>;
  plan: ImportPlan;
  fingerprint: string;
  /** Said above everything (the staff changed since the preview). */
  message?: string;
}

const shown = (t: ReturnType<typeof messages>, value: string | null) =>
  value === null || value === "" ? t.staffImportEmpty : value;

export function PreviewPage(props: PreviewProps) {
  const t = messages(props.lang);
  const { plan } = props;
  const url = importUrl(props.lang, props.slug, `/${props.token}`);
  const columnChoices: Choice[] = [
    { value: "", label: t.staffImportNotInFile },
    ...props.headers.map((header, i) => ({ value: String(i), label: header === "" ? `#${i + 1}` : header })),
  ];
  const nothingToDo = plan.errors.length === 0 && plan.creates.length + plan.updates.length + plan.leaving.length === 0;
  const hidden = Object.fromEntries(STAFF_FIELDS.map((f) => [`col_${f}`, props.columns[f]]));
  return (
    <>
      <h1>{t.staffImportTitle}</h1>
      <ErrorSummary lang={props.lang} message={props.message} />
      <section aria-labelledby="columns">
        <h2 id="columns">{t.staffImportColumnsHeading}</h2>
        <p>{t.staffImportColumnsIntro(props.fileName, props.rowCount)}</p>
        <Form lang={props.lang} action={url} method="get" class="stacked-form" values={hidden}>
          {STAFF_FIELDS.map((field) => (
            <SelectField name={`col_${field}`} label={fieldLabel(t, field)} options={columnChoices} />
          ))}
          <Submit>{t.staffImportCheckAgain}</Submit>
        </Form>
      </section>

      <section aria-labelledby="preview">
        <h2 id="preview">{t.staffImportPreviewHeading}</h2>
        <ul>
          <li>{t.staffImportCountCreates(plan.counts.creates)}</li>
          <li>{t.staffImportCountUpdates(plan.counts.updates)}</li>
          <li>{t.staffImportCountUnchanged(plan.counts.unchanged)}</li>
          <li>{t.staffImportCountLeaving(plan.counts.leaving)}</li>
          <li>{t.staffImportCountUnits(plan.counts.newUnits)}</li>
          <li>{t.staffImportCountErrors(plan.counts.errors)}</li>
        </ul>
        {plan.errors.length > 0 ? (
          <ErrorTable lang={props.lang} plan={plan} />
        ) : (
          <Changes lang={props.lang} plan={plan} />
        )}
      </section>

      {nothingToDo && <Notice>{t.staffImportNothing}</Notice>}
      {plan.errors.length === 0 && !nothingToDo && (
        <Form lang={props.lang} action={url} class="stacked-form">
          <HiddenFields values={{ ...hidden, fingerprint: props.fingerprint }} />
          <p>{t.staffImportConfirmHint}</p>
          <Submit>{t.staffImportConfirm}</Submit>
        </Form>
      )}
      <p>
        <a href={importUrl(props.lang, props.slug)}>{t.staffImportAgain}</a>
      </p>
    </>
  );
}

function More(props: { lang: Lang; total: number }) {
  if (props.total <= SHOWN) return null;
  return <p>{messages(props.lang).staffImportMore(props.total - SHOWN)}</p>;
}

function ErrorTable(props: { lang: Lang; plan: ImportPlan }) {
  const t = messages(props.lang);
  return (
    <>
      <h3 id="errors">{t.staffImportErrorsHeading}</h3>
      <p>{t.staffImportErrorsIntro}</p>
      <div class="table-wrap">
        <table aria-labelledby="errors">
          <thead>
            <tr>
              <th scope="col">{t.staffImportRowHeader}</th>
              <th scope="col">{t.staffImportColumnHeader}</th>
              <th scope="col">{t.staffImportProblemHeader}</th>
            </tr>
          </thead>
          <tbody>
            {props.plan.errors.slice(0, SHOWN).map((error) => (
              <tr>
                <td>{error.line ?? t.staffImportWholeFile}</td>
                <td>{errorColumn(t, error)}</td>
                <td>{problemText(t, error)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More lang={props.lang} total={props.plan.errors.length} />
    </>
  );
}

const FIELD_OF: Record<PersonField, StaffField> = {
  givenName: "givenName",
  familyName: "familyName",
  preferredName: "preferredName",
  email: "email",
  unit: "unit",
  managerNumber: "managerNumber",
  status: "status",
  statusSince: "statusSince",
  preferredLang: "preferredLang",
};

function Changes(props: { lang: Lang; plan: ImportPlan }) {
  const t = messages(props.lang);
  const { plan } = props;
  const changeRows = plan.updates.flatMap((u) => u.changes.map((change) => ({ number: u.employeeNumber, change })));
  return (
    <>
      {changeRows.length > 0 && (
        <>
          <h3 id="updates">{t.staffImportUpdatesHeading}</h3>
          <div class="table-wrap">
            <table aria-labelledby="updates">
              <thead>
                <tr>
                  <th scope="col">{t.staffImportPersonHeader}</th>
                  <th scope="col">{t.staffImportFieldHeader}</th>
                  <th scope="col">{t.staffImportBeforeHeader}</th>
                  <th scope="col">{t.staffImportAfterHeader}</th>
                </tr>
              </thead>
              <tbody>
                {changeRows.slice(0, SHOWN).map(({ number, change }) => (
                  <tr>
                    <td>{number}</td>
                    <td>{fieldLabel(t, FIELD_OF[change.field])}</td>
                    <td>{shown(t, change.before)}</td>
                    <td>{shown(t, change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <More lang={props.lang} total={changeRows.length} />
        </>
      )}
      {plan.creates.length > 0 && (
        <>
          <h3 id="creates">{t.staffImportCreatesHeading}</h3>
          <div class="table-wrap">
            <table aria-labelledby="creates">
              <thead>
                <tr>
                  <th scope="col">{t.staffImportRowHeader}</th>
                  <th scope="col">{t.staffImportPersonHeader}</th>
                  <th scope="col">{t.staffImportNameHeader}</th>
                </tr>
              </thead>
              <tbody>
                {plan.creates.slice(0, SHOWN).map((create) => (
                  <tr>
                    <td>{create.line}</td>
                    <td>{create.employeeNumber}</td>
                    <td>{`${create.values.givenName} ${create.values.familyName}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <More lang={props.lang} total={plan.creates.length} />
        </>
      )}
      {plan.leaving.length > 0 && (
        <>
          <h3>{t.staffImportLeavingHeading}</h3>
          <ul>
            {plan.leaving.slice(0, SHOWN).map((leave) => (
              <li>{`${leave.employeeNumber} — ${leave.name}`}</li>
            ))}
          </ul>
          <More lang={props.lang} total={plan.leaving.length} />
        </>
      )}
      {plan.newUnits.length > 0 && (
        <>
          <h3>{t.staffImportUnitsHeading}</h3>
          <ul>
            {plan.newUnits.map((unit) => (
              <li>{unit.name}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function DonePage(props: { lang: Lang; slug: string; created: number; updated: number; left: number }) {
  const t = messages(props.lang);
  return (
    <>
      <h1>{t.staffImportDoneTitle}</h1>
      <Notice>{t.staffImportDone(props.created, props.updated, props.left)}</Notice>
      <p>
        <a href={importUrl(props.lang, props.slug)}>{t.staffImportAgain}</a>
      </p>
    </>
  );
}
