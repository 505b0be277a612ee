/**
 * The paste-in import's editable preview, as pure functions: the parser's area becomes form fields
 * (one textarea per competency, one KSA per line), the fields the person corrected come back and are
 * checked again (placing the area into a framework is interop's own: src/interop/text/place.ts). No I/O here.
 */
import { z } from "zod";
import type { MessageKey, MessageRef } from "../../i18n/index.ts";
import { textIssueMessage } from "../../text/messages.ts";
import { checkText, type TextKind } from "../../text/rules.ts";
import { MAX_STATEMENT_LENGTH, type PastedArea } from "../text/index.ts";

export const PASTE_LIMITS = {
  title: 300,
  description: MAX_STATEMENT_LENGTH,
  statement: MAX_STATEMENT_LENGTH,
  competencies: 100,
  ksas: 200,
} as const;

/** The area as the form holds it: plain strings, exactly what the person sees and types. */
export interface PasteDraft {
  title: string;
  description: string;
  /** "YYYY-MM-DD" or "". */
  date: string;
  competencies: { statement: string; ksas: string }[];
}

/** Where the area goes: a new framework, or an existing draft (at its top level or under a parent). */
export type PasteTarget = { kind: "new" } | { kind: "existing"; slug: string; parentId: string | null };

/** Each field's problem, by field name (the form kit's FieldErrors). */
export type PasteErrors = Record<string, MessageRef>;

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SEED = /^[A-Za-z0-9_-]{16,64}$/;

export const encodeTarget = (target: PasteTarget) =>
  target.kind === "new"
    ? "new"
    : target.parentId === null
      ? `fw:${target.slug}`
      : `fw:${target.slug}:${target.parentId}`;

export function decodeTarget(value: unknown): PasteTarget | undefined {
  if (value === "new") return { kind: "new" };
  if (typeof value !== "string" || !value.startsWith("fw:") || value.length > 400) return undefined;
  const rest = value.slice(3);
  const colon = rest.indexOf(":");
  const slug = colon < 0 ? rest : rest.slice(0, colon);
  const parentId = colon < 0 ? null : rest.slice(colon + 1);
  if (!SLUG.test(slug) || parentId === "") return undefined;
  return { kind: "existing", slug, parentId };
}

export const isSeed = (value: unknown): value is string => typeof value === "string" && SEED.test(value);

/** Line endings as a browser sends them (CRLF) become "\n"; nothing else is touched. */
const lines = (text: string) => text.replace(/\r\n?/g, "\n");
const oneLine = (text: string) =>
  lines(text)
    .replace(/\s*\n\s*/g, " ")
    .trim();

export function draftFromArea(area: PastedArea): PasteDraft {
  return {
    title: area.title ?? "",
    description: area.description ?? "",
    date: area.lastUpdated ?? "",
    competencies: area.competencies.map((c) => ({ statement: c.statement, ksas: c.ksas.join("\n") })),
  };
}

const field = (max: number) => z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(max * 4));
const scalarFields = z.object({
  title: field(PASTE_LIMITS.title),
  description: field(PASTE_LIMITS.description),
  date: field(10),
});

/** The fields as they came back, whatever they hold (for showing them again), read leniently. */
export function readDraft(body: Record<string, unknown>): PasteDraft | undefined {
  const scalars = scalarFields.safeParse(body);
  if (!scalars.success) return undefined;
  const competencies: PasteDraft["competencies"] = [];
  for (let i = 1; i <= PASTE_LIMITS.competencies + 1; i++) {
    const statement = body[`competency_${i}`];
    const ksas = body[`ksas_${i}`];
    if (statement === undefined && ksas === undefined) continue;
    if ((statement !== undefined && typeof statement !== "string") || (ksas !== undefined && typeof ksas !== "string"))
      return undefined;
    competencies.push({ statement: lines(statement ?? ""), ksas: lines(ksas ?? "") });
  }
  return {
    title: lines(scalars.data.title),
    description: lines(scalars.data.description),
    date: scalars.data.date.trim(),
    competencies,
  };
}

/** The first of these texts the one text rule (src/text/rules.ts) refuses, as a field error. */
function refused(texts: readonly string[], kind: TextKind, tooLong: MessageKey): MessageRef | undefined {
  for (const text of texts) {
    const issue = text === "" ? null : checkText(text, kind);
    if (issue) return textIssueMessage(issue, { tooLong, html: "importErrHtml" });
  }
  return undefined;
}

/** Why a title typed in the wizard (a new framework's) is refused, if it is. */
export const titleRefusal = (title: string): MessageRef | undefined =>
  refused([title.normalize("NFC")], "title", "importTitleTooLong");

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The corrected area, or what is wrong with it, field by field. A competency left with neither a
 * statement nor KSAs is dropped: that is how a person removes one.
 */
export function checkDraft(draft: PasteDraft): { ok: true; area: PastedArea } | { ok: false; errors: PasteErrors } {
  const errors: PasteErrors = {};
  // Text is normalised as forms are (NFC, one kind of line break, no outer spaces), then checked.
  const title = oneLine(draft.title).normalize("NFC");
  if (title === "") errors.title = "importTitleRequired";
  else if (title.length > PASTE_LIMITS.title) errors.title = "importTitleTooLong";
  else {
    const error = refused([title], "title", "importTitleTooLong");
    if (error) errors.title = error;
  }
  const description = draft.description.trim().normalize("NFC");
  if (description.length > PASTE_LIMITS.description) errors.description = "importTextTooLong";
  else {
    const error = refused([description], "description", "importTextTooLong");
    if (error) errors.description = error;
  }
  const date = draft.date.trim();
  if (date !== "" && !isRealDate(date)) errors.date = "importDateInvalid";

  const competencies: PastedArea["competencies"] = [];
  draft.competencies.forEach((c, index) => {
    const n = index + 1;
    const statement = oneLine(c.statement).normalize("NFC");
    const ksas = lines(c.ksas)
      .split("\n")
      .map((line) => line.trim().normalize("NFC"))
      .filter((line) => line !== "");
    if (statement === "" && ksas.length === 0) return;
    const statementError = refused([statement], "statement", "importTextTooLong");
    if (statement === "") errors[`competency_${n}`] = "importCompetencyRequired";
    else if (statement.length > PASTE_LIMITS.statement) errors[`competency_${n}`] = "importTextTooLong";
    else if (statementError) errors[`competency_${n}`] = statementError;
    const ksaError = refused(ksas, "statement", "importTextTooLong");
    if (ksas.length > PASTE_LIMITS.ksas) errors[`ksas_${n}`] = "importTooManyKsas";
    else if (ksas.some((k) => k.length > PASTE_LIMITS.statement)) errors[`ksas_${n}`] = "importTextTooLong";
    else if (ksaError) errors[`ksas_${n}`] = ksaError;
    competencies.push({ statement, ksas });
  });
  if (draft.competencies.length > PASTE_LIMITS.competencies + 1 || competencies.length > PASTE_LIMITS.competencies)
    errors.competency_1 ??= "importTooManyCompetencies";
  if (competencies.length === 0) errors.competency_1 ??= "importNoCompetency";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    area: {
      title,
      description: description === "" ? null : description,
      lastUpdated: date === "" ? null : date,
      competencies,
    },
  };
}
