/** Inputs of the API, validated at the edge. */
import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A framework's UUID or slug. Slugs from imports may be more varied than the starter's, so any
 * URL-safe letters and digits pass; control characters, spaces, stray `%` and huge values do not.
 */
export const frameworkIdParam = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}._~-]+$/u)
  .transform((value) =>
    UUID.test(value) ? { kind: "id" as const, value: value.toLowerCase() } : { kind: "slug" as const, value },
  );

export type FrameworkRef = z.output<typeof frameworkIdParam>;
