// priorités de formation, répartitions, tendances et relève de l'organisation (src/insights/organisation), exports.

import type { Translation } from "../dictionary.ts";
import type { insightsOrg as en } from "../en/insights-org.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);
const decimal = (n: number) => new Intl.NumberFormat("fr-CA", { maximumFractionDigits: 2 }).format(n);

export const insightsOrg: Translation<typeof en> = {
  ioTitle: "Priorités de formation",
  ioIntro:
    "Les compétences classées selon le besoin : importance × écart × nombre de personnes touchées, d’après la dernière évaluation de chacun.",
  ioSuppressionNote:
    "Les chiffres qui portent sur moins de 5 personnes que vous ne pouvez pas consulter individuellement sont remplacés par « moins de 5 », tout comme quelques autres qui permettraient de les retrouver.",
  ioFewerThan5: "moins de 5",
  ioViewLabel: "Priorités pour",
  ioViewAll: "Toute l’organisation",
  ioViewUnit: (name: string) => `Unité : ${name}`,
  ioViewPosition: (name: string) => `Poste : ${name}`,
  ioNoUnit: "Sans unité",
  ioNoPosition: "Sans poste",
  ioShow: "Afficher",
  ioGroupUnits: "Unités",
  ioGroupPositions: "Postes",
  ioUnknownView: "Aucune des personnes évaluées n’appartient à cette unité ou n’occupe ce poste.",
  ioRankingHeading: "Classement",
  ioRankingCaption: (view: string) => `Compétences classées selon le besoin — ${view}`,
  ioColRank: "Rang",
  ioColCompetency: "Compétence",
  ioColScore: "Indice de besoin",
  ioColPeople: "Personnes visées",
  ioColAffected: "Sous la cible",
  ioColUnassessed: "Pas encore évaluées",
  ioColGapTotal: "Niveaux manquants (total)",
  ioUnranked: "—",
  ioNone: "Personne n’a encore été évalué par rapport à des cibles.",
  ioRetired: "ne figure plus au répertoire",
  ioChartRanking: (view: string) =>
    `Diagramme à barres de l’indice de besoin des principales compétences — ${view}. Le tableau reprend les mêmes chiffres.`,
  ioDistributionsHeading: "Répartitions",
  ioDistributionsIntro:
    "Combien de personnes se situent à chaque niveau convenu pour les principales compétences, et combien n’ont pas encore été évaluées.",
  ioDistributionCaption: (name: string) => `Niveaux convenus : ${name}`,
  ioColLevel: "Niveau",
  ioColPeopleAtLevel: "Personnes",
  ioLevel: (n: number) => `Niveau ${number(n)}`,
  ioBeyondScale: "Au-delà du niveau le plus élevé",
  ioNotAssessed: "Pas encore évaluées",
  ioChartDistribution: (name: string) =>
    `Diagramme à barres du nombre de personnes à chaque niveau convenu : ${name}. Le tableau reprend les mêmes chiffres.`,
  ioDistributionSuppressed: (name: string) => `${name} : moins de 5 personnes — la répartition n’est pas affichée.`,
  ioTrendsHeading: "Évolution d’un cycle à l’autre",
  ioTrendsIntroAll: "Indice de besoin et écart moyen des principales compétences à chaque cycle d’évaluation.",
  ioTrendsIntroSeen:
    "Indice de besoin et écart moyen des principales compétences à chaque cycle d’évaluation, pour les personnes que vous pouvez consulter individuellement (vos équipes) : les chiffres de toute l’organisation par cycle pourraient être soustraits de ceux qui précèdent.",
  ioTrendsNone: "Aucun cycle d’évaluation ne compte encore d’évaluations.",
  ioTrendsCaption: "Indice de besoin et écart moyen par cycle",
  ioColCycle: "Cycle",
  ioColMeanGap: "Écart moyen (niveaux)",
  ioColAssessed: "Évaluées",
  ioChartTrends:
    "Graphique linéaire de l’indice de besoin des principales compétences à chaque cycle. Le tableau reprend les mêmes chiffres.",
  ioDecimal: decimal,
  ioNumber: number,
  ioExportsLabel: "Télécharger cette vue",
  ioExportCsv: "CSV",
  ioExportXlsx: "Excel (XLSX)",
  ioExportPdf: "PDF",
  ioExportAll: (format: string) => `Toutes les unités et tous les postes (${format})`,
  ioReadinessLink: "Relève pour un profil de poste",
  ioPrioritiesLink: "Priorités de formation",
  ioReadinessTitle: "Relève",
  ioReadinessIntro:
    "Les personnes dont les derniers niveaux convenus atteignent, en tout ou en partie, les cibles d’un profil de poste — pour planifier la relève.",
  ioReadinessProfile: "Profil de poste",
  ioReadinessSort: "Trier par",
  ioSortMet: "Cibles atteintes (le plus grand nombre)",
  ioSortShortfall: "Niveaux manquants (le moins)",
  ioSortName: "Nom",
  ioReadinessChoose: "Choisissez un profil de poste pour voir qui en atteint les cibles.",
  ioReadinessNoProfiles: "L’organisation n’a pas encore de profils de poste.",
  ioReadinessNoRequirements: "Ce profil ne fixe encore aucune cible de compétence.",
  ioReadinessNobody: "Personne n’atteint encore l’une ou l’autre des cibles de ce profil.",
  ioReadinessCaption: (profile: string, n: number) =>
    `${n === 1 ? "1 personne atteint" : `${number(n)} personnes atteignent`} des cibles du profil ${profile}`,
  ioColPerson: "Personne",
  ioColMet: "Cibles atteintes",
  ioColShortfall: "Niveaux manquants",
  ioColMissing: "Reste à atteindre",
  ioMetOf: (met: number, total: number) => `${number(met)} sur ${number(total)}`,
  ioMissingLevel: (name: string, agreed: number | null, target: number) =>
    agreed === null
      ? `${name} : non évaluée (cible ${number(target)})`
      : `${name} : niveau ${number(agreed)} sur ${number(target)}`,
  ioAllMet: "Toutes atteintes",
  ioUnknownProfile: "Cette organisation n’a pas de tel profil de poste.",
  ioSheetPriorities: "Priorités",
  ioSheetDistributions: "Répartitions",
  ioSheetTrends: "Évolution",
  ioSheetReadiness: "Relève",
  ioColView: "Vue",
  ioColCode: "Code",
  ioPdfFooter: (title: string, page: number, pages: number) => `${title} — page ${number(page)} sur ${number(pages)}`,
  ioPdfSubject: "Priorités de formation de l’organisation",
  ioPdfReadinessSubject: "Relève pour un profil de poste",
};
