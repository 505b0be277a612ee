// carte de chaleur de l'équipe d'un gestionnaire et écarts classés (src/insights/team), exports.

import type { Translation } from "../dictionary.ts";
import type { insightsTeam as en } from "../en/insights-team.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);

export const insightsTeam: Translation<typeof en> = {
  itTitle: "Portrait de l'équipe",
  itIntro:
    "Où en est chacune des personnes qui relèvent de vous par rapport aux cibles de son profil de poste, d'après sa dernière évaluation, et quelles compétences l'équipe a le plus besoin de développer.",
  itTeamLink: "Portrait de l'équipe : carte de chaleur et écarts",
  itLandingLink: "Portrait de l'équipe",
  itEmptyTeam: "Personne ne relève de vous : il n'y a pas d'équipe à afficher.",
  itEmptyScope: "Personne dans cette vue : aucune personne ne relève directement de vous.",
  itEmptyRows: "Personne dans cette vue n'a encore été évalué.",
  itDownloads: "Téléchargements",
  itDownloadHeatmapCsv: "Carte de chaleur (CSV)",
  itDownloadGapsCsv: "Écarts classés (CSV)",
  itDownloadXlsx: "Carte de chaleur et écarts (Excel)",
  itDownloadPdf: "Carte de chaleur et écarts (PDF)",
  itOptionsHeading: "Affichage",
  itScopeLegend: "Personnes",
  itScopeChain: "Toute ma ligne hiérarchique",
  itScopeDirect: "Mes subordonnés directs seulement",
  itModeLegend: "Chaque case indique",
  itModeGap: "L'écart (cible moins niveau convenu)",
  itModeLevel: "Le niveau convenu",
  itGroupByArea: "Regrouper les compétences par domaine",
  itApply: "Afficher",
  itHeatmapHeading: "Carte de chaleur",
  itCaption: (mode, scope, sortedBy, dir) =>
    `${mode === "gap" ? "Écart à la cible" : "Niveau convenu"} par personne et par compétence, ${
      scope === "direct" ? "subordonnés directs seulement" : "toute votre ligne hiérarchique"
    } ; trié par ${sortedBy}, ordre ${dir === "asc" ? "croissant" : "décroissant"}. Chaque case mène à l'évaluation.`,
  itSortAscending: "trier en ordre croissant",
  itSortDescending: "trier en ordre décroissant",
  itColPerson: "Personne",
  itColEmployeeNumber: "Matricule",
  itColLine: "Lien hiérarchique",
  itColTotalGap: "Écart total",
  itColUnassessed: "Non évaluées",
  itColRank: "Rang",
  itColCode: "Code",
  itColCompetency: "Compétence",
  itColArea: "Domaine",
  itColScore: "Indice de priorité",
  itColAffected: "Personnes sous la cible",
  itColGapTotal: "Écart cumulé (niveaux)",
  itColPeople: "Personnes visées par une cible",
  itDirect: "directement",
  itIndirect: "par l'entremise d'un autre gestionnaire",
  itNoAssessment: "pas encore d'évaluation",
  itNoArea: "Autres compétences",
  itGone: "ne figure plus au référentiel",
  itCellUnassessed: "pas encore évaluée",
  itCellNoTarget: "sans cible",
  itCellAbsent: "absente de l'évaluation de cette personne",
  itLegendHeading: "Légende",
  itLegendGap0: "cible atteinte ou dépassée",
  itLegendGap: (n) => `${number(n)} ${n <= 1 ? "niveau" : "niveaux"} sous la cible`,
  itLegendGap3: "3 niveaux ou plus sous la cible",
  itLegendLevel: (n) => (n >= 5 ? "niveau 5 ou plus" : `niveau ${number(n)}`),
  itKeyHeading: "Compétences du tableau",
  itGapsHeading: "Écarts de l'équipe, par ordre de priorité",
  itGapsIntro:
    "Compétences classées selon l'indice de priorité : l'importance de la compétence (essentielle 3, atout 1) multipliée par l'écart, additionnée sur les personnes concernées. Une compétence pas encore évaluée est comptée à part, jamais comme un écart.",
  itGapsEmpty: "Aucune compétence assortie d'une cible dans cette vue pour l'instant.",
  itGapsCaption: "Compétences de l'équipe classées selon l'indice de priorité",
  itChartTitle: "Indice de priorité par compétence",
  itChartDescription: (shown, total) =>
    shown === total
      ? `Diagramme à barres de l'indice de priorité des ${number(total)} compétences classées ; le tableau ci-dessous donne les mêmes chiffres.`
      : `Diagramme à barres de l'indice de priorité des ${number(shown)} premières compétences sur ${number(total)} ; le tableau ci-dessous les donne toutes.`,
  itChartCaption:
    "Les indices de priorité les plus élevés ; le tableau ci-dessous reprend chaque compétence avec ses chiffres.",
  itSheetHeatmap: "Carte de chaleur",
  itSheetGaps: "Écarts classés",
  itFileHeatmap: "equipe-carte-de-chaleur",
  itFileGaps: "equipe-ecarts",
  itFileBoth: "portrait-equipe",
  itPdfSubject: "Écarts à la cible et niveaux convenus d'une équipe, par compétence",
  itPdfFooter: (title, page, pages) => `${title} — Page ${page} sur ${pages}`,
  itPdfFacts: (organisation, scope, people) =>
    `${organisation} · ${scope === "direct" ? "Subordonnés directs" : "Toute la ligne hiérarchique"} · ${number(people)} ${people <= 1 ? "personne" : "personnes"}`,
  itPdfLegend: (mode) =>
    `${mode === "gap" ? "Chaque case donne l'écart à la cible, en niveaux (0 : cible atteinte ou dépassée)." : "Chaque case donne le niveau convenu."} ? pas encore évaluée · ∅ sans cible · · absente de l'évaluation de la personne.`,
  itPdfPart: (from, to, of) => `Compétences ${number(from)} à ${number(to)} sur ${number(of)}`,
  itPdfTotal: "Total",
};
