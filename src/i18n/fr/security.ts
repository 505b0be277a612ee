// sécurité (src/security, src/auth) : requêtes refusées, second facteur, journal de sécurité.

import type { Translation } from "../dictionary.ts";
import type { security as enSecurity } from "../en/security.ts";

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("fr-CA");
const number = (n: number) => numberFormat.format(n);
const minutes = (n: number) => (n <= 1 ? "1 minute" : `${number(n)} minutes`);

const EVENT_LABELS: Record<string, string> = {
  "sign_in.succeeded": "Connexion",
  "sign_in.failed": "Connexion échouée",
  "sign_in.throttled": "Connexions ralenties (trop d'échecs)",
  "sign_in.disabled_account": "Connexion refusée : compte désactivé",
  "sign_in.second_factor_required": "Mot de passe accepté, code demandé",
  "second_factor.succeeded": "Code accepté",
  "second_factor.failed": "Code erroné",
  "second_factor.throttled": "Codes ralentis (trop de codes erronés)",
  "second_factor.enabled": "Connexion en deux étapes activée",
  "second_factor.disabled": "Connexion en deux étapes désactivée",
  "second_factor.codes_renewed": "Nouveaux codes de secours",
  sign_out: "Déconnexion",
  "sign_out.everywhere": "Déconnexion partout",
  "session.ended": "Autre session fermée",
  "password.changed": "Mot de passe changé",
  "password.change_failed": "Changement de mot de passe refusé : mot de passe actuel erroné",
  "password.change_throttled": "Changements de mot de passe ralentis",
  "password.confirm_failed": "Mot de passe actuel erroné pour confirmer une modification",
  "invitation.issued": "Lien d'invitation créé",
  "invitation.accepted": "Invitation acceptée, mot de passe choisi",
  "user.created": "Compte créé",
  "user.role_changed": "Rôle changé",
  "user.disabled": "Compte désactivé",
  "user.enabled": "Compte réactivé",
  "request.refused_cross_site": "Requête refusée : elle ne venait pas de ce site",
};

export const security: Translation<typeof enSecurity> = {
  requestTooLargeTitle: "Envoi trop volumineux",
  requestTooLargeBody: (kilobytes) =>
    `Ce formulaire a envoyé plus que cette page n'en accepte (${number(kilobytes)} ko). Revenez en arrière, raccourcissez votre saisie et réessayez.`,
  requestMalformedTitle: "Ce formulaire est illisible",
  requestMalformedBody:
    "Ce que le navigateur a envoyé était incomplet ou abîmé : rien n'a été enregistré. Revenez en arrière, rechargez la page et réessayez.",

  sfTitle: "Connexion en deux étapes",
  sfIntro:
    "Avec la connexion en deux étapes, il faut votre mot de passe, puis un code donné par une application d'authentification sur votre téléphone (FreeOTP, Aegis, Google ou Microsoft Authenticator, 1Password…). Quelqu'un qui apprendrait votre mot de passe ne pourrait toujours pas se connecter.",
  sfOn: "Activée",
  sfOff: "Désactivée",
  sfStatusOn: "La connexion en deux étapes est activée : chaque connexion demande un code.",
  sfStatusOff: "La connexion en deux étapes est désactivée : votre mot de passe suffit pour vous connecter.",
  sfTurnOn: "Activer la connexion en deux étapes",
  sfTurnOnHelp:
    "Entrez votre mot de passe pour commencer. Rien ne change tant que vous n'avez pas saisi un premier code de l'application.",
  sfTurnOff: "Désactiver la connexion en deux étapes",
  sfTurnOffHelp: "Votre mot de passe suffira de nouveau pour vous connecter.",
  sfRenewCodes: "Obtenir de nouveaux codes de secours",
  sfRenewHelp: "Si vous avez utilisé ou perdu vos codes de secours. Les anciens cessent de fonctionner.",
  sfEnrolTitle: "Configurer votre application d'authentification",
  sfEnrolStep1:
    "Dans votre application d'authentification, ajoutez un compte avec cette clé, ou ouvrez le lien sur votre téléphone.",
  sfSecretLabel: "Clé",
  sfUriLink: "Ouvrir dans une application d'authentification",
  sfEnrolStep2:
    "Gardez ces codes de secours en lieu sûr, ailleurs que sur votre téléphone : si vous le perdez, chaque code permet une connexion. Ils ne s'affichent qu'une seule fois.",
  sfRecoveryCodes: "Codes de secours",
  sfEnrolStep3: "Pour terminer, entrez le code que l'application affiche maintenant.",
  sfStepsLabel: "Étapes",
  sfConfirm: "Activer",
  sfConfirmWrong:
    "Ce code n'est pas le bon : la connexion en deux étapes reste désactivée. Entrez le code que l'application affiche maintenant.",
  sfEnabled: "La connexion en deux étapes est activée. Chaque connexion demande désormais un code.",
  sfDisabled: "La connexion en deux étapes est désactivée.",
  sfCodesTitle: "Vos nouveaux codes de secours",
  sfCodesIntro:
    "Gardez-les en lieu sûr, ailleurs que sur votre téléphone. Vos anciens codes ne fonctionnent plus. Ceux-ci ne s'affichent qu'une seule fois.",
  sfBackToAccount: "Retour à votre compte",
  sfChallengeTitle: "Entrez votre code",
  sfChallengeIntro:
    "Votre compte utilise la connexion en deux étapes. Entrez le code à 6 chiffres affiché par votre application d'authentification, ou l'un de vos codes de secours.",
  sfCodeLabel: "Code",
  sfCodeHint: "6 chiffres donnés par l'application, ou un code de secours comme k3xq9-pz2mw.",
  sfCodeRequired: "Entrez le code de l'application ou un code de secours.",
  sfContinue: "Continuer",
  sfCodeWrong:
    "Ce code n'est pas le bon. Vérifiez que l'heure de votre téléphone est juste et entrez le code affiché maintenant.",
  sfChallengeExpired: "La connexion a pris trop de temps ou compté trop de codes erronés. Reconnectez-vous.",
  sfLocked: "Trop de codes erronés pour ce compte : il ne peut plus se connecter pendant 15 minutes.",
  sfTooManyAttempts: (n) => `Trop de codes erronés. Attendez ${minutes(n)} avant de réessayer.`,

  logTitle: "Journal de sécurité",
  logIntro:
    "Connexions, refus et modifications de comptes, du plus récent au plus ancien. Chaque événement garde l'identifiant de la requête, qui figure aussi dans le journal du serveur.",
  logCaption: "Événements de sécurité, du plus récent au plus ancien",
  logColumnWhen: "Quand",
  logColumnEvent: "Événement",
  logColumnBy: "Par",
  logColumnAccount: "Compte",
  logColumnAddress: "Adresse",
  logColumnRequest: "Identifiant de requête",
  logColumnDetails: "Détails",
  logAnonymous: "Anonyme",
  logEmpty: "Aucun événement de ce type n'a été enregistré.",
  logFilterLabel: "Type d'événement",
  logAllKinds: "Tous les types",
  logFilterButton: "Afficher",
  logOlder: "Événements plus anciens",
  logNewest: "Revenir aux plus récents",
  logKind: (kind) => (Object.hasOwn(EVENT_LABELS, kind) ? EVENT_LABELS[kind] : String(kind)),
  logLink: "Journal de sécurité",

  authMakeAdministrator: "Passer au rôle d'administration",
  authMakeEditor: "Passer au rôle de rédaction",
  authRoleChanged: (email, role) => `${email} a maintenant le rôle : ${role}.`,
  authCannotChangeOwnRole: "Vous ne pouvez pas changer votre propre rôle.",
};
