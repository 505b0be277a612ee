/**
 * An adopted copy never carries exactly its source's title: readers (and the API's consumers) must
 * be able to tell the two apart. Titles compare as a person reads them: case, accents' encoding and
 * runs of spaces do not make two titles different.
 */
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { latestEditionNumber } from "../editions/store.ts";
import { EditorError } from "../frameworks/errors.ts";
import { findFrameworkById } from "../frameworks/store.ts";
import type { Bilingual } from "../frameworks/tree.ts";
import { TEXT_KINDS } from "../text/rules.ts";
import { editionItems, findAdoption } from "./store.ts";

type Executor = Kysely<DB> | Transaction<DB>;

const folded = (title: string) => title.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("en-CA");

export const sameTitle = (a: string | null, b: string | null) => a !== null && b !== null && folded(a) === folded(b);

type Titles = { title_en: string | null; title_fr: string | null };

/** The first of the copy's titles that repeats one of the source's, if any. */
export function titleClash(copy: Titles, sources: readonly Bilingual[]): "title_en" | "title_fr" | null {
  for (const field of ["title_en", "title_fr"] as const)
    if (sources.some((s) => sameTitle(copy[field], s.en) || sameTitle(copy[field], s.fr))) return field;
  return null;
}

const SUFFIX = { en: " (local copy)", fr: " (copie locale)" } as const;

/** The titles a copy gets when the editor leaves them empty: the source's, marked as a local copy. */
export function copyTitles(source: Bilingual): Titles {
  const mark = (title: string | null, lang: "en" | "fr") =>
    title === null ? null : `${title.slice(0, TEXT_KINDS.title.max - SUFFIX[lang].length)}${SUFFIX[lang]}`;
  return { title_en: mark(source.en, "en"), title_fr: mark(source.fr, "fr") };
}

/** The titles readers know the source by: its latest edition's and its draft's. */
export async function sourceTitles(db: Executor, sourceId: string): Promise<Bilingual[]> {
  const [live, number] = await Promise.all([findFrameworkById(db, sourceId), latestEditionNumber(db, sourceId)]);
  const latest = number > 0 ? (await editionItems(db, sourceId, [number])).get(number) : undefined;
  const titles: Bilingual[] = [];
  if (live) titles.push({ en: live.title_en, fr: live.title_fr });
  if (latest) titles.push({ en: latest.content.framework.title_en, fr: latest.content.framework.title_fr });
  return titles;
}

/** Refuses (422) a new title of an adopted framework that repeats its source's; other frameworks pass. */
export async function refuseSourceTitle(
  db: Executor,
  frameworkId: string,
  current: Titles,
  wanted: Titles,
): Promise<void> {
  const adoption = await findAdoption(db, frameworkId);
  if (!adoption) return;
  const changed: Titles = {
    title_en: wanted.title_en === current.title_en ? null : wanted.title_en,
    title_fr: wanted.title_fr === current.title_fr ? null : wanted.title_fr,
  };
  const field = titleClash(changed, await sourceTitles(db, adoption.sourceId));
  if (field) throw new EditorError("title_same_as_source", { field });
}
