import type { Messages } from "./en.ts";
import { access } from "./fr/access.ts";
import { accounts } from "./fr/accounts.ts";
import { adoption } from "./fr/adoption.ts";
import { api } from "./fr/api.ts";
import { assessmentDocuments } from "./fr/assessment-documents.ts";
import { assessmentWork } from "./fr/assessment-work.ts";
import { builder } from "./fr/builder.ts";
import { caseApi } from "./fr/case-api.ts";
import { core } from "./fr/core.ts";
import { cycles } from "./fr/cycles.ts";
import { editor } from "./fr/editor.ts";
import { evidence } from "./fr/evidence.ts";
import { forms } from "./fr/forms.ts";
import { importWizard } from "./fr/import-wizard.ts";
import { insightsOrg } from "./fr/insights-org.ts";
import { insightsPerson } from "./fr/insights-person.ts";
import { insightsTeam } from "./fr/insights-team.ts";
import { jobDocuments } from "./fr/job-documents.ts";
import { jobProfiles } from "./fr/job-profiles.ts";
import { learning } from "./fr/learning.ts";
import { navigation } from "./fr/navigation.ts";
import { organisationExport } from "./fr/organisation-export.ts";
import { orgs } from "./fr/orgs.ts";
import { plans } from "./fr/plans.ts";
import { privacy } from "./fr/privacy.ts";
import { reminders } from "./fr/reminders.ts";
import { scales } from "./fr/scales.ts";
import { search } from "./fr/search.ts";
import { security } from "./fr/security.ts";
import { staff } from "./fr/staff.ts";
import { staffImport } from "./fr/staff-import.ts";
import { upkeep } from "./fr/upkeep.ts";
import { withFrenchTypography } from "./typography.ts";

/**
 * French UI strings, one block per capability in src/i18n/fr/, each typed against its English block.
 * Blocks may be written with ordinary spaces: French typography (no-break spaces before « ; : ! ? »,
 * inside guillemets…) is applied here, once, to every entry and to whatever each function returns.
 */
const blocks: Messages = {
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

export const fr: Messages = withFrenchTypography(blocks);
