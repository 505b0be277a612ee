// base : les pages des lecteurs (gabarit, accueil, navigation, impression, liste des référentiels) et pages d'erreur.

import type { Translation } from "../dictionary.ts";
import type { core as enCore } from "../en/core.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);

export const core: Translation<typeof enCore> = {
  siteName: "Skillshelf",
  skipToContent: "Passer au contenu principal",
  primaryNav: "Catégories",
  languageSwitch: "English",
  languageSwitchLabel: "Read this page in English",
  searchLabel: "Rechercher dans le référentiel",
  searchPlaceholder: "Mots ou termes",
  searchButton: "Rechercher",
  homeTitle: "Référentiel de compétences",
  homeIntro:
    "Parcourez les connaissances, habiletés et aptitudes qu'exige le travail en bibliothèque publique, par catégorie et par domaine, en français et en anglais. Faites une recherche, imprimez un domaine ou le référentiel entier.",
  categoriesHeading: "Catégories et domaines",
  wholeFramework: "Le référentiel complet sur une page",
  wholeFrameworkIntro:
    "Toutes les catégories et tous les domaines, avec leurs compétences et leurs connaissances, habiletés et aptitudes, prêts à imprimer ou à enregistrer en PDF.",
  contents: "Table des matières",
  breadcrumb: "Fil d'Ariane",
  home: "Accueil",
  areasIn: (category) => `Domaines de la catégorie ${category}`,
  lastUpdated: "Dernière mise à jour",
  lastUpdatedOn: (date) => `Dernière mise à jour : ${date}`,
  competency: "Compétence",
  ksaHeading: "Connaissances, habiletés et aptitudes associées",
  print: "Imprimer",
  printThisPage: "Imprimer cette page",
  printView: "Version imprimable",
  backToPage: "Retour à la page",
  printedFrom: "Imprimé à partir de",
  edition: (version) => `Édition ${version}`,
  printedOn: (date) => `imprimé le ${date}`,
  printCheck:
    "Ce référentiel évolue : avant de vous fier à un document imprimé, vérifiez sur le site s'il en existe une version plus récente.",
  competencyCount: (n) => (n <= 1 ? `${n} compétence` : `${number(n)} compétences`),
  itemCount: (n) => (n <= 1 ? `${n} élément` : `${number(n)} éléments`),
  inOtherLanguage: "Pas encore traduit en français ; texte affiché en anglais.",
  frameworksTitle: "Référentiels",
  frameworksIntro: "Les référentiels de compétences hébergés sur ce site.",
  version: "Version",
  publisher: "Publié par",
  licence: "Licence",
  status: "Statut",
  noFrameworks:
    "Aucun référentiel n'a encore été chargé. La personne qui administre le site peut exécuter : npx skillshelf load-starter",
  notFoundTitle: "Page introuvable",
  notFoundBody: "Cette page est introuvable. Elle a peut-être été déplacée, ou l'adresse comporte une erreur.",
  errorTitle: "Une erreur s'est produite",
  errorBody: "Le serveur n'a pas pu traiter votre demande. Veuillez réessayer dans un moment.",
  goHome: "Retour à l'accueil du référentiel",
  footerAbout: "Skillshelf — un référentiel bilingue des compétences du personnel des bibliothèques publiques.",
  apiLink: "API JSON",
};
