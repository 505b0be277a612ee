/** Every address of the development plan pages, built in one place. */
import type { Lang } from "../../i18n/index.ts";

const seg = (value: string) => encodeURIComponent(value);
const list = (lang: Lang, org: string, person: string) => `/${lang}/orgs/${seg(org)}/people/${seg(person)}/plans`;
const plan = (lang: Lang, org: string, person: string, year: number) => `${list(lang, org, person)}/${year}`;

export const planUrls = {
  list,
  plan,
  goals: (lang: Lang, org: string, person: string, year: number) => `${plan(lang, org, person, year)}/goals`,
  goal: (lang: Lang, org: string, person: string, year: number, goal: string) =>
    `${plan(lang, org, person, year)}/goals/${seg(goal)}`,
  removeGoal: (lang: Lang, org: string, person: string, year: number, goal: string) =>
    `${plan(lang, org, person, year)}/goals/${seg(goal)}/remove`,
  activities: (lang: Lang, org: string, person: string, year: number, goal: string) =>
    `${plan(lang, org, person, year)}/goals/${seg(goal)}/activities`,
  activity: (lang: Lang, org: string, person: string, year: number, activity: string) =>
    `${plan(lang, org, person, year)}/activities/${seg(activity)}`,
  status: (lang: Lang, org: string, person: string, year: number, activity: string) =>
    `${plan(lang, org, person, year)}/activities/${seg(activity)}/status`,
  removeActivity: (lang: Lang, org: string, person: string, year: number, activity: string) =>
    `${plan(lang, org, person, year)}/activities/${seg(activity)}/remove`,
  evidence: (lang: Lang, org: string, person: string, year: number, activity: string) =>
    `${plan(lang, org, person, year)}/activities/${seg(activity)}/evidence`,
  checkins: (lang: Lang, org: string, person: string, year: number) => `${plan(lang, org, person, year)}/checkins`,
  move: (lang: Lang, org: string, person: string, year: number, move: "submit" | "approve" | "return" | "close") =>
    `${plan(lang, org, person, year)}/${move}`,
  settings: (lang: Lang, org: string) => `/${lang}/orgs/${seg(org)}/plans/settings`,
};
