/**
 * A generated CASE 1.1 package of any size, written compactly (no indentation) as servers do, and
 * shaped like a real bilingual Skillshelf export: 10 top-level items, then 10, 20 and 25 children
 * per level until the count is reached. Every item has its statement and its notes in English (the
 * standard fields) and in French (`extensions.skillshelf.translations.fr`, decision 006); one item in 25 has an isRelatedTo association as well. The
 * starter framework has no abbreviated statements, so neither does this package.
 */
import { uuidV5 as uuid } from "../../src/db/uuid.ts";
import { seededRandom } from "../search/prng.ts";
import { description, phrase, statement, type Text, title } from "../search/text.ts";

const BRANCHING = [10, 10, 20, 25, 25];
const TYPES = ["Category", "Area", "Competency", "KSA", "Indicator"];
const TYPES_FR = ["Catégorie", "Domaine", "Compétence", "CSA", "Indicateur"];

/** Headings for the two top levels, verb phrases below; notes get longer the higher the item. */
function texts(random: () => number, depth: number, i: number): { statement: Text; notes: Text } {
  const heading = depth < 2 ? title(random, depth + 1) : statement(phrase(random));
  // The item's number keeps statements distinct, as real ones are.
  const numbered = { en: `${heading.en} ${i}`, fr: `${heading.fr} ${i}` };
  const notes = depth < 2 ? description(random, 3, 5) : description(random, 1, 1);
  return { statement: numbered, notes };
}

/**
 * The package as JSON text (`items` items, about 1,110 bytes each with its isChildOf: a
 * 50,000-item package is about 55 MB, as a real bilingual one with notes is). Packages with
 * different seeds share no identifier; the same arguments give the same text.
 */
export function syntheticCasePackage(items: number, options: { seed?: string; host?: string } = {}): string {
  const parts: string[] = [];
  for (const chunk of syntheticCaseChunks(items, options)) parts.push(chunk);
  return parts.join("");
}

/**
 * The same package as a sequence of text pieces, so a very large one can be written to a file
 * without holding it whole.
 */
export function* syntheticCaseChunks(items: number, options: { seed?: string; host?: string } = {}): Generator<string> {
  const host = options.host ?? "https://c.example";
  const seed = options.seed ?? "";
  const uuidV5 = (name: string) => uuid(`${seed}${name}`);
  const random = seededRandom(hash(`${seed}:${items}`));
  const doc = uuidV5(`synthetic-doc:${items}`);
  const base = host;
  const date = "2024-05-01T12:00:00Z";
  const typeIds = TYPES.map((t) => uuid(`synthetic-type:${t}`));
  const document = `{"identifier":"${doc}","uri":"${base}/CFDocuments/${doc}","creator":"Skillshelf benchmarks","title":"Synthetic framework of ${items} items","lastChangeDateTime":"${date}","language":"en","caseVersion":"1.1","extensions":{"skillshelf":{"translations":{"fr":{"title":"Référentiel synthétique de ${items} éléments"}}}}}`;
  yield `{"CFDocument":${document},"CFItems":[`;

  // Breadth first: every parent exists before its children. Only identifiers and codes are kept
  // between levels; associations are regenerated from them after the items.
  const levels: { id: string; code: string; parent: number; n: number }[][] = [
    [{ id: doc, code: "", parent: -1, n: 0 }],
  ];
  let made = 0;
  for (let depth = 0; made < items; depth++) {
    const next: { id: string; code: string; parent: number; n: number }[] = [];
    for (let p = 0; p < levels[depth].length; p++) {
      const parent = levels[depth][p];
      for (let n = 1; n <= BRANCHING[depth] && made < items; n++) {
        const i = made++;
        const id = uuidV5(`synthetic-item:${i}`);
        const code = parent.code ? `${parent.code}.${n}` : String(n);
        const { statement, notes } = texts(random, depth, i);
        const french = `,"extensions":{"skillshelf":{"translations":{"fr":{"fullStatement":${JSON.stringify(statement.fr)},"notes":${JSON.stringify(notes.fr)}}}}}`;
        yield `${i > 0 ? "," : ""}{"identifier":"${id}","uri":"${base}/CFItems/${id}","fullStatement":${JSON.stringify(statement.en)},"humanCodingScheme":"${code}","notes":${JSON.stringify(notes.en)},"CFItemType":"${TYPES[depth]}","lastChangeDateTime":"${date}"${french}}`;
        next.push({ id, code, parent: p, n });
      }
    }
    levels.push(next);
  }

  yield `],"CFAssociations":[`;
  let first = true;
  let i = 0;
  for (let depth = 1; depth < levels.length; depth++) {
    for (const node of levels[depth]) {
      const parent = levels[depth - 1][node.parent];
      const a = uuidV5(`synthetic-assoc:${i}`);
      const comma = first ? "" : ",";
      first = false;
      let text = `${comma}{"identifier":"${a}","uri":"${base}/CFAssociations/${a}","lastChangeDateTime":"${date}","associationType":"isChildOf","sequenceNumber":${node.n},"originNodeURI":{"title":"${node.code}","identifier":"${node.id}","uri":"${base}/CFItems/${node.id}"},"destinationNodeURI":{"title":"${parent.code || "Synthetic"}","identifier":"${parent.id}","uri":"${base}/${parent.code ? "CFItems" : "CFDocuments"}/${parent.id}"}}`;
      if (i % 25 === 24) {
        const r = uuidV5(`synthetic-related:${i}`);
        const other = uuidV5(`elsewhere:${i}`);
        text += `,{"identifier":"${r}","uri":"${base}/CFAssociations/${r}","lastChangeDateTime":"${date}","associationType":"isRelatedTo","originNodeURI":{"title":"${node.code}","identifier":"${node.id}","uri":"${base}/CFItems/${node.id}"},"destinationNodeURI":{"title":"Elsewhere ${i}","identifier":"${other}","uri":"https://other.example.org/ims/case/v1p1/CFItems/${other}"}}`;
      }
      yield text;
      i++;
    }
  }
  const definitions = TYPES.map(
    (t, k) =>
      `{"identifier":"${typeIds[k]}","uri":"${base}/CFItemTypes/${typeIds[k]}","title":"${t}","description":"${t}","hierarchyCode":"${k + 1}","typeCode":"${t}","lastChangeDateTime":"${date}","extensions":{"skillshelf":{"translations":{"fr":{"title":"${TYPES_FR[k]}"}}}}}`,
  );
  yield `],"CFDefinitions":{"CFConcepts":[],"CFSubjects":[],"CFLicenses":[],"CFItemTypes":[${definitions.join(",")}],"CFAssociationGroupings":[]}}`;
}

/** A 32-bit FNV-1a hash: the seed string → the text generator's seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}
