// upkeep (src/editions, src/editor) : résumés d'édition bilingues et traductions peut-être dépassées.

import type { Translation } from "../dictionary.ts";
import type { upkeep as enUpkeep } from "../en/upkeep.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);

export const upkeep: Translation<typeof enUpkeep> = {
  upkeepSummaryEn: "Ce qui a changé, en anglais",
  upkeepSummaryFr: "Ce qui a changé, en français",
  upkeepSummaryHint:
    "Obligatoire dans les deux langues. Une ou deux phrases que le public lira, par exemple « Révision du domaine Budget et finances. »",
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
    "Une langue de ces textes a changé, pas l'autre. Mettez l'autre langue à jour ou confirmez qu'elle est toujours exacte.",
  upkeepNothingOutdated: "Aucun texte n'a changé dans une seule langue depuis sa dernière vérification.",
  upkeepText: "Texte",
  upkeepToCheck: "À vérifier",
  upkeepChanged: "Ce qui a changé",
  upkeepChangedBy: (lang, date, who) => `${lang} modifié le ${date} par ${who}`,
  upkeepChangedOn: (lang, date) => `${lang} modifié le ${date}`,
  upkeepConfirm: "Toujours exact",
  upkeepConfirmWhat: (text) => `Toujours exact : ${text}`,
  upkeepFlag: (changed) => `Peut-être dépassé : le texte ${changed} a changé depuis la dernière vérification.`,
  upkeepConfirmOnSave: "Il est toujours exact (retirer l'avertissement à l'enregistrement)",
  upkeepLangEnglish: "anglais",
  upkeepLangFrench: "français",
  upkeepEnglishText: "Texte anglais",
  upkeepFrenchText: "Texte français",
  upkeepFramework: "Le référentiel lui-même",
  upkeepDoneConfirmed: "Marqué comme toujours exact.",
  upkeepPublishCount: (missing, outdated) =>
    missing === 0 && outdated === 0
      ? "Traductions : rien ne manque et rien n'attend de vérification."
      : `Traductions : ${missing <= 1 ? `${number(missing)} élément n'existe` : `${number(missing)} éléments n'existent`} que dans une langue, ${
          outdated <= 1
            ? `${number(outdated)} texte est peut-être dépassé`
            : `${number(outdated)} textes sont peut-être dépassés`
        }.`,
  upkeepSeeTranslations: "Revoir les traductions",
} as const;
