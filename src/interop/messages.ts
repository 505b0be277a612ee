/**
 * Problem messages in both languages, keyed by the problem's stable code. Parsers only emit codes and
 * params; people read these. A code without a template falls back to the code itself, so a missing
 * message never hides a problem.
 */
import type { Lang } from "../i18n/index.ts";
import type { Problem } from "./model.ts";

type Templates = Record<string, { en: string; fr: string }>;

// Spreadsheets (src/interop/sheets/).
const sheetTemplates: Templates = {
  "sheet.empty_file": { en: "The file is empty.", fr: "Le fichier est vide." },
  "sheet.not_a_spreadsheet": {
    en: "This file is not a readable {format} spreadsheet.",
    fr: "Ce fichier n'est pas une feuille de calcul {format} lisible.",
  },
  "sheet.missing_sheet": {
    en: "The workbook has no “{sheet}” sheet.",
    fr: "Le classeur n'a pas de feuille « {sheet} ».",
  },
  "sheet.missing_column": {
    en: "The header row has no “{column}” column.",
    fr: "La ligne d'en-tête n'a pas de colonne « {column} ».",
  },
  "sheet.unknown_column": {
    en: "The column “{column}” is not part of the template; it was ignored.",
    fr: "La colonne « {column} » ne fait pas partie du modèle; elle a été ignorée.",
  },
  "sheet.no_items": { en: "The sheet has no item rows.", fr: "La feuille ne contient aucune ligne d'élément." },
  "sheet.empty_statement": {
    en: "The item has no statement in English or in French.",
    fr: "L'élément n'a d'énoncé ni en anglais ni en français.",
  },
  "sheet.missing_type": { en: "The item has no type.", fr: "L'élément n'a pas de type." },
  "sheet.unknown_parent": {
    en: "The parent “{parent}” is not the identifier of any row.",
    fr: "Le parent « {parent} » ne correspond à l'identifiant d'aucune ligne.",
  },
  "sheet.duplicate_identifier": {
    en: "The identifier “{id}” is already used on row {firstRow}.",
    fr: "L'identifiant « {id} » est déjà utilisé à la ligne {firstRow}.",
  },
  "sheet.parent_cycle": {
    en: "The item is its own ancestor (parent chain: {chain}).",
    fr: "L'élément est son propre ancêtre (chaîne des parents : {chain}).",
  },
  "sheet.invalid_position": {
    en: "The position “{value}” is not a whole number.",
    fr: "La position « {value} » n'est pas un nombre entier.",
  },
  "sheet.cell_too_long": {
    en: "The cell holds {length} characters; the limit is {max}.",
    fr: "La cellule contient {length} caractères; la limite est de {max}.",
  },
  "sheet.formula_cell": {
    en: "The cell holds a formula; enter plain text instead.",
    fr: "La cellule contient une formule; saisissez plutôt du texte.",
  },
  "sheet.error_cell": {
    en: "The cell holds a spreadsheet error ({value}).",
    fr: "La cellule contient une erreur de tableur ({value}).",
  },
  "sheet.generated_identifier": {
    en: "The row had no identifier; a new one was generated ({id}).",
    fr: "La ligne n'avait pas d'identifiant; un nouvel identifiant a été créé ({id}).",
  },
  "sheet.unknown_field": {
    en: "“{field}” is not a framework field; it was ignored.",
    fr: "« {field} » n'est pas un champ du référentiel; il a été ignoré.",
  },
  "sheet.legacy_encoding": {
    en: "The file is not UTF-8; it was read as {encoding}. Check the accented letters.",
    fr: "Le fichier n'est pas en UTF-8; il a été lu en {encoding}. Vérifiez les lettres accentuées.",
  },
  "sheet.too_many_rows": {
    en: "The sheet has {rows} rows; the limit is {max}.",
    fr: "La feuille compte {rows} lignes; la limite est de {max}.",
  },
};

// Paste-in text (src/interop/text/).
const textTemplates: Templates = {
  "text.empty": { en: "There is no text to read.", fr: "Il n'y a aucun texte à lire." },
  "text.too_long": {
    en: "The text is {size} KB; the limit is {max} KB.",
    fr: "Le texte fait {size} Ko; la limite est de {max} Ko.",
  },
  "text.no_competency": {
    en: "No competency was found. Each one should start with “Competency:”.",
    fr: "Aucune compétence n'a été trouvée. Chacune devrait commencer par « Compétence : ».",
  },
  "text.empty_competency": {
    en: "A “Competency:” line has no statement.",
    fr: "Une ligne « Compétence : » n'a pas d'énoncé.",
  },
  "text.competency_without_ksa": {
    en: "The competency “{statement}” has no knowledge, skill or ability.",
    fr: "La compétence « {statement} » n'a aucune connaissance, compétence ou aptitude.",
  },
  "text.ignored_line": {
    en: "This line was not understood and was left out: “{text}”.",
    fr: "Cette ligne n'a pas été comprise et a été écartée : « {text} ».",
  },
  "text.duplicate_ksa": {
    en: "This knowledge, skill or ability appears twice in the same competency: “{text}”.",
    fr: "Cette connaissance, compétence ou aptitude figure deux fois dans la même compétence : « {text} ».",
  },
  "text.unreadable_date": {
    en: "The date “{text}” could not be read.",
    fr: "La date « {text} » n'a pas pu être lue.",
  },
  "text.statement_too_long": {
    en: "This statement has {length} characters; the limit is {max}.",
    fr: "Cet énoncé compte {length} caractères; la limite est de {max}.",
  },
};

const templates: Templates = { ...sheetTemplates, ...textTemplates };

/** The problem in words, in the reader's language, with its params filled in. */
export function describeProblem(problem: Problem, lang: Lang): string {
  const template = templates[problem.code]?.[lang];
  if (!template) return problem.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = problem.params?.[name];
    return value === undefined ? whole : String(value);
  });
}

/** Whether a code has a message (tests use it to prove every emitted code is described). */
export const hasProblemMessage = (code: string) => code in templates;
