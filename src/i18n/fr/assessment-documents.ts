// la page imprimable et le PDF d'une évaluation (src/assessments/documents)

import type { Translation } from "../dictionary.ts";
import type { assessmentDocuments as en } from "../en/assessment-documents.ts";

export const assessmentDocuments: Translation<typeof en> = {};
