// cycles d'évaluation (src/assessments/cycles) : créer, ouvrir, prolonger, clore et rouvrir un cycle; la page de suivi des RH

import type { Translation } from "../dictionary.ts";
import type { cycles as en } from "../en/cycles.ts";

export const cycles: Translation<typeof en> = {};
