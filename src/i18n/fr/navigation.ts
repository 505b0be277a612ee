// navigation : se repérer — domaines voisins et liens précédent/suivant, retour à la table des matières,
// plusieurs référentiels, recherche corrigée ou limitée, et les accès à l'éditeur (en-tête, liens Modifier, saut).

import type { Translation } from "../dictionary.ts";
import type { navigation as enNavigation } from "../en/navigation.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);

export const navigation: Translation<typeof enNavigation> = {
  navSiblingsHeading: (type) => `${type} :`,
  navPrevNext: "Précédent et suivant",
  navPrevious: "Précédent :",
  navNext: "Suivant :",
  navBackToContents: "Retour à la table des matières",
  homeFrameworksHeading: "Les référentiels de ce site",
  homeFrameworkItems: (n) => (n <= 1 ? `${number(n)} élément` : `${number(n)} éléments`),
  searchCorrected: (query) => `Résultats affichés pour « ${query} ».`,
  searchFrameworkOf: (title) => `Référentiel : ${title}`,
  searchNarrowHeading: "Limiter à un référentiel",
  searchNarrowLink: (title, n) => `${title} (${number(n)})`,
  searchNarrowedTo: (title) => `Uniquement dans « ${title} ».`,
  searchAllFrameworks: "Chercher dans tous les référentiels",
  searchUnknownFramework:
    "Ce référentiel n'est pas publié sur ce site : la recherche a donc porté sur tous les référentiels.",
  editThis: "Modifier",
  editThisLabel: (name) => `Modifier « ${name} » dans l'espace de rédaction`,
  editorJumpLabel: "Aller à un élément",
  editorJumpHint: "Son code, ou des mots de son énoncé, en français ou en anglais.",
  editorJumpButton: "Aller",
  editorJumpTitle: "Trouver un élément de l'ébauche",
  editorJumpIntro: "La recherche porte sur l'ébauche, modifications non publiées comprises.",
  editorJumpCount: (n, query) =>
    n <= 1 ? `${number(n)} élément correspond à « ${query} ».` : `${number(n)} éléments correspondent à « ${query} ».`,
  editorJumpNone: (query) => `Aucun élément de l'ébauche ne correspond à « ${query} ».`,
  editorJumpEmpty: "Tapez un code ou quelques mots.",
  editorSlugFromTitleHint:
    "Facultatif : laissé vide, il est tiré du titre. Lettres minuscules, chiffres et traits d'union, par exemple competences-ma-bibliotheque. Il fait partie de l'adresse et ne pourra plus être changé.",
};
