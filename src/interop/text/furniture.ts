/**
 * Page furniture: the menus, breadcrumbs, log-in links and footers that come along when someone
 * copies a web page. Whole furniture lines are dropped; furniture that a browser's copy glued into
 * the middle of a sentence is cut out of it.
 */

/** Same text for matching: lower case, no accents, no symbols around it. */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/** Lines that are furniture on their own, matched on the folded text. */
const FURNITURE_LINES: readonly RegExp[] = [
  /^print( this)? page$/,
  /^imprimer( la page| cette page)?$/,
  /^(log ?in|sign ?in)( to libapps)?$/,
  /^(se connecter|connexion)( a libapps)?$/,
  /libapps/,
  /springshare/,
  /^(search|rechercher|search words|search this guide|search this site)$/,
  /^search words termes search rechercher$/,
  /^return to( the)?$/,
  /^(skip to (main )?content|aller au contenu( principal)?)$/,
  /^(home|accueil|menu|share|partager|email me|table of contents|previous|next|precedent|suivant)$/,
  /^(subjects?|tags?|sujets?|mots-?cles)\s*:/,
  /^url\s*:/,
  /^https?:\/\/\S+$/,
  /^(c|copyright)\s+\d{4}/,
  /^(all rights reserved|tous droits reserves)/,
  /^(report a problem|signaler un probleme)$/,
];

/** A "Last Updated" that belongs to the web page (a time of day, or a URL), not to the content. */
const PAGE_FOOTER = /\b(last updated|derniere mise a jour)\s*:.*(\d{1,2}:\d{2}|\burl\s*:|https?:)/;

/** True for lines that carry no content of their own. */
export function isFurnitureLine(line: string): boolean {
  const raw = line.trim();
  if (raw === "") return false;
  // Rules drawn with dashes or underscores, and lines of symbols only (icons, arrows).
  if (!/[\p{L}\p{N}]/u.test(raw)) return true;
  const folded = fold(raw);
  if (PAGE_FOOTER.test(folded)) return true;
  if (FURNITURE_LINES.some((pattern) => pattern.test(folded))) return true;
  return isBreadcrumb(raw);
}

/** "Site / Resources Home / Guide / Page": three or more short segments joined by "/" or "›". */
function isBreadcrumb(line: string): boolean {
  const parts = line.split(/\s+(?:\/|›|»|>)\s+/);
  return parts.length >= 3 && parts.every((part) => part.length > 0 && part.length <= 60 && !/[.!?]$/.test(part));
}

/** Furniture found inside a line of content; each pattern is removed and the gap closed. */
const INLINE_FURNITURE: readonly RegExp[] = [
  // LibGuides' "Log in to LibApps | Se connecter à LibApps", often with its first words lost.
  /(?:\b(?:log\s*in\s+)?to\s+)?LibApps\s*\|\s*Se\s+connecter\s+(?:à|a)\s+LibApps\b/giu,
  /\b(?:log\s*in|sign\s*in)\s+to\s+LibApps\b/giu,
  /\bSe\s+connecter\s+(?:à|a)\s+LibApps\b/giu,
  /\bLast\s+Updated\s*:\s*[\s\S]{0,80}?\bURL\s*:\s*\S+/giu,
  /\bDerni[èe]re\s+mise\s+[àa]\s+jour\s*:\s*[\s\S]{0,80}?\bURL\s*:\s*\S+/giu,
  /\bURL\s*:\s*https?:\/\/\S+/giu,
  /(?:^|\s)[\u2190-\u21ff\u2794-\u27bf\u{1F5A8}]?\s*\bPrint\s+Page\b/giu,
];

export function stripInlineFurniture(text: string): string {
  let result = text;
  for (const pattern of INLINE_FURNITURE) result = result.replace(pattern, " ");
  return result.replace(/\s{2,}/g, " ").trim();
}

/** Words that a sentence cannot end on, so a line ending with one goes on in the next line. */
export const CONNECTORS = new Set(
  (
    "and or of to the a an in on for with by as at from into about than that which who whose nor but " +
    "et ou de du des la le les l d à au aux pour avec par en sur dans que qui dont ni mais un une"
  ).split(" "),
);
