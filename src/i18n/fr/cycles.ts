// cycles d'évaluation (src/assessments/cycles) : créer, ouvrir, prolonger, clore et rouvrir un cycle; la page de suivi des RH

import type { Translation } from "../dictionary.ts";
import type { cycles as en } from "../en/cycles.ts";

const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);

const STATES: Record<string, string> = {
  not_started: "Pas commencée",
  in_progress: "En cours",
  submitted: "Soumise",
  in_review: "En révision",
  agreed: "Niveaux convenus",
  signed_off: "Signée",
  reopened: "Rouverte",
  withdrawn: "Retirée",
};
const STEPS: Record<string, string> = {
  self: "Autoévaluation",
  manager: "Révision par la ou le gestionnaire",
  conversation: "Entretien",
  signoff: "Signature",
};
const CYCLE_STATES: Record<string, string> = { draft: "Ébauche", open: "Ouvert", closed: "Clos" };
const RULES: Record<string, string> = {
  keep: "Garder l'évaluation telle quelle",
  move: "Faire suivre l'évaluation (la nouvelle ou le nouveau gestionnaire la révise)",
  withdraw: "Retirer l'évaluation",
};

export const cycles: Translation<typeof en> = {
  historySubjectCycle: "Cycle d'évaluation",

  cyclesTitle: "Cycles d'évaluation",
  cyclesIntro:
    "Un cycle d'évaluation invite les personnes participantes à évaluer leurs compétences au regard de leur profil de poste, puis leur gestionnaire à réviser ces évaluations, selon les échéances que vous fixez.",
  cyclesNewLink: "Nouveau cycle d'évaluation",
  cyclesEmpty: "Cette organisation n'a encore aucun cycle d'évaluation.",
  cyclesCaption: "Cycles d'évaluation, de la période la plus récente à la plus ancienne",
  cyclesColName: "Cycle",
  cyclesColState: "État",
  cyclesColPeriod: "Période",
  cyclesColAssessments: "Évaluations",
  cyclesColSignedOff: "Signées",
  cyclesPeriod: (start, end) => `du ${start} au ${end}`,
  cyclesCount: (n) => number(n),
  cyclesCycleState: (state) => CYCLE_STATES[state] ?? String(state),
  cyclesAssessmentState: (state) => STATES[state] ?? String(state),
  cyclesStepName: (step) => STEPS[step] ?? String(step),
  cyclesRuleName: (rule) => RULES[rule] ?? String(rule),

  cyclesNewTitle: "Nouveau cycle d'évaluation",
  cyclesEditTitle: (name) => `Modifier l'ébauche : ${name}`,
  cyclesNameEn: "Nom en anglais",
  cyclesNameFr: "Nom en français",
  cyclesPeriodLegend: "Période",
  cyclesPeriodStart: "Premier jour",
  cyclesPeriodEnd: "Dernier jour",
  cyclesScale: "Échelle de maîtrise",
  cyclesScaleHint:
    "Chaque personne s'évalue sur cette échelle. Celle de l'organisation est retenue, à moins que vous n'en choisissiez une autre.",
  cyclesScaleOwn: (name) => `${name} (celle de l'organisation)`,
  cyclesParticipantsLegend: "Qui participe",
  cyclesParticipantsHint:
    "Participent toutes les personnes d'une unité cochée (sous-unités comprises), celles qui occupent un profil de poste coché et celles inscrites plus bas. Ne cochez rien pour inclure tout le personnel.",
  cyclesUnits: "Unités",
  cyclesProfiles: "Profils de poste",
  cyclesNoUnits: "Cette organisation n'a encore aucune unité.",
  cyclesNoProfiles: "Cette organisation n'a encore aucun profil de poste.",
  cyclesPeople: "Personnes",
  cyclesPeopleHint: "Une personne par ligne : son adresse courriel ou son matricule.",
  cyclesLeaverRule: "Si une personne quitte l'organisation ou change de poste pendant le cycle",
  cyclesStepsLegend: "Échéances",
  cyclesStepsHint:
    "Le premier jour de la période ou plus tard, dans cet ordre. Une échéance peut tomber après la fin de la période.",
  cyclesSaveDraft: "Enregistrer l'ébauche",
  cyclesSaved: "L'ébauche est enregistrée.",
  cyclesStale:
    "Quelqu'un d'autre a modifié ce cycle pendant que vous le modifiiez. Vos saisies sont ci-dessous, non enregistrées : vérifiez le cycle tel qu'il est maintenant, puis enregistrez de nouveau.",

  cyclesErrorDate: "Inscrivez une date sous la forme AAAA-MM-JJ, par exemple 2027-03-31.",
  cyclesErrorEndBeforeStart: "Le dernier jour ne peut précéder le premier.",
  cyclesErrorDueBeforeStart: "Cette échéance ne peut précéder le premier jour de la période.",
  cyclesErrorDueOrder: "Cette échéance ne peut précéder celle de l'étape précédente.",
  cyclesErrorEarlier: "Une prolongation ne fait que reporter les dates : choisissez cette date ou une date ultérieure.",
  cyclesErrorUnknownChoice: "Choisissez parmi ceux de cette organisation.",
  cyclesErrorPersonLine: (line, text) =>
    `Ligne ${number(line)} : aucun membre du personnel n'a l'adresse courriel ou le matricule « ${text} ».`,
  cyclesErrorTooManyPeople: (max) => `Inscrivez au plus ${number(max)} personnes.`,

  cyclesStateLabel: "État",
  cyclesScaleLabel: "Échelle",
  cyclesRuleLabel: "Départs et changements de poste",
  cyclesParticipantsLabel: "Qui participe",
  cyclesEveryone: "Tout le personnel",
  cyclesSelection: (units, profiles, people) =>
    `${number(units)} ${units > 1 ? "unités" : "unité"}, ${number(profiles)} ${profiles > 1 ? "profils de poste" : "profil de poste"}, ${number(people)} ${people > 1 ? "personnes" : "personne"}`,
  cyclesStepsCaption: "Étapes et échéances",
  cyclesColStepName: "Étape",
  cyclesColStepDue: "Échéance",
  cyclesActionsHeading: "Ce que vous pouvez faire",
  cyclesEditLink: "Modifier l'ébauche",
  cyclesOpenButton: "Ouvrir le cycle",
  cyclesOpenHint:
    "L'ouverture crée l'évaluation de chaque participante et participant à partir des compétences de son profil de poste.",
  cyclesAddJoinersButton: "Ajouter les personnes arrivées depuis",
  cyclesAddJoinersHint:
    "Crée une évaluation pour chaque personne qui correspond maintenant à la sélection et n'en a pas encore dans ce cycle.",
  cyclesExtendLegend: "Prolonger le cycle",
  cyclesExtendHint: "Reportez le dernier jour et les échéances.",
  cyclesExtendButton: "Prolonger",
  cyclesCloseButton: "Clore le cycle",
  cyclesCloseHint: "Les évaluations restent consultables, mais plus personne ne peut les modifier.",
  cyclesReopenButton: "Rouvrir le cycle",
  cyclesReopenHint: "Les personnes qui se sont ajoutées à la sélection entre-temps reçoivent leur évaluation.",
  cyclesProgressLink: "Suivi du cycle",
  cyclesBackToList: "Tous les cycles d'évaluation",
  cyclesOpened: (created, withoutProfile) =>
    `Le cycle est ouvert : ${number(created)} ${created > 1 ? "évaluations créées" : "évaluation créée"}${withoutProfile > 0 ? `, dont ${number(withoutProfile)} sans profil de poste (la personne ou sa ou son gestionnaire y ajoute les compétences)` : ""}.`,
  cyclesExtended: "Le cycle est prolongé.",
  cyclesClosed: "Le cycle est clos.",
  cyclesCreated: "L'ébauche est créée. Vérifiez-la, puis ouvrez le cycle.",
  cyclesOutdated: "Ce cycle a changé depuis l'affichage de la page. Le voici tel qu'il est maintenant : recommencez.",

  cyclesProgressTitle: (name) => `Suivi : ${name}`,
  cyclesProgressToday: (day) => `Les échéances sont comparées à la date du ${day}.`,
  cyclesCountsCaption: "Évaluations par état",
  cyclesColCount: "Évaluations",
  cyclesOverdueCount: (n) => `${number(n)} en retard`,
  cyclesFilterLabel: "Filtrer les évaluations",
  cyclesFilterUnit: "Unité",
  cyclesFilterState: "État",
  cyclesAllUnits: "Toutes les unités",
  cyclesAllStates: "Tous les états",
  cyclesFilterButton: "Afficher",
  cyclesProgressCaption: "L'évaluation de chaque personne",
  cyclesProgressNone: "Aucune évaluation ne correspond.",
  cyclesProgressEmpty: "Ce cycle n'a encore aucune évaluation : ouvrez-le d'abord.",
  cyclesDownloadCsv: "Télécharger en CSV",
  cyclesDownloadXlsx: "Télécharger en classeur Excel",
  cyclesColPerson: "Personne",
  cyclesColEmployeeNumber: "Matricule",
  cyclesColUnit: "Unité",
  cyclesColManager: "Gestionnaire",
  cyclesColStep: "Étape en attente",
  cyclesColDue: "Échéance",
  cyclesColOverdue: "En retard",
  cyclesOverdue: "En retard",
  cyclesYes: "oui",
  cyclesNo: "non",
  cyclesNone: "—",
};
