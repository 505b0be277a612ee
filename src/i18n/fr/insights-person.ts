// constats d'une personne (src/insights/person) : niveaux convenus et cibles, graphique et tableau, évolution d'un cycle à l'autre, exports.

import type { Translation } from "../dictionary.ts";
import type { insightsPerson as en } from "../en/insights-person.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);
/** En français, 0 et 1 prennent le singulier. */
const count = (n: number, one: string, many: string) => (n <= 1 ? `${number(n)} ${one}` : `${number(n)} ${many}`);

export const insightsPerson: Translation<typeof en> = {
  ipTitleOwn: "Mon portrait de compétences",
  ipTitleOf: (name) => `Portrait de compétences : ${name}`,
  ipLinkLabel: "Portrait : niveaux et cibles",
  ipIntroOwn:
    "Où vous en êtes par rapport aux cibles de votre profil de poste, compétence par compétence, et comment cela a évolué.",
  ipIntroOf: (name) =>
    `Où en est ${name} par rapport aux cibles de son profil de poste, compétence par compétence, et comment cela a évolué.`,
  ipNoAssessment:
    "Aucune évaluation pour l’instant : le portrait apparaîtra quand un cycle d’évaluation inclura cette personne.",
  ipNothingAgreed:
    "Rien n’est encore convenu dans la dernière évaluation : les niveaux s’afficheront ici dès que la personne et son gestionnaire se seront entendus.",
  ipLatestHeading: "Niveau convenu et cible",
  ipLatestFrom: (cycle) => `Selon la dernière évaluation : ${cycle}.`,
  ipOpenAssessment: "Ouvrir l’évaluation",
  ipPlanLink: "Plan de développement",
  ipDownloads: "Télécharger",
  ipDownloadCsv: "Tableur (CSV)",
  ipDownloadXlsx: "Classeur (Excel)",
  ipDownloadPdf: "Document PDF",
  ipSummary: (below, met, unassessed) =>
    `${count(below, "compétence", "compétences")} sous la cible, ${number(met)} à la cible ou au-delà, ${number(unassessed)} pas encore évaluée${unassessed > 1 ? "s" : ""}.`,
  ipChartTitle: "Niveau convenu et cible, par compétence",
  ipChartDescription:
    "Une barre par compétence indique le niveau convenu; un trait vertical épais marque la cible. Les tableaux ci-dessous donnent les mêmes chiffres.",
  ipChartLegend: "Barres : niveau convenu. Traits épais : cible. Un tiret : pas encore évaluée.",
  ipScaleLevels: (levels) => `Niveaux de l’échelle : ${levels}.`,
  ipColumnArea: "Domaine",
  ipColumnCode: "Code",
  ipColumnCompetency: "Compétence",
  ipColumnImportance: "Importance",
  ipColumnTarget: "Cible",
  ipColumnAgreed: "Niveau convenu",
  ipColumnGap: "Écart",
  ipColumnStatus: "Situation",
  ipColumnResources: "Ressources d’apprentissage",
  ipNoArea: "Autres compétences",
  ipGoneArea: "Retirées du référentiel",
  ipGone: "Ne figure plus au référentiel",
  ipImportanceEssential: "Essentielle",
  ipImportanceAsset: "Atout",
  ipImportanceNone: "Non précisée",
  ipNoTarget: "Sans cible",
  ipNotAssessed: "Pas encore évaluée",
  ipGapLevels: (n) => count(n, "niveau", "niveaux"),
  ipStatusBelow: "Sous la cible",
  ipStatusMet: "Cible atteinte",
  ipStatusUnassessed: "Pas encore évaluée",
  ipStatusNoTarget: "Sans cible",
  ipNoResources: "Aucune ressource associée pour l’instant.",
  ipBrowseCatalogue: "Parcourir le catalogue",
  ipHistoryHeading: "Évolution d’un cycle à l’autre",
  ipHistoryIntro: "Le niveau convenu de chaque compétence à chacun des cycles d’évaluation de cette personne.",
  ipHistoryChartTitle: "Niveau convenu par compétence à chaque cycle",
  ipHistoryChartDescription:
    "Une grille : une ligne par compétence, une colonne par cycle, le niveau convenu inscrit dans chaque case (plus foncé, plus élevé). Le tableau ci-dessous donne les mêmes chiffres.",
  ipHistoryChartLegend:
    "Chaque case donne le niveau convenu; un tiret : pas évaluée à ce cycle; un point d’interrogation : pas de niveau convenu.",
  ipHistoryCaption: "Niveau convenu par cycle",
  ipNotInCycle: "Pas évaluée à ce cycle",
  ipNotAgreed: "Non convenu",
  ipSheetLatest: "Dernière évaluation",
  ipSheetHistory: "D’un cycle à l’autre",
  ipPdfPerson: (name) => `Personne : ${name}`,
  ipPdfGenerated: (when) => `Produit le ${when}`,
};
