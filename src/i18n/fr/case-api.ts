// CASE API (src/interop/case/api.ts): imsx_description texts returned to CASE clients.

import type { Translation } from "../dictionary.ts";
import type { caseApi as enCaseApi } from "../en/case-api.ts";

export const caseApi: Translation<typeof enCaseApi> = {
  caseApiUnknown: (kind: string, id: string) => `Aucun ${kind} publié n'a l'identifiant ${id}.`,
  caseApiInvalidUuid: (id: string) => `« ${id} » n'est pas un UUID.`,
  caseApiBadLimit: "limit doit être un nombre entier de 1 à 10 000.",
  caseApiBadOffset: "offset doit être un nombre entier égal ou supérieur à 0.",
  caseApiBadSort: (fields: string) => `sort doit être l'une des valeurs suivantes : ${fields}.`,
  caseApiBadOrderBy: "orderBy doit valoir asc ou desc.",
  caseApiFilterUnsupported: "Ce service ne prend pas en charge filter.",
  caseApiEmptyPage: "Il n'y a aucun CFDocument sur cette page.",
  caseApiNoEndpoint: "Ce point d'accès CASE n'existe pas.",
  caseApiServerError: "Le serveur n'a pas pu traiter la demande.",
  caseApiReadOnly: (method: string) =>
    `Ce service CASE est en lecture seule : la méthode ${method} n'est pas acceptée; utilisez GET.`,
};
