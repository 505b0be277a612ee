/** The words inside the downloadable template: instructions and example rows, in both languages. */
import { frenchTypography, type Lang } from "../../i18n/index.ts";
import { type ItemRowValues, MAX_CELL_LENGTH } from "./layout.ts";

export const instructions: Record<Lang, string[]> = {
  en: [
    "How to fill in this template",
    "Sheet “Items”: one row per item. Keep the first row (the column names) exactly as it is.",
    "identifier: the item's stable identifier (a UUID). Leave it empty for a new item: one is created on import. Keep it when you edit an exported file, so the import updates the item instead of adding a copy.",
    "parent: the identifier — or the code — of the item this one belongs to. Leave it empty for a top-level item. A parent's row may come before or after its children.",
    "type: category, area, competency or ksa (knowledge, skill or ability), or another code listed in the sheet “Types”.",
    "code: the human code shown to readers, e.g. CM.AQ.1. Optional.",
    "position: the order among items with the same parent (a whole number: 1, 2, 3…). Optional.",
    "statement_en, statement_fr: the statement in English and in French. At least one is required.",
    "description_en, description_fr: a longer explanation. Optional.",
    `Type text only: formulas are refused, and a cell may hold at most ${MAX_CELL_LENGTH.toLocaleString("en-CA")} characters.`,
    "Sheet “Framework”: the framework's own title, description, publisher, version and licence. Fill in the “value” column.",
    "Replace the example rows with your own before importing.",
  ],
  fr: [
    "Comment remplir ce modèle",
    "Feuille « Items » : une ligne par élément. Laissez la première ligne (le nom des colonnes) telle quelle.",
    "identifier : l'identifiant stable de l'élément (un UUID). Laissez-le vide pour un nouvel élément : il sera créé à l'importation. Conservez-le quand vous modifiez un fichier exporté, pour que l'importation mette l'élément à jour au lieu d'en ajouter une copie.",
    "parent : l'identifiant — ou le code — de l'élément auquel celui-ci appartient. Laissez-le vide pour un élément de premier niveau. La ligne du parent peut venir avant ou après celles de ses enfants.",
    "type : category (catégorie), area (domaine), competency (compétence) ou ksa (connaissances, habiletés et aptitudes), ou un autre code de la feuille « Types ».",
    "code : le code affiché aux lecteurs, p. ex. CM.AQ.1. Facultatif.",
    "position : l'ordre parmi les éléments du même parent (un nombre entier : 1, 2, 3…). Facultatif.",
    "statement_en, statement_fr : l'énoncé en anglais et en français. Au moins l'un des deux est obligatoire.",
    "description_en, description_fr : une explication plus longue. Facultatif.",
    `Saisissez du texte seulement : les formules sont refusées et une cellule peut contenir au plus ${MAX_CELL_LENGTH.toLocaleString("fr-CA")} caractères.`,
    "Feuille « Framework » : le titre, la description, l'organisme qui le publie, la version et la licence du référentiel. Remplissez la colonne « value ».",
    "Remplacez les lignes d'exemple par les vôtres avant l'importation.",
  ].map(frenchTypography),
};

/** Example rows: parents named by code, identifiers left empty, the simplest way to write a sheet. */
export function templateExamples(_lang: Lang): ItemRowValues[] {
  const row = (
    type: string,
    code: string,
    parent: string | null,
    position: number,
    en: string,
    fr: string,
  ): ItemRowValues => ({
    identifier: null,
    parent,
    type,
    code,
    position,
    statement_en: en,
    statement_fr: fr,
    description_en: null,
    description_fr: null,
  });
  return [
    {
      ...row("area", "EX", null, 1, "Example area", "Domaine d'exemple"),
      description_en: "What this area covers and why it matters.",
      description_fr: "Ce que couvre ce domaine et pourquoi il compte.",
    },
    row("competency", "EX.1", "EX", 1, "Plans the work of the area", "Planifie le travail du domaine"),
    row("ksa", "EX.1.1", "EX.1", 1, "Sets yearly goals with the team", "Fixe des objectifs annuels avec l'équipe"),
    row("ksa", "EX.1.2", "EX.1", 2, "Reviews progress every quarter", "Fait le point sur les progrès chaque trimestre"),
  ];
}
