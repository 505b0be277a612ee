/**
 * The job description or posting as the body of a page: an <article> a route puts into the site
 * layout under its own h1 (the document's title, `jobDocumentHeading`). Sections start at
 * `headingLevel` (h2 by default; a preview inside another section passes 3). The stylesheet's
 * `.job-document` rules lay it out for paper too (src/ui/assets/app.css).
 */

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { jobPostingJsonLd, jsonLdScript } from "./json-ld.ts";
import {
  competencyLabel,
  documentDate,
  documentFacts,
  documentMessages,
  importanceLabel,
  kindLabel,
  levelLabel,
} from "./labels.ts";
import { groupRequirements, type JobDocument, languageTag, paragraphs } from "./model.ts";

type Level = 2 | 3 | 4;

function Heading(props: { level: number; class?: string; children: Child }) {
  const level = Math.min(Math.max(props.level, 2), 6);
  switch (level) {
    case 2:
      return <h2 class={props.class}>{props.children}</h2>;
    case 3:
      return <h3 class={props.class}>{props.children}</h3>;
    case 4:
      return <h4 class={props.class}>{props.children}</h4>;
    case 5:
      return <h5 class={props.class}>{props.children}</h5>;
    default:
      return <h6 class={props.class}>{props.children}</h6>;
  }
}

/** What the route's h1 says, and the kind of document beside it ("Job description"). */
export function jobDocumentHeading(doc: JobDocument): { title: string; kind: string } {
  return { title: doc.title, kind: kindLabel(doc) };
}

function Paragraphs(props: { text: string; empty: string }) {
  const list = paragraphs(props.text);
  if (list.length === 0) return <p class="job-document__none">{props.empty}</p>;
  return (
    <>
      {list.map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}

function List(props: { items: string[]; ordered?: boolean; empty: string }) {
  const items = props.items.filter((item) => item.trim().length > 0);
  if (items.length === 0) return <p class="job-document__none">{props.empty}</p>;
  const children = items.map((item) => <li>{item}</li>);
  return props.ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

export function JobDocumentArticle(props: { doc: JobDocument; headingLevel?: Level }) {
  const { doc } = props;
  const level = props.headingLevel ?? 2;
  const t = documentMessages(doc);
  const groups = groupRequirements(doc.requirements);
  const posting = doc.kind === "posting" ? doc.posting : undefined;
  return (
    <article class="job-document" lang={languageTag(doc.lang)}>
      <p class="job-document__kind">{kindLabel(doc)}</p>
      <dl class="job-facts">
        {documentFacts(doc).map((fact) => (
          <div class="job-facts__row">
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>

      <section class="job-section">
        <Heading level={level}>{t.jobDocSummary}</Heading>
        <Paragraphs text={doc.summary} empty={t.jobDocNothingListed} />
      </section>
      <section class="job-section">
        <Heading level={level}>{t.jobDocDuties}</Heading>
        <List items={doc.duties} ordered empty={t.jobDocNothingListed} />
      </section>
      <section class="job-section">
        <Heading level={level}>{t.jobDocQualifications}</Heading>
        <List items={doc.qualifications} empty={t.jobDocNothingListed} />
      </section>

      <section class="job-section job-requirements">
        <Heading level={level}>{t.jobDocCompetencies}</Heading>
        {groups.length === 0 ? (
          <p class="job-document__none">{t.jobDocNoRequirements}</p>
        ) : (
          <p>{t.jobDocCompetenciesIntro(doc.scale.name)}</p>
        )}
        {groups.map((group) => (
          <section class="job-requirements__area">
            <Heading level={level + 1}>{group.area}</Heading>
            <ul class="job-requirements__list">
              {group.requirements.map((requirement) => (
                <li class={`job-requirement job-requirement--${requirement.importance}`}>
                  <p class="job-requirement__name">{competencyLabel(requirement)}</p>
                  <p class="job-requirement__level">
                    <span>{levelLabel(doc, requirement)}</span>
                    {" · "}
                    <span class="job-requirement__importance">{importanceLabel(doc, requirement)}</span>
                  </p>
                  {requirement.levelDescriptor.trim() && (
                    <p class="job-requirement__descriptor">{requirement.levelDescriptor}</p>
                  )}
                  {requirement.ksas.length > 0 && (
                    <>
                      <p class="job-requirement__ksas-label">{t.jobDocKsas}</p>
                      <ul class="job-requirement__ksas">
                        {requirement.ksas.map((ksa) => (
                          <li>
                            {ksa.kind ? `${ksa.kind} — ` : ""}
                            {ksa.text}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  <p class="job-requirement__source">{t.jobDocSource(requirement.edition)}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section class="job-section">
        <Heading level={level}>{t.jobDocWorkingConditions}</Heading>
        <Paragraphs text={doc.workingConditions} empty={t.jobDocNothingListed} />
      </section>

      {doc.scale.levels.length > 0 && (
        <section class="job-section job-scale">
          <Heading level={level}>{t.jobDocScale}</Heading>
          <table class="job-scale__table">
            <caption>{doc.scale.name}</caption>
            <thead>
              <tr>
                <th scope="col" class="job-scale__cell">
                  {t.jobDocScaleLevel}
                </th>
                <th scope="col" class="job-scale__cell">
                  {t.jobDocScaleLabel}
                </th>
                <th scope="col" class="job-scale__cell">
                  {t.jobDocScaleDescriptor}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...doc.scale.levels]
                .sort((a, b) => a.number - b.number)
                .map((scaleLevel) => (
                  <tr>
                    <th scope="row" class="job-scale__cell">
                      {String(scaleLevel.number)}
                    </th>
                    <td class="job-scale__cell">{scaleLevel.label}</td>
                    <td class="job-scale__cell">{scaleLevel.descriptor}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      )}

      {posting && (
        <section class="job-section">
          <Heading level={level}>{t.jobDocHowToApply}</Heading>
          <Paragraphs text={posting.howToApply} empty={t.jobDocNothingListed} />
        </section>
      )}

      <p class="job-document__generated">{t.jobDocGeneratedOn(documentDate(doc, doc.generatedAt))}</p>
    </article>
  );
}

/**
 * The posting's schema.org JobPosting for the public posting page (put it in the page's body or
 * head); nothing for a document without posting details. Serialised by jsonLdScript, which no text
 * can break out of; a data block is not run, so the content security policy does not apply to it.
 */
export function JobPostingStructuredData(props: { doc: JobDocument }) {
  const data = jobPostingJsonLd(props.doc);
  if (!data) return null;
  return <script type="application/ld+json">{raw(jsonLdScript(data))}</script>;
}
