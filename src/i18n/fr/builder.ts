// le constructeur de profils (src/profiles/builder) : choisir les compétences d'un profil de poste
// dans le référentiel, leur niveau, leur importance et leurs CHA, ce que les éditions suivantes ont
// changé, et l'aperçu.

import type { Translation } from "../dictionary.ts";
import type { builder as enBuilder } from "../en/builder.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);
const plural = (n: number, one: string, many: string) => (n <= 1 ? `${number(n)} ${one}` : `${number(n)} ${many}`);

export const builder: Translation<typeof enBuilder> = {
  builderTitle: (title) => `Compétences du poste : ${title}`,
  builderIntro:
    "Trouvez dans le référentiel les compétences dont ce poste a besoin, cochez-les et ajoutez-les. Fixez ensuite pour chacune le niveau visé et son importance, et précisez au besoin les connaissances, habiletés et aptitudes qui comptent.",
  builderBackToProfile: "Retour au profil",
  builderPreviewLink: "Voir l'aperçu de la description de poste",
  builderNavLabel: "Ce profil",
  builderChosenHeading: "Compétences retenues",
  builderChosenNone: "Aucune compétence retenue pour l'instant. Parcourez le référentiel ou cherchez-y plus bas.",
  builderChosenCount: (n) => plural(n, "compétence", "compétences"),
  builderFromEdition: (framework, edition, date) => `${framework}, édition ${number(edition)} (${date})`,
  builderAreaOf: (area) => `Domaine : ${area}`,
  builderLevelLegend: "Niveau visé",
  builderLevelOption: (n, label) => `${number(n)}. ${label}`,
  builderImportanceLegend: "Importance",
  builderEssential: "Essentielle",
  builderAsset: "Atout",
  builderKsaLegend: "Connaissances, habiletés et aptitudes requises pour le poste",
  builderKsaHint: "Ne cochez rien (ou cochez tout) pour exiger la compétence dans son ensemble.",
  builderSave: "Enregistrer",
  builderSaveLabel: (competency) => `Enregistrer : ${competency}`,
  builderMoveUp: "Monter",
  builderMoveDown: "Descendre",
  builderMoveUpLabel: (competency) => `Monter : ${competency}`,
  builderMoveDownLabel: (competency) => `Descendre : ${competency}`,
  builderRemove: "Retirer",
  builderRemoveLabel: (competency) => `Retirer : ${competency}`,
  builderAdded: (n) =>
    n === 0
      ? "Ces compétences étaient déjà retenues."
      : n === 1
        ? "1 compétence ajoutée."
        : `${number(n)} compétences ajoutées.`,
  builderSaved: "C'est enregistré.",
  builderMoved: (position) => `Déplacée en position ${number(position)}.`,
  builderRemoved: "Compétence retirée.",
  builderTaken: (edition) => `Le profil reprend maintenant la formulation de l'édition ${number(edition)}.`,
  builderTakenDropped: (edition, dropped) =>
    `Le profil reprend maintenant la formulation de l'édition ${number(edition)}. ${
      dropped <= 1
        ? "Un élément coché (connaissance, habileté ou aptitude) qui n'y figure plus a été retiré."
        : `${number(dropped)} éléments cochés (connaissances, habiletés ou aptitudes) qui n'y figurent plus ont été retirés.`
    }`,
  builderKept:
    "L'ancienne formulation est conservée ; cet avis ne reviendra que si une édition ultérieure modifie de nouveau la compétence.",
  builderStale:
    "Quelqu'un d'autre a modifié ce profil depuis l'ouverture de la page. Le voici dans son état actuel ; votre modification n'a pas été enregistrée. Refaites-la si elle est toujours utile.",
  builderErrItems: "Cochez au moins une compétence.",
  builderErrItemsInvalid:
    "Un des éléments cochés ne peut pas être retenu : ce n'est pas une compétence de l'édition en vigueur du référentiel. Rien n'a été ajouté.",
  builderErrLevel: "Choisissez un des niveaux de l'échelle.",
  builderErrKsa: "Choisissez parmi les connaissances, habiletés et aptitudes propres à cette compétence.",
  builderErrRetired:
    "L'édition en vigueur ne contient plus cette compétence : conservez l'ancienne formulation ou retirez-la.",
  builderChangedNotice: (edition) => `L'édition ${number(edition)} a modifié cette compétence.`,
  builderMovedNotice: (edition) => `L'édition ${number(edition)} a déplacé cette compétence dans le référentiel.`,
  builderRetiredNotice: (edition) => `L'édition ${number(edition)} ne contient plus cette compétence.`,
  builderOldWording: "Dans ce profil",
  builderNewWording: (edition) => `Dans l'édition ${number(edition)}`,
  builderKsasAdded: (n) =>
    n <= 1
      ? "1 connaissance, habileté ou aptitude ajoutée."
      : `${number(n)} connaissances, habiletés ou aptitudes ajoutées.`,
  builderKsasRemoved: (n) =>
    n <= 1
      ? "1 connaissance, habileté ou aptitude retirée."
      : `${number(n)} connaissances, habiletés ou aptitudes retirées.`,
  builderKsasReworded: (n) =>
    n <= 1
      ? "1 connaissance, habileté ou aptitude reformulée."
      : `${number(n)} connaissances, habiletés ou aptitudes reformulées.`,
  builderTake: "Adopter la modification",
  builderTakeLabel: (competency) => `Adopter la modification : ${competency}`,
  builderKeep: "Conserver l'ancienne formulation",
  builderKeepLabel: (competency) => `Conserver l'ancienne formulation : ${competency}`,
  builderDiffRemoved: "supprimé",
  builderDiffAdded: "ajouté",
  builderFindHeading: "Trouver des compétences",
  builderSearchLabel: "Chercher dans le référentiel",
  builderSearchButton: "Chercher",
  builderSearchResults: (total, query) =>
    total === 0
      ? `Aucun résultat pour « ${query} ».`
      : `${plural(total, "élément trouvé", "éléments trouvés")} pour « ${query} ».`,
  builderSearchShown: (from, to) => `Résultats ${number(from)} à ${number(to)}.`,
  builderSearchLegend: "Compétences trouvées",
  builderPrevious: "Résultats précédents",
  builderNext: "Résultats suivants",
  builderBrowseHeading: "Parcourir le référentiel",
  builderBrowseTrail: "Votre position dans le référentiel",
  builderFrameworks: "Référentiels",
  builderNoFramework: "Aucun référentiel n'est encore publié.",
  builderTickLegend: (place) => `Compétences : ${place}`,
  builderAddButton: "Ajouter les compétences cochées",
  builderChosenMark: "déjà retenue",
  builderOpenArea: (count) => plural(count, "élément", "éléments"),
  builderShowIn: (place) => `Afficher dans ${place}`,
  builderPageOf: (page, pages) => `Page ${number(page)} sur ${number(pages)}`,
  builderPreviewTitle: (title) => `Aperçu de la description de poste : ${title}`,
  builderPreviewIntro: "La description de poste telle qu'elle sera imprimée, avec les compétences retenues jusqu'ici.",
  builderBackToBuilder: "Retour aux compétences",
};
