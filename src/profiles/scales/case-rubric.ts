/**
 * An organisation's scale from a CASE 1.1 CFRubric: its first criterion's levels, in the order of
 * their position (or score), become the scale's levels; `quality` is the label and `description`
 * the general descriptor. French comes from our export's translation extension when the package
 * has one, else the English stands in (the editor then corrects it). Pure: the route saves it.
 */
import { z } from "zod";
import type { ScaleInput } from "./validate.ts";

const text = z.string().optional().catch(undefined);
const translationOf = (extensions: unknown): { quality?: string; description?: string } => {
  const list = Array.isArray(extensions) ? extensions : [extensions];
  for (const entry of list) {
    const fr = (entry as { skillshelf?: { translations?: { fr?: unknown } } } | null)?.skillshelf?.translations?.fr;
    if (fr && typeof fr === "object") return fr as { quality?: string; description?: string };
  }
  return {};
};

const level = z.object({
  quality: text,
  description: text,
  score: z.number().optional().catch(undefined),
  position: z.number().optional().catch(undefined),
  extensions: z.unknown().optional(),
});
const rubric = z.object({
  title: text,
  description: text,
  CFRubricCriteria: z.array(z.object({ CFRubricCriterionLevels: z.array(level).min(1) })).min(1),
});

export type RubricReading = { ok: true; scale: ScaleInput } | { ok: false; problem: "json" | "noRubric" };

/** Reads a CFRubric, or the first CFRubric of a CASE package, from pasted JSON. */
export function scaleFromCaseRubric(pasted: string): RubricReading {
  let json: unknown;
  try {
    json = JSON.parse(pasted);
  } catch {
    return { ok: false, problem: "json" };
  }
  const candidates = Array.isArray((json as { CFRubrics?: unknown } | null)?.CFRubrics)
    ? ((json as { CFRubrics: unknown[] }).CFRubrics as unknown[])
    : [json];
  for (const candidate of candidates) {
    const parsed = rubric.safeParse(candidate);
    if (!parsed.success) continue;
    const levels = [...(parsed.data.CFRubricCriteria[0]?.CFRubricCriterionLevels ?? [])].sort(
      (a, b) => (a.position ?? a.score ?? 0) - (b.position ?? b.score ?? 0),
    );
    const title = (parsed.data.title ?? "").split(":")[0]?.trim() ?? "";
    return {
      ok: true,
      scale: {
        name: { en: title, fr: title },
        description: { en: parsed.data.description ?? "", fr: parsed.data.description ?? "" },
        levels: levels.map((l, index) => {
          const fr = translationOf(l.extensions);
          const label = (l.quality ?? "").trim();
          const descriptor = (l.description ?? "").trim();
          return {
            number: index + 1,
            label: { en: label, fr: (fr.quality ?? label).trim() },
            descriptor: { en: descriptor, fr: (fr.description ?? descriptor).trim() },
          };
        }),
      },
    };
  }
  return { ok: false, problem: "noRubric" };
}
