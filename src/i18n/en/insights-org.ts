// the organisation's training priorities, distributions, trends and readiness (src/insights/organisation), exports.

const number = (n: number) => new Intl.NumberFormat("en-CA").format(n);
const decimal = (n: number) => new Intl.NumberFormat("en-CA", { maximumFractionDigits: 2 }).format(n);

export const insightsOrg = {
  ioTitle: "Training priorities",
  ioIntro:
    "Competencies ranked by need: importance × size of the gap × people affected, over each person’s latest assessment.",
  ioSuppressionNote:
    "Figures over fewer than 5 people you may not see individually are shown as “fewer than 5”, and so are a few others that would let them be worked out.",
  ioFewerThan5: "fewer than 5",
  ioViewLabel: "Show priorities for",
  ioViewAll: "The whole organisation",
  ioViewUnit: (name: string) => `Unit: ${name}`,
  ioViewPosition: (name: string) => `Position: ${name}`,
  ioNoUnit: "No unit",
  ioNoPosition: "No position",
  ioShow: "Show",
  ioGroupUnits: "Units",
  ioGroupPositions: "Positions",
  ioUnknownView: "There is no such unit or position among the people assessed.",
  ioRankingHeading: "Ranking",
  ioRankingCaption: (view: string) => `Competencies ranked by need — ${view}`,
  ioColRank: "Rank",
  ioColCompetency: "Competency",
  ioColScore: "Need score",
  ioColPeople: "People with a target",
  ioColAffected: "Below target",
  ioColUnassessed: "Not assessed yet",
  ioColGapTotal: "Levels short (total)",
  ioUnranked: "—",
  ioNone: "Nobody has been assessed against targets yet.",
  ioRetired: "no longer in the index",
  ioChartRanking: (view: string) =>
    `Bar chart of the need score of the top competencies — ${view}. The same figures are in the table.`,
  ioDistributionsHeading: "Distributions",
  ioDistributionsIntro:
    "How many people are at each agreed level of the top competencies, and how many are not assessed yet.",
  ioDistributionCaption: (name: string) => `Agreed levels: ${name}`,
  ioColLevel: "Level",
  ioColPeopleAtLevel: "People",
  ioLevel: (n: number) => `Level ${number(n)}`,
  ioBeyondScale: "Above the scale’s top",
  ioNotAssessed: "Not assessed yet",
  ioChartDistribution: (name: string) =>
    `Bar chart of people at each agreed level: ${name}. The same figures are in the table.`,
  ioDistributionSuppressed: (name: string) => `${name}: fewer than 5 people — the distribution is not shown.`,
  ioTrendsHeading: "Trends across cycles",
  ioTrendsIntroAll: "Need score and mean gap of the top competencies in each review cycle.",
  ioTrendsIntroSeen:
    "Need score and mean gap of the top competencies in each review cycle, over the people you may see individually (your teams): the organisation’s figures per cycle could be subtracted from the ones above.",
  ioTrendsNone: "No review cycle has assessments yet.",
  ioTrendsCaption: "Need score and mean gap per cycle",
  ioColCycle: "Cycle",
  ioColMeanGap: "Mean gap (levels)",
  ioColAssessed: "Assessed",
  ioChartTrends:
    "Line chart of the need score of the top competencies in each cycle. The same figures are in the table.",
  ioDecimal: decimal,
  ioNumber: number,
  ioExportsLabel: "Download this view",
  ioExportCsv: "CSV",
  ioExportXlsx: "Excel (XLSX)",
  ioExportPdf: "PDF",
  ioExportAll: (format: string) => `Every unit and position (${format})`,
  ioReadinessLink: "Readiness for a job profile",
  ioPrioritiesLink: "Training priorities",
  // readiness
  ioReadinessTitle: "Readiness",
  ioReadinessIntro:
    "People whose latest agreed levels meet a job profile’s targets, in whole or in part — for succession planning.",
  ioReadinessProfile: "Job profile",
  ioReadinessSort: "Sort by",
  ioSortMet: "Most targets met",
  ioSortShortfall: "Fewest levels short",
  ioSortName: "Name",
  ioReadinessChoose: "Choose a job profile to see who meets its targets.",
  ioReadinessNoProfiles: "The organisation has no job profiles yet.",
  ioReadinessNoRequirements: "This profile has no competency targets yet.",
  ioReadinessNobody: "Nobody meets any of this profile’s targets yet.",
  ioReadinessCaption: (profile: string, n: number) =>
    `${n === 1 ? "1 person meets" : `${number(n)} people meet`} targets of ${profile}`,
  ioColPerson: "Person",
  ioColMet: "Targets met",
  ioColShortfall: "Levels short",
  ioColMissing: "Still to reach",
  ioMetOf: (met: number, total: number) => `${number(met)} of ${number(total)}`,
  ioMissingLevel: (name: string, agreed: number | null, target: number) =>
    agreed === null
      ? `${name}: not assessed (target ${number(target)})`
      : `${name}: level ${number(agreed)} of ${number(target)}`,
  ioAllMet: "All met",
  ioUnknownProfile: "There is no such job profile in this organisation.",
  // exports
  ioSheetPriorities: "Priorities",
  ioSheetDistributions: "Distributions",
  ioSheetTrends: "Trends",
  ioSheetReadiness: "Readiness",
  ioColView: "View",
  ioColCode: "Code",
  ioPdfFooter: (title: string, page: number, pages: number) => `${title} — page ${number(page)} of ${number(pages)}`,
  ioPdfSubject: "Training priorities of the organisation",
  ioPdfReadinessSubject: "Readiness for a job profile",
};
