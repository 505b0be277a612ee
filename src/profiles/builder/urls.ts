/** Addresses of the profile builder, under /{lang}/orgs/:org/profiles/:profile. */
import type { Lang } from "../../i18n/index.ts";

const seg = encodeURIComponent;

/** A requirement in an address: its framework and item ids, which never hold "~". */
export const requirementParam = (frameworkId: string, itemId: string) => `${frameworkId}~${itemId}`;

export function parseRequirementParam(value: string): { frameworkId: string; itemId: string } | undefined {
  const match = /^([^~]{1,36})~([^~]{1,36})$/.exec(value);
  return match ? { frameworkId: match[1] as string, itemId: match[2] as string } : undefined;
}

const profileBase = (lang: Lang, org: string, profileId: string) =>
  `/${lang}/orgs/${seg(org)}/profiles/${seg(profileId)}`;

export type RequirementAction = "move" | "remove" | "take" | "keep";

export const builderUrls = {
  /** The profile's own page (src/profiles/jobs). */
  profile: profileBase,
  builder: (lang: Lang, org: string, profileId: string, query?: Record<string, string>) => {
    const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== "")).toString() : "";
    return `${profileBase(lang, org, profileId)}/builder${search ? `?${search}` : ""}`;
  },
  preview: (lang: Lang, org: string, profileId: string) => `${profileBase(lang, org, profileId)}/builder/preview`,
  add: (lang: Lang, org: string, profileId: string) => `${profileBase(lang, org, profileId)}/requirements`,
  requirement: (lang: Lang, org: string, profileId: string, frameworkId: string, itemId: string) =>
    `${profileBase(lang, org, profileId)}/requirements/${seg(requirementParam(frameworkId, itemId))}`,
  action: (
    lang: Lang,
    org: string,
    profileId: string,
    frameworkId: string,
    itemId: string,
    action: RequirementAction,
  ) => `${profileBase(lang, org, profileId)}/requirements/${seg(requirementParam(frameworkId, itemId))}/${action}`,
};

/** The anchor of a chosen competency on the builder page (where a redirect brings the reader back). */
export const requirementAnchor = (itemId: string) => `req-${itemId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
