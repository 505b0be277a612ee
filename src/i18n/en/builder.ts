// the profile builder (src/profiles/builder): choosing a job profile's competencies from the index,
// their levels, importance and KSAs, what newer editions changed, and the preview.

const number = (n: number) => new Intl.NumberFormat("en-CA").format(n);
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${number(n)} ${many}`);

export const builder = {
  builderTitle: (title: string) => `Competencies for ${title}`,
  builderIntro:
    "Find the competencies this job needs in the index, tick them and add them. Then set each one's target level and importance, and narrow it to the knowledge, skills and abilities that matter.",
  builderBackToProfile: "Back to the profile",
  builderPreviewLink: "Preview the job description",
  builderNavLabel: "This profile",
  builderChosenHeading: "Chosen competencies",
  builderChosenNone: "No competency chosen yet. Browse or search the index below.",
  builderChosenCount: (n: number) => plural(n, "competency", "competencies"),
  builderFromEdition: (framework: string, edition: number, date: string) =>
    `${framework}, edition ${number(edition)} (${date})`,
  builderAreaOf: (area: string) => `In ${area}`,
  builderLevelLegend: "Target level",
  builderLevelOption: (n: number, label: string) => `${number(n)}. ${label}`,
  builderImportanceLegend: "Importance",
  builderEssential: "Essential",
  builderAsset: "Asset",
  builderKsaLegend: "Knowledge, skills and abilities the job needs",
  builderKsaHint: "Tick none (or all) to require the competency as a whole.",
  builderSave: "Save",
  builderSaveLabel: (competency: string) => `Save: ${competency}`,
  builderMoveUp: "Move up",
  builderMoveDown: "Move down",
  builderMoveUpLabel: (competency: string) => `Move up: ${competency}`,
  builderMoveDownLabel: (competency: string) => `Move down: ${competency}`,
  builderRemove: "Remove",
  builderRemoveLabel: (competency: string) => `Remove: ${competency}`,
  builderAdded: (n: number) =>
    n === 0 ? "Those competencies were already chosen." : `${plural(n, "competency", "competencies")} added.`,
  builderSaved: "Saved.",
  builderMoved: (position: number) => `Moved to position ${number(position)}.`,
  builderRemoved: "Removed.",
  builderTaken: (edition: number) => `The profile now uses the wording of edition ${number(edition)}.`,
  builderTakenDropped: (edition: number, dropped: number) =>
    `The profile now uses the wording of edition ${number(edition)}. ${plural(dropped, "chosen knowledge, skill or ability", "chosen knowledge, skills or abilities")} no longer in it ${dropped === 1 ? "was" : "were"} dropped.`,
  builderKept: "The old wording is kept; this notice will come back only if a later edition changes it again.",
  builderStale:
    "Someone else changed this profile since you opened the page. Here it is as it is now; your change was not saved. Do it again if it is still needed.",
  builderErrItems: "Tick at least one competency.",
  builderErrItemsInvalid:
    "One of the ticked items cannot be chosen: it is not a competency of the framework's current edition. Nothing was added.",
  builderErrLevel: "Choose one of the scale's levels.",
  builderErrKsa: "Choose among this competency's own knowledge, skills and abilities.",
  builderErrRetired: "The current edition no longer has this competency: keep the old wording, or remove it.",
  builderChangedNotice: (edition: number) => `Edition ${number(edition)} changed this competency.`,
  builderMovedNotice: (edition: number) =>
    `Edition ${number(edition)} moved this competency to another place in the index.`,
  builderRetiredNotice: (edition: number) => `Edition ${number(edition)} no longer has this competency.`,
  builderOldWording: "In this profile",
  builderNewWording: (edition: number) => `In edition ${number(edition)}`,
  builderKsasAdded: (n: number) =>
    `${plural(n, "knowledge, skill or ability", "knowledge, skills or abilities")} added.`,
  builderKsasRemoved: (n: number) =>
    `${plural(n, "knowledge, skill or ability", "knowledge, skills or abilities")} removed.`,
  builderKsasReworded: (n: number) =>
    `${plural(n, "knowledge, skill or ability", "knowledge, skills or abilities")} reworded.`,
  builderTake: "Take the change",
  builderTakeLabel: (competency: string) => `Take the change: ${competency}`,
  builderKeep: "Keep the old wording",
  builderKeepLabel: (competency: string) => `Keep the old wording: ${competency}`,
  builderDiffRemoved: "removed",
  builderDiffAdded: "added",
  builderFindHeading: "Find competencies",
  builderSearchLabel: "Search the index",
  builderSearchButton: "Search",
  builderSearchResults: (total: number, query: string) =>
    total === 0 ? `Nothing found for “${query}”.` : `${plural(total, "item", "items")} found for “${query}”.`,
  builderSearchShown: (from: number, to: number) => `Showing ${number(from)} to ${number(to)}.`,
  builderSearchLegend: "Competencies found",
  builderPrevious: "Previous results",
  builderNext: "More results",
  builderBrowseHeading: "Browse the index",
  builderBrowseTrail: "Where you are in the index",
  builderFrameworks: "Frameworks",
  builderNoFramework: "No framework is published yet.",
  builderTickLegend: (place: string) => `Competencies of ${place}`,
  builderAddButton: "Add the ticked competencies",
  builderChosenMark: "already chosen",
  builderOpenArea: (count: number) => plural(count, "item", "items"),
  builderShowIn: (place: string) => `Show in ${place}`,
  builderPageOf: (page: number, pages: number) => `Page ${number(page)} of ${number(pages)}`,
  builderPreviewTitle: (title: string) => `Job description preview: ${title}`,
  builderPreviewIntro: "The job description as it will print, with the competencies chosen so far.",
  builderBackToBuilder: "Back to the competencies",
};
