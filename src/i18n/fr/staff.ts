import type { Translation } from "../dictionary.ts";
import type { staff as en } from "../en/staff.ts";

export const staff: Translation<typeof en> = {
  staffEmployeeNumberTaken: "Une autre personne de l'organisation a déjà ce matricule.",
  staffManagerUnknown: "Choisissez un gestionnaire de cette organisation.",
  staffManagerCycle: "Ce gestionnaire relève de cette personne, directement ou non : choisissez quelqu'un d'autre.",
  staffManagerSelf: "Une personne ne peut pas être sa propre gestionnaire.",
  staffUnitUnknown: "Choisissez une unité de cette organisation.",
  staffAccountTaken: "Ce compte est déjà lié à une autre personne de l'organisation.",
  staffAccountUnknown: "Aucun compte ne porte cet identifiant.",
  staffDateInvalid: "Saisissez une date au format AAAA-MM-JJ.",
};
