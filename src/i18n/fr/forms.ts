// forms : ce que disent tous les formulaires (src/ui/forms) : le titre du récapitulatif des erreurs et
// les erreurs qu'un champ peut rencontrer dans n'importe quel formulaire.

import type { Translation } from "../dictionary.ts";
import type { forms as enForms } from "../en/forms.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);

export const forms: Translation<typeof enForms> = {
  formErrorSummary: "Veuillez corriger ce qui suit :",
  formRequired: "Ce champ est obligatoire.",
  formTooLong: (n: number) => `Utilisez au plus ${number(n)} caractères.`,
  formInvalid: "Cette valeur n'est pas valide.",
  formChoose: "Choisissez l'une des options.",
  formWholeNumber: "Entrez un nombre entier.",
  formDate: "Entrez une date au format AAAA-MM-JJ.",
  formEmail: "Entrez une adresse courriel, comme nom@exemple.org.",
  formOutdated: "Ce formulaire n'est plus à jour. Rechargez la page et réessayez.",
};
