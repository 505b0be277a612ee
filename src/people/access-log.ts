/**
 * The access log (MFIPPA): every view of another person's record — and later of their assessments —
 * is written here: who, whose, what, when. A person's own views of their own record are not.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { isAnotherPersonsRecord, type OrganisationActor, type OrganisationResource } from "../policy/index.ts";
import { actorLabel } from "./organisations/changes.ts";

/** What was seen. Extend as later capabilities show more of a person. */
export const ACCESS_KINDS = ["record", "export", "access-log", "assessment", "insights", "plan"] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export interface AccessView {
  actor: OrganisationActor;
  resource: OrganisationResource & { kind: "person" };
  what: AccessKind;
  path?: string;
  requestId?: string;
}

/** Writes the view if it is of another person's record; returns whether it wrote. */
export async function recordAccess(db: Kysely<DB>, view: AccessView, now = new Date()): Promise<boolean> {
  if (!isAnotherPersonsRecord(view.actor, view.resource)) return false;
  await db
    .insertInto("access_log")
    .values({
      id: randomUUID(),
      organisation_id: view.resource.organisationId,
      at: now.toISOString(),
      actor_id: view.actor.id,
      actor_label: actorLabel(view.actor),
      person_id: view.resource.personId,
      what: view.what,
      path: view.path?.slice(0, 500) ?? null,
      request_id: view.requestId ?? null,
    })
    .execute();
  return true;
}
