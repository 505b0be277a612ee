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
  accessMailBody: (name: string, organisation: string, inviter: string, link: string, expires: string) =>
    [
      `Bonjour ${name},`,
      "",
      `${inviter} vous invite à vous connecter à Skillshelf, où ${organisation} tient le référentiel des compétences de son personnel.`,
      "",
      "Ouvrez ce lien pour créer votre compte (ou pour vous connecter avec le compte de votre bibliothèque) :",
      link,
      "",
      `Le lien ne sert qu’une fois, jusqu’au ${formatDateTime(expires, "fr")}. Si vous n’attendiez pas ce message, ignorez-le simplement.`,
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
  ssoSettingsTitle: "Authentification unique",
  ssoSettingsIntro:
    "Permettez à votre personnel de se connecter avec les comptes de votre bibliothèque (Microsoft Entra ID, Google Workspace ou tout fournisseur OpenID Connect). Seules les personnes déjà présentes dans l’organisation, invitées ou importées, sont admises, reconnues par leur adresse courriel.",
  ssoRedirectUri: "URI de redirection à déclarer auprès de votre fournisseur :",
  ssoIssuerLabel: "Émetteur",
  ssoIssuerHint:
    "L’adresse de l’émetteur du fournisseur, par exemple https://login.microsoftonline.com/{tenant}/v2.0 ou https://accounts.google.com.",
  ssoIssuerInvalid: "Saisissez l’émetteur sous forme d’adresse https://.",
  ssoClientIdLabel: "Identifiant de l’application",
  ssoClientIdRequired: "Saisissez l’identifiant de l’application fourni par votre fournisseur d’identité.",
  ssoClientSecretLabel: "Secret de l’application",
  ssoClientSecretHint: "Conservé chiffré et jamais réaffiché. Laissez vide pour garder le secret actuel.",
  ssoClientSecretRequired: "Saisissez le secret de l’application fourni par votre fournisseur d’identité.",
  ssoDomainsLabel: "Domaines de courriel",
  ssoDomainsHint:
    "Les domaines des adresses de votre personnel, séparés par des virgules ou des espaces, par exemple bibliotheque.example.",
  ssoDomainsInvalid: "Saisissez un ou plusieurs domaines comme bibliotheque.example.",
  ssoEnabledLabel: "Authentification unique activée",
  ssoSaveButton: "Enregistrer",
  ssoSaved: "Les réglages d’authentification unique sont enregistrés.",
  ssoSignInLink: "Se connecter avec le compte de sa bibliothèque",
  ssoSignInTitle: "Se connecter avec le compte de sa bibliothèque",
  ssoSignInIntro:
    "Saisissez votre adresse courriel professionnelle : vous vous connecterez sur la page de connexion de votre bibliothèque.",
  ssoContinueButton: "Continuer",
  ssoNoProvider:
    "Aucune bibliothèque n’utilise l’authentification unique pour cette adresse. Connectez-vous plutôt avec votre mot de passe.",
  ssoUnavailable:
    "Le service de connexion de votre bibliothèque est injoignable pour le moment. Réessayez plus tard ou connectez-vous avec votre mot de passe.",
  ssoRefusedTitle: "Connexion refusée",
  ssoRefusedUnknown: (email: string) =>
    `Le compte de votre bibliothèque (${email}) ne correspond à aucune personne de cette organisation dans Skillshelf. Demandez à l’administration de votre organisation de vous ajouter ou de vous inviter.`,
  ssoRefusedDisabled: "Ce compte est désactivé. Demandez à un administrateur ou une administratrice de le réactiver.",
  ssoRefusedFailed:
    "La connexion avec le compte de votre bibliothèque n’a pas abouti ou a pris trop de temps. Recommencez.",
  ssoTryAgain: "Recommencer",
  ssoContinueToProvider: "Continuer vers la page de connexion de votre bibliothèque",
};
