import { pick } from "../../i18n/bilingual.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { OrganisationNav } from "../../people/organisations/views.tsx";
import {
  ButtonForm,
  ErrorSummary,
  Form,
  type FormValues,
  Hidden,
  HiddenFields,
  Notice,
  type Option,
  RadioGroup,
  Submit,
  TextArea,
  TextField,
} from "../../ui/forms/index.ts";
import { COMMENT_MAX, commentField, levelField, NOT_RATED, NOTES_MAX, was } from "./form.ts";
import { type AssessmentPageProps, competencyName, levelName, standingOf } from "./page-model.ts";
import type { AssessmentItem, AssessmentView } from "./read.ts";
import { History, Reopen, Reopened, SignOff, Withdraw } from "./sections.tsx";
import { mayWrite, type Party, SELF_STATES } from "./states.ts";
import type { FieldConflict } from "./store.ts";
import { assessmentUrls } from "./urls.ts";

const shown = (text: { en: string | null; fr: string | null }, lang: Lang) => pick(text, lang)?.value ?? "";

function levelOptions(view: AssessmentView, item: AssessmentItem, lang: Lang): Option[] {
  const t = messages(lang);
  return [
    { value: NOT_RATED, label: t.awNotRated },
    ...view.scale.levels.map((level) => {
      const own = item.descriptors.get(level.number);
      const ownText = own ? shown(own, lang) : "";
      return {
        value: String(level.number),
        label: t.awLevelName(level.number, shown(level.label, lang)),
        description: (
          <>
            {shown(level.descriptor, lang)}
            {ownText && (
              <>
                {" "}
                <strong>{t.awOwnDescriptor}</strong> {ownText}
              </>
            )}
          </>
        ),
      };
    }),
  ];
}

const radioValue = (level: number | null) => (level === null ? NOT_RATED : String(level));

/** The values each save compares with (what the form was loaded with), in a box htmx replaces after a save. */
export function LoadedValues(props: {
  index: number;
  item: Pick<AssessmentItem, "key" | "self" | "manager" | "agreedLevel">;
  groups: ("self" | "manager" | "agreed")[];
  oob?: boolean;
}) {
  const values: Record<string, string> = {};
  for (const group of props.groups) {
    const rating = group === "self" ? props.item.self : group === "manager" ? props.item.manager : null;
    const level = rating ? rating.level : props.item.agreedLevel;
    values[was(levelField(group, props.item.key))] = radioValue(level);
    if (rating) values[was(commentField(group, props.item.key))] = rating.comment ?? "";
  }
  return (
    <div id={`aw-was-${props.index}`} hx-swap-oob={props.oob ? "true" : undefined}>
      <HiddenFields values={values} />
    </div>
  );
}

export function VersionField(props: { version: number; oob?: boolean }) {
  return (
    <div id="aw-version" hx-swap-oob={props.oob ? "true" : undefined}>
      <Hidden name="version" value={String(props.version)} />
    </div>
  );
}

/** htmx: a change inside the competency posts the form, naming the competency; the answer fills its status. */
const autosave = (url: string, index: number, key: string) => ({
  "hx-post": url,
  "hx-trigger": "change",
  "hx-include": "closest form",
  "hx-vals": JSON.stringify({ item: key }),
  "hx-target": `#aw-status-${index}`,
  "hx-swap": "innerHTML",
  "hx-sync": "closest form:queue all",
});

function Target(props: { view: AssessmentView; item: AssessmentItem; lang: Lang }) {
  const t = messages(props.lang);
  return (
    <>
      {props.item.targetLevel === null
        ? t.awNoTarget
        : t.awTarget(levelName(props.view, props.item.targetLevel, props.lang))}{" "}
      ({t.awOriginName(props.item.origin)})
    </>
  );
}

function SelfForm(props: AssessmentPageProps) {
  const { view, lang } = props;
  const t = messages(lang);
  const url = assessmentUrls.self(lang, props.slug, view.id);
  const values: FormValues = {};
  for (const item of view.items) {
    values[levelField("self", item.key)] = radioValue(item.self.level);
    values[commentField("self", item.key)] = item.self.comment ?? "";
  }
  return (
    <Form
      lang={lang}
      action={url}
      values={{ ...values, ...props.values }}
      errors={props.errors}
      scope="self"
      class="assessment-form"
    >
      <p class="field-hint">{t.awAutosaveHint}</p>
      <VersionField version={view.version} />
      {view.items.map((item, index) => (
        <div class="assessment-item" id={`aw-item-${index}`} {...autosave(url, index, item.key)}>
          <RadioGroup
            name={levelField("self", item.key)}
            label={competencyName(item, lang)}
            hint={<Target view={view} item={item} lang={lang} />}
            options={levelOptions(view, item, lang)}
          />
          <TextArea name={commentField("self", item.key)} label={t.awComment} maxlength={COMMENT_MAX} rows={3} />
          <LoadedValues index={index} item={item} groups={["self"]} />
          <p class="autosave-status" id={`aw-status-${index}`} role="status" />
          <RemoveButton {...props} item={item} party="person" />
        </div>
      ))}
      {view.items.length > 0 && <p class="field-hint">{t.awUnratedBeforeSubmit}</p>}
      <div class="form-actions">
        <Submit name="action" value="save">
          {t.awSave}
        </Submit>
        {view.items.length > 0 && (
          <Submit name="action" value="submit">
            {t.awSubmit}
          </Submit>
        )}
      </div>
    </Form>
  );
}

/** A competency the same party added can be removed (its own small form, outside the big one). */
function RemoveButton(props: AssessmentPageProps & { item: AssessmentItem; party: Party }) {
  if (props.item.origin !== (props.party === "person" ? "person" : "manager")) return null;
  const t = messages(props.lang);
  // Within the big form a nested form is not allowed: the button submits to its own address instead.
  return (
    <Submit
      class="button--quiet"
      formaction={assessmentUrls.remove(props.lang, props.slug, props.view.id, props.item.key)}
      label={t.awRemoveLabel(competencyName(props.item, props.lang))}
    >
      {t.awRemove}
    </Submit>
  );
}

function Ratings(props: {
  view: AssessmentView;
  item: AssessmentItem;
  lang: Lang;
  manager?: boolean;
  agreed?: boolean;
}) {
  const t = messages(props.lang);
  const { view, item, lang } = props;
  return (
    <ul class="assessment-ratings">
      <li>
        <Target view={view} item={item} lang={lang} />
      </li>
      <li>{t.awSelfSummary(levelName(view, item.self.level, lang))}</li>
      {item.self.comment && <li>{t.awCommentSummary(item.self.comment)}</li>}
      {props.manager && <li>{t.awManagerSummary(levelName(view, item.manager.level, lang))}</li>}
      {props.manager && item.manager.comment && <li>{t.awCommentSummary(item.manager.comment)}</li>}
      {props.agreed && <li>{t.awAgreedSummary(levelName(view, item.agreedLevel, lang))}</li>}
    </ul>
  );
}

function ReviewForm(props: AssessmentPageProps) {
  const { view, lang } = props;
  const t = messages(lang);
  const standing = standingOf(view);
  const agreed = mayWrite(standing, "reviewer", "agreed");
  const url = assessmentUrls.review(lang, props.slug, view.id);
  const values: FormValues = {
    notes: view.conversationNotes ?? "",
    date: view.conversationDate ?? "",
  };
  for (const item of view.items) {
    values[levelField("manager", item.key)] = radioValue(item.manager.level);
    values[commentField("manager", item.key)] = item.manager.comment ?? "";
    values[levelField("agreed", item.key)] = radioValue(item.agreedLevel);
  }
  const groups: ("manager" | "agreed")[] = agreed ? ["manager", "agreed"] : ["manager"];
  return (
    <Form
      lang={lang}
      action={url}
      values={{ ...values, ...props.values }}
      errors={props.errors}
      scope="review"
      class="assessment-form"
    >
      <p class="field-hint">{t.awAutosaveHint}</p>
      <VersionField version={view.version} />
      {view.items.map((item, index) => (
        <div class="assessment-item" id={`aw-item-${index}`} {...autosave(url, index, item.key)}>
          <h3>{competencyName(item, lang)}</h3>
          <Ratings view={view} item={item} lang={lang} />
          <RadioGroup
            name={levelField("manager", item.key)}
            label={t.awManagerLevelLegend(competencyName(item, lang))}
            options={levelOptions(view, item, lang)}
          />
          <TextArea
            name={commentField("manager", item.key)}
            label={t.awManagerComment}
            maxlength={COMMENT_MAX}
            rows={3}
          />
          {agreed && (
            <RadioGroup
              name={levelField("agreed", item.key)}
              label={t.awAgreedLevelLegend(competencyName(item, lang))}
              options={levelOptions(view, item, lang)}
            />
          )}
          <LoadedValues index={index} item={item} groups={groups} />
          <p class="autosave-status" id={`aw-status-${index}`} role="status" />
          <RemoveButton {...props} item={item} party="reviewer" />
        </div>
      ))}
      {agreed && (
        <div class="assessment-item">
          <h3>{t.awAgreementHeading}</h3>
          <TextField name="date" type="date" label={t.awConversationDate} />
          <TextArea name="notes" label={t.awConversationNotes} maxlength={NOTES_MAX} rows={5} />
          <HiddenFields values={{ was_notes: view.conversationNotes ?? "", was_date: view.conversationDate ?? "" }} />
        </div>
      )}
      <div class="form-actions">
        <Submit name="action" value="save">
          {t.awSaveReview}
        </Submit>
        {agreed && (
          <Submit name="action" value="agree">
            {t.awAgree}
          </Submit>
        )}
      </div>
    </Form>
  );
}

function ReadOnlyItems(props: AssessmentPageProps) {
  const { view, lang } = props;
  const t = messages(lang);
  const afterSubmission = !SELF_STATES.includes(view.state);
  if (view.items.length === 0) return <p>{t.awNoCompetencies}</p>;
  return (
    <>
      {view.items.map((item) => (
        <section class="assessment-item" aria-label={competencyName(item, lang)}>
          <h3>{competencyName(item, lang)}</h3>
          <Ratings view={view} item={item} lang={lang} manager={afterSubmission} agreed={afterSubmission} />
        </section>
      ))}
      {view.conversationNotes && <p>{t.awNotesSummary(view.conversationNotes)}</p>}
    </>
  );
}

function AddCompetency(props: AssessmentPageProps) {
  const { lang, view } = props;
  const t = messages(lang);
  const have = new Set(view.items.map((i) => i.key));
  return (
    <section aria-labelledby="aw-add">
      <h2 id="aw-add">{t.awAddHeading}</h2>
      <Form
        lang={lang}
        method="get"
        action={`${assessmentUrls.page(lang, props.slug, view.id)}#aw-add`}
        role="search"
        label={t.awAddSearch}
        scope="find"
      >
        <TextField name="q" type="search" label={t.awAddSearch} value={props.query ?? ""} />
        <Submit>{t.awAddSearchButton}</Submit>
      </Form>
      {props.results && (
        <>
          <p role="status">{props.results.length === 0 ? t.awAddNone : t.awAddResults(props.results.length)}</p>
          <ul>
            {props.results
              .filter((r) => !have.has(`${r.frameworkId}~${r.itemId}`))
              .map((result) => {
                const name = competencyName(result, lang);
                return (
                  <li>
                    {name}{" "}
                    <ButtonForm
                      lang={lang}
                      action={assessmentUrls.add(lang, props.slug, view.id)}
                      hidden={{ pick: `${result.frameworkId}~${result.itemId}` }}
                      label={t.awAddLabel(name)}
                    >
                      {t.awAdd}
                    </ButtonForm>
                  </li>
                );
              })}
          </ul>
        </>
      )}
    </section>
  );
}

function ConflictSummary(props: AssessmentPageProps) {
  const t = messages(props.lang);
  if (!props.conflicts || props.conflicts.length === 0) return null;
  const names = new Map(props.view.items.map((i) => [i.itemId, competencyName(i, props.lang)]));
  const text = (c: FieldConflict, value: number | string | null) =>
    value === null || value === ""
      ? t.awEmpty
      : c.field === "level"
        ? levelName(props.view, Number(value), props.lang)
        : String(value);
  return (
    <ErrorSummary lang={props.lang} message={t.awConflict}>
      <ul>
        {props.conflicts.map((c) => (
          <li>{t.awConflictLine(names.get(c.itemId) ?? t.awConversationNotes, text(c, c.theirs), text(c, c.yours))}</li>
        ))}
      </ul>
    </ErrorSummary>
  );
}

export function AssessmentPage(props: AssessmentPageProps) {
  const { view, lang, party } = props;
  const t = messages(lang);
  const standing = standingOf(view);
  const selfForm = party === "person" && mayWrite(standing, "person", "self");
  const reviewForm = party === "reviewer" && mayWrite(standing, "reviewer", "manager");
  const mayAdd =
    (party === "person" && selfForm) || (party === "reviewer" && mayWrite(standing, "reviewer", "manager"));
  return (
    <>
      <h1>{t.awTitle(view.personName, shown(view.cycle.name, lang))}</h1>
      <OrganisationNav {...props} />
      {props.notice && <Notice>{props.notice}</Notice>}
      <ConflictSummary {...props} />
      {!props.conflicts?.length && (props.message || props.errors) && (
        <ErrorSummary lang={lang} message={props.message} errors={props.errors} />
      )}
      <p>{t.awStateNotice(t.awStateName(view.state))}</p>
      <p>{view.reviewerName ? t.awReviewer(view.reviewerName) : t.awNoReviewer}</p>
      <Reopened view={view} lang={lang} />
      {view.cycle.state !== "open" && <Notice kind="warning">{t.awCycleClosed}</Notice>}
      {props.documents && (
        <p>
          <a href={props.documents.print}>{t.awPrintable}</a> · <a href={props.documents.pdf}>{t.asmtDocDownloadPdf}</a>
        </p>
      )}
      {props.insights && (
        <p>
          <a href={props.insights}>{t.ipLinkLabel}</a>
        </p>
      )}
      <h2 id="aw-competencies">{t.awCompetenciesHeading}</h2>
      {selfForm ? <SelfForm {...props} /> : reviewForm ? <ReviewForm {...props} /> : <ReadOnlyItems {...props} />}
      {props.evidence}
      {mayAdd && <AddCompetency {...props} />}
      <SignOff {...props} />
      <Reopen {...props} />
      <Withdraw {...props} />
      <History lines={props.history} view={view} lang={lang} timeZone={props.timeZone} />
    </>
  );
}
