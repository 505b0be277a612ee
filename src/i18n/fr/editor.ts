// editor (src/editor, src/editions) : l'éditeur de référentiels, l'historique, les éditions et l'adoption.

import type { Translation } from "../dictionary.ts";
import type { editor as enEditor } from "../en/editor.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);
/** « 1 ajout », « 3 ajouts » (French puts 0 and 1 in the singular). */
const counted = (n: number, noun: string) => `${number(n)} ${noun}${n >= 2 ? "s" : ""}`;

export const editor: Translation<typeof enEditor> = {
  editorTitle: "Espace de rédaction",
  editorIntro:
    "Tenez les référentiels à jour : modifiez l'ébauche, puis publiez-la comme nouvelle édition. Le public ne voit que les éditions publiées.",
  editorNav: "Fil d'Ariane de l'espace de rédaction",
  editorFrameworks: "Référentiels",
  editorFrameworkColumn: "Référentiel",
  editorStatusColumn: "État",
  editorItemsColumn: "Éléments",
  editorCreateFramework: "Créer un référentiel",
  editorAdoptFramework: "Adopter un référentiel publié",
  editorNoFrameworks: "Aucun référentiel pour l'instant. Créez-en un ou adoptez un référentiel publié.",
  editorStatusDraft: "Ébauche, jamais publiée",
  editorStatusPublished: (n: number, date: string) =>
    `Dernière édition : ${number(n)}, publiée le ${date}. Les changements ci-dessous restent une ébauche jusqu'à la prochaine publication.`,
  editorEditionN: (n: number) => `Édition ${number(n)}`,
  editorAdoptedFrom: (slug: string) => `adopté de ${slug}`,
  editorFrameworkActions: "Actions sur le référentiel",
  editorPublishLink: "Publier",
  editorChangeLog: "Journal des modifications",
  editorMissingTranslations: "Traductions manquantes",
  editorDetails: "Renseignements sur le référentiel",
  editorUpstream: "Changements à la source",
  editorViewPublished: "Voir l'édition publiée",
  editorItemsNeedFrench: (n: number) =>
    n <= 1 ? `${number(n)} élément à traduire en français` : `${number(n)} éléments à traduire en français`,
  editorItemsNeedEnglish: (n: number) =>
    n <= 1 ? `${number(n)} élément à traduire en anglais` : `${number(n)} éléments à traduire en anglais`,
  editorAllTranslated: "Tous les éléments existent en français et en anglais.",
  editorNeedsFrench: "Français à faire",
  editorNeedsEnglish: "Anglais à faire",
  editorThisItem: "Cet élément",
  editorEnglish: "Anglais",
  editorFrench: "Français",
  editorEmpty: "(vide)",
  editorUntitled: "(sans énoncé)",
  editorContents: (n: number) =>
    n === 0 ? "Rien à ce niveau" : n === 1 ? "1 élément à ce niveau" : `${number(n)} éléments à ce niveau`,
  editorNoChildren: "Rien ici pour l'instant.",
  editorAddItem: "Ajouter un élément ici",
  editorDragHint: "Glissez un élément par sa poignée pour le déplacer, ou utilisez les boutons Monter et Descendre.",
  editorOrderSaved: "Nouvel ordre enregistré.",
  editorOrderFailed: "Le nouvel ordre n'a pas été enregistré : la liste a changé entre-temps. La page va se recharger.",
  editorPlace: (place: number, count: number) => `${number(place)} sur ${number(count)}`,
  editorActionsFor: (name: string) => `Actions pour « ${name} »`,
  editorOpenChildren: (n: number) =>
    n === 0 ? "Ouvrir" : n === 1 ? "Ouvrir (1 élément)" : `Ouvrir (${number(n)} éléments)`,
  editorEdit: "Modifier",
  editorMoveUp: "Monter",
  editorMoveDown: "Descendre",
  editorMoveTo: "Déplacer…",
  editorHistory: "Historique",
  editorDelete: "Supprimer",
  editorCode: "Code",
  editorCodeHint: "Facultatif. Lettres, chiffres et . _ ~ : ( ) -, par exemple ML.CR.2.",
  editorType: "Type",
  editorStatementEn: "Énoncé (anglais)",
  editorStatementFr: "Énoncé (français)",
  editorDescriptionEn: "Description (anglais)",
  editorDescriptionFr: "Description (français)",
  editorTitleEn: "Titre (anglais)",
  editorTitleFr: "Titre (français)",
  editorFieldParent: "Place dans le plan",
  editorFieldPosition: "Position",
  editorFieldEdition: "Édition",
  editorMarkdownHint:
    "Texte simple. Vous pouvez utiliser *l'italique*, **le gras**, des listes (lignes commençant par « - ») et des liens écrits [texte](https://…). Le HTML n'est pas accepté.",
  editorSave: "Enregistrer",
  editorPreview: "Aperçu",
  editorPreviewHeading: "Aperçu",
  editorCancel: "Annuler",
  editorEditTitle: (name: string) => `Modifier « ${name} »`,
  editorAddTitle: "Ajouter un élément",
  editorAddUnder: (name: string) => `Sous « ${name} ».`,
  editorAddAtTop: "Au premier niveau du référentiel.",
  editorConflictHeading: "Ce qui a changé pendant que vous modifiiez",
  editorConflictField: "Champ",
  editorConflictTheirs: "Enregistré entre-temps",
  editorConflictYours: "Votre version (non enregistrée)",
  editorBy: (who: string) => `par ${who}`,
  editorSomeone: "quelqu'un",
  editorSystem: "Skillshelf (automatique)",
  editorMoveTitle: (name: string) => `Déplacer « ${name} »`,
  editorPositionHeading: "Sa place parmi les éléments du même niveau",
  editorPosition: "Position",
  editorPositionHint: (n: number) => `De 1 (premier) à ${number(n)} (dernier).`,
  editorMoveHere: "Déplacer à cette position",
  editorParentHeading: "Sous un autre élément",
  editorNewParent: "Nouvelle place",
  editorParentHint:
    "L'élément se déplace avec tout ce qu'il contient. Il ne peut pas aller sous lui-même ni sous un de ses propres descendants.",
  editorTopLevel: "Premier niveau du référentiel",
  editorPositionOptional: "Position à cet endroit (facultatif)",
  editorPositionLastHint: "Laissez vide pour le placer en dernier.",
  editorMoveToParent: "Déplacer à cet endroit",
  editorDeleteTitle: (name: string) => `Supprimer « ${name} » ?`,
  editorDeleteWhat: (n: number) =>
    n === 0
      ? "Seul cet élément sera supprimé : il ne contient rien."
      : n === 1
        ? "Cet élément sera supprimé avec l'élément qu'il contient :"
        : `Cet élément sera supprimé avec les ${number(n)} éléments qu'il contient :`,
  editorDeleteConfirm: (n: number) => (n === 1 ? "Supprimer cet élément" : `Supprimer ces ${number(n)} éléments`),
  editorHistoryTitle: (name: string) => `Historique de « ${name} »`,
  editorNoHistory: "Aucune modification enregistrée pour l'instant.",
  editorWhen: "Date",
  editorWho: "Personne",
  editorItem: "Élément",
  editorWhat: "Modification",
  editorBefore: "Avant",
  editorAfter: "Après",
  editorRestore: "Rétablir la valeur précédente",
  editorRestoreItem: "Rétablir les éléments supprimés",
  editorKindCreate: "Création",
  editorKindUpdate: "Modification",
  editorKindDelete: "Suppression",
  editorKindMove: "Déplacement",
  editorKindReorder: "Changement d'ordre",
  editorKindRestore: "Rétablissement",
  editorKindPublish: "Publication",
  editorKindAdopt: "Adoption",
  editorKindTake: "Repris de la source",
  editorFilter: "Filtrer",
  editorArea: "Domaine",
  editorAnyArea: "Tous les domaines",
  editorFrom: "Du",
  editorTo: "Au",
  editorPerson: "Personne",
  editorAnyone: "Tout le monde",
  editorExportCsv: "Exporter ces modifications en CSV (s'ouvre dans un tableur)",
  editorChangeCount: (n: number) =>
    n === 0 ? "Aucune modification ne correspond." : n === 1 ? "1 modification." : `${number(n)} modifications.`,
  editorLogLimited: (n: number) =>
    `Seules les ${number(n)} plus récentes sont affichées : précisez le filtre ou exportez-les toutes en CSV.`,
  editorCsvColumns: "Date|Personne|Action|Identifiant de l'élément|Code|Champ|Avant|Après",
  editorDeletedItem: "(élément supprimé)",
  editorFrameworkItself: "(le référentiel)",
  editorSlug: "Nom dans l'adresse",
  editorSlugHint:
    "Lettres minuscules, chiffres et traits d'union, par exemple competences-ma-bibliotheque. Il fait partie de l'adresse et ne pourra plus être changé.",
  editorCreate: "Créer le référentiel",
  editorTitleOptional:
    "Un titre laissé vide devient celui de la source, suivi de « (copie locale) ». Le public doit pouvoir distinguer les deux : un titre ne peut pas reprendre celui de la source.",
  editorAdoptIntro:
    "Adopter un référentiel copie sa dernière édition publiée comme votre propre ébauche. La copie garde le lien avec sa source : vous verrez plus tard ce qui y a changé et pourrez reprendre ou écarter chaque changement.",
  editorSource: "Référentiel à adopter",
  editorAdoptButton: "Adopter",
  editorNothingToAdopt: "Aucun référentiel publié ne peut encore être adopté.",
  editorPublishTitle: "Publier une nouvelle édition",
  editorPublishIntro:
    "La publication fige l'ébauche, telle qu'elle est maintenant, comme prochaine édition numérotée. Le public la voit aussitôt; les éditions précédentes restent consultables à leur propre adresse.",
  editorPendingChanges: (added: number, changed: number, removed: number) =>
    `Depuis la dernière édition : ${counted(added, "ajout")}, ${counted(changed, "modification")} et ${counted(removed, "suppression")}.`,
  editorNoPendingChanges:
    "L'ébauche n'a pas changé depuis la dernière édition (vous pouvez tout de même la publier, par exemple pour consigner un nouveau résumé).",
  editorSummary: "Résumé des changements",
  editorSummaryHint:
    "Obligatoire. Une phrase ou deux que le public verra, par exemple « Révision du domaine Budget et finances. »",
  editorPublishButton: (n: number) => `Publier l'édition ${number(n)}`,
  editorEditions: "Éditions",
  editorNeverPublished: "Pas encore publié.",
  editorUpstreamDecided: (n: number) =>
    n <= 1
      ? `${number(n)} changement à la source déjà repris ou écarté.`
      : `${number(n)} changements à la source déjà repris ou écartés.`,
  editorUpstreamNone: "Aucun changement à la source n'attend de décision.",
  editorUpstreamAdded: "Ajouté à la source",
  editorUpstreamChanged: "Modifié à la source",
  editorUpstreamRemoved: "Supprimé à la source",
  editorYoursNow: "Votre version actuelle",
  editorNotInYours: "Absent de votre ébauche",
  editorTake: "Reprendre ce changement",
  editorLeave: "L'écarter",
  editorDoneSaved: "Enregistré.",
  editorDoneUnchanged: "Aucun changement nécessaire.",
  editorDoneAdded: "Élément ajouté.",
  editorDoneMoved: "Élément déplacé.",
  editorDoneDeleted: "Supprimé. Vous pouvez le rétablir à partir du journal des modifications.",
  editorDoneRestored: "Rétabli.",
  editorDonePublished: "Publié. Le public voit maintenant la nouvelle édition.",
  editorDoneCreated: "Référentiel créé. Ajoutez-y ses premiers éléments.",
  editorDoneAdopted: "Référentiel adopté : voici votre propre copie, une ébauche jusqu'à sa publication.",
  editorDoneTaken: "Changement repris dans votre ébauche.",
  editorDoneLeft: "Changement écarté.",
  editorErrHtml: "Le HTML n'est pas accepté ici. Utilisez le Markdown indiqué dans l'aide.",
  editorErrBadLink: "Un lien doit commencer par https://, http:// ou mailto:.",
  editorErrControl:
    "Retirez les caractères de contrôle invisibles (et les sauts de ligne, dans un champ d'une seule ligne).",
  editorErrBidi:
    "Retirez les caractères invisibles de direction du texte (U+202A à U+202E, U+2066 à U+2069) : ils peuvent afficher le texte à l'envers.",
  editorErrBadCode: "Un code ne peut contenir que des lettres, des chiffres et . _ ~ : ( ) -.",
  editorErrBadSlug:
    "Utilisez des lettres minuscules, des chiffres et des traits d'union simples, par exemple ma-bibliotheque.",
  editorErrStatementNeeded: "Rédigez l'énoncé en français, en anglais ou dans les deux langues.",
  editorErrTitleNeeded: "Donnez un titre au référentiel en français, en anglais ou dans les deux langues.",
  editorErrNotFound: "Cet élément ou ce référentiel n'existe pas. Il a peut-être été supprimé.",
  editorErrDeleted:
    "Quelqu'un a supprimé cet élément pendant que vous y travailliez. Rien n'a été enregistré; il peut être rétabli à partir du journal des modifications.",
  editorErrStale:
    "Quelqu'un d'autre a enregistré cet élément pendant que vous le modifiiez. Rien n'a été écrasé. Comparez ci-dessous; le formulaire contient votre version : enregistrez de nouveau seulement si elle doit remplacer l'autre.",
  editorErrStaleDelete: (n: number) =>
    `Le contenu de cet élément a changé entre-temps : il en contient maintenant ${number(n)}. Rien n'a été supprimé. Vérifiez de nouveau la liste avant de confirmer.`,
  editorErrStaleOrder:
    "La liste a changé pendant que vous la réordonniez. Rien n'a été enregistré. Rechargez la page et réessayez.",
  editorErrSlugTaken: "Un autre référentiel utilise déjà ce nom dans l'adresse.",
  editorErrUnderItself: "Un élément ne peut pas être déplacé sous lui-même.",
  editorErrUnderDescendant: "Un élément ne peut pas être déplacé sous un de ses propres descendants.",
  editorErrUnknownParent: "L'endroit choisi n'existe pas dans ce référentiel.",
  editorErrUnknownType: "Choisissez un des types de ce référentiel.",
  editorErrNothingToRestore: "Cette entrée ne contient aucune valeur précédente à rétablir.",
  editorErrRestoreParentMissing:
    "L'endroit où cet élément se trouvait n'existe plus. Rétablissez ou reprenez d'abord son parent.",
  editorErrAlreadyPresent: "Ceci a déjà été créé. Rechargez la page.",
  editorErrNotAdopted: "Ce référentiel n'a pas été adopté d'un autre.",
  editorErrUpstreamGone: "Le référentiel d'où celui-ci a été adopté n'est plus publié.",
  editorErrStaleUpstream:
    "La source a encore changé depuis l'affichage de cette page. Rien n'a été fait. Examinez de nouveau ce changement.",
  editorErrAlreadyPublished: (n: number) =>
    `L'édition ${number(n)} était déjà publiée (un second clic ne change rien).`,
  editionsTitle: (title: string) => `Éditions de ${title}`,
  editionsIntro:
    "Chaque édition est une version numérotée et figée du référentiel. Les éditions précédentes restent consultables ici, telles qu'elles ont été publiées.",
  editionsLink: "Toutes les éditions",
  editionPublishedOn: (date: string) => `publiée le ${date}`,
  editionCurrent: "édition en vigueur",
  editionCurrentNote: (n: number, date: string) =>
    `Vous consultez l'édition ${number(n)}, publiée le ${date} : l'édition en vigueur.`,
  editionEarlierNote: (n: number, date: string) =>
    `Vous consultez l'édition ${number(n)}, publiée le ${date}. Une édition plus récente existe.`,
  editionReadCurrent: "Consulter l'édition en vigueur",
};
