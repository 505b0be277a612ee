/**
 * What the plan page suggests: the person's gaps on their latest assessment (src/insights/read.ts,
 * src/insights/gaps.ts), largest first, each with the catalogue's resources that build that
 * competency (src/insights/suggestions.ts). A competency met, exceeded or not agreed yet suggests
 * nothing; one the index no longer has is still shown, named so.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Lang } from "../../i18n/index.ts";
import { gapOf } from "../gaps.ts";
import { resourcesForCompetencies } from "../learning/store.ts";
import type { ResourceFormat } from "../learning/values.ts";
import { assessedRows } from "../read.ts";
import { suggestResources } from "../suggestions.ts";
import type { ActivityKind } from "./rules.ts";
import type { CompetencyWords } from "./words.tsx";

export interface SuggestedResource {
  id: string;
  titleEn: string;
  titleFr: string;
  url: string | null;
  /** The kind of activity it makes in a plan. */
  kind: ActivityKind;
}

export interface PlanSuggestion {
  frameworkId: string;
  itemId: string;
  competency: CompetencyWords;
  target: number;
  agreed: number;
  size: number;
  resources: SuggestedResource[];
}

/** A catalogue format as a plan's activity: a course is a course, mentoring mentoring, on the job practice. */
export function kindOfFormat(format: ResourceFormat): ActivityKind {
  if (format === "course") return "course";
  if (format === "mentoring") return "mentoring";
  if (format === "on_the_job") return "practice";
  return "resource";
}

async function competencyWords(
  db: Kysely<DB>,
  refs: readonly { frameworkId: string; itemId: string }[],
): Promise<Map<string, CompetencyWords>> {
  const found = new Map<string, CompetencyWords>();
  if (refs.length === 0) return found;
  const rows = await db
    .selectFrom("editions as e")
    .innerJoin("frameworks as f", "f.id", "e.framework_id")
    .innerJoin("published_items as i", "i.edition_id", "e.id")
    .select(["e.framework_id", "i.item_id", "i.code", "i.statement_en", "i.statement_fr"])
    .where("f.status", "=", "published")
    .where("e.framework_id", "in", [...new Set(refs.map((r) => r.frameworkId))])
    .where("i.item_id", "in", [...new Set(refs.map((r) => r.itemId))])
    .where("e.number", "=", (eb) =>
      eb
        .selectFrom("editions as later")
        .select((l) => l.fn.max("later.number").as("n"))
        .whereRef("later.framework_id", "=", "e.framework_id"),
    )
    .execute();
  for (const row of rows)
    found.set(`${row.framework_id}~${row.item_id}`, {
      code: row.code,
      statement: { en: row.statement_en, fr: row.statement_fr },
    });
  return found;
}

export async function planSuggestions(
  db: Kysely<DB>,
  organisationId: string,
  personId: string,
  lang: Lang,
): Promise<PlanSuggestion[]> {
  const rows = await assessedRows(db, organisationId, { personIds: [personId], cycles: "latest" });
  const gaps = rows.map((r) => ({ frameworkId: r.frameworkId, itemId: r.itemId, gap: gapOf(r.target, r.agreed) }));
  const wanted = gaps.filter((g) => g.gap.kind === "assessed" && g.gap.gap > 0);
  if (wanted.length === 0) return [];
  const [resources, words] = await Promise.all([
    resourcesForCompetencies(db, organisationId, wanted, lang),
    competencyWords(db, wanted),
  ]);
  return suggestResources(gaps, resources).map((s) => {
    const gap = gaps.find((g) => g.frameworkId === s.frameworkId && g.itemId === s.itemId)?.gap;
    const levels = gap?.kind === "assessed" ? gap : { target: 0, agreed: 0 };
    return {
      frameworkId: s.frameworkId,
      itemId: s.itemId,
      competency: words.get(`${s.frameworkId}~${s.itemId}`) ?? null,
      target: levels.target,
      agreed: levels.agreed,
      size: s.size,
      resources: s.resources.map((r) => ({
        id: r.id,
        titleEn: r.fields.titleEn,
        titleFr: r.fields.titleFr,
        url: r.fields.url,
        kind: kindOfFormat(r.fields.format),
      })),
    };
  });
}
