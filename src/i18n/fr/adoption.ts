// adoption (src/adoption, pages « source » de l'éditeur) : une copie adoptée face à sa source, et ce que le public en voit.

import type { Translation } from "../dictionary.ts";
import type { adoption as enAdoption } from "../en/adoption.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);

export const adoption: Translation<typeof enAdoption> = {
  adoptWaitingLink: (waiting: number, conflicts: number) =>
    waiting === 0
      ? "Changements à la source (aucun en attente)"
      : `Changements à la source (${number(waiting)} en attente${conflicts === 0 ? "" : conflicts === 1 ? ", dont 1 conflit" : `, dont ${number(conflicts)} conflits`})`,
  adoptFromLine: (source: string, edition: number) => `Adopté de « ${source} », édition ${number(edition)}.`,
  adoptCaughtUp: (caughtUp: number, latest: number) =>
    caughtUp >= latest
      ? `Votre copie est à jour jusqu'à l'édition ${number(latest)}, la plus récente.`
      : `Votre copie est à jour jusqu'à l'édition ${number(caughtUp)}; la plus récente est l'édition ${number(latest)}.`,
  adoptWaiting: (waiting: number, conflicts: number) =>
    `${waiting === 1 ? "1 changement attend" : `${number(waiting)} changements attendent`} votre décision${
      conflicts === 0 ? "" : conflicts === 1 ? ", dont 1 conflit" : `, dont ${number(conflicts)} conflits`
    }.`,
  adoptConflict: "Conflit",
  adoptConflictBothChanged:
    "Modifié à la source et dans votre copie. Les lignes marquées « conflit » diffèrent des deux côtés; vos autres modifications restent, quel que soit votre choix.",
  adoptConflictRemovedLocally: "Modifié à la source, mais supprimé de votre copie.",
  adoptConflictEditedLocally:
    "Supprimé à la source, mais modifié dans votre copie, ou bien un élément en dessous y a été ajouté ou modifié.",
  adoptConflictAddedBoth: "Ajouté à la source, alors que votre copie le contient déjà avec d'autres valeurs.",
  adoptColumnBase: (edition: number) => `Source avant (édition ${number(edition)})`,
  adoptColumnTheirs: (edition: number) => `Source maintenant (édition ${number(edition)})`,
  adoptFieldConflict: "conflit",
  adoptNotUpstream: "Absent de la source",
  adoptParentMissing: (name: string) =>
    `Sa place à la source, sous « ${name} », n'existe pas dans votre copie : reprenez d'abord ce changement-là.`,
  adoptRemovesBelow: (n: number) =>
    n === 0
      ? "Le reprendre le supprime de votre copie."
      : n === 1
        ? "Le reprendre le supprime de votre copie, avec l'élément qui se trouve en dessous."
        : `Le reprendre le supprime de votre copie, avec les ${number(n)} éléments qui se trouvent en dessous.`,
  adoptKeepYours: "Garder votre version",
  adoptTakeUpstream: "Reprendre celle de la source",
  adoptMergeLink: "Fusionner champ par champ",
  adoptChooseFields: "Choisir champ par champ",
  adoptDecisionsFor: (name: string) => `Décision sur « ${name} »`,
  adoptMergeTitle: (name: string) => `Fusionner « ${name} »`,
  adoptMergeIntro:
    "Pour chaque champ modifié à la source, gardez la valeur de votre copie, reprenez celle de la source ou écrivez-en une autre. Les champs que la source n'a pas modifiés gardent votre valeur.",
  adoptChoiceOurs: "Garder votre valeur",
  adoptChoiceTheirs: "Reprendre celle de la source",
  adoptChoiceValue: "Écrire une autre valeur",
  adoptValueLabel: (field: string) => `Votre valeur pour « ${field} »`,
  adoptMergeButton: "Enregistrer la fusion",
  adoptBackToUpstream: "Retour aux changements à la source",
  adoptErrParentMissing:
    "La place que la source donne à cet élément n'existe pas dans votre copie. Reprenez d'abord le changement qui l'ajoute.",
  adoptErrSameTitle: "C'est le titre de la source. Choisissez-en un que le public pourra distinguer.",
  adoptDoneMerged: "Fusion enregistrée dans votre ébauche.",
  editorKindLeave: "Changement à la source écarté",
  readerAdoptedFrom: (edition: number) => `Adopté à partir de l'édition ${number(edition)} de`,
};
