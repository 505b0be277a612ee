// comptes (src/auth, src/policy/guard.ts) : connexion, sessions, page du compte, administration des comptes.

import type { Translation } from "../dictionary.ts";
import type { accounts as enAccounts } from "../en/accounts.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);

export const accounts: Translation<typeof enAccounts> = {
  authSignIn: "Se connecter",
  authSignOut: "Se déconnecter",
  authAccount: "Compte",
  authAccountNav: "Votre compte",
  authSignInTitle: "Connexion",
  authSignInIntro:
    "Les personnes chargées de la rédaction ou de l'administration se connectent ici pour tenir le référentiel à jour. Aucun compte n'est nécessaire pour le consulter.",
  authEmailLabel: "Adresse courriel",
  authPasswordLabel: "Mot de passe",
  authPasswordRequired: "Entrez votre mot de passe.",
  authSignInFailed: "L'adresse courriel ou le mot de passe est incorrect.",
  authSignInDisabled: "Ce compte est désactivé. Demandez à une administratrice ou à un administrateur de le réactiver.",
  authTooManyAttempts: (minutes) =>
    `Trop de tentatives de connexion ont échoué. Attendez ${minutes <= 1 ? "1 minute" : `${number(minutes)} minutes`} avant de réessayer.`,
  authSignInRequired: "Connectez-vous pour continuer.",
  authSignedOut: "Votre session est fermée.",
  authAccountTitle: "Votre compte",
  authSignedInAs: (name, email) => `Session ouverte au nom de ${name} (${email}).`,
  authRoleLabel: "Rôle",
  authRoleAdministrator: "Administrateur ou administratrice",
  authRoleEditor: "Rédacteur ou rédactrice",
  authRoleMember: "Membre du personnel (son organisation seulement)",
  authSessionsHeading: "Où votre session est ouverte",
  authSessionsIntro:
    "Une session prend fin 12 heures après la connexion, qu'elle serve encore ou non : il suffit alors de vous reconnecter.",
  authSessionsCaption: "Vos sessions",
  authSessionStarted: "Connexion",
  authSessionLastActive: "Dernière activité",
  authSessionBrowser: "Navigateur",
  authSessionAddress: "Adresse",
  authSessionActions: "Actions",
  authSessionThis: "Cette session",
  authUnknown: "Inconnu",
  authSessionEnd: "Déconnecter cette session",
  authSessionEnded: "Cette session a été déconnectée.",
  authSignOutEverywhere: "Se déconnecter partout",
  authSignOutEverywhereHelp:
    "Met fin à toutes les sessions de votre compte, sur tous les appareils, y compris celle-ci.",
  authSignedOutEverywhere: "Vos sessions sont fermées sur tous vos appareils.",
  authChangePassword: "Changer le mot de passe",
  authCurrentPasswordLabel: "Mot de passe actuel",
  authNewPasswordLabel: "Nouveau mot de passe",
  authConfirmPasswordLabel: "Confirmez le nouveau mot de passe",
  authPasswordHint:
    "Au moins 12 caractères. Quelques mots sans lien entre eux sont faciles à retenir et difficiles à deviner.",
  authPasswordTooShort: "Le mot de passe doit compter au moins 12 caractères.",
  authPasswordTooLong: "Le mot de passe doit compter au plus 128 caractères.",
  authPasswordTooCommon:
    "Ce mot de passe est trop courant ou trop facile à deviner. Essayez quelques mots sans lien entre eux.",
  authPasswordPersonal: "Le mot de passe ne doit contenir ni votre nom ni votre adresse courriel.",
  authPasswordMismatch: "Les deux mots de passe ne sont pas identiques.",
  authCurrentPasswordWrong: "Le mot de passe actuel est incorrect.",
  authPasswordChanged: "Votre mot de passe a été changé. Vos autres sessions ont été déconnectées.",
  authMustChangePassword:
    "Vous avez ouvert une session avec un mot de passe temporaire. Choisissez votre propre mot de passe pour continuer.",
  authSavePassword: "Enregistrer le mot de passe",
  authManageAccounts: "Gérer les comptes",
  authUsersTitle: "Comptes",
  authUsersIntro:
    "Les administratrices et administrateurs créent les comptes de rédaction et d'administration, et peuvent les désactiver. Un compte désactivé ne permet plus de se connecter.",
  authUsersCaption: "Tous les comptes",
  authColumnName: "Nom",
  authColumnEmail: "Adresse courriel",
  authColumnStatus: "État",
  authStatusActive: "Actif",
  authStatusDisabled: "Désactivé",
  authStatusInvited: "Invitation pas encore acceptée",
  authYou: "(vous)",
  authDisable: "Désactiver",
  authEnable: "Réactiver",
  authNewInvitation: "Nouveau lien d'invitation",
  authForAccount: (email) => `pour ${email}`,
  authCreateHeading: "Créer un compte",
  authNameLabel: "Nom",
  authNameHint:
    "Affiché dans l'historique des modifications. Facultatif : sinon, le début de l'adresse courriel est utilisé.",
  authNameTooLong: "Le nom doit compter au plus 200 caractères.",
  authRoleInvalid: "Choisissez un rôle.",
  authMethodLegend: "Comment la personne se connectera-t-elle la première fois?",
  authMethodInvitation: "Avec un lien d'invitation, où elle choisit son propre mot de passe (valide 7 jours)",
  authMethodTemporary: "Avec un mot de passe temporaire, qu'elle devra changer à sa première connexion",
  authMethodInvalid: "Choisissez comment la personne se connectera la première fois.",
  authCreateButton: "Créer le compte",
  authEmailTaken: "Un compte existe déjà avec cette adresse courriel.",
  authCreatedTitle: "Compte créé",
  authInvitationReady: (email) =>
    `Transmettez vous-même ce lien d'invitation à ${email} : Skillshelf n'envoie aucun courriel. Il fonctionne une seule fois, pendant 7 jours, et n'est affiché qu'ici.`,
  authTemporaryReady: (email) =>
    `Transmettez vous-même ce mot de passe temporaire à ${email}, de préférence par un autre moyen que le courriel. Il n'est affiché qu'ici.`,
  authInvitationLinkLabel: "Lien d'invitation",
  authTemporaryPasswordLabel: "Mot de passe temporaire",
  authBackToUsers: "Retour aux comptes",
  authCannotDisableSelf: "Vous ne pouvez pas désactiver votre propre compte.",
  authUserDisabled: (email) => `Le compte ${email} est désactivé et déconnecté partout.`,
  authUserEnabled: (email) => `Le compte ${email} peut de nouveau se connecter.`,
  authInvitationTitle: "Choisissez votre mot de passe",
  authInvitationIntro: (email) => `Bienvenue dans Skillshelf. Choisissez le mot de passe de ${email}.`,
  authInvitationInvalidTitle: "Ce lien d'invitation ne fonctionne pas",
  authInvitationInvalidBody:
    "Il a peut-être expiré, déjà servi ou été remplacé par un lien plus récent. Demandez-en un nouveau à une administratrice ou à un administrateur.",
  authSetPasswordButton: "Enregistrer le mot de passe et se connecter",
  authForbiddenTitle: "Vous n'avez pas accès à cette page",
  authForbiddenBody:
    "Votre compte ne permet pas cette action. Au besoin, adressez-vous à une administratrice ou à un administrateur.",
  authCsrfTitle: "Ce formulaire a été refusé",
  authCsrfBody:
    "Il ne provenait pas d'une page de ce site; il a donc été refusé pour protéger votre compte. Revenez en arrière, rechargez la page et réessayez.",
};
