// access (src/people/invitations, src/people/sso): invitations of people, their e-mail, accepting them,
// and an organisation's single sign-on.

import { formatDateTime } from "../format.ts";

export const access = {
  accessLangName: (lang: string) => (lang === "fr" ? "French" : "English"),
  accessInviteLink: "Invite to sign in",
  accessInviteTitle: (name: string) => `Invite ${name} to sign in`,
  accessInviteIntro:
    "They receive an e-mail in their own language with a link to create their account or to sign in with your library's account. The link works once and expires after 7 days; a new invitation replaces the previous one.",
  accessInviteDetails: "Who is invited",
  accessInviteEmail: "E-mail address",
  accessInviteLanguage: "Language of the message",
  accessInviteButton: "Send the invitation",
  accessPersonField: "Person",
  accessPersonRequired: "Choose the person to invite.",
  accessNotInvitableNoEmail: "This person has no e-mail address: add one to their record before inviting them.",
  accessNotInvitableHasAccount: "This person already signs in with an account: there is nothing to invite.",
  accessNotInvitableLeft: "This person has left the organisation and cannot be invited.",
  accessInvitationSentTitle: "Invitation",
  accessInvitationSent: (email: string) => `The invitation was sent to ${email}.`,
  accessInvitationNotConfigured:
    "E-mail is not set up on this Skillshelf (no SMTP server), so nothing was sent. Pass this link on to the person yourself:",
  accessInvitationSendFailed: "The e-mail could not be sent. Pass this link on to the person yourself:",
  accessInvitationLinkLabel: "Invitation link:",
  accessInvitationExpires: (iso: string) => `The link works once, until ${formatDateTime(iso, "en")}.`,
  accessBackToOrganisation: "Back to the organisation",
  accessMailSubject: (organisation: string) => `Your invitation to ${organisation} on Skillshelf`,
  accessMailBody: (name: string, organisation: string, inviter: string, link: string, expires: string) =>
    [
      `Hello ${name},`,
      "",
      `${inviter} invites you to sign in to Skillshelf, where ${organisation} keeps its staff competencies.`,
      "",
      "Open this link to create your account (or to sign in with your library's account):",
      link,
      "",
      `The link works once, until ${formatDateTime(expires, "en")}. If you were not expecting this message, you can ignore it.`,
    ].join("\n"),
  accessAcceptTitle: (organisation: string) => `Join ${organisation} on Skillshelf`,
  accessAcceptFor: (name: string, email: string) => `This invitation is for ${name} (${email}).`,
  accessAcceptChoosePassword: "Choose a password to create your account. You will sign in with your e-mail address.",
  accessAcceptCreateButton: "Create my account",
  accessAcceptExistingAccount:
    "An account with this e-mail address already exists. Sign in with it, then open the invitation link again to join the organisation.",
  accessAcceptSignedIn: (email: string) => `You are signed in as ${email}. Join the organisation with this account?`,
  accessAcceptLinkButton: "Join with this account",
  accessAcceptOtherAccount: (email: string) =>
    `You are signed in as ${email}, which is not the address this invitation was sent to. Sign out, then open the link again.`,
  accessAcceptAccountTaken: "This account already belongs to another person of this organisation.",
  accessInvitationInvalidTitle: "This invitation link does not work",
  accessInvitationInvalidBody:
    "It has been used already, replaced by a newer invitation, or it has expired. Ask your organisation's administrator to invite you again.",
  ssoSettingsTitle: "Single sign-on",
  ssoSettingsIntro:
    "Let your staff sign in with your library's own accounts (Microsoft Entra ID, Google Workspace or any OpenID Connect provider). Only people already in this organisation, invited or imported, are let in, matched by their e-mail address.",
  ssoRedirectUri: "Redirect URI to register with your provider:",
  ssoIssuerLabel: "Issuer",
  ssoIssuerHint:
    "The provider's issuer URL, e.g. https://login.microsoftonline.com/{tenant}/v2.0 or https://accounts.google.com.",
  ssoIssuerInvalid: "Enter the issuer as an https:// address.",
  ssoClientIdLabel: "Client ID",
  ssoClientIdRequired: "Enter the client ID your provider gave.",
  ssoClientSecretLabel: "Client secret",
  ssoClientSecretHint: "Stored encrypted and never shown again. Leave blank to keep the current one.",
  ssoClientSecretRequired: "Enter the client secret your provider gave.",
  ssoDomainsLabel: "E-mail domains",
  ssoDomainsHint: "The domains of your staff's addresses, separated by commas or spaces, e.g. library.example.",
  ssoDomainsInvalid: "Enter one or more domains like library.example.",
  ssoEnabledLabel: "Single sign-on is on",
  ssoSaveButton: "Save",
  ssoSaved: "The single sign-on settings are saved.",
  ssoSignInLink: "Sign in with your library's account",
  ssoSignInTitle: "Sign in with your library's account",
  ssoSignInIntro: "Enter your work e-mail address: you will sign in on your library's own sign-in page.",
  ssoContinueButton: "Continue",
  ssoNoProvider: "No library uses single sign-on for this address. Sign in with your password instead.",
  ssoUnavailable:
    "Your library's sign-in service cannot be reached right now. Try again later, or sign in with your password.",
  ssoRefusedTitle: "Sign-in refused",
  ssoRefusedUnknown: (email: string) =>
    `Your library's account (${email}) is not one of this organisation's people on Skillshelf. Ask your organisation's administrator to add or invite you.`,
  ssoRefusedDisabled: "This account is disabled. Ask an administrator to enable it again.",
  ssoRefusedFailed: "The sign-in with your library's account did not succeed or took too long. Start again.",
  ssoTryAgain: "Start again",
  ssoContinueToProvider: "Continue to your library's sign-in page",
};
