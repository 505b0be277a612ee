/**
 * The people list's query string, for pages and the API: search words, filters, sort and paging.
 * Pages forgive a bad value (the list shows as if it were absent, so an edited address still
 * works); the API refuses it with the parameter named.
 */
import { z } from "zod";
import { PERSON_STATUSES } from "./fields.ts";
import { DEFAULT_PAGE_SIZE, PEOPLE_SORTS } from "./queries.ts";

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max).optional(),
  );

export const peopleListParams = z.object({
  q: optionalText(200),
  unit: optionalText(36),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PERSON_STATUSES).optional()),
  manager: optionalText(36),
  sort: z.preprocess((v) => (v === "" || v === undefined ? "name" : v), z.enum(PEOPLE_SORTS)),
  desc: z.preprocess((v) => v === "1" || v === "true", z.boolean()),
  page: z.preprocess((v) => (v === undefined || v === "" ? 1 : v), z.coerce.number().int().min(1).max(100_000)),
  size: z.preprocess(
    (v) => (v === undefined || v === "" ? DEFAULT_PAGE_SIZE : v),
    z.coerce.number().int().min(1).max(200),
  ),
});

export type PeopleListParams = z.infer<typeof peopleListParams>;

/** For pages: each bad parameter dropped, the rest kept. */
export function forgivingListParams(query: Record<string, string>): PeopleListParams {
  const result = peopleListParams.safeParse(query);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  return peopleListParams.parse(Object.fromEntries(Object.entries(query).filter(([key]) => !bad.has(key))));
}
