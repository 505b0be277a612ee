/**
 * What a person's insights page reads: their assessed competencies in every cycle (the shared
 * reader, src/insights/read.ts), which assessment is their latest (its "latest" scope, so the rule
 * lives in one place), the competencies as their frameworks' latest editions name them, and the
 * learning resources tagged to their gaps. The pure model is model.ts.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { pick } from "../../i18n/bilingual.ts";
import type { Lang } from "../../i18n/index.ts";
import { readScale } from "../../profiles/scales/read.ts";
import { type Resource, resourcesForCompetencies } from "../learning/store.ts";
import { assessedRows, cyclesOf } from "../read.ts";
import { competencyKey, suggestResources } from "../suggestions.ts";
import { type CompetencyInfo, type PersonInsights, personInsights } from "./model.ts";

/** How many catalogue resources a gap lists at most. */
export const RESOURCES_PER_GAP = 5;

export interface LoadedInsights {
  insights: PersonInsights;
  /** Resources tagged to each competency with a gap in the latest assessment, by "framework~item". */
  resources: Map<string, Resource[]>;
  /** The levels of the latest cycle's scale, lowest first, named in the page's language. */
  levels: ScaleLevelName[];
}

export interface ScaleLevelName {
  number: number;
  label: string;
}

export async function loadPersonInsights(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
  lang: Lang,
): Promise<LoadedInsights> {
  const [all, latest, cycles] = await Promise.all([
    assessedRows(db, organisationId, { personIds: [personId], cycles: "all" }),
    assessedRows(db, organisationId, { personIds: [personId], cycles: "latest" }),
    cyclesOf(db, organisationId),
  ]);
  const competencies = await competencyNames(db, all, lang);
  const insights = personInsights({
    rows: all,
    latestCycleId: latest[0]?.cycleId ?? null,
    cycles: cycles.map((cycle) => ({
      id: cycle.id,
      name: pick({ en: cycle.nameEn, fr: cycle.nameFr }, lang)?.value ?? "",
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
    })),
    competencies,
  });
  const resources = new Map<string, Resource[]>();
  const latestCycle = cycles.find((cycle) => cycle.id === latest[0]?.cycleId);
  const scale = latestCycle ? await readScale(db, latestCycle.scaleId) : undefined;
  const levels = (scale?.levels ?? []).map((level) => ({
    number: level.number,
    label: pick(level.label, lang)?.value ?? "",
  }));
  if (insights.kind === "assessed") {
    const gaps = insights.latest.groups.flatMap((group) => group.lines);
    const tagged = await resourcesForCompetencies(db, organisationId, gaps, lang);
    for (const suggestion of suggestResources(gaps, tagged, RESOURCES_PER_GAP))
      resources.set(competencyKey(suggestion), suggestion.resources);
  }
  return { insights, resources, levels };
}

/**
 * Code, name and area of each competency as the latest edition of its framework publishes it
 * (decision 042: pages show the latest wording); absent from the map when that edition has it no more.
 */
async function competencyNames(
  db: Kysely<DB>,
  refs: readonly { frameworkId: string; itemId: string }[],
  lang: Lang,
): Promise<Map<string, CompetencyInfo>> {
  const names = new Map<string, CompetencyInfo>();
  const frameworkIds = [...new Set(refs.map((r) => r.frameworkId))];
  const itemIds = [...new Set(refs.map((r) => r.itemId))];
  if (itemIds.length === 0) return names;
  const rows = await db
    .selectFrom("editions as e")
    .innerJoin("published_items as i", "i.edition_id", "e.id")
    .leftJoin("published_items as area", (j) =>
      j.onRef("area.edition_id", "=", "i.edition_id").onRef("area.item_id", "=", "i.parent_id"),
    )
    .select([
      "e.framework_id",
      "i.item_id",
      "i.code",
      "i.statement_en",
      "i.statement_fr",
      "area.statement_en as area_en",
      "area.statement_fr as area_fr",
    ])
    .where("e.framework_id", "in", frameworkIds)
    .where("i.item_id", "in", itemIds)
    .where("e.number", "=", (eb) =>
      eb
        .selectFrom("editions as later")
        .select((l) => l.fn.max("later.number").as("n"))
        .whereRef("later.framework_id", "=", "e.framework_id"),
    )
    .execute();
  for (const row of rows)
    names.set(competencyKey({ frameworkId: row.framework_id, itemId: row.item_id }), {
      code: row.code,
      name: pick({ en: row.statement_en, fr: row.statement_fr }, lang)?.value ?? "",
      area: pick({ en: row.area_en, fr: row.area_fr }, lang)?.value ?? null,
    });
  return names;
}
