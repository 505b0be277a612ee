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
  accessMailBody: (p: { name: string; organisation: string; inviter: string; link: string; expires: string }) =>
    [
      `Hello ${p.name},`,
      "",
      `${p.inviter} invites you to sign in to Skillshelf, where ${p.organisation} keeps its staff competencies.`,
      "",
      "Open this link to create your account (or to sign in with your library's account):",
      p.link,
      "",
      `The link works once, until ${formatDateTime(p.expires, "en")}. If you were not expecting this message, you can ignore it.`,
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
};
