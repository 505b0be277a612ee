// security (src/security, src/auth): refused requests, the second factor, the security log.

// One formatter per module: constructing an Intl.NumberFormat costs far more than formatting.
const numberFormat = new Intl.NumberFormat("en-CA");
const number = (n: number) => numberFormat.format(n);
const minutes = (n: number) => (n <= 1 ? "1 minute" : `${number(n)} minutes`);

const EVENT_LABELS: Record<string, string> = {
  "sign_in.succeeded": "Signed in",
  "sign_in.failed": "Sign-in failed",
  "sign_in.throttled": "Sign-in slowed down (too many failures)",
  "sign_in.disabled_account": "Sign-in refused: account disabled",
  "sign_in.second_factor_required": "Password accepted, code asked for",
  "second_factor.succeeded": "Code accepted",
  "second_factor.failed": "Wrong code",
  "second_factor.throttled": "Codes slowed down (too many wrong codes)",
  "second_factor.enabled": "Two-step sign-in turned on",
  "second_factor.disabled": "Two-step sign-in turned off",
  "second_factor.codes_renewed": "New recovery codes",
  sign_out: "Signed out",
  "sign_out.everywhere": "Signed out everywhere",
  "session.ended": "Ended another session",
  "password.changed": "Password changed",
  "password.change_failed": "Password change refused: wrong current password",
  "password.change_throttled": "Password change slowed down",
  "password.confirm_failed": "Wrong current password to confirm a change",
  "invitation.issued": "Invitation link issued",
  "invitation.accepted": "Invitation accepted, password chosen",
  "user.created": "Account created",
  "user.role_changed": "Role changed",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled",
  "request.refused_cross_site": "Request refused: not from this site",
};

export const security = {
  requestTooLargeTitle: "Too much was sent",
  requestTooLargeBody: (kilobytes: number) =>
    `This form sent more than this page accepts (${number(kilobytes)} kB). Go back, shorten what you entered and try again.`,
  requestMalformedTitle: "This form could not be read",
  requestMalformedBody:
    "What the browser sent was incomplete or damaged, so nothing was saved. Go back, reload the page and try again.",

  sfTitle: "Two-step sign-in",
  sfIntro:
    "With two-step sign-in, signing in asks for your password and then for a code from an authenticator app on your phone (FreeOTP, Aegis, Google or Microsoft Authenticator, 1Password…). Someone who learns your password still cannot sign in.",
  sfOn: "On",
  sfOff: "Off",
  sfStatusOn: "Two-step sign-in is on: each sign-in asks for a code.",
  sfStatusOff: "Two-step sign-in is off: your password alone signs you in.",
  sfTurnOn: "Turn on two-step sign-in",
  sfTurnOnHelp: "Enter your password to begin. Nothing changes until you enter a first code from the app.",
  sfTurnOff: "Turn off two-step sign-in",
  sfTurnOffHelp: "Your password alone will sign you in again.",
  sfRenewCodes: "Get new recovery codes",
  sfRenewHelp: "For when you have used or lost your recovery codes. The old ones stop working.",
  sfEnrolTitle: "Set up your authenticator app",
  sfEnrolStep1: "In your authenticator app, add an account with this key, or open the link on your phone.",
  sfSecretLabel: "Key",
  sfUriLink: "Open in an authenticator app",
  sfEnrolStep2:
    "Keep these recovery codes somewhere safe, away from your phone: if you lose it, each code signs you in once. They are shown only this once.",
  sfRecoveryCodes: "Recovery codes",
  sfEnrolStep3: "Enter the code the app shows now, to finish.",
  sfStepsLabel: "Steps",
  sfConfirm: "Turn on",
  sfConfirmWrong: "This code is not right, so two-step sign-in is still off. Enter the code the app shows now.",
  sfEnabled: "Two-step sign-in is on. Each sign-in now asks for a code.",
  sfDisabled: "Two-step sign-in is off.",
  sfCodesTitle: "Your new recovery codes",
  sfCodesIntro:
    "Keep them somewhere safe, away from your phone. Your old codes no longer work. These are shown only this once.",
  sfBackToAccount: "Back to your account",
  sfChallengeTitle: "Enter your code",
  sfChallengeIntro:
    "Your account uses two-step sign-in. Enter the 6-digit code your authenticator app shows, or one of your recovery codes.",
  sfCodeLabel: "Code",
  sfCodeHint: "6 digits from the app, or a recovery code such as k3xq9-pz2mw.",
  sfCodeRequired: "Enter the code from your app or a recovery code.",
  sfContinue: "Continue",
  sfCodeWrong: "This code is not right. Check that your phone's clock is correct and enter the code shown now.",
  sfChallengeExpired: "The sign-in took too long or had too many wrong codes. Sign in again.",
  sfLocked: "Too many wrong codes for this account: it cannot sign in for 15 minutes.",
  sfTooManyAttempts: (n: number) => `Too many wrong codes. Wait ${minutes(n)} before trying again.`,

  logTitle: "Security log",
  logIntro:
    "Sign-ins, refusals and changes to accounts, newest first. Each event keeps the request id that is also in the server's own log.",
  logCaption: "Security events, newest first",
  logColumnWhen: "When",
  logColumnEvent: "Event",
  logColumnBy: "By",
  logColumnAccount: "Account",
  logColumnAddress: "Address",
  logColumnRequest: "Request id",
  logColumnDetails: "Details",
  logAnonymous: "Anonymous",
  logEmpty: "No event of this kind has been recorded.",
  logFilterLabel: "Kind of event",
  logAllKinds: "Every kind",
  logFilterButton: "Show",
  logOlder: "Older events",
  logNewest: "Back to the newest events",
  logKind: (kind: string) => (Object.hasOwn(EVENT_LABELS, kind) ? EVENT_LABELS[kind] : String(kind)),
  logLink: "Security log",

  authMakeAdministrator: "Make administrator",
  authMakeEditor: "Make editor",
  authRoleChanged: (email: string, role: string) => `${email} is now: ${role}.`,
  authCannotChangeOwnRole: "You cannot change your own role.",
} as const;
