// plans de développement (src/insights/plans) : objectifs, activités, approbation, suivis, réglages.

import type { Translation } from "../dictionary.ts";
import type { plans as en } from "../en/plans.ts";

export const plans: Translation<typeof en> = {};
