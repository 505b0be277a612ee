/**
 * What readers learn of an adopted framework: "adopted from edition N of …". Each edition records it
 * when it is published (N is the source's edition the copy had caught up with then); editions
 * published before that was recorded fall back to the adoption itself (the edition first copied).
 * What the edition records is worked out when publishing (src/adoption/report.ts, which needs the
 * upstream changes); reading it back needs only the adoption row, so readers load no adoption code.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { findFrameworkById } from "../frameworks/store.ts";
import type { AdoptedFrom, FrameworkView } from "../frameworks/view.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export interface Adoption {
  frameworkId: string;
  sourceId: string;
  adoptedEdition: number;
  /** The caught-up edition recorded at the last decision. */
  sourceEdition: number;
  adoptedAt: string;
}

export async function findAdoption(db: Executor, frameworkId: string): Promise<Adoption | undefined> {
  const row = await db
    .selectFrom("adoptions")
    .select(["framework_id", "source_framework_id", "adopted_edition", "source_edition", "adopted_at"])
    .where("framework_id", "=", frameworkId)
    .executeTakeFirst();
  return (
    row && {
      frameworkId: row.framework_id,
      sourceId: row.source_framework_id,
      adoptedEdition: Number(row.adopted_edition),
      sourceEdition: Number(row.source_edition),
      adoptedAt: row.adopted_at,
    }
  );
}

/** The adoption as recorded: the source and the edition first copied. */
export async function recordedProvenance(db: Executor, frameworkId: string): Promise<AdoptedFrom | undefined> {
  const adoption = await findAdoption(db, frameworkId);
  const source = adoption && (await findFrameworkById(db, adoption.sourceId));
  if (!adoption || !source) return undefined;
  return {
    id: source.id,
    slug: source.slug,
    title: { en: source.title_en, fr: source.title_fr },
    edition: adoption.adoptedEdition,
  };
}

/** A published view with its provenance: the edition's own, or the adoption's for older editions. */
export async function withProvenance(db: Executor, view: FrameworkView): Promise<FrameworkView> {
  if (view.adoptedFrom) return view;
  const adoptedFrom = await recordedProvenance(db, view.framework.id);
  return adoptedFrom ? { ...view, adoptedFrom } : view;
}
