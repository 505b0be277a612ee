// API JSON en lecture seule (src/api) : messages d'erreur renvoyés aux clients de l'API.

import type { Translation } from "../dictionary.ts";
import type { api as enApi } from "../en/api.ts";

export const api: Translation<typeof enApi> = {
  apiFrameworkNotFound: "Aucun référentiel publié ne porte cet identifiant ou ce nom court (slug).",
  apiBadFrameworkId:
    "L'identifiant d'un référentiel est un UUID ou un nom court (slug) d'au plus 200 lettres, chiffres, « . », « _ », « ~ » ou « - ».",
};
