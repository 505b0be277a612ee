// export et suppression d'une organisation (src/people/privacy/organisation-export.ts et la section de
// chaque capacité) : ce que la suppression efface, compté sur la page de confirmation.

import type { Translation } from "../dictionary.ts";
import type { organisationExport as enOrganisationExport } from "../en/organisation-export.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);
/** En français, 0 et 1 prennent le singulier. */
const plural = (n: number, one: string, many: string) => (n <= 1 ? `${number(n)} ${one}` : `${number(n)} ${many}`);

export const organisationExport: Translation<typeof enOrganisationExport> = {
  orgExportCountInvitations: (n) => plural(n, "invitation à se connecter", "invitations à se connecter"),
  orgExportCountSingleSignOn: (n) =>
    plural(n, "réglage d'authentification unique", "réglages d'authentification unique"),
  orgExportCountScales: (n) =>
    plural(n, "échelle de maîtrise qui lui est propre", "échelles de maîtrise qui lui sont propres"),
  orgExportCountScaleLevels: (n) => plural(n, "niveau de ces échelles", "niveaux de ces échelles"),
  orgExportCountLevelDescriptors: (n) =>
    plural(n, "description d'un niveau pour une compétence", "descriptions de niveaux par compétence"),
  orgExportCountScaleChoice: (n) => plural(n, "choix d'échelle", "choix d'échelle"),
  orgExportCountJobProfiles: (n) => plural(n, "profil de poste", "profils de poste"),
  orgExportCountProfileUnits: (n) =>
    plural(n, "unité visée par un profil de poste", "unités visées par des profils de poste"),
  orgExportCountRequirements: (n) =>
    plural(n, "compétence exigée par un profil de poste", "compétences exigées par des profils de poste"),
  orgExportCountPostings: (n) => plural(n, "offre d'emploi", "offres d'emploi"),
  orgExportCountPositions: (n) => plural(n, "poste attribué à une personne", "postes attribués à des personnes"),
  orgExportCountCycles: (n) => plural(n, "cycle d'évaluation", "cycles d'évaluation"),
  orgExportCountCycleSteps: (n) => plural(n, "échéance d'étape de cycle", "échéances d'étapes de cycle"),
  orgExportCountAssessments: (n) => plural(n, "évaluation", "évaluations"),
  orgExportCountAssessedCompetencies: (n) => plural(n, "compétence évaluée", "compétences évaluées"),
  orgExportCountEvidence: (n) =>
    plural(n, "pièce justificative (lien ou fichier)", "pièces justificatives (liens et fichiers)"),
  orgExportCountAssessmentHistory: (n) =>
    plural(n, "entrée de l'historique des évaluations", "entrées de l'historique des évaluations"),
  orgExportCountReminderSettings: (n) =>
    plural(n, "préférence de rappel d'une personne", "préférences de rappel des personnes"),
  orgExportCountRemindersSent: (n) => plural(n, "rappel envoyé", "rappels envoyés"),
  orgExportCountResources: (n) => plural(n, "ressource d'apprentissage", "ressources d'apprentissage"),
  orgExportCountResourceCompetencies: (n) =>
    plural(n, "compétence développée par une ressource", "compétences développées par des ressources"),
  orgExportCountPlans: (n) => plural(n, "plan de développement", "plans de développement"),
  orgExportCountPlanGoals: (n) => plural(n, "objectif de plan de développement", "objectifs de plans de développement"),
  orgExportCountPlanActivities: (n) =>
    plural(n, "activité de plan de développement", "activités de plans de développement"),
  orgExportCountPlanCheckins: (n) => plural(n, "suivi de plan de développement", "suivis de plans de développement"),
};
