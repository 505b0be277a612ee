// privacy (src/people/privacy): the privacy notice, access log, own-data export, retention, deleting an organisation.

const number = (n: number) => new Intl.NumberFormat("en-CA").format(n);
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${number(n)} ${many}`);

const STATUSES: Record<string, string> = { active: "Active", on_leave: "On leave", left: "Left" };
const ACCESS_KINDS: Record<string, string> = {
  record: "Record viewed",
  export: "Data exported",
  "access-log": "Access log read",
  assessment: "Assessment viewed",
  insights: "Insights viewed",
  plan: "Development plan viewed",
};
const CHANGE_ACTIONS: Record<string, string> = {
  create: "Created",
  update: "Changed",
  delete: "Deleted",
  import: "Imported",
  purge: "Removed by retention",
};

export const privacy = {
  privacyNoticeLink: "Privacy notice: how your information is handled",
  privacyNoticeTitle: (organisation: string) => `Privacy notice — ${organisation}`,
  privacyNoticeSaved: "The privacy notice is saved.",
  privacyNoticeMissing:
    "This organisation has not written its privacy notice yet. Ask its human resources team how your information is handled.",
  privacyYourDataHeading: "Your information",
  privacyMyDataLink: "Everything held about me",
  privacyMyAccessLogLink: "Who viewed my record",
  privacyAdminNav: "Privacy administration",
  privacyAdminHeading: "For administrators",
  privacyEditNoticeLink: "Edit the privacy notice",
  privacyAccessLogLink: "Access log",
  privacyRetentionLink: "Retention",
  privacyOrganisationExportLink: "Export the whole organisation (JSON)",
  privacyDeleteLink: "Delete the organisation",
  privacyEditNoticeTitle: (organisation: string) => `Edit the privacy notice — ${organisation}`,
  privacyEditNoticeIntro:
    "Say what you hold about staff, why, who can see it, how long it is kept and whom to ask. Staff read it in their own language.",
  privacyNoticeFieldLabel: "Privacy notice (English)",
  privacyNoticeHint: "Paragraphs, lists, *emphasis* and [links](https://example.org) are allowed.",
  privacySave: "Save",
  privacyBackToNotice: "Back to the privacy notice",

  privacyAccessLogTitle: "Access log",
  privacyAccessLogIntro:
    "Every time someone views or exports another person's record, it is written here: who, whose, what and when. Newest first.",
  privacyFilterLegend: "Filter the access log",
  privacyFilterPerson: "Person viewed",
  privacyFilterPersonHint: "Part of their name, or their employee number.",
  privacyFilterViewer: "Viewed by",
  privacyFilterFrom: "From",
  privacyFilterTo: "To",
  privacyFilterButton: "Filter",
  privacyFilterClear: "Show the whole log",
  privacyFilterNarrowed: (name: string) => `Showing views of ${name}'s record only.`,
  privacyOlder: "Older entries",
  privacyNewest: "Newest entries",
  privacyAccessLogCaption: "Views of records",
  privacyColumnWhen: "When",
  privacyColumnViewer: "Viewed by",
  privacyColumnPerson: "Person",
  privacyColumnWhat: "What",
  privacyAccessKind: (kind: string) => ACCESS_KINDS[kind] ?? String(kind),
  privacyAccessNone: "No one else has viewed this yet.",
  privacyMyAccessLogTitle: "Who viewed my record",
  privacyMyAccessLogIntro:
    "Everyone other than you who viewed or exported your record is listed here, newest first. Your own visits are not.",
  privacyPersonAccessLogTitle: (name: string) => `Who viewed ${name}'s record`,
  privacyPersonAccessLogIntro:
    "Everyone who viewed or exported this person's record. Your reading this page is itself written in the log.",
  privacyPersonDataLink: "Everything held about this person",

  privacyMyDataTitle: "Everything held about me",
  privacyPersonDataTitle: (name: string) => `Everything held about ${name}`,
  privacyDataIntro: (organisation: string, when: string) =>
    `What ${organisation} holds about this person in Skillshelf, as of ${when}.`,
  privacyDataDownload: "Download it all (JSON)",
  privacySectionRecord: "Record",
  privacySectionPlacement: "Unit and manager",
  privacySectionAccessLog: "Who viewed the record",
  privacySectionChanges: "Changes to the record",
  privacyNothingHeld: "Nothing is held.",
  privacyNone: "—",
  privacyYes: "Yes",
  privacyNo: "No",
  privacyFieldGivenName: "Given name",
  privacyFieldFamilyName: "Family name",
  privacyFieldPreferredName: "Preferred name",
  privacyFieldEmail: "E-mail",
  privacyFieldEmployeeNumber: "Employee number",
  privacyFieldStatus: "Status",
  privacyFieldStatusSince: "Status since",
  privacyFieldLanguage: "Preferred language",
  privacyFieldAccount: "Has an account",
  privacyFieldAdministrator: "Organisation administrator",
  privacyFieldCreated: "Record created",
  privacyFieldUpdated: "Record last changed",
  privacyFieldUnit: "Unit",
  privacyFieldManager: "Manager",
  privacyFieldHeads: "Heads the units",
  privacyStatus: (status: string) => STATUSES[status] ?? String(status),
  privacyLanguageName: (lang: string) => (lang === "fr" ? "French" : lang === "en" ? "English" : String(lang)),
  privacyChangesNone: "No changes are recorded.",
  privacyColumnBy: "By",
  privacyColumnAction: "Change",
  privacyColumnChange: "Details",
  privacyChangeAction: (action: string) => CHANGE_ACTIONS[action] ?? String(action),

  privacyRetentionTitle: "Retention",
  privacyRetentionIntro:
    "Personal information is kept only as long as it is needed. Records past these limits are removed every day, with the access log and change history about them. Leave a field empty to keep records.",
  privacyRetentionLeftLabel: "Remove people this many months after they leave",
  privacyRetentionLeftHint: "A whole number of months, for example 24.",
  privacyRetentionAssessmentLabel: "Remove assessments this many years after their review cycle closed",
  privacyRetentionAssessmentHint:
    "A whole number of years. Assessments of a cycle still open are kept. Leave empty to keep them.",
  privacyRetentionSaved: "The retention settings are saved.",
  privacyRetentionDueHeading: "What the next daily removal would take",
  privacyRetentionKeepAll: "Nothing: people who have left are kept until a number of months is set.",
  privacyRetentionNoneDue: (cutoff: string) => `No one: nobody left on or before ${cutoff}.`,
  privacyRetentionSomeDue: (n: number, cutoff: string) =>
    `${plural(n, "person", "people")} who left on or before ${cutoff}:`,
  privacyRetentionMore: (n: number) =>
    `… and ${plural(n, "other", "others")} (skillshelf purge --dry-run lists everyone).`,
  privacyLeftOn: (date: string) => `left on ${date}`,
  privacyWholeNumber: "Enter a whole number of at least 1, or leave the field empty.",
  privacyNumberTooLarge: "This number is too large.",
  privacyDateInvalid: "Enter a date as YYYY-MM-DD.",
  privacyDateOrder: "This date is before the “From” date.",

  privacyDeleteTitle: (organisation: string) => `Delete ${organisation}`,
  privacyDeleteIntro:
    "Deleting the organisation removes everything it holds, for good. It cannot be undone. This goes:",
  privacyCountUnits: (n: number) => plural(n, "unit", "units"),
  privacyCountPeople: (n: number) => plural(n, "person and their record", "people and their records"),
  privacyCountRoles: (n: number) => plural(n, "administrator role", "administrator roles"),
  privacyCountAccessLog: (n: number) => plural(n, "access log entry", "access log entries"),
  privacyCountChanges: (n: number) => plural(n, "change history entry", "change history entries"),
  privacyDeleteExportFirst: "You may want to keep a copy first:",
  privacyDeleteConfirmLabel: (slug: string) => `To confirm, type the organisation's web address name: ${slug}`,
  privacyDeleteMismatch: (slug: string) => `Type exactly ${slug} to delete the organisation.`,
  privacyDeleteButton: (organisation: string) => `Delete ${organisation} and everything in it`,
  privacyDeletedTitle: (organisation: string) => `${organisation} is deleted`,
  privacyDeletedBody: (people: number, units: number) =>
    `${plural(people, "person", "people")} and ${plural(units, "unit", "units")} were removed, with the access log and change history.`,
};
