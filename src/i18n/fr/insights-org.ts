// priorités de formation, répartitions, tendances et relève de l'organisation (src/insights/organisation), exports.

import type { Translation } from "../dictionary.ts";
import type { insightsOrg as en } from "../en/insights-org.ts";

export const insightsOrg: Translation<typeof en> = {};
