import type { Kysely } from "kysely";
import type { DB, NewItem } from "../db/schema.ts";
import { uuidV5 } from "../db/uuid.ts";
import { publishEdition } from "../editor/commands/publish.ts";
import { deleteFramework, type FrameworkInsert, findFrameworkBySlug, insertFramework } from "../frameworks/store.ts";
import { messages } from "../i18n/index.ts";
import { frenchTypography } from "../i18n/typography.ts";
import type { ContentNode } from "./schema.ts";
import { loadStarterContent, type StarterContent, starterFrameworkId, starterItemId } from "./starter.ts";

/** A calendar date becomes noon UTC, so it shows as the same day in every time zone of the Americas and Europe. */
const dayToTimestamp = (day: string) => `${day}T12:00:00.000Z`;

/** French text as it is stored: with its typography (content files are written with ordinary spaces). */
const french = (text: string | undefined) => (text === undefined ? null : frenchTypography(text));

/** Turns validated starter content into rows, with identifiers derived from slug and code. */
export function starterRows(content: StarterContent, now: string): FrameworkInsert {
  const { framework } = content;
  const frameworkId = starterFrameworkId(framework.slug);
  const typeId = (code: string) => uuidV5(`type:${framework.slug}:${code}`);
  const items: NewItem[] = [];
  const add = (node: ContentNode, parentId: string | null, position: number, inheritedDay: string) => {
    const day = node.updated ?? inheritedDay;
    const id = starterItemId(framework.slug, node.code);
    items.push({
      id,
      framework_id: frameworkId,
      parent_id: parentId,
      type_id: typeId(node.type),
      code: node.code,
      position,
      statement_en: node.en.statement,
      statement_fr: frenchTypography(node.fr.statement),
      description_en: node.en.description ?? null,
      description_fr: french(node.fr.description),
      created_at: now,
      updated_at: dayToTimestamp(day),
      extra: null,
    });
    for (const [index, child] of (node.children ?? []).entries()) add(child, id, index + 1, day);
  };
  for (const [index, category] of content.categories.entries()) add(category, null, index + 1, framework.updated);
  return {
    framework: {
      id: frameworkId,
      slug: framework.slug,
      title_en: framework.en.statement,
      title_fr: frenchTypography(framework.fr.statement),
      description_en: framework.en.description ?? null,
      description_fr: french(framework.fr.description),
      publisher: framework.publisher,
      version: framework.version,
      status: "published",
      licence: framework.licence,
      created_at: now,
      updated_at: dayToTimestamp(framework.updated),
      extra: null,
    },
    itemTypes: framework.itemTypes.map((t, index) => ({
      id: typeId(t.code),
      code: t.code,
      label_en: t.en,
      label_fr: frenchTypography(t.fr),
      position: index + 1,
    })),
    items,
  };
}

export type StarterOutcome = "loaded" | "replaced" | "present";

/**
 * Loads the starter framework in one transaction. Without `replace`, an existing framework with the
 * same slug is left alone (first start loads it, later starts do nothing).
 */
export async function loadStarterFramework(
  db: Kysely<DB>,
  options: { replace?: boolean; content?: StarterContent } = {},
): Promise<{ outcome: StarterOutcome; items: number; slug: string }> {
  const content = options.content ?? loadStarterContent();
  const rows = starterRows(content, new Date().toISOString());
  return db.transaction().execute(async (trx) => {
    const existing = await findFrameworkBySlug(trx, rows.framework.slug);
    if (existing && !options.replace) return { outcome: "present", items: 0, slug: rows.framework.slug };
    if (existing) await deleteFramework(trx, existing.id);
    await insertFramework(trx, rows);
    // Readers see published editions only: the starter is edition 1 (publishing bumps the revision).
    const summary = (lang: "en" | "fr") =>
      existing ? messages(lang).upkeepStarterReloaded : messages(lang).upkeepStarterLoaded;
    await publishEdition(trx, rows.framework.id, null, { en: summary("en"), fr: summary("fr") });
    return { outcome: existing ? "replaced" : "loaded", items: rows.items.length, slug: rows.framework.slug };
  });
}
