// constats d'une personne (src/insights/person) : niveaux convenus et cibles, graphique et tableau, évolution d'un cycle à l'autre, exports.

import type { Translation } from "../dictionary.ts";
import type { insightsPerson as en } from "../en/insights-person.ts";

export const insightsPerson: Translation<typeof en> = {};
