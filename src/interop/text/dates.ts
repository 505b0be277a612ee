/** Reads the human dates that index pages print ("August 13, 2015", "13 août 2015", "2015-08-13"). */

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ["january", "jan", "janvier", "janv"]],
  [2, ["february", "feb", "fevrier", "fevr", "fev"]],
  [3, ["march", "mar", "mars"]],
  [4, ["april", "apr", "avril", "avr"]],
  [5, ["may", "mai"]],
  [6, ["june", "jun", "juin"]],
  [7, ["july", "jul", "juillet", "juil"]],
  [8, ["august", "aug", "aout"]],
  [9, ["september", "sept", "sep", "septembre"]],
  [10, ["october", "oct", "octobre"]],
  [11, ["november", "nov", "novembre"]],
  [12, ["december", "dec", "decembre"]],
];
for (const [month, names] of monthNames) for (const name of names) MONTHS[name] = month;

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2200) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date as "YYYY-MM-DD", or null when the text holds no date this reader understands. */
export function parseHumanDate(text: string): string | null {
  const t = fold(text).replace(/\s+/g, " ").trim();
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // "August 13, 2015", "Aug. 13 2015"
  m = /\b([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(t);
  if (m && MONTHS[m[1]]) return iso(Number(m[3]), MONTHS[m[1]], Number(m[2]));
  // "13 août 2015", "1er août 2015", "13 August 2015"
  m = /\b(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]+)\.? (\d{4})\b/.exec(t);
  if (m && MONTHS[m[2]]) return iso(Number(m[3]), MONTHS[m[2]], Number(m[1]));
  return null;
}
