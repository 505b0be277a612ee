// autoévaluation et revue par le gestionnaire (src/assessments/work) : niveaux, commentaires, accord, signatures, historique

import type { Translation } from "../dictionary.ts";
import type { assessmentWork as en } from "../en/assessment-work.ts";

export const assessmentWork: Translation<typeof en> = {};
