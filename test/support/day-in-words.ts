/**
 * A calendar day (YYYY-MM-DD) as each language writes it, spelled out without Intl, so tests of the
 * formatting do not share the code they test.
 */
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
} as const;

export function dayInWords(day: string, lang: "en" | "fr"): string {
  const [year, month, date] = day.split("-").map(Number);
  const name = MONTHS[lang][month - 1];
  return lang === "en" ? `${name} ${date}, ${year}` : `${date === 1 ? "1er" : date} ${name} ${year}`;
}
