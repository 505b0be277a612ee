// upkeep (src/editions, src/editor) : résumés d'édition bilingues et traductions peut-être dépassées.

import type { Translation } from "../dictionary.ts";
import type { upkeep as enUpkeep } from "../en/upkeep.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);

export const upkeep: Translation<typeof enUpkeep> = {
  upkeepSummaryEn: "Ce qui a changé, en anglais",
  upkeepSummaryFr: "Ce qui a changé, en français",
  upkeepSummaryHint:
    "Obligatoire dans les deux langues : le public lit celle de sa page. Une ou deux phrases, par exemple « Révision du domaine Budget et finances. »",
  upkeepStarterLoaded: "Contenu de départ chargé.",
  upkeepStarterReloaded: "Contenu de départ rechargé.",
  upkeepTranslationsTitle: "Traductions à faire et à vérifier",
  upkeepTranslationsLink: "Traductions",
  upkeepMissingHeading: "Manquantes",
  upkeepOutdatedHeading: (n) =>
    n === 0
      ? "Aucun texte à vérifier"
      : n === 1
        ? "1 texte peut-être dépassé"
        : `${number(n)} textes peut-être dépassés`,
  upkeepOutdatedIntro:
    "Une des deux langues de ces textes a changé, l'autre non. Mettez l'autre à jour ou confirmez qu'elle est toujours exacte.",
  upkeepNothingOutdated: "Aucun texte n'a changé dans une seule langue depuis sa dernière vérification.",
  upkeepToCheck: "à vérifier",
  upkeepEnglishText: "Anglais",
  upkeepFrenchText: "Français",
  upkeepLangEnglish: "anglais",
  upkeepLangFrench: "français",
  upkeepChangedBy: (lang, date, who) => `Le texte ${lang} a changé le ${date}, par ${who}.`,
  upkeepChangedOn: (lang, date) => `Le texte ${lang} a changé le ${date}.`,
  upkeepConfirm: "Toujours exact",
  upkeepFlag: (changed, date) => `Peut-être dépassé : le texte ${changed} a changé le ${date}, pas celui-ci.`,
  upkeepConfirmOnSave: "Il est toujours exact",
  upkeepFramework: "Le référentiel lui-même",
  upkeepDoneConfirmed: "Marqué comme toujours exact.",
  upkeepKindConfirm: "Traduction confirmée",
  upkeepPublishCount: (missing, outdated) =>
    missing === 0 && outdated === 0
      ? "Traductions : rien ne manque, rien n'attend de vérification."
      : `Traductions : ${
          missing === 0 ? "aucun élément" : missing === 1 ? "1 élément" : `${number(missing)} éléments`
        } dans une seule langue; ${outdated === 0 ? "aucun texte" : outdated === 1 ? "1 texte" : `${number(outdated)} textes`} à vérifier.`,
  upkeepSeeTranslations: "Revoir les traductions",
} as const;
