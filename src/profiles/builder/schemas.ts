/** What the builder's forms accept (decision 016): named, translated messages; lists as arrays. */
import { z } from "zod";
import { says } from "../../ui/forms/index.ts";
import { IMPORTANCES } from "../requirements/logic.ts";

/** A checkbox group sends one value, several, or none at all. */
const list = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().max(80)).max(500),
);

const version = z.coerce.number(says("formOutdated")).int(says("formOutdated")).positive(says("formOutdated"));

export const addForm = z.object({
  version,
  item: list.pipe(z.array(z.string()).min(1, says("builderErrItems"))),
  framework: z.string().max(80).optional().default(""),
  node: z.string().max(80).optional().default(""),
  q: z.string().max(200).optional().default(""),
  page: z.string().max(6).optional().default(""),
});

export const settingsForm = z.object({
  version,
  level: z.coerce.number(says("builderErrLevel")).int(says("builderErrLevel")),
  importance: z.enum(IMPORTANCES, says("formChoose")),
  ksa: list,
});

export const moveForm = z.object({ version, direction: z.enum(["up", "down", "first", "last"], says("formChoose")) });

export const versionForm = z.object({ version });
