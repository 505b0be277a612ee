/**
 * The four levels of the index, as every framework Skillshelf creates starts with them (the starter,
 * a framework created in the editor, one made by the paste-in import, the spreadsheet template).
 * Item types are data: imports bring other levels. French names the KSA level the way the Canadian
 * public service does, « connaissances, habiletés et aptitudes »: « compétence » is the level above.
 */
export const INDEX_LEVELS = [
  { code: "category", en: "Category", fr: "Catégorie" },
  { code: "area", en: "Area", fr: "Domaine" },
  { code: "competency", en: "Competency", fr: "Compétence" },
  { code: "ksa", en: "Knowledge, skill or ability", fr: "Connaissances, habiletés et aptitudes" },
] as const;
