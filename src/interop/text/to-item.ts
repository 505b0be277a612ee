/** Turns a pasted area into an item subtree (area → competencies → KSAs) in one language. */
import { randomUUID } from "node:crypto";
import type { Bilingual } from "../../frameworks/tree.ts";
import type { Lang } from "../../i18n/index.ts";
import type { ImportedItem } from "../model.ts";
import type { PastedArea } from "./parse.ts";

export interface PastedAreaOptions {
  /** The area's statement; wins over the title found in the text. */
  title?: string;
  /** The area's identifier (to update an existing area); a new UUID otherwise. */
  id?: string;
  /** The area's human code; competencies get "CODE.1", KSAs "CODE.1.1". */
  code?: string | null;
  /** The area's position among its siblings (1 by default). */
  position?: number;
  /** Item type codes; the starter framework's by default. */
  types?: { area: string; competency: string; ksa: string };
  /** Identifiers for new items (tests pass a deterministic one). */
  newId?: () => string;
}

const inLang = (lang: Lang, text: string | null): Bilingual =>
  lang === "en" ? { en: text, fr: null } : { en: null, fr: text };

export function pastedAreaToItem(area: PastedArea, lang: Lang, options: PastedAreaOptions = {}): ImportedItem {
  const newId = options.newId ?? randomUUID;
  const types = options.types ?? { area: "area", competency: "competency", ksa: "ksa" };
  const code = options.code ?? null;
  // The source's date is the day the area was last revised; noon UTC keeps that day in every time zone.
  const updatedAt = area.lastUpdated ? { updatedAt: `${area.lastUpdated}T12:00:00.000Z` } : {};
  return {
    id: options.id ?? newId(),
    type: types.area,
    code,
    position: options.position ?? 1,
    statement: inLang(lang, options.title ?? area.title ?? null),
    description: inLang(lang, area.description),
    ...updatedAt,
    children: area.competencies.map((competency, i) => {
      const competencyCode = code ? `${code}.${i + 1}` : null;
      return {
        id: newId(),
        type: types.competency,
        code: competencyCode,
        position: i + 1,
        statement: inLang(lang, competency.statement),
        description: inLang(lang, null),
        ...updatedAt,
        children: competency.ksas.map((ksa, j) => ({
          id: newId(),
          type: types.ksa,
          code: competencyCode ? `${competencyCode}.${j + 1}` : null,
          position: j + 1,
          statement: inLang(lang, ksa),
          description: inLang(lang, null),
          ...updatedAt,
          children: [],
        })),
      };
    }),
  };
}
