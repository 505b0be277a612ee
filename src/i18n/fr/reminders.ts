// rappels et la liste « en attente de vous » (src/assessments/reminders)

import type { Translation } from "../dictionary.ts";
import type { reminders as en } from "../en/reminders.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);

export const reminders: Translation<typeof en> = {
  waitingTitle: "Ce qui vous attend",
  waitingIntro: "Ce que vous avez à faire dans les cycles d’évaluation de l’organisation, le plus urgent d’abord.",
  waitingEmpty: "Rien ne vous attend pour l’instant.",
  waitingOwnHeading: "Vos évaluations",
  waitingTeamHeading: "Les évaluations de votre équipe",
  waitingCyclesHeading: "Cycles d’évaluation en retard",
  waitingCycleColumn: "Cycle d’évaluation",
  waitingTaskColumn: "À faire",
  waitingDueColumn: "Échéance",
  waitingSelfStart: "Commencer votre autoévaluation",
  waitingSelfFinish: "Terminer votre autoévaluation",
  waitingReopened: "Votre évaluation a été rouverte : reprenez-la",
  waitingSignoffPerson: "Signer votre évaluation",
  waitingReview: (name: string) => `Examiner l’autoévaluation de ${name}`,
  waitingAgree: (name: string) => `Consigner les niveaux convenus et l’entretien avec ${name}`,
  waitingSignoffManager: (name: string) => `Signer l’évaluation de ${name}`,
  waitingCycleOverdue: (n: number) =>
    n === 1 ? "1 personne a une étape en retard" : `${number(n)} personnes ont une étape en retard`,
  waitingDueOn: (date: string) => `d’ici le ${date}`,
  waitingOverdueSince: (date: string) => `en retard depuis le ${date}`,
  waitingNoDueDate: "sans échéance",
  waitingOverdueBadge: "En retard",
  waitingSettingsLink: "Vos rappels par courriel",
  waitingLandingCount: (n: number) => (n === 1 ? "1 tâche vous attend" : `${number(n)} tâches vous attendent`),
  waitingLandingOverdue: (n: number) => `(${number(n)} en retard)`,
  remindersTitle: "Rappels par courriel",
  remindersIntro:
    "Skillshelf vous écrit quand une étape d’un cycle d’évaluation vous attend, quelques jours avant l’échéance, puis une fois si elle est dépassée. Vous pouvez plutôt tout recevoir en un seul message par semaine.",
  remindersModeLegend: "Comment voulez-vous recevoir vos rappels?",
  remindersModeEach: "Chaque rappel au fur et à mesure",
  remindersModeEachHint: "Un message le jour où une tâche vous attend, avant l’échéance et en cas de retard.",
  remindersModeWeekly: "Un résumé hebdomadaire",
  remindersModeWeeklyHint: "Au plus un message par semaine, qui reprend tout ce qui vous attend.",
  remindersSave: "Enregistrer mon choix",
  remindersSaved: "Votre choix est enregistré.",
  remindersBackToWaiting: "Retour à ce qui vous attend",
  remindersMailSubject: (organisation: string) => `Skillshelf : des tâches vous attendent (${organisation})`,
  remindersDigestSubject: (organisation: string) => `Skillshelf : votre résumé de la semaine (${organisation})`,
  remindersMailGreeting: (name: string) => `Bonjour ${name},`,
  remindersMailIntro: "Voici ce qui vous attend dans un cycle d’évaluation :",
  remindersDigestIntro: "Voici tout ce qui vous attend cette semaine dans les cycles d’évaluation :",
  remindersMailNowWaiting: "vous attend maintenant",
  remindersMailDueOn: (date: string) => `échéance le ${date}`,
  remindersMailOverdue: (date: string) => `en retard depuis le ${date}`,
  remindersMailAllWaiting: "Tout ce qui vous attend :",
  remindersMailSettings: "Pour recevoir un seul message par semaine, ou revenir aux rappels un à un :",
  remindersMailSignature: "Skillshelf, pour votre organisation",
};
