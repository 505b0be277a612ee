/**
 * Pseudo-random but plausible bilingual text for synthetic frameworks: the French uses the
 * translations of the English words (the grammar is not real, the words are). Shared by the
 * synthetic framework view (search) and the synthetic CASE package (imports), so both read alike.
 */
import { between, pickOne } from "./prng.ts";
import { ADJECTIVES, CONNECTORS, NOUNS, type Pair, VERBS } from "./words.ts";

export type Text = { en: string; fr: string };

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const statement = (t: Text): Text => ({ en: capitalize(t.en), fr: capitalize(t.fr) });
const sentence = (t: Text): Text => ({ en: `${capitalize(t.en)}.`, fr: `${capitalize(t.fr)}.` });

/** A verb phrase: "plans accessible programs with partners" / "planifie programmes accessibles avec partenaires". */
export function phrase(random: () => number): Text {
  const verb = pickOne(random, VERBS);
  const adjective = pickOne(random, ADJECTIVES);
  const noun = pickOne(random, NOUNS);
  const connector = pickOne(random, CONNECTORS);
  const other = pickOne(random, NOUNS);
  return {
    en: `${verb[0]} ${adjective[0]} ${noun[0]} ${connector[0]} ${other[0]}`,
    fr: `${verb[1]} ${noun[1]} ${adjective[1]} ${connector[1]} ${other[1]}`,
  };
}

/** Between `low` and `high` sentences, in both languages. */
export function description(random: () => number, low = 1, high = 3): Text {
  const parts = Array.from({ length: between(random, low, high) }, () => sentence(phrase(random)));
  return { en: parts.map((p) => p.en).join(" "), fr: parts.map((p) => p.fr).join(" ") };
}

/** A heading of one adjective and `nouns` nouns: "Accessible programs and partners". */
export function title(random: () => number, nouns: number): Text {
  const adjective = pickOne(random, ADJECTIVES);
  const picked: Pair[] = Array.from({ length: nouns }, () => pickOne(random, NOUNS));
  const en = `${adjective[0]} ${picked.map((n) => n[0]).join(" and ")}`;
  const fr = `${picked.map((n) => n[1]).join(" et ")} ${adjective[1]}`;
  return { en: capitalize(en), fr: capitalize(fr) };
}
