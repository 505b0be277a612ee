// base : les pages des lecteurs (gabarit, accueil, navigation, impression, liste des référentiels) et pages d'erreur.

import type { Translation } from "../dictionary.ts";
import type { core as enCore } from "../en/core.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);

export const core: Translation<typeof enCore> = {
  siteName: "Skillshelf",
  skipToContent: "Passer au contenu principal",
  primaryNav: "Catégories",
  languageSwitch: "English",
  languageSwitchLabel: "Read this page in English",
  searchLabel: "Rechercher dans le répertoire",
  searchPlaceholder: "Mots ou termes",
  searchButton: "Rechercher",
  homeTitle: "Répertoire des compétences",
  homeIntro:
    "Parcourez les connaissances, compétences et aptitudes qu'exige le travail en bibliothèque publique, par catégorie et par domaine, en français et en anglais. Faites une recherche, imprimez un domaine ou le répertoire entier.",
  categoriesHeading: "Catégories et domaines",
  wholeFramework: "Le répertoire complet sur une page",
  wholeFrameworkIntro:
    "Toutes les catégories, tous les domaines, compétences et connaissances, compétences ou aptitudes, prêts à imprimer ou à enregistrer en PDF.",
  contents: "Table des matières",
  breadcrumb: "Fil d'Ariane",
  home: "Accueil",
  areasIn: (category) => `Domaines de la catégorie ${category}`,
  lastUpdated: "Dernière mise à jour",
  lastUpdatedOn: (date) => `Dernière mise à jour : ${date}`,
  competency: "Compétence",
  ksaHeading: "Connaissances, compétences et aptitudes associées",
  print: "Imprimer",
  printThisPage: "Imprimer cette page",
  printView: "Version imprimable",
  backToPage: "Retour à la page",
  printedFrom: "Imprimé à partir de",
  edition: (version) => `Édition ${version}`,
  printedOn: (date) => `imprimé le ${date}`,
  printCheck:
    "Ce répertoire évolue : consultez la page Web pour vérifier s'il existe une version plus récente avant de vous fier à un document imprimé.",
  competencyCount: (n) => (n <= 1 ? `${n} compétence` : `${number(n)} compétences`),
  itemCount: (n) => (n <= 1 ? `${n} élément` : `${number(n)} éléments`),
  inOtherLanguage: "Pas encore traduit en français; affiché en anglais.",
  frameworksTitle: "Référentiels",
  frameworksIntro: "Les référentiels de compétences hébergés sur ce site.",
  version: "Version",
  publisher: "Éditeur",
  licence: "Licence",
  status: "Statut",
  noFrameworks:
    "Aucun référentiel n'a encore été chargé. Un administrateur peut exécuter : npx skillshelf load-starter",
  notFoundTitle: "Page introuvable",
  notFoundBody: "Nous n'avons pas trouvé cette page. Elle a peut-être été déplacée, ou l'adresse contient une erreur.",
  errorTitle: "Une erreur s'est produite",
  errorBody: "Le serveur n'a pas pu traiter votre demande. Veuillez réessayer dans un moment.",
  goHome: "Aller à l'accueil du répertoire",
  footerAbout: "Skillshelf — un répertoire bilingue des compétences du personnel des bibliothèques publiques.",
  apiLink: "API JSON",
};
