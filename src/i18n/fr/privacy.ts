// confidentialité (src/people/privacy) : avis de confidentialité, journal des consultations, export de ses
// données, conservation, suppression d'une organisation.

import type { Translation } from "../dictionary.ts";
import type { privacy as enPrivacy } from "../en/privacy.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);
/** En français, 0 et 1 prennent le singulier. */
const plural = (n: number, one: string, many: string) => (n <= 1 ? `${number(n)} ${one}` : `${number(n)} ${many}`);

const STATUSES: Record<string, string> = { active: "En poste", on_leave: "En congé", left: "A quitté l'organisation" };
const ACCESS_KINDS: Record<string, string> = {
  record: "Dossier consulté",
  export: "Données exportées",
  "access-log": "Journal des consultations lu",
  assessment: "Évaluation consultée",
  insights: "Portrait de compétences consulté",
  plan: "Plan de développement consulté",
};
const CHANGE_ACTIONS: Record<string, string> = {
  create: "Création",
  update: "Modification",
  delete: "Suppression",
  import: "Importation",
  purge: "Retrait (délai de conservation)",
};

export const privacy: Translation<typeof enPrivacy> = {
  privacyNoticeLink: "Avis de confidentialité : le traitement de vos renseignements",
  privacyNoticeTitle: (organisation) => `Avis de confidentialité — ${organisation}`,
  privacyNoticeSaved: "L'avis de confidentialité est enregistré.",
  privacyNoticeMissing:
    "Cette organisation n'a pas encore rédigé son avis de confidentialité. Renseignez-vous auprès de ses ressources humaines sur le traitement de vos renseignements.",
  privacyYourDataHeading: "Vos renseignements",
  privacyMyDataLink: "Tout ce qui est conservé à mon sujet",
  privacyMyAccessLogLink: "Qui a consulté mon dossier",
  privacyAdminNav: "Administration de la confidentialité",
  privacyAdminHeading: "Pour l'administration",
  privacyEditNoticeLink: "Modifier l'avis de confidentialité",
  privacyAccessLogLink: "Journal des consultations",
  privacyRetentionLink: "Conservation",
  privacyOrganisationExportLink: "Exporter toute l'organisation (JSON)",
  privacyDeleteLink: "Supprimer l'organisation",
  privacyEditNoticeTitle: (organisation) => `Modifier l'avis de confidentialité — ${organisation}`,
  privacyEditNoticeIntro:
    "Indiquez ce que vous conservez sur le personnel, pourquoi, qui peut le voir, combien de temps et à qui s'adresser. Chacun le lit dans sa langue.",
  privacyNoticeFieldLabel: "Avis de confidentialité (français)",
  privacyNoticeHint: "Paragraphes, listes, *italique* et [liens](https://example.org) permis.",
  privacySave: "Enregistrer",
  privacyBackToNotice: "Retour à l'avis de confidentialité",

  privacyAccessLogTitle: "Journal des consultations",
  privacyAccessLogIntro:
    "Chaque consultation ou exportation du dossier d'une autre personne y est inscrite : qui, le dossier de qui, quoi et quand. Les plus récentes d'abord.",
  privacyFilterLegend: "Filtrer le journal des consultations",
  privacyFilterPerson: "Personne consultée",
  privacyFilterPersonHint: "Une partie de son nom, ou son numéro d'employé.",
  privacyFilterViewer: "Consulté par",
  privacyFilterFrom: "Du",
  privacyFilterTo: "Au",
  privacyFilterButton: "Filtrer",
  privacyFilterClear: "Afficher tout le journal",
  privacyFilterNarrowed: (name) => `Seules les consultations du dossier de ${name} sont affichées.`,
  privacyOlder: "Entrées plus anciennes",
  privacyNewest: "Entrées les plus récentes",
  privacyAccessLogCaption: "Consultations de dossiers",
  privacyColumnWhen: "Quand",
  privacyColumnViewer: "Consulté par",
  privacyColumnPerson: "Personne",
  privacyColumnWhat: "Quoi",
  privacyAccessKind: (kind) => ACCESS_KINDS[kind] ?? String(kind),
  privacyAccessNone: "Personne d'autre ne l'a encore consulté.",
  privacyMyAccessLogTitle: "Qui a consulté mon dossier",
  privacyMyAccessLogIntro:
    "Toute personne autre que vous qui a consulté ou exporté votre dossier figure ici, de la plus récente à la plus ancienne. Vos propres visites n'y sont pas.",
  privacyPersonAccessLogTitle: (name) => `Qui a consulté le dossier de ${name}`,
  privacyPersonAccessLogIntro:
    "Toutes les personnes qui ont consulté ou exporté le dossier de cette personne. Votre lecture de cette page est elle-même inscrite au journal.",
  privacyPersonDataLink: "Tout ce qui est conservé au sujet de cette personne",

  privacyMyDataTitle: "Tout ce qui est conservé à mon sujet",
  privacyPersonDataTitle: (name) => `Tout ce qui est conservé au sujet de ${name}`,
  privacyDataIntro: (organisation, when) =>
    `Ce que l'organisation « ${organisation} » conserve dans Skillshelf sur cette personne, en date du ${when}.`,
  privacyDataDownload: "Tout télécharger (JSON)",
  privacySectionRecord: "Dossier",
  privacySectionPlacement: "Unité et gestionnaire",
  privacySectionAccessLog: "Qui a consulté le dossier",
  privacySectionChanges: "Modifications du dossier",
  privacyNothingHeld: "Rien n'est conservé.",
  privacyNone: "—",
  privacyYes: "Oui",
  privacyNo: "Non",
  privacyFieldGivenName: "Prénom",
  privacyFieldFamilyName: "Nom de famille",
  privacyFieldPreferredName: "Prénom d'usage",
  privacyFieldEmail: "Courriel",
  privacyFieldEmployeeNumber: "Numéro d'employé",
  privacyFieldStatus: "Statut",
  privacyFieldStatusSince: "Statut depuis le",
  privacyFieldLanguage: "Langue de préférence",
  privacyFieldAccount: "A un compte",
  privacyFieldAdministrator: "Administration de l'organisation",
  privacyFieldCreated: "Dossier créé le",
  privacyFieldUpdated: "Dossier modifié pour la dernière fois le",
  privacyFieldUnit: "Unité",
  privacyFieldManager: "Gestionnaire",
  privacyFieldReports: "Personnes qui relèvent de cette personne",
  privacySectionInvitations: "Invitations à se connecter",
  privacyInvitationsNone: "Aucune invitation n'a été envoyée.",
  privacyColumnExpires: "Expire le",
  privacyFieldHeads: "Dirige les unités",
  privacyStatus: (status) => STATUSES[status] ?? String(status),
  privacyLanguageName: (lang) => (lang === "fr" ? "Français" : lang === "en" ? "Anglais" : String(lang)),
  privacyChangesNone: "Aucune modification n'est inscrite.",
  privacyColumnBy: "Par",
  privacyColumnAction: "Modification",
  privacyColumnChange: "Détails",
  privacyChangeAction: (action) => CHANGE_ACTIONS[action] ?? String(action),

  privacyRetentionTitle: "Conservation",
  privacyRetentionIntro:
    "Les renseignements personnels ne sont conservés que le temps nécessaire. Chaque jour, les dossiers qui dépassent ces délais sont retirés, avec le journal des consultations et l'historique des modifications qui les concernent. Laissez un champ vide pour conserver les dossiers.",
  privacyRetentionLeftLabel: "Retirer les personnes ce nombre de mois après leur départ",
  privacyRetentionLeftHint: "Un nombre entier de mois, par exemple 24.",
  privacyRetentionAssessmentLabel: "Retirer les évaluations ce nombre d'années après la clôture de leur cycle",
  privacyRetentionAssessmentHint:
    "Un nombre entier d'années. Les évaluations d'un cycle encore ouvert sont conservées. Laissez vide pour les garder.",
  privacyRetentionSaved: "Les délais de conservation sont enregistrés.",
  privacyRetentionDueHeading: "Ce que le prochain retrait quotidien enlèverait",
  privacyRetentionKeepAll: "Rien : les personnes parties sont conservées tant qu'aucun nombre de mois n'est fixé.",
  privacyRetentionNoneDue: (cutoff) => `Personne : aucun départ ne date du ${cutoff} ou d'avant.`,
  privacyRetentionSomeDue: (n, cutoff) =>
    `${plural(n, "personne", "personnes")} dont le départ date du ${cutoff} ou d'avant :`,
  privacyRetentionMore: (n) =>
    `… et ${plural(n, "autre personne", "autres personnes")} (skillshelf purge --dry-run les énumère toutes).`,
  privacyLeftOn: (date) => `départ le ${date}`,
  privacyWholeNumber: "Entrez un nombre entier d'au moins 1, ou laissez le champ vide.",
  privacyNumberTooLarge: "Ce nombre est trop grand.",
  privacyDateInvalid: "Entrez une date au format AAAA-MM-JJ.",
  privacyDateOrder: "Cette date précède celle du champ « Du ».",

  privacyDeleteTitle: (organisation) => `Supprimer l'organisation « ${organisation} »`,
  privacyDeleteIntro:
    "Supprimer l'organisation efface définitivement tout ce qu'elle contient. C'est irréversible. Seront supprimés :",
  privacyCountUnits: (n) => plural(n, "unité", "unités"),
  privacyCountPeople: (n) => plural(n, "personne et son dossier", "personnes et leurs dossiers"),
  privacyCountRoles: (n) => plural(n, "rôle d'administration", "rôles d'administration"),
  privacyCountAccessLog: (n) =>
    plural(n, "entrée du journal des consultations", "entrées du journal des consultations"),
  privacyCountChanges: (n) =>
    plural(n, "entrée de l'historique des modifications", "entrées de l'historique des modifications"),
  privacyDeleteExportFirst: "Vous voudrez peut-être en garder une copie d'abord :",
  privacyDeleteConfirmLabel: (slug) => `Pour confirmer, tapez le nom de l'organisation dans son adresse Web : ${slug}`,
  privacyDeleteMismatch: (slug) => `Tapez exactement ${slug} pour supprimer l'organisation.`,
  privacyDeleteButton: (organisation) => `Supprimer « ${organisation} » et tout son contenu`,
  privacyDeletedTitle: (organisation) => `L'organisation « ${organisation} » est supprimée`,
  privacyDeletedBody: (people, units) =>
    `${plural(people, "personne", "personnes")} et ${plural(units, "unité", "unités")} ont été retirées, avec tout ce que l'organisation contenait d'autre.`,
};
