/**
 * What readers learn of an adopted framework: "adopted from edition N of …". Each edition records it
 * when it is published (N is the source's edition the copy had caught up with then); editions
 * published before that was recorded fall back to the adoption itself (the edition first copied).
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { EditorError } from "../editor/errors.ts";
import { findFrameworkById } from "../frameworks/store.ts";
import type { AdoptedFrom, FrameworkView } from "../frameworks/view.ts";
import { upstreamReport } from "./report.ts";
import { findAdoption } from "./store.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** What the edition about to be published records of its source (undefined for a framework not adopted). */
export async function provenanceAtPublish(db: Executor, frameworkId: string): Promise<AdoptedFrom | undefined> {
  const adoption = await findAdoption(db, frameworkId);
  if (!adoption) return undefined;
  try {
    const report = await upstreamReport(db, frameworkId, { caughtUp: true });
    return {
      id: report.source.id,
      slug: report.source.slug,
      title: { en: report.latest.content.framework.title_en, fr: report.latest.content.framework.title_fr },
      edition: report.caughtUpTo ?? adoption.adoptedEdition,
    };
  } catch (error) {
    // The source is gone or unpublished: the copy still came from it.
    if (error instanceof EditorError && error.code === "upstream_gone") return recordedProvenance(db, frameworkId);
    throw error;
  }
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
