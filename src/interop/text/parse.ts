/**
 * Paste-in import: text copied from an index page or a document becomes one structured area —
 * description, last-updated date, competencies ("Competency: …") and their knowledge, skills and
 * abilities (KSAs). Copied pages are messy: menus and footers, lines broken mid-sentence (sometimes
 * across a blank line), furniture glued inside a bullet, bullets written "-", "·", "- ·" or "•".
 * Everything here is a heuristic on the shape of the text, never on its wording, apart from the
 * few headings the format names and the furniture list in furniture.ts.
 */
import { checkText, removeRefusedCharacters, unifyLineBreaks } from "../../text/rules.ts";
import type { ImportResult, Problem } from "../model.ts";
import { textProblem } from "../text-problems.ts";
import { parseHumanDate } from "./dates.ts";
import { CONNECTORS, isFurnitureLine, stripInlineFurniture } from "./furniture.ts";

export interface PastedCompetency {
  statement: string;
  ksas: string[];
}

export interface PastedArea {
  /** The area's name, when the text makes it clear (an "Area:" line, or a menu entry the description names). */
  title?: string;
  description: string | null;
  /** "YYYY-MM-DD": the content's own "Last updated", never the web page's footer. */
  lastUpdated: string | null;
  competencies: PastedCompetency[];
}

export const MAX_PASTED_BYTES = 200 * 1024;
export const MAX_STATEMENT_LENGTH = 5000;

type Line =
  | { kind: "blank"; n: number }
  | { kind: "competency"; n: number; text: string }
  | { kind: "ksa_heading"; n: number }
  | { kind: "date"; n: number; text: string }
  | { kind: "area"; n: number; text: string }
  | { kind: "bullet"; n: number; text: string }
  | { kind: "text"; n: number; text: string };

const COMPETENCY = /^(?:competency|comp[ée]tence)(?:\s+\d{1,3})?\s*:\s*(.*)$/iu;
const KSA_HEADING = [
  /^(?:associated\s+)?knowledge,?\s+skills?,?\s+(?:and|&)\s+abilit(?:y|ies)(?:\s+associated)?\s*:?$/iu,
  /^connaissances?,?\s+(?:comp[ée]tences?|habilet[ée]s?),?\s+(?:et|&)\s+aptitudes?(?:\s+associ[ée]e?s?)?\s*:?$/iu,
  /^(?:associated\s+)?KSAs?\s*:?$/iu,
];
const DATE_LINE =
  /^(?:last\s+(?:updated|modified|revised)|updated|derni[èe]re\s+(?:mise\s+[àa]\s+jour|r[ée]vision)|mis\s+[àa]\s+jour(?:\s+le)?|date\s+de\s+mise\s+[àa]\s+jour)\s*(:?)\s*(.*)$/iu;
const AREA_LINE = /^(?:area|domaine)\s*:\s*(.+)$/iu;
const BULLET = /^(?:[-–—*+]\s+|[-–—*+](?=[•·◦▪‣○●■□➢►✓])|[•·◦▪‣○●■□➢►✓]\s*)+(.*)$/u;
const NUMBERED = /^(?:\d{1,3}|[a-z])[.)]\s+(.+)$/iu;
const SENTENCE_END = /[.!?…:;]["'»”’)]*$/u;

function normalizeLine(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\t\u00A0\u2007\u202F\u3000]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

function classify(raw: string, n: number): Line | null {
  const line = normalizeLine(raw);
  if (line === "") return { kind: "blank", n };
  // Cut out what a copy glued into the text first, so a bullet carrying a log-in link survives.
  const text = stripInlineFurniture(line);
  if (text === "" || isFurnitureLine(text)) return null;
  let m = COMPETENCY.exec(text);
  if (m) return { kind: "competency", n, text: m[1].trim() };
  if (KSA_HEADING.some((pattern) => pattern.test(text))) return { kind: "ksa_heading", n };
  m = DATE_LINE.exec(text);
  if (m && (m[1] === ":" || parseHumanDate(m[2]) !== null) && m[2].length <= 60) return { kind: "date", n, text: m[2] };
  m = AREA_LINE.exec(text);
  if (m) return { kind: "area", n, text: m[1].trim() };
  m = BULLET.exec(text) ?? NUMBERED.exec(text);
  if (m) return { kind: "bullet", n, text: m[1].trim() };
  return { kind: "text", n, text };
}

const lastWord = (text: string) => (/([\p{L}']+)\W*$/u.exec(text)?.[1] ?? "").toLowerCase();

/** Whether `next` carries on the sentence `previous` left unfinished. */
function continues(previous: string, next: string): boolean {
  if (previous === "") return true;
  if (/^[\p{Ll}\d(«"“]/u.test(next)) return true;
  if (/[,;\-–—&/]$/u.test(previous)) return true;
  return !SENTENCE_END.test(previous) && CONNECTORS.has(lastWord(previous));
}

/** Joins a broken line: a word cut at a hyphen closes up, anything else gets one space. */
function join(previous: string, next: string): string {
  if (previous === "") return next;
  if (/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next)) return previous + next;
  return `${previous} ${next}`;
}

function cleanStatement(text: string): string {
  const cleaned = stripInlineFurniture(text)
    .replace(/\s+([,.;:!?])(?=\s|$)/g, "$1")
    .replace(/\s*[-–—]+$/u, "")
    .replace(/\s{2,}/g, " ")
    .trim();
  return cleaned.charAt(0).toLocaleUpperCase() + cleaned.slice(1);
}

const wordCount = (text: string) => text.split(/\s+/).length;

const isProse = (text: string) => wordCount(text) >= 8 && (SENTENCE_END.test(text) || text.length >= 100);

const foldForMatch = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

interface Draft {
  n: number;
  text: string;
}

/** The area's name: a short menu-like line before the description that the description itself names. */
function guessTitle(paragraphs: readonly Draft[], description: string | null): string | undefined {
  if (!description) return undefined;
  const haystack = ` ${foldForMatch(description)} `;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const candidate = paragraphs[i].text;
    if (candidate.length > 80 || candidate.split(/\s+/).length > 8 || SENTENCE_END.test(candidate)) continue;
    const needle = foldForMatch(candidate);
    if (needle.length >= 3 && haystack.includes(` ${needle} `)) return candidate;
  }
  return undefined;
}

export function parsePastedText(text: string): ImportResult<PastedArea> {
  const problems: Problem[] = [];
  const error = (where: string, code: string, params?: Problem["params"]) =>
    problems.push({ where, code, params, severity: "error" });
  const warn = (where: string, code: string, params?: Problem["params"]) =>
    problems.push({ where, code, params, severity: "warning" });

  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_PASTED_BYTES) {
    error("text", "text.too_long", { size: Math.ceil(bytes / 1024), max: MAX_PASTED_BYTES / 1024 });
    return { value: null, problems };
  }
  if (text.trim() === "") {
    error("text", "text.empty");
    return { value: null, problems };
  }

  const lines = unifyLineBreaks(text)
    .split("\n")
    .flatMap((raw, i) => {
      // Pasted text carries invisible characters nobody can correct by hand in a text box
      // (text-direction controls, control codes): they are taken out, and the line says so.
      const { text: line, removed } = removeRefusedCharacters(raw);
      if (removed.length > 0) warn(`line ${i + 1}`, "text.removed_characters", { chars: removed.join(", ") });
      return classify(line, i + 1) ?? [];
    });

  // Before the first competency: paragraphs (for description and title), the date, an "Area:" line.
  const paragraphs: Draft[] = [];
  let paragraphOpen = false;
  let title: string | undefined;
  let lastUpdated: string | null = null;
  const competencies: { n: number; statement: string; ksas: Draft[]; bulleted: boolean; inKsas: boolean }[] = [];
  const current = () => competencies[competencies.length - 1];

  const readDate = (line: { n: number; text: string }) => {
    const date = parseHumanDate(line.text);
    if (date === null) warn(`line ${line.n}`, "text.unreadable_date", { text: line.text.slice(0, 80) });
    else lastUpdated ??= date;
  };

  for (const line of lines) {
    const competency = current();
    switch (line.kind) {
      case "blank":
        paragraphOpen = false;
        continue;
      case "date":
        readDate(line);
        paragraphOpen = false;
        continue;
      case "area":
        title ??= line.text;
        paragraphOpen = false;
        continue;
      case "competency":
        competencies.push({ n: line.n, statement: line.text, ksas: [], bulleted: false, inKsas: false });
        continue;
      case "ksa_heading":
        if (competency) competency.inKsas = true;
        continue;
    }
    // A bullet or a line of text.
    if (!competency) {
      const previous = paragraphs[paragraphs.length - 1];
      // A sentence broken across a blank line still belongs to its paragraph.
      const broken = previous && !SENTENCE_END.test(previous.text) && /^\p{Ll}/u.test(line.text);
      // Within a paragraph, short menu entries stay apart; a long unfinished line runs on.
      const runsOn =
        previous &&
        paragraphOpen &&
        (continues(previous.text, line.text) || (wordCount(previous.text) >= 8 && !SENTENCE_END.test(previous.text)));
      if (previous && (runsOn || broken)) previous.text = join(previous.text, line.text);
      else paragraphs.push({ n: line.n, text: line.text });
      paragraphOpen = true;
      continue;
    }
    if (line.kind === "bullet") {
      competency.inKsas = true;
      competency.bulleted = true;
      competency.ksas.push({ n: line.n, text: line.text });
      continue;
    }
    const last = competency.ksas[competency.ksas.length - 1];
    if (!competency.inKsas) {
      if (continues(competency.statement, line.text)) competency.statement = join(competency.statement, line.text);
      else warn(`line ${line.n}`, "text.ignored_line", { text: line.text.slice(0, 80) });
    } else if (last && continues(last.text, line.text)) {
      last.text = join(last.text, line.text);
    } else if (!competency.bulleted && /^\p{Lu}/u.test(line.text)) {
      // A list whose bullets were lost in the copy: one line, one KSA.
      competency.ksas.push({ n: line.n, text: line.text });
    } else {
      warn(`line ${line.n}`, "text.ignored_line", { text: line.text.slice(0, 80) });
    }
  }

  // The description is the run of prose paragraphs that ends where the competencies begin.
  let start = paragraphs.length;
  while (start > 0 && isProse(paragraphs[start - 1].text)) start--;
  const descriptionParts = paragraphs.slice(start).map((p) => cleanStatement(p.text));
  const description = descriptionParts.length > 0 ? descriptionParts.join("\n\n") : null;
  title ??= guessTitle(paragraphs.slice(0, start), description);

  const checkLength = (n: number, statement: string) => {
    if (statement.length > MAX_STATEMENT_LENGTH)
      error(`line ${n}`, "text.statement_too_long", { length: statement.length, max: MAX_STATEMENT_LENGTH });
    else {
      // The rest of the one text rule (HTML, links) for what will be a statement.
      const issue = checkText(statement, "statement");
      if (issue) problems.push(textProblem(issue, `line ${n}`, "statement"));
    }
  };
  const result: PastedCompetency[] = [];
  for (const competency of competencies) {
    const statement = cleanStatement(competency.statement);
    if (statement === "") {
      error(`line ${competency.n}`, "text.empty_competency");
      continue;
    }
    checkLength(competency.n, statement);
    const ksas: string[] = [];
    for (const draft of competency.ksas) {
      const ksa = cleanStatement(draft.text);
      if (ksa === "") continue;
      if (ksas.includes(ksa)) {
        warn(`line ${draft.n}`, "text.duplicate_ksa", { text: ksa.slice(0, 80) });
        continue;
      }
      checkLength(draft.n, ksa);
      ksas.push(ksa);
    }
    if (ksas.length === 0)
      warn(`line ${competency.n}`, "text.competency_without_ksa", { statement: statement.slice(0, 80) });
    result.push({ statement, ksas });
  }
  if (result.length === 0 && !problems.some((p) => p.code === "text.empty_competency"))
    error("text", "text.no_competency");

  const area: PastedArea = { description, lastUpdated, competencies: result };
  if (title) area.title = cleanStatement(title);
  return { value: area, problems };
}
