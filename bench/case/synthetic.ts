/**
 * A generated CASE 1.1 package of any size, written compactly (no indentation) as servers do:
 * 10 top-level items, then 10, 20 and 25 children per level until the count is reached; one item in
 * four carries a French translation; one item in 25 has an isRelatedTo association as well.
 */
import { uuidV5 as uuid } from "../../src/db/uuid.ts";

const WORDS =
  "plan budget report community service staff collection program partner policy training data media literacy outreach".split(
    " ",
  );
const MOTS =
  "planifier budget rapport collectivité service personnel collection programme partenaire politique formation données médias littératie rayonnement".split(
    " ",
  );
const BRANCHING = [10, 10, 20, 25, 25];
const TYPES = ["Category", "Area", "Competency", "KSA", "Indicator"];

function statement(i: number, words: string[]): string {
  let text = "";
  for (let k = 0; k < 6; k++) text += `${words[(i * 7 + k * 13) % words.length]} `;
  return `${text.charAt(0).toUpperCase()}${text.slice(1).trim()} ${i}.`;
}

/**
 * The package as JSON text (`items` items, about 870 bytes each with its isChildOf: a 50,000-item
 * package is about 44 MB). Packages with different seeds share no identifier.
 */
export function syntheticCasePackage(items: number, options: { seed?: string; host?: string } = {}): string {
  const host = options.host ?? "https://c.example";
  const seed = options.seed ?? "";
  const uuidV5 = (name: string) => uuid(`${seed}${name}`);
  const doc = uuidV5(`synthetic-doc:${items}`);
  const base = host;
  const date = "2024-05-01T12:00:00Z";
  const typeIds = TYPES.map((t) => uuid(`synthetic-type:${t}`));
  const parts: string[] = [];
  const assoc: string[] = [];
  // Breadth first: every parent exists before its children.
  const level: { id: string; code: string }[][] = [[{ id: doc, code: "" }]];
  let made = 0;
  for (let depth = 0; made < items; depth++) {
    const next: { id: string; code: string }[] = [];
    for (const parent of level[depth]) {
      for (let n = 1; n <= BRANCHING[depth] && made < items; n++) {
        const i = made++;
        const id = uuidV5(`synthetic-item:${i}`);
        const code = parent.code ? `${parent.code}.${n}` : String(n);
        const french =
          i % 4 === 0
            ? `,"extensions":{"skillshelf":{"translations":{"fr":{"fullStatement":${JSON.stringify(statement(i, MOTS))}}}}}`
            : "";
        parts.push(
          `{"identifier":"${id}","uri":"${base}/CFItems/${id}","lastChangeDateTime":"${date}","fullStatement":${JSON.stringify(statement(i, WORDS))},"humanCodingScheme":"${code}","CFItemType":"${TYPES[depth]}"${french}}`,
        );
        const a = uuidV5(`synthetic-assoc:${i}`);
        assoc.push(
          `{"identifier":"${a}","uri":"${base}/CFAssociations/${a}","lastChangeDateTime":"${date}","associationType":"isChildOf","sequenceNumber":${n},"originNodeURI":{"title":"${code}","identifier":"${id}","uri":"${base}/CFItems/${id}"},"destinationNodeURI":{"title":"${parent.code || "Synthetic"}","identifier":"${parent.id}","uri":"${base}/${parent.code ? "CFItems" : "CFDocuments"}/${parent.id}"}}`,
        );
        if (i % 25 === 24) {
          const r = uuidV5(`synthetic-related:${i}`);
          const other = uuidV5(`elsewhere:${i}`);
          assoc.push(
            `{"identifier":"${r}","uri":"${base}/CFAssociations/${r}","lastChangeDateTime":"${date}","associationType":"isRelatedTo","originNodeURI":{"title":"${code}","identifier":"${id}","uri":"${base}/CFItems/${id}"},"destinationNodeURI":{"title":"Elsewhere ${i}","identifier":"${other}","uri":"https://other.example.org/ims/case/v1p1/CFItems/${other}"}}`,
          );
        }
        next.push({ id, code });
      }
    }
    level.push(next);
  }
  const definitions = TYPES.map(
    (t, k) =>
      `{"identifier":"${typeIds[k]}","uri":"${base}/CFItemTypes/${typeIds[k]}","title":"${t}","description":"${t}","hierarchyCode":"${k + 1}","typeCode":"${t}","lastChangeDateTime":"${date}"}`,
  );
  const document = `{"identifier":"${doc}","uri":"${base}/CFDocuments/${doc}","creator":"Skillshelf benchmarks","title":"Synthetic framework of ${items} items","lastChangeDateTime":"${date}","language":"en","caseVersion":"1.1","extensions":{"skillshelf":{"translations":{"fr":{"title":"Référentiel synthétique de ${items} éléments"}}}}}`;
  return `{"CFDocument":${document},"CFItems":[${parts.join(",")}],"CFAssociations":[${assoc.join(",")}],"CFDefinitions":{"CFConcepts":[],"CFSubjects":[],"CFLicenses":[],"CFItemTypes":[${definitions.join(",")}],"CFAssociationGroupings":[]}}`;
}
