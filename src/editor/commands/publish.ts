/**
 * `publishEdition`: freezes a framework's draft as its next numbered edition, in one transaction.
 * Readers see the new edition as soon as it commits (the content revision moves on).
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { provenanceAtPublish } from "../../adoption/report.ts";
import type { DB } from "../../db/schema.ts";
import { freezeDraft } from "../../editions/content.ts";
import type { EditionSummaryText } from "../../editions/label.ts";
import { insertEdition, latestEditionNumber } from "../../editions/store.ts";
import { listAssociations, listDefinitions } from "../../frameworks/case-store.ts";
import { EditorError } from "../../frameworks/errors.ts";
import {
  bumpContentRevision,
  findFrameworkById,
  listItemTypesWithExtra,
  listPublishableRows,
} from "../../frameworks/store.ts";
import type { Actor } from "../../policy/index.ts";
import { acceptText } from "../../text/rules.ts";
import { newBatch, writeChanges } from "../changes-store.ts";

export const SUMMARY_MAX = 500;

export interface PublishedEdition {
  number: number;
  publishedAt: string;
  items: number;
}

/**
 * @param db a database or an open transaction (the starter load and imports publish inside theirs)
 * @param frameworkId the framework whose draft becomes the next edition
 * @param actor who publishes; null for the starter load, imports run from the CLI, and migrations
 * @param summary what changed, in a sentence, in English and in French; both required
 */
export async function publishEdition(
  db: Kysely<DB> | Transaction<DB>,
  frameworkId: string,
  actor: Actor | null,
  summary: EditionSummaryText,
  options: {
    /**
     * Called between the steps of writing the edition, when what the last step read is garbage:
     * a one-shot command publishing a large framework collects it there (src/cli/collect.ts).
     */
    between?: () => void;
  } = {},
): Promise<PublishedEdition> {
  // Every way a summary comes in (form, CLI, starter) meets the same text rule, and needs both languages.
  const accepted = (lang: "en" | "fr") => {
    const result = acceptText(summary[lang], "summary");
    if (!result.ok || result.value === null || result.value.length > SUMMARY_MAX)
      throw new EditorError("invalid", { field: `summary_${lang}` });
    return result.value;
  };
  const text = { en: accepted("en"), fr: accepted("fr") };
  const run = async (trx: Transaction<DB>): Promise<PublishedEdition> => {
    const publishedAt = new Date().toISOString();
    // Writing the framework row first holds its lock (PostgreSQL), so two publishes take turns.
    const locked = await trx
      .updateTable("frameworks")
      .set({ status: "published" })
      .where("id", "=", frameworkId)
      .returning("id")
      .executeTakeFirst();
    if (!locked) throw new EditorError("not_found");
    const [framework, types, latest] = await Promise.all([
      findFrameworkById(trx, frameworkId),
      listItemTypesWithExtra(trx, frameworkId),
      latestEditionNumber(trx, frameworkId),
    ]);
    if (!framework) throw new EditorError("not_found");
    const number = latest + 1;
    // An adopted framework's edition says which edition of its source it is based on.
    const adoptedFrom = (await provenanceAtPublish(trx, frameworkId)) ?? null;
    // The items, their types and texts as readers will see them, with what CASE keeps of them
    // (item and type extras in the rows, associations and definitions beside), so neither the
    // pages nor the CASE API ever serve an unpublished change. The items and the CASE data are
    // read when insertEdition asks, one after the other (a large framework's would not fit twice).
    const { items: _none, ...header } = freezeDraft(framework, types, [], adoptedFrom);
    const batch = newBatch(frameworkId, actor, publishedAt);
    const written = await insertEdition(
      trx,
      {
        id: randomUUID(),
        framework_id: frameworkId,
        number,
        summary_en: text.en,
        summary_fr: text.fr,
        published_at: publishedAt,
        published_by: batch.actorId,
        published_by_label: batch.actorLabel,
      },
      header,
      {
        caseData: async () => {
          const [associations, definitions] = await Promise.all([
            listAssociations(trx, frameworkId),
            listDefinitions(trx, frameworkId),
          ]);
          return { associations, definitions };
        },
        items: async () =>
          freezeDraft(framework, types, await listPublishableRows(trx, frameworkId), adoptedFrom).items,
        between: options.between,
      },
    );
    await writeChanges(trx, batch, [
      {
        itemId: null,
        path: [],
        kind: "publish",
        field: "edition",
        before: latest > 0 ? String(latest) : null,
        after: JSON.stringify({ number, summary: text }),
      },
    ]);
    await bumpContentRevision(trx);
    return { number, publishedAt, items: written.items };
  };
  return db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run);
}
