import type { Catalog, FrameworkView } from "../editions/catalog.ts";
import type { FrameworkRef } from "./params.ts";

/** The published framework a reference names, by UUID or slug; drafts and unknowns are alike undefined. */
export async function findPublishedFramework(catalog: Catalog, ref: FrameworkRef): Promise<FrameworkView | undefined> {
  if (ref.kind === "slug") return catalog.get(ref.value);
  const framework = (await catalog.list()).find((f) => f.id === ref.value);
  return framework ? catalog.get(framework.slug) : undefined;
}
