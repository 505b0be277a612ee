import type { SharedKeys, Translation } from "./dictionary.ts";
import { access } from "./en/access.ts";
import { accounts } from "./en/accounts.ts";
import { adoption } from "./en/adoption.ts";
import { api } from "./en/api.ts";
import { assessmentDocuments } from "./en/assessment-documents.ts";
import { assessmentWork } from "./en/assessment-work.ts";
import { builder } from "./en/builder.ts";
import { caseApi } from "./en/case-api.ts";
import { core } from "./en/core.ts";
import { cycles } from "./en/cycles.ts";
import { editor } from "./en/editor.ts";
import { evidence } from "./en/evidence.ts";
import { forms } from "./en/forms.ts";
import { importWizard } from "./en/import-wizard.ts";
import { insightsOrg } from "./en/insights-org.ts";
import { insightsPerson } from "./en/insights-person.ts";
import { insightsTeam } from "./en/insights-team.ts";
import { jobDocuments } from "./en/job-documents.ts";
import { jobProfiles } from "./en/job-profiles.ts";
import { learning } from "./en/learning.ts";
import { navigation } from "./en/navigation.ts";
import { organisationExport } from "./en/organisation-export.ts";
import { orgs } from "./en/orgs.ts";
import { plans } from "./en/plans.ts";
import { privacy } from "./en/privacy.ts";
import { reminders } from "./en/reminders.ts";
import { scales } from "./en/scales.ts";
import { search } from "./en/search.ts";
import { security } from "./en/security.ts";
import { staff } from "./en/staff.ts";
import { staffImport } from "./en/staff-import.ts";
import { upkeep } from "./en/upkeep.ts";

/**
 * English UI strings, one block per capability in src/i18n/en/. The French dictionary must have exactly
 * the same keys, block by block (checked by the type system).
 */
export const en = {
  ...core,
  ...forms,
  ...api,
  ...search,
  ...accounts,
  ...caseApi,
  ...importWizard,
  ...editor,
  ...adoption,
  ...navigation,
  ...security,
  ...upkeep,
  ...staff,
  ...staffImport,
  ...access,
  ...privacy,
  ...organisationExport,
  ...orgs,
  ...jobDocuments,
  ...builder,
  ...scales,
  ...jobProfiles,
  ...cycles,
  ...assessmentWork,
  ...evidence,
  ...reminders,
  ...assessmentDocuments,
  ...learning,
  ...insightsPerson,
  ...insightsTeam,
  ...insightsOrg,
  ...plans,
};

export type Messages = Translation<typeof en>;

type Blocks = [
  typeof core,
  typeof forms,
  typeof api,
  typeof search,
  typeof accounts,
  typeof caseApi,
  typeof importWizard,
  typeof editor,
  typeof adoption,
  typeof navigation,
  typeof security,
  typeof upkeep,
  typeof staff,
  typeof staffImport,
  typeof access,
  typeof privacy,
  typeof organisationExport,
  typeof orgs,
  typeof jobDocuments,
  typeof builder,
  typeof scales,
  typeof jobProfiles,
  typeof cycles,
  typeof assessmentWork,
  typeof evidence,
  typeof reminders,
  typeof assessmentDocuments,
  typeof learning,
  typeof insightsPerson,
  typeof insightsTeam,
  typeof insightsOrg,
  typeof plans,
];
// A key in two blocks would silently take the later block's text: refused here, at compile time.
true satisfies [SharedKeys<Blocks>] extends [never] ? true : "a key is defined in two blocks";
