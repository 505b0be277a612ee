/**
 * The starter's style sheet as checks (content/README.md explains each choice to a writer): one term
 * per idea in each language, epicene French, and KSAs that can each be rated on their own.
 */

/** A pattern that matches whole words only (JavaScript's \\b does not know accented letters). */
function words(pattern: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, `${flags}u`);
}

export interface TermRule {
  lang: "en" | "fr";
  /** The term to use. */
  use: string;
  /** What a writer might write instead (whole words, case-insensitive unless the pattern says otherwise). */
  avoid: RegExp;
  /** Where the rule applies: content and the UI dictionaries, or the UI only (names of the product's own things). */
  scope: "both" | "ui";
}

/** One term per idea. Each pattern matches the variants the starter does not use. */
export const TERMS: readonly TermRule[] = [
  // People who use the library are "patrons": the index's own word ("Patron Training").
  {
    lang: "en",
    use: "patrons",
    avoid: words("(?:users?|end-users?|customers?(?! service| focus))", "gi"),
    scope: "both",
  },
  {
    lang: "en",
    use: "older adults",
    avoid: words("(?:seniors|elderly|senior citizens?)", "gi"),
    scope: "both",
  },
  { lang: "en", use: "well-being", avoid: words("(?:wellbeing|well being|wellness)", "gi"), scope: "both" },
  { lang: "en", use: "2SLGBTQI+", avoid: /(?<![\w+])(?!2SLGBTQI\+)[0-9A-Z]*LGBT[0-9A-Z]*\+?/g, scope: "both" },
  {
    lang: "fr",
    use: "usagers",
    avoid: words("(?:abonnée?s?|utilisat(?:eur|rice)s?|client(?:e|s|es)?)", "gi"),
    scope: "both",
  },
  // « Clientèle » only in the name of the practice, « service à la clientèle ».
  { lang: "fr", use: "usagers", avoid: words("(?<!services? à la )clientèle", "gi"), scope: "both" },
  // A library's events are « activités »; « programmation » is the whole offering (a government's
  // « programmes » keep their name).
  {
    lang: "fr",
    use: "activités",
    avoid: words("programmes?(?! d'aide| fédéra| provinci| municipa| gouvernementa| de subvention)", "gi"),
    scope: "both",
  },
  {
    lang: "fr",
    use: "personnes aînées",
    avoid: words("(?:personnes âgées|troisième âge)|(?<!personnes )aîné(?:e)?s", "g"),
    scope: "both",
  },
  { lang: "fr", use: "bien-être", avoid: words("mieux-être", "gi"), scope: "both" },
  { lang: "fr", use: "2ELGBTQI+", avoid: /(?<![\w+])(?!2ELGBTQI\+)[0-9A-Z]*LGBT[0-9A-Z]*\+?/g, scope: "both" },
  // In the UI, the index is a « référentiel » and an unpublished state an « ébauche » (content may
  // name other things, such as the « Répertoire de vedettes-matière »).
  { lang: "fr", use: "référentiel", avoid: words("répertoires?", "gi"), scope: "ui" },
  { lang: "fr", use: "ébauche", avoid: words("brouillons?", "gi"), scope: "ui" },
];

/**
 * Masculine forms used for people in general, with the feminine that makes a doublet acceptable
 * (« les résidentes et résidents »). Better still is an epicene word: the suggestion says which.
 */
export const EPICENE: readonly { masculine: RegExp; feminine?: string; suggestion: string }[] = [
  { masculine: words("directeurs? générau?[lx]", "gi"), suggestion: "direction générale" },
  { masculine: words("employés", "gi"), feminine: "employée", suggestion: "membres du personnel" },
  {
    masculine: words("superviseurs?", "gi"),
    feminine: "superviseure",
    suggestion: "la personne responsable, la ou le gestionnaire",
  },
  { masculine: words("élus", "gi"), feminine: "élue", suggestion: "personnes élues, membres du conseil" },
  {
    masculine: words("résidents", "gi"),
    feminine: "résidente",
    suggestion: "population, résidentes et résidents",
  },
  { masculine: words("participants", "gi"), feminine: "participante", suggestion: "personnes participantes" },
  {
    masculine: words("adolescents", "gi"),
    feminine: "adolescente",
    suggestion: "jeunes, adolescentes et adolescents",
  },
  { masculine: words("nouveaux arrivants", "gi"), suggestion: "personnes nouvellement arrivées" },
  { masculine: words("apprenants", "gi"), feminine: "apprenante", suggestion: "personnes apprenantes" },
  {
    masculine: words("lecteurs(?! d'écran| réseau| RFID| de cartes)", "gi"),
    feminine: "lectrice",
    suggestion: "lectorat, lectrices et lecteurs",
  },
  { masculine: words("conseillers", "gi"), feminine: "conseillère", suggestion: "membres du conseil" },
  { masculine: words("décideurs", "gi"), feminine: "décideuse", suggestion: "instances décisionnelles" },
  { masculine: words("donateurs", "gi"), feminine: "donatrice", suggestion: "donatrices et donateurs" },
  { masculine: words("auteurs", "gi"), feminine: "autrice", suggestion: "autrices et auteurs" },
  {
    masculine: words("créateurs", "gi"),
    feminine: "créatrice",
    suggestion: "artistes, créatrices et créateurs",
  },
  { masculine: words("techniciens", "gi"), feminine: "technicienne", suggestion: "personnel technique" },
  { masculine: words("chercheurs", "gi"), feminine: "chercheuse", suggestion: "chercheuses et chercheurs" },
  { masculine: words("animateurs", "gi"), feminine: "animatrice", suggestion: "animatrices et animateurs" },
  { masculine: words("informateurs", "gi"), feminine: "informatrice", suggestion: "personnes-ressources" },
  {
    masculine: words("administrateurs?", "gi"),
    feminine: "administratrice",
    suggestion: "administratrices et administrateurs",
  },
  { masculine: words("éditeurs?", "gi"), feminine: "éditrice", suggestion: "maison d'édition" },
  { masculine: words("rédacteurs?", "gi"), feminine: "rédactrice", suggestion: "rédacteur ou rédactrice" },
  { masculine: words("étudiants", "gi"), feminine: "étudiante", suggestion: "population étudiante" },
  { masculine: words("(?:l'|un |cet |chaque )usager", "gi"), suggestion: "la personne" },
];

/** Problems with the chosen terms in one text, under the rules that apply to content or to the UI. */
export function termProblems(text: string, lang: "en" | "fr", scope: "content" | "ui" = "content"): string[] {
  const problems: string[] = [];
  for (const rule of TERMS) {
    if (rule.lang !== lang || (scope === "content" && rule.scope === "ui")) continue;
    for (const match of text.matchAll(rule.avoid)) problems.push(`“${match[0]}”: the style sheet says “${rule.use}”`);
  }
  return problems;
}

/** Masculine generics in a French text that no feminine form pairs with. */
export function epiceneProblems(text: string): string[] {
  const problems: string[] = [];
  for (const rule of EPICENE) {
    for (const match of text.matchAll(rule.masculine)) {
      const at = match.index ?? 0;
      const before = text.slice(0, at);
      const after = text.slice(at + match[0].length);
      const { feminine } = rule;
      const doublet =
        feminine !== undefined &&
        (new RegExp(`${feminine}s? (?:et|ou) (?:(?:les|des|aux|à|de|du|un|une|le|la) |d')*$`, "i").test(before) ||
          new RegExp(`^ (?:et|ou) (?:(?:les|des|aux|à|de|du|un|une|le|la) |d')*${feminine}`, "i").test(after));
      if (!doublet) problems.push(`“${match[0]}”: masculine for people in general; write “${rule.suggestion}”`);
    }
  }
  return problems;
}

/**
 * Openings that name an attitude or a wish, not something a manager could watch someone do:
 * "Supports the community's hopes" cannot be rated, "Explains the budget to the board" can.
 */
export const VAGUE_OPENINGS = [
  "Understands",
  "Supports",
  "Champions",
  "Sparks",
  "Fosters",
  "Values",
  "Appreciates",
  "Embraces",
  "Believes",
  "Strives",
  "Promotes",
  "Contributes",
  "Cultivates",
  "Is",
  "Has",
];

export function vagueOpening(statement: string): string | null {
  const first = statement.split(/\s+/)[0];
  return VAGUE_OPENINGS.includes(first) ? first : null;
}

/**
 * A KSA that joins two behaviours ("Spots partners, and explains what each side gains") cannot be
 * rated on its own: someone may do one and not the other. Found by a second verb — one of the verbs
 * KSAs open with — joined by "and", "then" or a semicolon after the first few words. "Creates and
 * updates records" (two verbs, one object, at the start) is one behaviour and passes.
 */
export function secondBehaviour(statement: string, verbs: ReadonlySet<string>): string | null {
  const words = statement.match(/[\p{L}'-]+|[,;]/gu) ?? [];
  for (let i = 3; i < words.length - 1; i++) {
    const joiner = words[i].toLowerCase();
    const next = words[i + 1];
    if (joiner === ";" && /^\p{L}/u.test(next)) return `; ${next}`;
    if ((joiner === "and" || joiner === "then") && verbs.has(next.toLowerCase())) return `${joiner} ${next}`;
  }
  return null;
}

/** The verbs KSAs open with ("Explains", "Keeps"…), lower-cased: what `secondBehaviour` looks for. */
export function openingVerbs(statements: readonly string[]): Set<string> {
  return new Set(statements.map((s) => s.split(/[\s,]+/)[0].toLowerCase()).filter((w) => w.endsWith("s")));
}
