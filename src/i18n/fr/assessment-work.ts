// autoévaluation et revue par le gestionnaire (src/assessments/work) : niveaux, commentaires, accord, signatures, historique

import type { Translation } from "../dictionary.ts";
import type { assessmentWork as en } from "../en/assessment-work.ts";

const number = (n: number) => new Intl.NumberFormat("fr-CA").format(n);

export const assessmentWork: Translation<typeof en> = {
  awListTitle: "Évaluations",
  awListIntro:
    "Vos évaluations dans les cycles d’évaluation de l’organisation, et celles des personnes que vous encadrez ou évaluez.",
  awListMine: "Mes évaluations",
  awListReports: "Les évaluations de mon équipe",
  awListAll: "Toutes les évaluations",
  awListNone: "Aucune évaluation pour l’instant.",
  awColumnPerson: "Personne",
  awColumnCycle: "Cycle d’évaluation",
  awColumnState: "Où en est-on",
  awPrintable: "Version imprimable",
  awTitle: (person: string, cycle: string) => `Évaluation de ${person} — ${cycle}`,
  awReviewer: (name: string) => `Évaluation par ${name}`,
  awNoReviewer: "Aucune personne n’est encore chargée de la revue.",
  awStateNotice: (state: string) => `Où en est-on : ${state}`,
  awStateName: (key: string) =>
    (
      ({
        not_started: "Pas commencée",
        in_progress: "En cours",
        submitted: "Transmise au gestionnaire",
        in_review: "En revue",
        agreed: "Niveaux convenus",
        signed_off: "Signée",
        reopened: "Rouverte",
        withdrawn: "Retirée",
      }) as Record<string, string>
    )[key] ?? String(key),
  awReopenedBecause: (reason: string) => `Rouverte : ${reason}`,
  awCycleClosed: "Ce cycle d’évaluation est clos : l’évaluation se consulte, mais ne se modifie plus.",
  awCompetenciesHeading: "Compétences",
  awNoCompetencies: "Aucune compétence à évaluer pour l’instant. Ajoutez-en une ci-dessous.",
  awTarget: (level: string) => `Niveau visé : ${level}`,
  awNoTarget: "Pas de niveau visé (compétence ajoutée)",
  awOriginName: (key: string) =>
    (
      ({
        profile: "Tirée du profil de poste",
        person: "Ajoutée par la personne",
        manager: "Ajoutée par le gestionnaire",
      }) as Record<string, string>
    )[key] ?? String(key),
  awLevelLegend: (competency: string) => `Votre niveau — ${competency}`,
  awManagerLevelLegend: (competency: string) => `Niveau selon le gestionnaire — ${competency}`,
  awAgreedLevelLegend: (competency: string) => `Niveau convenu — ${competency}`,
  awNotRated: "Pas encore évalué",
  awUnratedBeforeSubmit:
    "Vérifiez que chaque compétence a un niveau avant de soumettre : celle laissée « Pas encore évaluée » parvient sans niveau à votre gestionnaire.",
  awLevelName: (n: number, label: string) => `${number(n)} — ${label}`,
  awOwnDescriptor: "Pour cette compétence :",
  awComment: "Votre commentaire",
  awManagerComment: "Commentaire du gestionnaire",
  awSelfSummary: (level: string) => `Autoévaluation : ${level}`,
  awManagerSummary: (level: string) => `Selon le gestionnaire : ${level}`,
  awAgreedSummary: (level: string) => `Niveau convenu : ${level}`,
  awNotesSummary: (notes: string) => `Notes de l’entretien : ${notes}`,
  awCommentSummary: (comment: string) => `Commentaire : ${comment}`,
  awSave: "Enregistrer",
  awSubmit: "Enregistrer et transmettre à mon gestionnaire",
  awSaved: "Vos modifications sont enregistrées.",
  awSubmitted: "C’est transmis : votre gestionnaire a maintenant l’évaluation en main.",
  awSavedAt: (time: string) => `Enregistré à ${time}`,
  awAutosaveHint:
    "Chaque modification s’enregistre au fur et à mesure. Sans JavaScript, utilisez le bouton Enregistrer au bas du formulaire.",
  awReviewHeading: "Revue du gestionnaire",
  awAgreementHeading: "Entente",
  awConversationNotes: "Notes de l’entretien",
  awConversationDate: "Date de l’entretien",
  awSaveReview: "Enregistrer la revue",
  awAgree: "Consigner les niveaux convenus",
  awAgreed: "Les niveaux convenus sont consignés. Vous pouvez maintenant signer tous les deux.",
  awReviewSaved: "La revue est enregistrée.",
  awSignHeading: "Signatures",
  awSignCheck: "J’ai lu cette évaluation et j’en approuve le contenu",
  awSign: "Signer",
  awSigned: "Votre signature est enregistrée.",
  awSignedBy: (who: string, when: string) => `Signée par ${who} le ${when}`,
  awWaitingSignature: (who: string) => `En attente de la signature de ${who}.`,
  awThePerson: "la personne évaluée",
  awTheManager: "la ou le gestionnaire",
  awSignRequired: "Cochez la case pour confirmer que vous avez lu l’évaluation et que vous l’approuvez.",
  awReopenHeading: "Rouvrir",
  awReopenReason: "Pourquoi la rouvrir?",
  awReopenHint: "La personne évaluée verra ce motif. Les signatures sont effacées.",
  awReopen: "Rouvrir l’évaluation",
  awReopened: "L’évaluation est rouverte.",
  awWithdrawHeading: "Retirer du cycle",
  awWithdrawReason: "Pourquoi retirer cette évaluation?",
  awWithdrawHint:
    "Pour une personne qui ne doit pas être évaluée dans ce cycle (long congé, changement de poste). Plus rien ne pourra y être inscrit; son historique garde le motif.",
  awWithdraw: "Retirer l’évaluation",
  awWithdrawnNotice: "L’évaluation est retirée du cycle.",
  awReasonRequired: "Indiquez pourquoi vous la rouvrez.",
  awAddHeading: "Ajouter une compétence",
  awAddSearch: "Chercher une compétence dans le référentiel",
  awAddSearchButton: "Chercher",
  awAddResults: (n: number) => (n <= 1 ? `${number(n)} compétence trouvée` : `${number(n)} compétences trouvées`),
  awAddNone: "Aucune compétence ne correspond.",
  awAdd: "Ajouter",
  awAddLabel: (competency: string) => `Ajouter : ${competency}`,
  awAdded: "La compétence est ajoutée.",
  awRemove: "Retirer",
  awRemoveLabel: (competency: string) => `Retirer : ${competency}`,
  awRemoved: "La compétence est retirée.",
  awHistoryHeading: "Historique",
  awHistoryNone: "Rien pour l’instant.",
  awHistoryWhen: "Quand",
  awHistoryWho: "Qui",
  awHistoryCommentChanged: "commentaire modifié",
  awHistoryWhat: "Quoi",
  awEventName: (key: string) =>
    (
      ({
        opened: "Évaluation ouverte",
        state: "Passage à l’étape suivante",
        rating: "Niveau modifié",
        conversation: "Notes de l’entretien modifiées",
        signed: "Signature",
        "item-added": "Compétence ajoutée",
        "item-removed": "Compétence retirée",
      }) as Record<string, string>
    )[key] ?? String(key),
  awEventState: (from: string, to: string) => `${from} → ${to}`,
  awConflict:
    "Quelqu’un a enregistré cette évaluation après que vous l’avez ouverte. Rien n’a été enregistré de votre côté; vos saisies sont conservées ci-dessous.",
  awConflictLine: (competency: string, theirs: string, yours: string) =>
    `${competency} : entre-temps, « ${theirs} » a été enregistré; vous aviez saisi « ${yours} ». Enregistrez de nouveau pour garder votre version.`,
  awConflictShort: (theirs: string, yours: string) =>
    `Non enregistré : modifié entre-temps (« ${theirs} »; votre saisie : « ${yours} »). Enregistrez pour garder votre version.`,
  awEmpty: "(vide)",
  awRefused: "Ce n’est plus possible ici : l’évaluation est passée à une autre étape. Rechargez la page.",
  awIncomplete: "Indiquez d’abord un niveau convenu pour chaque compétence.",
  awLevelInvalid: "Choisissez l’un des niveaux de l’échelle.",
  awEvidenceSlot: "Pièces justificatives",
};
