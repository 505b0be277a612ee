// staff import (src/people/staff-import): téléversement → colonnes → aperçu → importation.

import type { Translation } from "../dictionary.ts";
import type { staffImport as enStaffImport } from "../en/staff-import.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);
/** French counts 0 and 1 in the singular. */
const plural = (n: number, one: string, many: string) => `${number(n)} ${n < 2 ? one : many}`;

export const staffImport: Translation<typeof enStaffImport> = {
  staffImportTitle: "Importer le personnel",
  staffImportIntro:
    "Importez la liste du personnel exportée de votre système de ressources humaines, en CSV ou en classeur Excel. Chaque personne est reconnue par son matricule : les nouveaux matricules sont ajoutés, les autres mis à jour. Vous voyez chaque changement, et chaque problème par ligne et par colonne, avant tout enregistrement; ensuite, tout le fichier est importé, ou rien.",
  staffImportFileLabel: "Fichier du personnel (CSV ou XLSX)",
  staffImportFileHint: (mb: number) =>
    `Une ligne par personne, sous une ligne d'en-tête. Les colonnes sont reconnues à leur nom, en français ou en anglais; vous pourrez corriger leur lecture à l'étape suivante. ${number(mb)} Mo au plus.`,
  staffImportOptionsLegend: "Options",
  staffImportCreateUnitsLabel: "Créer les unités nommées dans le fichier qui n'existent pas encore",
  staffImportCreateUnitsHint:
    "Elles s'ajoutent au sommet de l'arborescence, où vous pourrez les déplacer. Sinon, une unité inconnue est une erreur.",
  staffImportMarkLeftLabel: "Indiquer comme partis les membres du personnel absents du fichier",
  staffImportMarkLeftHint:
    "Seulement pour une liste complète : toute personne qui n'y figure pas sera indiquée comme partie aujourd'hui.",
  staffImportDateOrderLabel: "Une date comme 04/05/2025 signifie",
  staffImportDateOrderDmy: "jour/mois/année (4 mai 2025)",
  staffImportDateOrderMdy: "mois/jour/année (5 avril 2025)",
  staffImportRead: "Lire le fichier",
  staffImportColumnsHeading: "Colonnes",
  staffImportColumnsIntro: (name: string, rows: number) =>
    `${name} : ${plural(rows, "ligne", "lignes")} sous l'en-tête. Choisissez la colonne qui fournit chaque champ; un champ absent garde sa valeur actuelle.`,
  staffImportNotInFile: "— absent du fichier —",
  staffImportCheckAgain: "Vérifier de nouveau avec ces choix",
  staffImportFieldEmployeeNumber: "Matricule",
  staffImportFieldGivenName: "Prénom",
  staffImportFieldFamilyName: "Nom de famille",
  staffImportFieldPreferredName: "Nom d'usage",
  staffImportFieldEmail: "Courriel",
  staffImportFieldUnit: "Unité",
  staffImportFieldManagerNumber: "Gestionnaire (matricule)",
  staffImportFieldStatus: "Statut",
  staffImportFieldStatusSince: "Statut depuis le",
  staffImportFieldPreferredLang: "Langue de préférence",
  staffImportPreviewHeading: "Ce que l'importation ferait",
  staffImportCountCreates: (n: number) => plural(n, "personne ajoutée", "personnes ajoutées"),
  staffImportCountUpdates: (n: number) => plural(n, "personne mise à jour", "personnes mises à jour"),
  staffImportCountUnchanged: (n: number) => plural(n, "personne inchangée", "personnes inchangées"),
  staffImportCountLeaving: (n: number) =>
    plural(n, "personne indiquée comme partie", "personnes indiquées comme parties"),
  staffImportCountUnits: (n: number) => plural(n, "unité créée", "unités créées"),
  staffImportCountErrors: (n: number) => plural(n, "erreur", "erreurs"),
  staffImportErrorsHeading: "Erreurs à corriger",
  staffImportErrorsIntro:
    "Rien n'est importé tant que le fichier contient des erreurs. Corrigez-les dans le fichier et envoyez-le de nouveau, ou modifiez les colonnes ci-dessus.",
  staffImportRowHeader: "Ligne",
  staffImportColumnHeader: "Colonne",
  staffImportProblemHeader: "Problème",
  staffImportWholeFile: "Tout le fichier",
  staffImportMore: (n: number) => `… et ${number(n)} autre${n < 2 ? "" : "s"}, non affichée${n < 2 ? "" : "s"}.`,
  staffImportUpdatesHeading: "Changements",
  staffImportFieldHeader: "Champ",
  staffImportBeforeHeader: "Actuellement",
  staffImportAfterHeader: "Après l'importation",
  staffImportPersonHeader: "Matricule",
  staffImportCreatesHeading: "Nouvelles personnes",
  staffImportNameHeader: "Nom",
  staffImportLeavingHeading: "Indiquées comme parties",
  staffImportUnitsHeading: "Nouvelles unités",
  staffImportEmpty: "(vide)",
  staffImportConfirm: "Importer",
  staffImportConfirmHint: "Tout ce qui précède est enregistré d'un coup, ou rien ne l'est.",
  staffImportNothing: "Le fichier correspond déjà au personnel : il n'y a rien à importer.",
  staffImportDoneTitle: "Personnel importé",
  staffImportDone: (created: number, updated: number, left: number) =>
    `Importation terminée : ${plural(created, "personne ajoutée", "personnes ajoutées")}, ${plural(updated, "mise à jour", "mises à jour")}, ${plural(left, "indiquée comme partie", "indiquées comme parties")}.`,
  staffImportAgain: "Importer un autre fichier",
  staffImportErrNoFile: "Choisissez le fichier du personnel à importer.",
  staffImportErrTooLarge: (mb: number) => `Le fichier dépasse ${number(mb)} Mo.`,
  staffImportErrUnreadable:
    "Ce fichier ne se lit pas comme une liste du personnel : envoyez un fichier CSV ou un classeur Excel (XLSX).",
  staffImportErrUnpacked:
    "Ce classeur se décompresserait en bien plus qu'une liste du personnel n'en demande : enregistrez-le de nouveau depuis votre tableur, ou exportez un CSV.",
  staffImportErrEmpty: "Le fichier ne contient aucune ligne.",
  staffImportErrTooManyRows: (max: number) => `Le fichier compte plus de ${number(max)} lignes.`,
  staffImportErrExpired:
    "Ce fichier n'attend plus d'être importé (après une heure, ou une fois importé). Envoyez-le de nouveau.",
  staffImportErrChanged:
    "Le personnel a changé depuis l'aperçu : vérifiez ce que l'importation ferait maintenant, puis importez de nouveau.",
  staffImportProblem: (code: string, value: string) => {
    switch (code) {
      case "missing_column":
        return "Aucune colonne ne fournit ce champ, que chaque ligne doit avoir.";
      case "no_such_column":
        return "La colonne choisie pour ce champ n'existe pas dans le fichier.";
      case "column_twice":
        return "Cette colonne est déjà choisie pour un autre champ.";
      case "required":
        return "Cette cellule est vide; elle doit être remplie.";
      case "too_long":
        return `Dépasse ${value} caractères.`;
      case "bad_character":
        return "Contient un caractère de contrôle ou de sens d'écriture.";
      case "email":
        return `« ${value} » n'est pas une adresse courriel.`;
      case "status":
        return `« ${value} » n'est pas un statut : actif, en congé ou parti (en français ou en anglais).`;
      case "date":
        return `« ${value} » n'est pas une date (par exemple 2025-05-04).`;
      case "lang":
        return `« ${value} » n'est pas une langue : français ou anglais (fr, en).`;
      case "duplicate":
        return `Ce matricule figure déjà à la ligne ${value}.`;
      case "manager_unknown":
        return `Personne n'a le matricule ${value}, ni dans le fichier ni dans l'organisation.`;
      case "manager_self":
        return "Une personne ne peut pas être sa propre gestionnaire.";
      case "cycle":
        return `Ces liens hiérarchiques forment une boucle : ${value}.`;
      case "unit_unknown":
        return `Aucune unité ne s'appelle « ${value} ».`;
      case "unit_ambiguous":
        return `Plusieurs unités s'appellent « ${value} ».`;
      default:
        return String(code);
    }
  },
};
