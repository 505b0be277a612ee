/** Every URL of the accounts capability, built in one place. */
import type { Lang } from "../i18n/index.ts";
import { urls } from "../ui/urls.ts";

const id = (value: string) => encodeURIComponent(value);

export const authUrls = {
  /** Public (the header and the policy's guard link to it): src/ui/urls.ts. */
  signIn: urls.signIn,
  signOut: (lang: Lang) => `/${lang}/sign-out`,
  /** Organisations' single sign-on entry (src/people/sso). */
  ssoSignIn: (lang: Lang) => `/${lang}/sign-in/sso`,
  account: (lang: Lang) => `/${lang}/account`,
  password: urls.password,
  signOutEverywhere: (lang: Lang) => `/${lang}/account/sign-out-everywhere`,
  endSession: (lang: Lang, sessionId: string) => `/${lang}/account/sessions/${id(sessionId)}/sign-out`,
  users: (lang: Lang) => `/${lang}/admin/users`,
  disableUser: (lang: Lang, userId: string) => `/${lang}/admin/users/${id(userId)}/disable`,
  enableUser: (lang: Lang, userId: string) => `/${lang}/admin/users/${id(userId)}/enable`,
  inviteUser: (lang: Lang, userId: string) => `/${lang}/admin/users/${id(userId)}/invitation`,
  invitation: (lang: Lang, token: string) => `/${lang}/invitation/${id(token)}`,
  changeRole: (lang: Lang, userId: string) => `/${lang}/admin/users/${id(userId)}/role`,
  securityLog: (lang: Lang) => `/${lang}/admin/security-log`,
  /** The sign-in's second step, when the account uses a second factor. */
  secondFactor: (lang: Lang) => `/${lang}/sign-in/second-factor`,
  secondFactorSettings: (lang: Lang) => `/${lang}/account/two-step`,
  enrolSecondFactor: (lang: Lang) => `/${lang}/account/two-step/enrol`,
  confirmSecondFactor: (lang: Lang) => `/${lang}/account/two-step/confirm`,
  disableSecondFactor: (lang: Lang) => `/${lang}/account/two-step/disable`,
  recoveryCodes: (lang: Lang) => `/${lang}/account/two-step/recovery-codes`,
  /**
   * Where a person lands after signing in when no page asked for it: editors and administrators in
   * the editor; an organisation's member (who edits no framework) among their organisations.
   */
  landing: (lang: Lang, role?: string) => (role === "member" ? `/${lang}/orgs` : `/${lang}/editor`),
};

/**
 * A `next` target is honoured only when it is a path on this site: "/x", never "//host",
 * "/\host", a scheme, or control characters (no open redirects).
 */
export function safeNext(next: string | undefined | null): string | undefined {
  if (!next || next.length > 2000) return undefined;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return undefined;
  return next;
}
