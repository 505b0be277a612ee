/** The invitation pages' URLs, built in one place (other pages link to `invite`). */
import type { Lang } from "../../i18n/index.ts";

const part = (value: string) => encodeURIComponent(value);

export const invitationUrls = {
  /** The administrator's page to invite one person: link to it from a person's record or the people list. */
  invite: (lang: Lang, org: string, personId: string) =>
    `/${lang}/orgs/${part(org)}/invitations/new?person=${part(personId)}`,
  send: (lang: Lang, org: string) => `/${lang}/orgs/${part(org)}/invitations`,
  accept: (lang: Lang, org: string, token: string) => `/${lang}/orgs/${part(org)}/invitations/accept/${part(token)}`,
  /** Where a person lands once they have joined: their organisation's page. */
  organisation: (lang: Lang, org: string) => `/${lang}/orgs/${part(org)}`,
};
