// pièces justificatives (src/assessments/evidence) : liens et fichiers à l'appui d'une évaluation

import type { Translation } from "../dictionary.ts";
import type { evidence as en } from "../en/evidence.ts";

const numberFormat = new Intl.NumberFormat("fr-CA", { maximumFractionDigits: 1 });
const number = (n: number) => numberFormat.format(n);

export const evidence: Translation<typeof en> = {
  evidenceTitle: "Pièces justificatives",
  evidenceAbout: (person: string, cycle: string) => `Évaluation de ${person}, ${cycle}.`,
  evidenceIntro:
    "Les pièces justificatives montrent sur quoi repose l'évaluation : un lien vers une page, ou un fichier comme un rapport, le descriptif d'une activité, une attestation ou la photo d'un présentoir. Chacune peut appuyer une compétence ou l'évaluation entière.",
  evidenceListHeading: "Pièces déjà jointes",
  evidenceNone: "Aucune pièce pour l'instant.",
  evidenceColumnTitle: "Pièce",
  evidenceColumnSupports: "Appuie",
  evidenceColumnAdded: "Ajoutée le",
  evidenceColumnActions: "Actions",
  evidenceWhole: "L'évaluation entière",
  evidenceLinkTo: (host: string) => `Lien vers ${host}`,
  evidenceFileAbout: (name: string, size: string) => `Fichier ${name}, ${size}`,
  evidenceSize: (bytes: number) =>
    bytes < 1024 * 1024 ? `${number(Math.max(bytes / 1024, 0.1))} ko` : `${number(bytes / (1024 * 1024))} Mo`,
  evidenceDownload: "Télécharger",
  evidenceDownloadLabel: (title: string) => `Télécharger : ${title}`,
  evidenceRemove: "Retirer",
  evidenceRemoveLabel: (title: string) => `Retirer : ${title}`,
  evidenceRemoveTitle: "Retirer cette pièce?",
  evidenceRemoveBody: (title: string) =>
    `« ${title} » n'appuiera plus l'évaluation. Son retrait reste inscrit à l'historique de l'évaluation.`,
  evidenceRemoveConfirm: "La retirer",
  evidenceRemoveCancel: "La garder",
  evidenceAddLinkHeading: "Ajouter un lien",
  evidenceLinkTitleLabel: "Ce que montre le lien",
  evidenceLinkUrlLabel: "Adresse Web",
  evidenceLinkUrlHint: "Commençant par https:// ou http://",
  evidenceAddLink: "Ajouter le lien",
  evidenceAddFileHeading: "Ajouter un fichier",
  evidenceFileLabel: "Fichier",
  evidenceFileHint: (mb: number) =>
    `PDF, image (PNG, JPEG, GIF, WebP), texte brut ou CSV, document Word, Excel ou PowerPoint, ou OpenDocument; ${number(mb)} Mo au plus. Les pages Web et les images SVG ne sont pas acceptées.`,
  evidenceFileTitleLabel: "Titre (facultatif)",
  evidenceFileTitleHint: "Sans titre, c'est le nom du fichier qui s'affiche.",
  evidenceAddFile: "Ajouter le fichier",
  evidenceItemLabel: "Appuie",
  evidenceAdded: "Pièce ajoutée.",
  evidenceRemoved: "Pièce retirée.",
  evidenceReadOnly:
    "Vous pouvez consulter ces pièces; les ajouter ou les retirer revient à la personne pendant son autoévaluation et à la personne qui évalue pendant la révision.",
  evidenceClosed: "À cette étape de l'évaluation, on ne peut plus ajouter ni retirer de pièces.",
  evidenceErrUrl: "Entrez une adresse Web commençant par https:// ou http://.",
  evidenceErrNoFile: "Choisissez un fichier.",
  evidenceErrEmpty: "Ce fichier est vide.",
  evidenceErrTooLarge: (mb: number) =>
    `Ce fichier dépasse ${number(mb)} Mo. Envoyez-en un plus petit, ou un lien vers celui-ci.`,
  evidenceErrTotal: (totalMb: number, usedMb: number) =>
    `Les fichiers d'une évaluation peuvent totaliser ${number(totalMb)} Mo, et ${number(usedMb)} Mo y sont déjà joints. Retirez un fichier devenu inutile, ou envoyez plutôt un lien.`,
  evidenceErrNotAllowed:
    "Ce type de fichier n'est pas accepté (c'est son contenu qui a été vérifié, pas son nom). Envoyez un PDF, une image, du texte brut ou un document bureautique.",
  evidenceErrMarkup:
    "Les pages Web, les images SVG et les fichiers XML ne sont pas acceptés : ils peuvent exécuter des scripts. Enregistrez plutôt le document en PDF.",
  evidenceErrItem: "Choisissez une des compétences de cette évaluation.",
};
