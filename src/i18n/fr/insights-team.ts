// carte de chaleur de l'équipe d'un gestionnaire et écarts classés (src/insights/team), exports.

import type { Translation } from "../dictionary.ts";
import type { insightsTeam as en } from "../en/insights-team.ts";

export const insightsTeam: Translation<typeof en> = {};
