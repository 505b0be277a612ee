// pièces justificatives (src/assessments/evidence) : liens et fichiers à l'appui d'une évaluation

import type { Translation } from "../dictionary.ts";
import type { evidence as en } from "../en/evidence.ts";

export const evidence: Translation<typeof en> = {};
