/** Single sign-on URLs, built in one place. */
import type { Lang } from "../../i18n/index.ts";

const part = (value: string) => encodeURIComponent(value);

export const ssoUrls = {
  settings: (lang: Lang, org: string) => `/${lang}/orgs/${part(org)}/sso`,
  /** Starts a sign-in with this organisation's provider (e.g. from an invitation). */
  start: (lang: Lang, org: string) => `/${lang}/orgs/${part(org)}/sso/start`,
  /** The sign-in entry: an e-mail address picks the organisation by its domain. */
  signIn: (lang: Lang) => `/${lang}/sign-in/sso`,
  /** The one redirect URI of the instance, registered with every organisation's provider. */
  callbackPath: "/sso/callback",
};
