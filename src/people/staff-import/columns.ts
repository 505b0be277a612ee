/**
 * The fields a staff file can fill, and the mapping from the file's columns to them: guessed from
 * the header's names (English or French, as HR systems and people write them), then shown to the
 * person importing, who can change it. Pure.
 */

export const STAFF_FIELDS = [
  "employeeNumber",
  "givenName",
  "familyName",
  "preferredName",
  "email",
  "unit",
  "managerNumber",
  "status",
  "statusSince",
  "preferredLang",
] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];

/** Fields a file must map: without them no one can be created or matched. */
export const REQUIRED_FIELDS: readonly StaffField[] = ["employeeNumber", "givenName", "familyName"];

/** Field → the index of the file's column that fills it (absent: not in the file). */
export type ColumnMapping = Partial<Record<StaffField, number>>;

/** Lower case, no accents, punctuation as spaces: "N° d'employé" → "n d employe". */
export function headerKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/#/g, " number ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Header names, already as headerKey gives them. */
const NAMES: Record<StaffField, string[]> = {
  employeeNumber: [
    "employee number",
    "employee no",
    "employee id",
    "employee",
    "emp no",
    "emp id",
    "emp number",
    "staff number",
    "staff id",
    "staff no",
    "personnel number",
    "payroll number",
    "badge number",
    "id",
    "matricule",
    "numero d employe",
    "numero employe",
    "numero de l employe",
    "no d employe",
    "no employe",
    "n d employe",
    "n employe",
    "numero de matricule",
    "identifiant",
  ],
  givenName: ["given name", "first name", "firstname", "forename", "given names", "prenom", "prenoms"],
  familyName: ["family name", "last name", "lastname", "surname", "nom de famille", "nom"],
  preferredName: [
    "preferred name",
    "preferred first name",
    "known as",
    "nickname",
    "display name",
    "nom usuel",
    "prenom usuel",
    "prenom d usage",
    "nom d usage",
    "nom prefere",
    "prenom prefere",
  ],
  email: [
    "email",
    "e mail",
    "email address",
    "e mail address",
    "work email",
    "business email",
    "mail",
    "courriel",
    "adresse courriel",
    "courriel professionnel",
    "adresse electronique",
    "adresse de courriel",
  ],
  unit: [
    "unit",
    "unit name",
    "department",
    "dept",
    "branch",
    "location",
    "team",
    "org unit",
    "organizational unit",
    "organisational unit",
    "division",
    "section",
    "unite",
    "unite administrative",
    "departement",
    "succursale",
    "service",
    "direction",
    "equipe",
    "lieu de travail",
  ],
  managerNumber: [
    "manager",
    "manager number",
    "manager employee number",
    "manager id",
    "manager no",
    "supervisor",
    "supervisor number",
    "supervisor id",
    "supervisor employee number",
    "reports to",
    "line manager",
    "gestionnaire",
    "numero du gestionnaire",
    "matricule du gestionnaire",
    "superieur",
    "superieur immediat",
    "releve de",
    "responsable",
  ],
  status: ["status", "employment status", "employee status", "statut", "statut d emploi", "etat", "situation"],
  statusSince: [
    "status since",
    "status date",
    "effective date",
    "since",
    "status effective date",
    "termination date",
    "date de depart",
    "date du statut",
    "date d effet",
    "depuis",
    "date effective",
  ],
  preferredLang: [
    "language",
    "preferred language",
    "lang",
    "language of correspondence",
    "langue",
    "langue preferee",
    "langue de correspondance",
    "langue d usage",
  ],
};

const EXACT = new Map<string, StaffField>();
for (const field of STAFF_FIELDS) for (const name of NAMES[field]) EXACT.set(name, field);

/**
 * What a header names, with how sure the guess is: 2 for a known name, 1 for a known name of two
 * words or more inside a longer header ("Manager employee number (HRIS)").
 */
export function guessField(header: string): { field: StaffField; score: number } | undefined {
  const key = headerKey(header);
  if (key === "") return undefined;
  const exact = EXACT.get(key);
  if (exact) return { field: exact, score: 2 };
  const padded = ` ${key} `;
  let best: { field: StaffField; length: number } | undefined;
  for (const [name, field] of EXACT) {
    if (!name.includes(" ")) continue;
    if (padded.includes(` ${name} `) && (!best || name.length > best.length)) best = { field, length: name.length };
  }
  return best ? { field: best.field, score: 1 } : undefined;
}

/** The mapping guessed from the headers: each field at most once, each column at most once, surest first. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const guesses = headers
    .map((header, column) => ({ column, guess: guessField(header) }))
    .filter((g): g is { column: number; guess: { field: StaffField; score: number } } => g.guess !== undefined)
    .sort((a, b) => b.guess.score - a.guess.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  for (const { column, guess } of guesses) if (mapping[guess.field] === undefined) mapping[guess.field] = column;
  return mapping;
}

/** Fields mapped twice to one column, or to columns the file lacks, are the mapping's own errors. */
export function mappingProblems(
  mapping: ColumnMapping,
  columnCount: number,
): { field: StaffField; code: "missing" | "no_such_column" | "column_twice" }[] {
  const problems: { field: StaffField; code: "missing" | "no_such_column" | "column_twice" }[] = [];
  const used = new Map<number, StaffField>();
  for (const field of STAFF_FIELDS) {
    const column = mapping[field];
    if (column === undefined) {
      if (REQUIRED_FIELDS.includes(field)) problems.push({ field, code: "missing" });
      continue;
    }
    if (!Number.isInteger(column) || column < 0 || column >= columnCount)
      problems.push({ field, code: "no_such_column" });
    else if (used.has(column)) problems.push({ field, code: "column_twice" });
    else used.set(column, field);
  }
  return problems;
}
