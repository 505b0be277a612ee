/**
 * What "My organisations" (/{lang}/orgs, where members land after signing in) shows of the waiting
 * list: per organisation, how many things wait for this account, with a link to the list. src/people
 * calls it through its `landingLinks` slot; the composition (src/app.tsx) puts it there (decision 044).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { effectiveTimeZone } from "../../i18n/zones.ts";
import type { LandingLink } from "../../people/services.ts";
import type { MyOrganisation } from "../../people/staff/views/team.tsx";
import { loadFactsByOrganisation } from "./store.ts";
import { dayOf, tasksFor } from "./tasks.ts";
import { reminderUrls } from "./urls.ts";

export async function waitingLandingLinks(
  db: Kysely<DB>,
  lang: Lang,
  organisations: readonly MyOrganisation[],
  now: Date = new Date(),
  /** The instance's time zone (config.timeZone), for organisations without their own. */
  instanceZone = "UTC",
): Promise<ReadonlyMap<string, LandingLink[]>> {
  const links = new Map<string, LandingLink[]>();
  if (organisations.length === 0) return links;
  const t = messages(lang);
  const ids = await db
    .selectFrom("organisations")
    .select(["id", "slug", "time_zone"])
    .where(
      "slug",
      "in",
      organisations.map((o) => o.slug),
    )
    .execute();
  const idOf = new Map(ids.map((o) => [o.slug, o.id]));
  const zoneOf = new Map(ids.map((o) => [o.slug, effectiveTimeZone(o, instanceZone)]));
  const facts = await loadFactsByOrganisation(db, [...idOf.values()]);
  for (const organisation of organisations) {
    const id = idOf.get(organisation.slug);
    const orgFacts = id ? facts.get(id) : undefined;
    const tasks = orgFacts
      ? tasksFor(
          orgFacts,
          { personId: organisation.personId, administrator: organisation.administrator },
          dayOf(now, zoneOf.get(organisation.slug)),
        )
      : [];
    const overdue = tasks.filter((task) => task.overdue).length;
    const text =
      tasks.length === 0
        ? t.waitingTitle
        : `${t.waitingLandingCount(tasks.length)}${overdue > 0 ? ` ${t.waitingLandingOverdue(overdue)}` : ""}`;
    links.set(organisation.slug, [{ href: reminderUrls.waiting(lang, organisation.slug), text }]);
  }
  return links;
}
