import type { Messages } from "./en.ts";
import { accounts } from "./fr/accounts.ts";
import { adoption } from "./fr/adoption.ts";
import { api } from "./fr/api.ts";
import { caseApi } from "./fr/case-api.ts";
import { core } from "./fr/core.ts";
import { editor } from "./fr/editor.ts";
import { importWizard } from "./fr/import-wizard.ts";
import { search } from "./fr/search.ts";

/** French UI strings, one block per capability in src/i18n/fr/, each typed against its English block. */
export const fr: Messages = {
  ...core,
  ...api,
  ...search,
  ...accounts,
  ...caseApi,
  ...importWizard,
  ...editor,
  ...adoption,
};
