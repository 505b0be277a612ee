// a person's insights (src/insights/person): their agreed levels against targets, chart and table, change across cycles, exports.

const number = (n: number) => new Intl.NumberFormat("en-CA").format(n);
const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${number(n)} ${many}`);

export const insightsPerson = {
  ipTitleOwn: "My insights",
  ipTitleOf: (name: string) => `Insights: ${name}`,
  ipLinkLabel: "Insights: levels against targets",
  ipIntroOwn: "Where you stand against your job profile’s targets, competency by competency, and how it changed.",
  ipIntroOf: (name: string) =>
    `Where ${name} stands against their job profile’s targets, competency by competency, and how it changed.`,
  ipNoAssessment: "No assessment yet: insights appear once a review cycle includes this person.",
  ipNothingAgreed:
    "Nothing agreed yet in the latest assessment: levels appear here once the person and their manager agree on them.",
  ipLatestHeading: "Agreed level against target",
  ipLatestFrom: (cycle: string) => `From the latest assessment: ${cycle}.`,
  ipOpenAssessment: "Open the assessment",
  ipPlanLink: "Development plan",
  ipDownloads: "Download",
  ipDownloadCsv: "Spreadsheet (CSV)",
  ipDownloadXlsx: "Workbook (Excel)",
  ipDownloadPdf: "PDF document",
  ipSummary: (below: number, met: number, unassessed: number) =>
    `${count(below, "competency", "competencies")} below target, ${number(met)} at or above, ${number(unassessed)} not assessed yet.`,
  ipChartTitle: "Agreed level against target, by competency",
  ipChartDescription:
    "A bar per competency shows the agreed level; a thick vertical mark shows the target. The tables below give the same numbers.",
  ipChartLegend: "Bars: agreed level. Thick marks: target. A dash: not assessed yet.",
  ipScaleLevels: (levels: string) => `Levels of the scale: ${levels}.`,
  ipColumnArea: "Area",
  ipColumnCode: "Code",
  ipColumnCompetency: "Competency",
  ipColumnImportance: "Importance",
  ipColumnTarget: "Target",
  ipColumnAgreed: "Agreed level",
  ipColumnGap: "Gap",
  ipColumnStatus: "Status",
  ipColumnResources: "Learning resources",
  ipNoArea: "Other competencies",
  ipGoneArea: "No longer in the index",
  ipGone: "No longer in the index",
  ipImportanceEssential: "Essential",
  ipImportanceAsset: "Asset",
  ipImportanceNone: "Not set",
  ipNoTarget: "No target",
  ipNotAssessed: "Not assessed yet",
  ipGapLevels: (n: number) => count(n, "level", "levels"),
  ipStatusBelow: "Below target",
  ipStatusMet: "Target met",
  ipStatusUnassessed: "Not assessed yet",
  ipStatusNoTarget: "No target",
  ipNoResources: "No resource tagged yet.",
  ipBrowseCatalogue: "Browse the catalogue",
  ipHistoryHeading: "Change across cycles",
  ipHistoryIntro: "The agreed level of each competency in each review cycle this person was assessed in.",
  ipHistoryChartTitle: "Agreed level per competency in each cycle",
  ipHistoryChartDescription:
    "A grid: a row per competency, a column per cycle, the agreed level written in each cell (darker is higher). The table below gives the same numbers.",
  ipHistoryChartLegend:
    "Each cell gives the agreed level; a dash: not assessed in that cycle; a question mark: not agreed.",
  ipHistoryCaption: "Agreed level by cycle",
  ipNotInCycle: "Not assessed in that cycle",
  ipNotAgreed: "Not agreed",
  ipSheetLatest: "Latest assessment",
  ipSheetHistory: "Across cycles",
  ipPdfPerson: (name: string) => `Person: ${name}`,
  ipPdfGenerated: (when: string) => `Generated ${when}`,
};
