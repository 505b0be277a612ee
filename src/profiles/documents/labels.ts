/**
 * The words every rendering of a job document shares, composed once from the dictionary: headings,
 * the facts list, levels, importance, pay, dates. The page, the Word document and the PDF all call
 * these, so the three say exactly the same thing.
 */
import { formatDate, formatNumber, messages } from "../../i18n/index.ts";
import {
  type EmploymentType,
  isEmploymentType,
  type JobDocument,
  type JobPostingDetails,
  type JobRequirement,
} from "./model.ts";

export type DocumentMessages = ReturnType<typeof messages>;

export function documentMessages(doc: Pick<JobDocument, "lang">): DocumentMessages {
  return messages(doc.lang);
}

export function kindLabel(doc: JobDocument): string {
  const t = documentMessages(doc);
  return doc.kind === "posting" ? t.jobDocKindPosting : t.jobDocKindDescription;
}

export function levelLabel(doc: JobDocument, requirement: JobRequirement): string {
  return documentMessages(doc).jobDocLevelNamed(requirement.targetLevel, requirement.levelLabel);
}

export function importanceLabel(doc: JobDocument, requirement: JobRequirement): string {
  const t = documentMessages(doc);
  return requirement.importance === "essential" ? t.jobDocEssential : t.jobDocAsset;
}

/** "Community outreach (CR-2)" when the competency has a code. */
export function competencyLabel(requirement: JobRequirement): string {
  return requirement.code ? `${requirement.competency} (${requirement.code})` : requirement.competency;
}

export function employmentTypeLabel(doc: JobDocument, type: string): string {
  const t = documentMessages(doc);
  const names: Record<EmploymentType, string> = {
    FULL_TIME: t.jobDocEmploymentFullTime,
    PART_TIME: t.jobDocEmploymentPartTime,
    CONTRACTOR: t.jobDocEmploymentContractor,
    TEMPORARY: t.jobDocEmploymentTemporary,
    INTERN: t.jobDocEmploymentIntern,
    VOLUNTEER: t.jobDocEmploymentVolunteer,
    PER_DIEM: t.jobDocEmploymentPerDiem,
    OTHER: t.jobDocEmploymentOther,
  };
  return isEmploymentType(type) ? names[type] : type;
}

function money(amount: number, currency: string, lang: JobDocument["lang"]): string {
  try {
    return new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", { style: "currency", currency }).format(amount);
  } catch {
    // Intl refuses a currency code that is not three letters: show the number and the code as given.
    return `${formatNumber(amount, lang)} ${currency}`;
  }
}

/** "$24.50 to $29.75 an hour", « de 24,50 $ à 29,75 $ l'heure »; undefined without a salary. */
export function salaryText(doc: JobDocument, salary: JobPostingDetails["salary"]): string | undefined {
  if (!salary) return undefined;
  const t = documentMessages(doc);
  const min = salary.min === undefined || !Number.isFinite(salary.min) ? undefined : salary.min;
  const max = salary.max === undefined || !Number.isFinite(salary.max) ? undefined : salary.max;
  const show = (n: number) => money(n, salary.currency, doc.lang);
  let amount: string;
  if (min !== undefined && max !== undefined && min !== max) amount = t.jobDocSalaryRange(show(min), show(max));
  else if (min !== undefined) amount = max === undefined ? t.jobDocSalaryFrom(show(min)) : show(min);
  else if (max !== undefined) amount = t.jobDocSalaryUpTo(show(max));
  else return undefined;
  return t.jobDocSalaryPer(amount, salary.unit);
}

/** A date as the document's language writes it ("May 1, 2026", « 1er mai 2026 »), in UTC. */
export function documentDate(doc: JobDocument, iso: string): string {
  // A bare YYYY-MM-DD is midnight UTC: formatted in UTC it stays on its own day.
  return formatDate(iso, doc.lang, "UTC");
}

/** What comes between a label and its value on one line: ": ", or « : » after a no-break space in French. */
export function labelSeparator(doc: Pick<JobDocument, "lang">): string {
  return doc.lang === "fr" ? "\u00a0: " : ": ";
}

export interface Fact {
  label: string;
  value: string;
}

/** The short facts at the top of the document (organisation, code, units, grade, and the posting's). */
export function documentFacts(doc: JobDocument): Fact[] {
  const t = documentMessages(doc);
  const facts: Fact[] = [{ label: t.jobDocOrganisation, value: doc.organisation.name }];
  if (doc.code) facts.push({ label: t.jobDocCode, value: doc.code });
  if (doc.units.length > 0)
    facts.push({ label: doc.units.length > 1 ? t.jobDocUnitsMany : t.jobDocUnits, value: doc.units.join(", ") });
  if (doc.grade) facts.push({ label: t.jobDocGrade, value: doc.grade });
  const posting = doc.kind === "posting" ? doc.posting : undefined;
  if (posting) {
    if (posting.employmentType.length > 0)
      facts.push({
        label: t.jobDocEmploymentType,
        value: posting.employmentType.map((type) => employmentTypeLabel(doc, type)).join(", "),
      });
    if (posting.hoursPerWeek !== undefined && Number.isFinite(posting.hoursPerWeek))
      facts.push({ label: t.jobDocHours, value: t.jobDocHoursPerWeek(formatNumber(posting.hoursPerWeek, doc.lang)) });
    const pay = salaryText(doc, posting.salary);
    if (pay) facts.push({ label: t.jobDocSalary, value: pay });
    if (posting.location) facts.push({ label: t.jobDocLocation, value: posting.location });
    facts.push({ label: t.jobDocDatePosted, value: documentDate(doc, posting.datePosted) });
    facts.push({ label: t.jobDocValidThrough, value: documentDate(doc, posting.validThrough) });
  }
  return facts;
}
