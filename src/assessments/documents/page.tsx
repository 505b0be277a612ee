/**
 * A person's assessment as a printable page's body: an <article> under the route's h1 (labels.ts
 * `docTitle`). One table per competency area, each competency a row with its target, the three
 * levels and the gap in words (marked by a class too, never by colour only); then the conversation,
 * the sign-offs, the evidence and the scale. The stylesheet's `.assessment-document` rules lay it out
 * for paper (src/ui/assets/app.css).
 */

import { languageTag } from "../../profiles/documents/model.ts";
import {
  areaName,
  assessmentFacts,
  competencyGapText,
  competencyName,
  competencyNotes,
  docDate,
  docMessages,
  docMoment,
  evidenceLines,
  levelText,
  signOffFacts,
  targetText,
} from "./labels.ts";
import { type AssessmentDocument, gapOf, groupByArea } from "./model.ts";

function Facts(props: { facts: { label: string; value: string }[] }) {
  return (
    <dl class="job-facts">
      {props.facts.map((fact) => (
        <div class="job-facts__row">
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Paragraphs(props: { text: string; empty: string }) {
  const list = props.text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (list.length === 0) return <p class="job-document__none">{props.empty}</p>;
  return (
    <>
      {list.map((p) => (
        <p class="assessment-document__text">{p}</p>
      ))}
    </>
  );
}

export function AssessmentDocumentArticle(props: { doc: AssessmentDocument; pdfUrl?: string }) {
  const { doc } = props;
  const t = docMessages(doc);
  const groups = groupByArea(doc.competencies);
  return (
    <article class="assessment-document job-document" lang={languageTag(doc.lang)}>
      <p class="job-document__kind">{t.asmtDocKind}</p>
      {props.pdfUrl && (
        <div class="screen-only assessment-document__actions">
          <p>
            <a href={props.pdfUrl} download>
              {t.asmtDocDownloadPdf}
            </a>
          </p>
          <p>{t.asmtDocPrintHint}</p>
        </div>
      )}
      <Facts facts={assessmentFacts(doc)} />

      <section class="job-section" aria-labelledby="assessment-competencies">
        <h2 id="assessment-competencies">{t.asmtDocCompetencies}</h2>
        {groups.length === 0 ? (
          <p class="job-document__none">{t.asmtDocNoCompetencies}</p>
        ) : (
          <p>{t.asmtDocCompetenciesIntro(doc.scale.name)}</p>
        )}
        {groups.map((group, index) => (
          <section class="assessment-area">
            <h3 id={`assessment-area-${index + 1}`}>{areaName(doc, group.area)}</h3>
            <table class="assessment-table" aria-labelledby={`assessment-area-${index + 1}`}>
              <thead>
                <tr>
                  <th scope="col" class="assessment-table__head">
                    {t.asmtDocColCompetency}
                  </th>
                  <th scope="col" class="assessment-table__head">
                    {t.asmtDocColTarget}
                  </th>
                  <th scope="col" class="assessment-table__head">
                    {t.asmtDocColSelf}
                  </th>
                  <th scope="col" class="assessment-table__head">
                    {t.asmtDocColManager}
                  </th>
                  <th scope="col" class="assessment-table__head">
                    {t.asmtDocColAgreed}
                  </th>
                  <th scope="col" class="assessment-table__head">
                    {t.asmtDocColGap}
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.competencies.map((competency) => {
                  const notes = competencyNotes(doc, competency);
                  return (
                    <tr class="assessment-table__row">
                      <th scope="row" class="assessment-table__cell assessment-table__competency">
                        <span class="assessment-table__name">{competencyName(competency)}</span>
                        {notes.length > 0 && <span class="assessment-table__notes">{notes.join(" · ")}</span>}
                        {competency.selfComment.trim() && (
                          <span class="assessment-table__comment">
                            <span class="assessment-table__comment-label">{t.asmtDocSelfComment}</span>{" "}
                            {competency.selfComment}
                          </span>
                        )}
                        {competency.managerComment.trim() && (
                          <span class="assessment-table__comment">
                            <span class="assessment-table__comment-label">{t.asmtDocManagerComment}</span>{" "}
                            {competency.managerComment}
                          </span>
                        )}
                      </th>
                      <td class="assessment-table__cell">{targetText(doc, competency)}</td>
                      <td class="assessment-table__cell">{levelText(doc, competency.self)}</td>
                      <td class="assessment-table__cell">{levelText(doc, competency.manager)}</td>
                      <td class="assessment-table__cell">{levelText(doc, competency.agreed)}</td>
                      <td class={`assessment-table__cell assessment-gap assessment-gap--${gapOf(competency).kind}`}>
                        {competencyGapText(doc, competency)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))}
      </section>

      <section class="job-section" aria-labelledby="assessment-conversation">
        <h2 id="assessment-conversation">{t.asmtDocConversation}</h2>
        {doc.conversation.date ? (
          <Facts facts={[{ label: t.asmtDocConversationDate, value: docDate(doc, doc.conversation.date) }]} />
        ) : (
          <p class="job-document__none">{t.asmtDocConversationNone}</p>
        )}
        <h3>{t.asmtDocConversationNotes}</h3>
        <Paragraphs text={doc.conversation.notes} empty={t.asmtDocNoNotes} />
      </section>

      <section class="job-section" aria-labelledby="assessment-signoffs">
        <h2 id="assessment-signoffs">{t.asmtDocSignOffs}</h2>
        <Facts facts={signOffFacts(doc)} />
      </section>

      <section class="job-section" aria-labelledby="assessment-evidence">
        <h2 id="assessment-evidence">{t.asmtDocEvidence}</h2>
        {doc.evidence.length === 0 ? (
          <p class="job-document__none">{t.asmtDocNoEvidence}</p>
        ) : (
          <ul class="assessment-evidence">
            {doc.evidence.map((entry) => {
              const { title, details } = evidenceLines(doc, entry);
              return (
                <li>
                  <span class="assessment-evidence__title">{title}</span>
                  {details.map((detail) => (
                    <span class="assessment-evidence__detail">{detail}</span>
                  ))}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {doc.scale.levels.length > 0 && (
        <section class="job-section" aria-labelledby="assessment-scale">
          <h2 id="assessment-scale">{t.asmtDocScaleHeading}</h2>
          <p class="assessment-document__scale-name">{doc.scale.name}</p>
          <ul>
            {doc.scale.levels.map((level) => (
              <li>{levelText(doc, level)}</li>
            ))}
          </ul>
        </section>
      )}

      <p class="job-document__generated">{t.asmtDocGeneratedOn(docMoment(doc, doc.generatedAt))}</p>
    </article>
  );
}
