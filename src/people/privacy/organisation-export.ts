/**
 * The organisation's export as a list of sections, each contributed by the capability that holds
 * the rows (decision 052): the people side gives units, people, roles, logs, invitations and single
 * sign-on here; profiles, assessments and insights give theirs, and src/app.tsx composes the list.
 * A section says how to read its rows page after page (keyset pagination, so a large organisation is
 * never held in memory), how to count them for the deletion's confirmation, and what the count is
 * called. The document is written out as it is read: one JSON object, each section an array.
 */
import type { Kysely } from "kysely";
import type { DB, Organisation } from "../../db/schema.ts";
import type { Lang } from "../../i18n/index.ts";

/** Whose export: the organisation, and the language of the request for the addresses it gives. */
export interface OrganisationScope {
  organisationId: string;
  organisationSlug: string;
  lang: Lang;
}

export interface OrganisationExportSection {
  /** The section's key in the JSON document. */
  key: string;
  /** The section's rows, page after page; a page is never the whole of a large section. */
  pages: (db: Kysely<DB>, scope: OrganisationScope) => AsyncIterable<readonly unknown[]>;
  /** How many rows the section holds (what deleting the organisation removes of it). */
  count: (db: Kysely<DB>, organisationId: string) => Promise<number>;
  /** The count as the confirmation page says it ("3 review cycles"). */
  countLabel: (lang: Lang, n: number) => string;
}

/** Rows read per query: small enough to hold, large enough that a 450,000-row section takes ~900 queries. */
export const EXPORT_PAGE_SIZE = 500;
/** Parents per page when a section's rows hang off another's (an assessment's ~30 items each). */
export const EXPORT_PARENT_PAGE_SIZE = 100;

/**
 * Keyset pagination: each page starts after the last key of the one before, so reading page 900
 * costs what reading page 1 does. `fetch` must order by the key and take at most `limit` rows.
 */
export async function* keysetPages<R>(
  fetch: (after: string | null, limit: number) => Promise<R[]>,
  keyOf: (row: R) => string,
  limit = EXPORT_PAGE_SIZE,
): AsyncGenerator<R[]> {
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after, limit);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < limit || last === undefined) return;
    after = keyOf(last);
  }
}

/**
 * Rows hanging off parents (items of assessments, steps of cycles): for each page of parent keys,
 * their children, so the rows come in pages without the child table needing a key of its own.
 */
export async function* childPages<R>(
  parentKeys: AsyncIterable<readonly string[]>,
  fetchChildren: (keys: readonly string[]) => Promise<R[]>,
): AsyncGenerator<R[]> {
  for await (const keys of parentKeys) {
    if (keys.length === 0) continue;
    const rows = await fetchChildren(keys);
    if (rows.length > 0) yield rows;
  }
}

/** Maps each page (a key per row, for childPages). */
export async function* mapPages<R, S>(pages: AsyncIterable<readonly R[]>, map: (row: R) => S): AsyncGenerator<S[]> {
  for await (const page of pages) yield page.map(map);
}

export const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** What the document says about what it holds and what it does not. */
export const EXPORT_NOTE =
  "Every row the instance holds for this organisation, section by section, in the tables' own terms (ids kept so references read). " +
  "Evidence files are described (name, type, size) with the address they download from, not their bytes. " +
  "Secrets are left out: invitation token hashes, the single sign-on client secret, passwords and sessions (accounts belong to the instance).";

/**
 * The document, piece by piece: the caller writes each piece to the response as it comes. Only one
 * page of one section is held at a time.
 */
export async function* organisationDocument(
  db: Kysely<DB>,
  organisation: Organisation,
  sections: readonly OrganisationExportSection[],
  lang: Lang,
  now = new Date(),
): AsyncGenerator<string> {
  const { settings, ...fields } = organisation;
  const head = {
    format: "skillshelf-organisation",
    version: 2,
    exportedAt: now.toISOString(),
    note: EXPORT_NOTE,
    organisation: { ...fields, settings: parseJson(settings) },
  };
  const opening = JSON.stringify(head);
  yield opening.slice(0, -1);
  const scope = { organisationId: organisation.id, organisationSlug: organisation.slug, lang };
  for (const section of sections) {
    yield `,${JSON.stringify(section.key)}:[`;
    let first = true;
    for await (const page of section.pages(db, scope)) {
      let text = "";
      for (const row of page) {
        text += (first ? "" : ",") + JSON.stringify(row);
        first = false;
      }
      yield text;
    }
    yield "]";
  }
  yield "}\n";
}

/** The document as one text (tests, small organisations); the route streams it instead. */
export async function organisationDocumentText(
  db: Kysely<DB>,
  organisation: Organisation,
  sections: readonly OrganisationExportSection[],
  lang: Lang,
  now = new Date(),
): Promise<string> {
  let text = "";
  for await (const piece of organisationDocument(db, organisation, sections, lang, now)) text += piece;
  return text;
}

/** A byte stream that reads the next piece only when the reader asks for it (backpressure). */
export function documentStream(pieces: AsyncGenerator<string>, onError: (error: unknown) => void) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are gone by now: the download ends cut short (invalid JSON, so never taken for whole).
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

export interface SectionCount {
  key: string;
  n: number;
  label: (lang: Lang) => string;
}

/** Each section's count, in the sections' order. */
export async function countOrganisation(
  db: Kysely<DB>,
  organisationId: string,
  sections: readonly OrganisationExportSection[],
): Promise<SectionCount[]> {
  const counts: SectionCount[] = [];
  for (const section of sections) {
    const n = Number(await section.count(db, organisationId));
    counts.push({ key: section.key, n, label: (lang) => section.countLabel(lang, n) });
  }
  return counts;
}
