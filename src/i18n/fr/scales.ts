// échelles de maîtrise (src/profiles/scales) : l'échelle de l'organisation, ses niveaux et les
// descripteurs de niveau propres à une compétence.

import type { Translation } from "../dictionary.ts";
import type { scales as enScales } from "../en/scales.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);

export const scales: Translation<typeof enScales> = {
  scaleTitle: "Échelle de maîtrise",
  scaleIntroDefault: "Cette organisation utilise l’échelle par défaut du site.",
  scaleIntroOwn: "Cette organisation utilise sa propre échelle.",
  scaleLevelsCaption: (name: string) => `Niveaux — ${name}`,
  scaleColumnNumber: "Niveau",
  scaleColumnLabel: "Nom",
  scaleColumnDescriptor: "Ce qui le caractérise",
  scaleChooseHeading: "Choisir l’échelle",
  scaleChooseLabel: "Quelle échelle l’organisation utilise-t-elle?",
  scaleChooseDefault: "L’échelle par défaut du site",
  scaleChooseOwn: "Notre propre échelle (d’abord une copie de celle par défaut)",
  scaleChooseButton: "Utiliser cette échelle",
  scaleChosenDefault: "L’organisation utilise désormais l’échelle par défaut.",
  scaleChosenOwn: "L’organisation utilise désormais sa propre échelle. Ajustez-en les niveaux ci-dessous.",
  scaleEditHeading: "Définir les niveaux",
  scaleEditIntro:
    "De deux à dix niveaux, du plus élémentaire au plus élevé. Un niveau déplacé ou retiré ne l’est qu’à l’enregistrement; les profils de poste qui visent un niveau le suivent.",
  scaleNameEn: "Nom de l’échelle en anglais",
  scaleNameFr: "Nom de l’échelle en français",
  scaleDescriptionEn: "Description en anglais",
  scaleDescriptionFr: "Description en français",
  scaleLevelLegend: (n: number) => `Niveau ${number(n)}`,
  scaleLevelLabelEn: "Nom en anglais",
  scaleLevelLabelFr: "Nom en français",
  scaleLevelDescriptorEn: "Descripteur général en anglais",
  scaleLevelDescriptorFr: "Descripteur général en français",
  scaleMoveUp: "Monter",
  scaleMoveDown: "Descendre",
  scaleRemove: "Retirer",
  scaleMoveUpLabel: (n: number) => `Monter le niveau ${number(n)}`,
  scaleMoveDownLabel: (n: number) => `Descendre le niveau ${number(n)}`,
  scaleRemoveLabel: (n: number) => `Retirer le niveau ${number(n)}`,
  scaleAddLevel: "Ajouter un niveau",
  scaleSave: "Enregistrer l’échelle",
  scaleUnsaved: "Rien n’est encore enregistré : vérifiez les niveaux, puis enregistrez l’échelle.",
  scaleSaved: "L’échelle a été enregistrée.",
  scaleOutdated:
    "Quelqu’un a enregistré cette échelle pendant que vous la modifiiez. La voici telle qu’elle est maintenant; refaites vos changements.",
  scaleLevelCount: (min: number, max: number) => `Une échelle compte de ${number(min)} à ${number(max)} niveaux.`,
  scaleLevelNumbers: "Les niveaux sont numérotés à partir de 1, sans trou ni doublon.",
  scaleLabelRepeated: (n: number) => `Le niveau ${number(n)} porte déjà ce nom.`,
  scaleLevelsInUse: (levels: string) =>
    `Des profils de poste visent le niveau ${levels} : gardez-le, ou modifiez d’abord ces profils.`,
  scaleDescriptorsHeading: "Niveaux d’une compétence",
  scaleDescriptorsIntro:
    "Décrivez à quoi ressemble chaque niveau pour une compétence donnée. Si vous n’écrivez rien, le descripteur général du niveau s’applique.",
  scaleDescriptorsDefaultNote:
    "Les descripteurs de l’échelle par défaut sont ceux du site. Choisissez votre propre échelle pour rédiger ceux de votre organisation.",
  scaleSearchLabel: "Trouver une compétence",
  scaleSearchHint: "Des mots de son énoncé ou son code.",
  scaleSearchButton: "Chercher",
  scaleSearchResults: (n: number) => (n <= 1 ? `${number(n)} compétence trouvée` : `${number(n)} compétences trouvées`),
  scaleSearchNone: "Aucune compétence ne correspond à ces mots.",
  scaleCompetencyTitle: (statement: string) => `Niveaux de la compétence : ${statement}`,
  scaleCompetencyFramework: "Référentiel",
  scaleBackToScale: "Retour à l’échelle",
  scaleCompetencyLevelLegend: (n: number, label: string) => `Niveau ${number(n)} : ${label}`,
  scaleCompetencyGeneral: (text: string) => `Descripteur général : ${text}`,
  scaleCompetencyDescriptorEn: "Pour cette compétence, en anglais",
  scaleCompetencyDescriptorFr: "Pour cette compétence, en français",
  scaleCompetencyNone: "Aucun descripteur propre : le descripteur général s’applique.",
  scaleCompetencySave: "Enregistrer les descripteurs",
  scaleDefaultCompetencyTitle: (statement: string) => `Échelle par défaut, niveaux de la compétence : ${statement}`,
  scaleDefaultCompetencyIntro:
    "Ces descripteurs sont ceux de l’échelle par défaut du site : toutes les organisations qui s’en servent les voient, et l’export CASE public les diffuse. Un niveau laissé vide garde son descripteur général.",
  scaleDefaultCompetencyEdit: "Modifier les descripteurs de cette compétence dans l’échelle par défaut",
  scaleRubricHeading: "Importer des niveaux depuis CASE",
  scaleRubricLabel: "Une CFRubric CASE, ou un paquet CASE qui en contient une (JSON)",
  scaleRubricHint:
    "Les niveaux de la première grille remplacent ceux de votre échelle, dans l’ordre; si le français manque au paquet, l’anglais le remplace en attendant que vous le corrigiez.",
  scaleRubricImport: "Importer les niveaux",
  scaleRubricNotJson: "Ce texte n’est pas du JSON : collez la CFRubric ou le paquet CASE tel qu’il a été exporté.",
  scaleRubricMissing: "Ce JSON ne contient aucune CFRubric avec des niveaux.",
  scaleRubricInvalid: (n: number) =>
    n <= 1
      ? "Les niveaux de la grille ne forment pas une échelle valide (1 problème)."
      : `Les niveaux de la grille ne forment pas une échelle valide (${number(n)} problèmes).`,
  scaleCompetencySaved: "Les descripteurs ont été enregistrés.",
};
