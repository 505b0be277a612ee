/**
 * Problem messages in both languages, keyed by the problem's stable code. Parsers only emit codes and
 * params; people read these. A code without a template falls back to the code itself, so a missing
 * message never hides a problem.
 */
import { type Lang, typeset } from "../i18n/index.ts";
import { revealRefusedCharacters } from "../text/rules.ts";
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
  "sheet.over_row_limit": {
    en: "The sheet has more than {max} rows, the most that can be imported at once.",
    fr: "La feuille compte plus de {max} lignes, le maximum qu'on peut importer à la fois.",
  },
  "sheet.row_too_large": {
    en: "Row {row} holds more than {max} characters: check for a quotation mark left open (the rest of the file then reads as one cell).",
    fr: "La ligne {row} contient plus de {max} caractères : vérifiez qu'aucun guillemet n'est resté ouvert (le reste du fichier se lit alors comme une seule cellule).",
  },
  "sheet.columns_ignored": {
    en: "Cells to the right of column {column} were ignored.",
    fr: "Les cellules à droite de la colonne {column} ont été ignorées.",
  },
  "sheet.archive_too_many_entries": {
    en: "The workbook holds {count} files inside it; a spreadsheet holding at most {max} can be imported.",
    fr: "Le classeur renferme {count} fichiers; on peut importer une feuille de calcul qui en renferme au plus {max}.",
  },
  "sheet.archive_too_large": {
    en: "Unpacked, the workbook would take more than {max} MB (at least {size} MB), more than can be read at once. Nothing was unpacked.",
    fr: "Décompressé, le classeur occuperait plus de {max} Mo (au moins {size} Mo), plus qu'on peut en lire à la fois. Rien n'a été décompressé.",
  },
  "sheet.archive_ratio": {
    en: "Part of the workbook ({entry}) unpacks to {ratio} times its packed size, far more than a spreadsheet does (at most {max}); the file was not read.",
    fr: "Une partie du classeur ({entry}) se décompresse à {ratio} fois sa taille compressée, bien plus qu'une feuille de calcul (au plus {max}); le fichier n'a pas été lu.",
  },
  "sheet.archive_size_mismatch": {
    en: "Part of the workbook ({entry}) does not unpack to the size the file declares: the file is damaged or was made to mislead. It was not read.",
    fr: "Une partie du classeur ({entry}) ne se décompresse pas à la taille que le fichier annonce : le fichier est endommagé ou a été fabriqué pour tromper. Il n'a pas été lu.",
  },
  "sheet.archive_unsupported": {
    en: "The workbook uses a ZIP feature that cannot be read here ({feature}). Save it again from your spreadsheet program as an ordinary .xlsx file.",
    fr: "Le classeur utilise une fonction ZIP qui ne peut pas être lue ici ({feature}). Enregistrez-le de nouveau depuis votre tableur comme un fichier .xlsx ordinaire.",
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
    fr: "La compétence « {statement} » n'a aucun énoncé de connaissances, d'habiletés et d'aptitudes.",
  },
  "text.ignored_line": {
    en: "This line was not understood and was left out: “{text}”.",
    fr: "Cette ligne n'a pas été comprise et a été écartée : « {text} ».",
  },
  "text.duplicate_ksa": {
    en: "This knowledge, skill or ability appears twice in the same competency: “{text}”.",
    fr: "Cet énoncé de connaissances, d'habiletés et d'aptitudes figure deux fois dans la même compétence : « {text} ».",
  },
  "text.unreadable_date": {
    en: "The date “{text}” could not be read.",
    fr: "La date « {text} » n'a pas pu être lue.",
  },
  "text.removed_characters": {
    en: "Invisible characters that are not accepted were taken out of this line ({chars}).",
    fr: "Des caractères invisibles qui ne sont pas acceptés ont été retirés de cette ligne ({chars}).",
  },
  "text.statement_too_long": {
    en: "This statement has {length} characters; the limit is {max}.",
    fr: "Cet énoncé compte {length} caractères; la limite est de {max}.",
  },
};

// CASE packages (src/interop/case/) and the common import writer (src/interop/import.ts).
const caseTemplates: Templates = {
  "case.too_large": {
    en: "The file is {size} MB; CASE packages of at most {max} MB can be imported.",
    fr: "Le fichier fait {size} Mo ; on peut importer des paquets CASE d'au plus {max} Mo.",
  },
  "case.empty": { en: "The file is empty.", fr: "Le fichier est vide." },
  "case.not_utf8": {
    en: "The file is not UTF-8 text; save it as UTF-8 and try again.",
    fr: "Le fichier n'est pas du texte UTF-8; enregistrez-le en UTF-8 et réessayez.",
  },
  "case.invalid_json": {
    en: "The file is not valid JSON (line {line}, column {column}): {detail}",
    fr: "Le fichier n'est pas du JSON valide (ligne {line}, colonne {column}) : {detail}",
  },
  "case.too_deeply_nested": {
    en: "The file nests lists and objects more than {max} levels deep (line {line}, column {column}); a CASE package needs far fewer.",
    fr: "Le fichier imbrique des listes et des objets sur plus de {max} niveaux (ligne {line}, colonne {column}); un paquet CASE en demande bien moins.",
  },
  "case.not_a_package": {
    en: "This is not a CASE package: a CFDocument object is required.",
    fr: "Ce n'est pas un paquet CASE : un objet CFDocument est requis.",
  },
  "case.too_many_items": {
    en: "The package has {count} items; at most {max} can be imported at once.",
    fr: "Le paquet compte {count} éléments; on peut en importer au plus {max} à la fois.",
  },
  "case.wrong_type": {
    en: "“{field}” should be of type {expected}, not {actual}.",
    fr: "« {field} » devrait être de type {expected}, et non {actual}.",
  },
  "case.null_value": {
    en: "“{field}” is null; it was read as absent.",
    fr: "« {field} » vaut null; le champ a été lu comme absent.",
  },
  "case.converted_identifier": {
    en: "The identifier “{value}” was read as {id} (CASE identifiers are lower-case UUIDs).",
    fr: "L'identifiant « {value} » a été lu comme {id} (les identifiants CASE sont des UUID en minuscules).",
  },
  "case.unwrapped": {
    en: "The package was wrapped in a “CFPackage” object; its content was read from inside it.",
    fr: "Le paquet était enveloppé dans un objet « CFPackage »; son contenu a été lu à l'intérieur.",
  },
  "case.text_too_long": {
    en: "“{field}” holds {length} characters; the limit is {max}.",
    fr: "« {field} » contient {length} caractères; la limite est de {max}.",
  },
  "case.missing_field": {
    en: "The required field “{field}” is missing or empty.",
    fr: "Le champ obligatoire « {field} » est absent ou vide.",
  },
  "case.invalid_identifier": {
    en: "The identifier “{value}” is not a UUID.",
    fr: "L'identifiant « {value} » n'est pas un UUID.",
  },
  "case.invalid_date": {
    en: "“{field}” is not a date and time: “{value}”.",
    fr: "« {field} » n'est pas une date et heure : « {value} ».",
  },
  "case.duplicate_identifier": {
    en: "The identifier {id} is already used at {first}.",
    fr: "L'identifiant {id} est déjà utilisé à {first}.",
  },
  "case.repeated_entry": {
    en: "The identifier {id} is listed again, identically, after {first}; the repeat is ignored.",
    fr: "L'identifiant {id} figure de nouveau, à l'identique, après {first}; la répétition est ignorée.",
  },
  "case.conflicting_duplicate": {
    en: "The identifier {id} is listed again after {first}, with different {fields}; the first one is kept.",
    fr: "L'identifiant {id} figure de nouveau après {first}, avec des valeurs différentes pour {fields}; la première occurrence est conservée.",
  },
  "case.unknown_association_type": {
    en: "The association type “{type}” is not a CASE type; it is kept as is.",
    fr: "Le type d'association « {type} » n'est pas un type CASE; il est conservé tel quel.",
  },
  "case.missing_node": {
    en: "This isChildOf association places the node {id} in this framework, but the package has no such item.",
    fr: "Cette association isChildOf place le nœud {id} dans ce référentiel, mais le paquet ne contient aucun élément de ce nom.",
  },
  "case.missing_parent": {
    en: "This isChildOf association places an item under {id}, which is neither an item of this package nor its document (nothing is fetched from elsewhere).",
    fr: "Cette association isChildOf place un élément sous {id}, qui n'est ni un élément de ce paquet ni son document (rien n'est récupéré ailleurs).",
  },
  "case.association_outside": {
    en: "Neither end of association {id} is in this package; it is kept as is.",
    fr: "Aucune des extrémités de l'association {id} ne fait partie de ce paquet; elle est conservée telle quelle.",
  },
  "case.child_cycle": {
    en: "The isChildOf associations form a cycle: {chain}.",
    fr: "Les associations isChildOf forment un cycle : {chain}.",
  },
  "case.multiple_parents": {
    en: "The item {id} is the child of {count} nodes; the first one places it in the tree, the others are kept as associations.",
    fr: "L'élément {id} est l'enfant de {count} nœuds; le premier le place dans l'arborescence, les autres sont conservés comme associations.",
  },
  "case.orphan_item": {
    en: "The item {id} has no parent in this package; it is shown at the top level.",
    fr: "L'élément {id} n'a pas de parent dans ce paquet; il est affiché au premier niveau.",
  },
  "case.too_deep": {
    en: "The tree is deeper than {max} levels.",
    fr: "L'arborescence compte plus de {max} niveaux.",
  },
  "case.more_problems": {
    en: "… and {count} more problems of the same kind ({code}), not listed one by one.",
    fr: "… et {count} autres problèmes du même genre ({code}), non énumérés un par un.",
  },
  "import.parse_timeout": {
    en: "Reading the file took more than {seconds} seconds, so it was stopped. Nothing was saved. Split it into smaller files, or check that it is what you meant to upload.",
    fr: "La lecture du fichier a pris plus de {seconds} secondes; elle a donc été arrêtée. Rien n'a été enregistré. Divisez-le en fichiers plus petits, ou vérifiez que c'est bien le fichier voulu.",
  },
  "import.parse_memory": {
    en: "Reading the file needed more memory than one import may use, so it was stopped. Nothing was saved. Split it into smaller files.",
    fr: "La lecture du fichier demandait plus de mémoire qu'une importation peut en utiliser; elle a donc été arrêtée. Rien n'a été enregistré. Divisez-le en fichiers plus petits.",
  },
  "import.parse_busy": {
    en: "The server is already reading many files. Nothing was saved; try again in a minute.",
    fr: "Le serveur lit déjà de nombreux fichiers. Rien n'a été enregistré; réessayez dans une minute.",
  },
  "import.duplicate_identifier": {
    en: "The identifier {id} is used by more than one item.",
    fr: "L'identifiant {id} est utilisé par plus d'un élément.",
  },
  "import.items_in_other_framework": {
    en: "Items of this file already belong to the framework “{framework}” ({slug}): {count} in all, the first being {id}. Import into that framework to update it, or as a new framework to copy it.",
    fr: "Des éléments de ce fichier appartiennent déjà au référentiel « {framework_fr} » ({slug}) : {count} en tout, dont le premier est {id}. Importez le fichier dans ce référentiel pour le mettre à jour, ou comme nouveau référentiel pour le copier.",
  },
  "import.no_such_framework": {
    en: "There is no framework “{slug}” to import into.",
    fr: "Il n'y a aucun référentiel « {slug} » dans lequel importer.",
  },
  "import.slug_taken": {
    en: "The short name “{slug}” is already the framework “{framework}”'s; choose another for the new framework.",
    fr: "Le nom court « {slug} » est déjà celui du référentiel « {framework_fr} »; choisissez-en un autre pour le nouveau référentiel.",
  },
  "import.invalid_slug": {
    en: "“{slug}” cannot be a short name: use lower-case letters, digits and single hyphens (at most 80).",
    fr: "« {slug} » ne peut pas servir de nom court : employez des minuscules, des chiffres et des traits d'union simples (80 au plus).",
  },
};

// The text rule (src/text/rules.ts), the same for every importer (src/interop/text-problems.ts).
const ruleTemplates: Templates = {
  "rule.bidi_control": {
    en: "“{field}” contains {char}, an invisible text-direction control that can show text reversed (character {position}). Remove it.",
    fr: "« {field} » contient {char}, un caractère invisible de direction du texte qui peut faire afficher le texte à l'envers (caractère {position}). Retirez-le.",
  },
  "rule.control_character": {
    en: "“{field}” contains the control character {char} (character {position}). Remove it.",
    fr: "« {field} » contient le caractère de contrôle {char} (caractère {position}). Retirez-le.",
  },
  "rule.broken_character": {
    en: "“{field}” contains {char}, which is not a valid character (character {position}). The file may be damaged.",
    fr: "« {field} » contient {char}, qui n'est pas un caractère valide (caractère {position}). Le fichier est peut-être endommagé.",
  },
  "rule.line_break": {
    en: "“{field}” must fit on one line.",
    fr: "« {field} » doit tenir sur une seule ligne.",
  },
  "rule.too_long": {
    en: "“{field}” holds {length} characters; the limit is {max}.",
    fr: "« {field} » contient {length} caractères; la limite est de {max}.",
  },
  "rule.html": {
    en: "“{field}” contains HTML, which is not accepted; use Markdown instead.",
    fr: "« {field} » contient du HTML, qui n'est pas accepté; utilisez plutôt le Markdown.",
  },
  "rule.bad_link": {
    en: "“{field}” contains a link that does not start with https://, http:// or mailto:.",
    fr: "« {field} » contient un lien qui ne commence pas par https://, http:// ou mailto:.",
  },
};

// Skillshelf's own JSON (src/interop/json/) and telling formats apart (src/interop/detect.ts).
const jsonTemplates: Templates = {
  "json.not_a_framework": {
    en: "This JSON is not a Skillshelf framework: an object with “type”: “framework” and a “children” list is expected.",
    fr: "Ce JSON n'est pas un référentiel Skillshelf : on attend un objet avec « type » : « framework » et une liste « children ».",
  },
  "json.missing_field": {
    en: "The required field “{field}” is missing.",
    fr: "Le champ obligatoire « {field} » est absent.",
  },
  "json.wrong_type": {
    en: "“{field}” should be of type {expected}, not {actual}.",
    fr: "« {field} » devrait être de type {expected}, et non {actual}.",
  },
  "json.text_too_long": {
    en: "“{field}” holds {length} characters; the limit is {max}.",
    fr: "« {field} » contient {length} caractères; la limite est de {max}.",
  },
  "json.too_many": {
    en: "“{field}” holds {count} entries; the limit is {max}.",
    fr: "« {field} » contient {count} entrées; la limite est de {max}.",
  },
  "json.invalid_value": {
    en: "“{field}” has a value that cannot be used: {value}.",
    fr: "« {field} » a une valeur inutilisable : {value}.",
  },
  "json.too_deep": {
    en: "The tree is deeper than {max} levels.",
    fr: "L'arborescence compte plus de {max} niveaux.",
  },
  "import.unknown_format": {
    en: "The file's content is not a format Skillshelf imports (CASE JSON, Skillshelf JSON, XLSX or CSV).",
    fr: "Le contenu du fichier n'est pas un format que Skillshelf importe (JSON CASE, JSON Skillshelf, XLSX ou CSV).",
  },
};

const templates: Templates = {
  ...sheetTemplates,
  ...textTemplates,
  ...caseTemplates,
  ...ruleTemplates,
  ...jsonTemplates,
};

const decimal = (lang: Lang) => new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", { maximumFractionDigits: 1 });

/** The problem in words, in the reader's language, with its params filled in. */
export function describeProblem(problem: Problem, lang: Lang): string {
  const template = templates[problem.code]?.[lang];
  if (!template) return problem.code;
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = problem.params?.[name];
    if (value === undefined) return whole;
    // Sizes such as 0.3 MB need the language's decimal mark; whole numbers (rows, lines, columns)
    // stay as written, to be looked up in the file.
    if (typeof value === "number" && !Number.isInteger(value)) return decimal(lang).format(value);
    // A value quoted from the input is shown, not obeyed (a text-direction control would reorder the message).
    return revealRefusedCharacters(String(value));
  });
  return typeset(text, lang);
}

/** Whether a code has a message (tests use it to prove every emitted code is described). */
export const hasProblemMessage = (code: string) => code in templates;
