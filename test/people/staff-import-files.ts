/**
 * Staff files as HR systems write them, for the staff import's tests: generated people (unique
 * employee numbers, manager lines that form a forest) written as CSV (comma or semicolon, with or
 * without a BOM, UTF-8 or Windows-1252, a title line or not, headers in English or French, columns
 * in any order) or as XLSX.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";

export interface GeneratedPerson {
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string | null;
  unit: string | null;
  managerNumber: string | null;
  status: "active" | "on_leave" | "left";
  statusSince: string | null;
  preferredLang: "en" | "fr";
}

/** Header names per field, in English and in French, as exports write them. */
export const HEADERS = {
  en: {
    employeeNumber: "Employee Number",
    givenName: "First Name",
    familyName: "Last Name",
    email: "Work Email",
    unit: "Department",
    managerNumber: "Manager Employee #",
    status: "Employment Status",
    statusSince: "Status Date",
    preferredLang: "Preferred Language",
  },
  fr: {
    employeeNumber: "Matricule",
    givenName: "Prénom",
    familyName: "Nom de famille",
    email: "Courriel",
    unit: "Unité",
    managerNumber: "Matricule du gestionnaire",
    status: "Statut",
    statusSince: "Date d'effet",
    preferredLang: "Langue",
  },
} as const;
export type Column = keyof (typeof HEADERS)["en"];
export const COLUMNS = Object.keys(HEADERS.en) as Column[];

const STATUS_TEXT = {
  en: { active: "Active", on_leave: "On leave", left: "Terminated" },
  fr: { active: "Actif", on_leave: "En congé", left: "Parti" },
} as const;
const LANG_TEXT = { en: { en: "English", fr: "French" }, fr: { en: "Anglais", fr: "Français" } } as const;

const NAME_PARTS = [
  "Zoé",
  "Émile",
  "Anaïs",
  "O'Brien",
  "Nguyễn",
  "Gagnon",
  "Smith",
  "Côté",
  "Li",
  "Ørsted",
  "Jean-Luc",
];
const UNITS = ["Central Library", "Bibliothèque Centrale Sud", "Children's Services", "Technical Services", "Branch 4"];

const isoDay = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

/** n people with unique employee numbers; each one's manager comes earlier in the list (no cycles). */
export const staffList = (options: { min?: number; max?: number } = {}) =>
  fc.integer({ min: options.min ?? 1, max: options.max ?? 30 }).chain((n) =>
    fc
      .tuple(
        fc.uniqueArray(fc.stringMatching(/^[A-Z]{0,2}[0-9]{1,6}$/), { minLength: n, maxLength: n }),
        fc.array(
          fc.record({
            given: fc.constantFrom(...NAME_PARTS),
            family: fc.constantFrom(...NAME_PARTS),
            hasEmail: fc.boolean(),
            unit: fc.option(fc.constantFrom(...UNITS), { nil: null }),
            manager: fc.option(fc.double({ min: 0, max: 0.999, noNaN: true }), { nil: null }),
            status: fc.constantFrom("active", "active", "on_leave", "left") as fc.Arbitrary<GeneratedPerson["status"]>,
            since: fc.option(isoDay, { nil: null }),
            lang: fc.constantFrom("en", "fr") as fc.Arbitrary<"en" | "fr">,
          }),
          { minLength: n, maxLength: n },
        ),
      )
      .map(([numbers, records]) =>
        records.map(
          (r, i): GeneratedPerson => ({
            employeeNumber: numbers[i],
            givenName: r.given,
            familyName: r.family,
            email: r.hasEmail ? `p${i}.${numbers[i].toLowerCase()}@library.example` : null,
            unit: r.unit,
            managerNumber: i === 0 || r.manager === null ? null : numbers[Math.floor(r.manager * i)],
            status: r.status,
            // A date when the status is not "active" (HR systems give one), sometimes for active too.
            statusSince: r.status === "active" ? r.since : (r.since ?? "2024-01-31"),
            preferredLang: r.lang,
          }),
        ),
      ),
  );

export interface FileStyle {
  lang: "en" | "fr";
  separator: "," | ";" | "\t";
  bom: boolean;
  latin1: boolean;
  titleLine: boolean;
  /** The columns in the order the file has them. */
  order: Column[];
  dateStyle: "iso" | "dmy" | "long";
}

export const fileStyle: fc.Arbitrary<FileStyle> = fc.record({
  lang: fc.constantFrom("en", "fr"),
  separator: fc.constantFrom(",", ";", "\t"),
  bom: fc.boolean(),
  latin1: fc.boolean(),
  titleLine: fc.boolean(),
  order: fc.shuffledSubarray(COLUMNS, { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  dateStyle: fc.constantFrom("iso", "dmy", "long"),
});

const MONTHS = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
};

export function dateText(iso: string, style: FileStyle["dateStyle"], lang: "en" | "fr"): string {
  const [y, m, d] = iso.split("-");
  if (style === "iso") return iso;
  if (style === "dmy") return `${d}/${m}/${y}`;
  return lang === "en"
    ? `${MONTHS.en[Number(m) - 1]} ${Number(d)}, ${y}`
    : `${Number(d)} ${MONTHS.fr[Number(m) - 1]} ${y}`;
}

/** One person's cells, in the style's language and order. */
export function cellsOf(person: GeneratedPerson, style: FileStyle): string[] {
  const text: Record<Column, string> = {
    employeeNumber: person.employeeNumber,
    givenName: person.givenName,
    familyName: person.familyName,
    email: person.email ?? "",
    unit: person.unit ?? "",
    managerNumber: person.managerNumber ?? "",
    status: STATUS_TEXT[style.lang][person.status],
    statusSince: person.statusSince ? dateText(person.statusSince, style.dateStyle, style.lang) : "",
    preferredLang: LANG_TEXT[style.lang][person.preferredLang],
  };
  return style.order.map((column) => text[column]);
}

const quote = (cell: string, separator: string) =>
  /["\r\n]/.test(cell) || cell.includes(separator) || cell.includes(",") ? `"${cell.replace(/"/g, '""')}"` : cell;

/** Windows-1252 bytes of text made of Latin-1 characters (all the generated names are, but ễ). */
function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)));
}

export function csvBytes(people: readonly GeneratedPerson[], style: FileStyle): Uint8Array {
  const lines: string[] = [];
  if (style.titleLine) lines.push(style.lang === "en" ? "Staff list exported 2026-11-30" : "Liste du personnel");
  lines.push(style.order.map((column) => quote(HEADERS[style.lang][column], style.separator)).join(style.separator));
  for (const person of people)
    lines.push(
      cellsOf(person, style)
        .map((c) => quote(c, style.separator))
        .join(style.separator),
    );
  const text = `${lines.join("\r\n")}\r\n`;
  if (style.latin1) return latin1Bytes(text);
  const utf8 = new TextEncoder().encode(text);
  return style.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
}

/** People whose names Windows-1252 can write (the Latin-1 style replaces the rest). */
export const latin1Safe = (p: GeneratedPerson) =>
  [...`${p.givenName}${p.familyName}${p.unit ?? ""}`].every((ch) => ch.charCodeAt(0) < 256);

/** The same as an XLSX workbook: dates as real dates, the header on row 1 (or 2 under a title). */
export async function xlsxBytes(people: readonly GeneratedPerson[], style: FileStyle): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(style.lang === "en" ? "Staff" : "Personnel");
  if (style.titleLine) sheet.addRow(["Staff"]);
  sheet.addRow(style.order.map((column) => HEADERS[style.lang][column]));
  for (const person of people) {
    const cells: (string | Date | number)[] = cellsOf(person, style);
    const since = style.order.indexOf("statusSince");
    if (person.statusSince) cells[since] = new Date(`${person.statusSince}T00:00:00Z`);
    sheet.addRow(cells);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
