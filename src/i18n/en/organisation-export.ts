// the organisation's export and deletion (src/people/privacy/organisation-export.ts and each
// capability's section): what deleting the organisation removes, counted on the confirmation page.

const number = (n: number) => new Intl.NumberFormat("en-CA").format(n);
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${number(n)} ${many}`);

export const organisationExport = {
  orgExportCountInvitations: (n: number) => plural(n, "invitation to sign in", "invitations to sign in"),
  orgExportCountSingleSignOn: (n: number) => plural(n, "single sign-on setting", "single sign-on settings"),
  orgExportCountScales: (n: number) => plural(n, "proficiency scale of its own", "proficiency scales of its own"),
  orgExportCountScaleLevels: (n: number) => plural(n, "level of those scales", "levels of those scales"),
  orgExportCountLevelDescriptors: (n: number) =>
    plural(n, "description of a level for a competency", "descriptions of levels for competencies"),
  orgExportCountScaleChoice: (n: number) => plural(n, "choice of scale", "choices of scale"),
  orgExportCountJobProfiles: (n: number) => plural(n, "job profile", "job profiles"),
  orgExportCountProfileUnits: (n: number) => plural(n, "unit a profile applies to", "units profiles apply to"),
  orgExportCountRequirements: (n: number) =>
    plural(n, "competency required by a job profile", "competencies required by job profiles"),
  orgExportCountPostings: (n: number) => plural(n, "job posting", "job postings"),
  orgExportCountPositions: (n: number) => plural(n, "person's position", "people's positions"),
  orgExportCountCycles: (n: number) => plural(n, "review cycle", "review cycles"),
  orgExportCountCycleSteps: (n: number) => plural(n, "due date of a cycle step", "due dates of cycle steps"),
  orgExportCountAssessments: (n: number) => plural(n, "assessment", "assessments"),
  orgExportCountAssessedCompetencies: (n: number) => plural(n, "assessed competency", "assessed competencies"),
  orgExportCountEvidence: (n: number) =>
    plural(n, "piece of evidence (link or file)", "pieces of evidence (links and files)"),
  orgExportCountAssessmentHistory: (n: number) => plural(n, "assessment history entry", "assessment history entries"),
  orgExportCountReminderSettings: (n: number) =>
    plural(n, "person's reminder preference", "people's reminder preferences"),
  orgExportCountRemindersSent: (n: number) => plural(n, "reminder sent", "reminders sent"),
  orgExportCountResources: (n: number) => plural(n, "learning resource", "learning resources"),
  orgExportCountResourceCompetencies: (n: number) =>
    plural(n, "competency a resource develops", "competencies resources develop"),
  orgExportCountPlans: (n: number) => plural(n, "development plan", "development plans"),
  orgExportCountPlanGoals: (n: number) => plural(n, "development plan goal", "development plan goals"),
  orgExportCountPlanActivities: (n: number) => plural(n, "development plan activity", "development plan activities"),
  orgExportCountPlanCheckins: (n: number) => plural(n, "development plan check-in", "development plan check-ins"),
};
