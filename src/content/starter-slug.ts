/**
 * The starter framework's slug, read once from content/starter/framework.json without validating
 * the rest (readers' processes never load the starter content itself). Undefined when the file is
 * missing or unreadable: nothing is then put first.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { STARTER_DIR } from "./starter.ts";

let cached: string | null | undefined;

export function starterSlug(): string | undefined {
  if (cached === undefined) {
    try {
      const slug = (JSON.parse(readFileSync(join(STARTER_DIR, "framework.json"), "utf8")) as { slug?: unknown }).slug;
      cached = typeof slug === "string" ? slug : null;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}
