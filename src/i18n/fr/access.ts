// accès (src/people/invitations, src/people/sso) : invitations des personnes, leur courriel, leur
// acceptation, et l'authentification unique de chaque organisation.

import type { Translation } from "../dictionary.ts";
import type { access as enAccess } from "../en/access.ts";
import { formatDateTime } from "../format.ts";

export const access: Translation<typeof enAccess> = {
  accessLangName: (lang: string) => (lang === "fr" ? "français" : "anglais"),
  accessInviteLink: "Inviter à se connecter",
  accessInviteTitle: (name: string) => `Inviter ${name} à se connecter`,
  accessInviteIntro:
    "La personne reçoit un courriel dans sa langue, avec un lien pour créer son compte ou se connecter avec le compte de sa bibliothèque. Le lien ne sert qu’une fois et expire au bout de 7 jours ; une nouvelle invitation remplace la précédente.",
  accessInviteDetails: "Personne invitée",
  accessInviteEmail: "Adresse courriel",
  accessInviteLanguage: "Langue du message",
  accessInviteButton: "Envoyer l’invitation",
  accessPersonField: "Personne",
  accessPersonRequired: "Choisissez la personne à inviter.",
  accessNotInvitableNoEmail:
    "Cette personne n’a pas d’adresse courriel : ajoutez-en une à sa fiche avant de l’inviter.",
  accessNotInvitableHasAccount: "Cette personne se connecte déjà avec un compte : il n’y a rien à envoyer.",
  accessNotInvitableLeft: "Cette personne a quitté l’organisation : elle ne peut pas être invitée.",
  accessInvitationSentTitle: "Invitation",
  accessInvitationSent: (email: string) => `L’invitation a été envoyée à ${email}.`,
  accessInvitationNotConfigured:
    "Le courriel n’est pas configuré sur ce Skillshelf (aucun serveur SMTP) : rien n’a été envoyé. Transmettez vous-même ce lien à la personne :",
  accessInvitationSendFailed: "Le courriel n’a pas pu être envoyé. Transmettez vous-même ce lien à la personne :",
  accessInvitationLinkLabel: "Lien d’invitation :",
  accessInvitationExpires: (iso: string) => `Le lien ne sert qu’une fois, jusqu’au ${formatDateTime(iso, "fr")}.`,
  accessBackToOrganisation: "Retour à l’organisation",
  accessMailSubject: (organisation: string) => `Votre invitation à rejoindre ${organisation} dans Skillshelf`,
  accessMailBody: (p: { name: string; organisation: string; inviter: string; link: string; expires: string }) =>
    [
      `Bonjour ${p.name},`,
      "",
      `${p.inviter} vous invite à vous connecter à Skillshelf, où ${p.organisation} tient le répertoire des compétences de son personnel.`,
      "",
      "Ouvrez ce lien pour créer votre compte (ou pour vous connecter avec le compte de votre bibliothèque) :",
      p.link,
      "",
      `Le lien ne sert qu’une fois, jusqu’au ${formatDateTime(p.expires, "fr")}. Si vous n’attendiez pas ce message, ignorez-le simplement.`,
    ].join("\n"),
  accessAcceptTitle: (organisation: string) => `Rejoindre ${organisation} dans Skillshelf`,
  accessAcceptFor: (name: string, email: string) => `Cette invitation est destinée à ${name} (${email}).`,
  accessAcceptChoosePassword:
    "Choisissez un mot de passe pour créer votre compte. Vous vous connecterez avec votre adresse courriel.",
  accessAcceptCreateButton: "Créer mon compte",
  accessAcceptExistingAccount:
    "Un compte existe déjà avec cette adresse courriel. Connectez-vous avec ce compte, puis rouvrez le lien d’invitation pour rejoindre l’organisation.",
  accessAcceptSignedIn: (email: string) =>
    `Vous êtes connecté ou connectée en tant que ${email}. Rejoindre l’organisation avec ce compte ?`,
  accessAcceptLinkButton: "Rejoindre avec ce compte",
  accessAcceptOtherAccount: (email: string) =>
    `Vous êtes connecté ou connectée en tant que ${email}, qui n’est pas l’adresse à laquelle l’invitation a été envoyée. Déconnectez-vous, puis rouvrez le lien.`,
  accessAcceptAccountTaken: "Ce compte appartient déjà à une autre personne de cette organisation.",
  accessInvitationInvalidTitle: "Ce lien d’invitation ne fonctionne pas",
  accessInvitationInvalidBody:
    "Il a déjà servi, une invitation plus récente l’a remplacé, ou il a expiré. Demandez à l’administration de votre organisation de vous inviter de nouveau.",
};
