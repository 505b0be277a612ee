/**
 * A fixed list of about 200 queries of the kinds people type: the examples, prefixes (as
 * typed, letter by letter), typos, accents dropped or added, several words, and hostile input.
 * Deterministic: the same list every run.
 */
import { pickOne, seededRandom } from "./prng.ts";
import { ADJECTIVES, NOUNS, VERBS } from "./words.ts";

const FIXED = [
  "competence",
  "compétences",
  "competencies",
  "partenariat",
  "partnrship",
  "partnership",
  "soci",
  "social media",
  "community relations",
  "relations avec la collectivité",
  "budget",
  "bibliotheque",
  "bibliothèque",
  "privacy",
  "vie privee",
  "customer service",
  "service à la clientèle",
  "children",
  "enfants",
  "reference interview",
  "entrevue de référence",
  "c++ (x",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%E0%A4%A",
  "\u0000\u0007 library",
  "a",
  "the",
  "é",
  "ŒUVRE",
];

function typo(random: () => number, word: string): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1); // dropped letter
  if (kind === 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2); // swapped letters
  return word.slice(0, at) + word[at] + word.slice(at); // doubled letter
}

const stripAccents = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");

export function benchmarkQueries(seed = 7): { query: string; lang: "en" | "fr" }[] {
  const random = seededRandom(seed);
  const words = [...NOUNS, ...ADJECTIVES, ...VERBS];
  const queries: string[] = [...FIXED];
  for (let i = 0; i < 40; i++) {
    const [en, fr] = pickOne(random, words);
    const word = random() < 0.5 ? en : fr;
    queries.push(word.slice(0, 3 + Math.floor(random() * 4))); // prefix, as typed
  }
  for (let i = 0; i < 40; i++) {
    const [en, fr] = pickOne(random, words);
    queries.push(typo(random, random() < 0.5 ? en : fr));
  }
  for (let i = 0; i < 30; i++) {
    const [, fr] = pickOne(random, words);
    queries.push(random() < 0.5 ? stripAccents(fr) : fr.toUpperCase());
  }
  for (let i = 0; i < 60; i++) {
    const lang = random() < 0.5 ? 0 : 1;
    const count = 2 + Math.floor(random() * 3);
    const picked = Array.from({ length: count }, () => pickOne(random, words)[lang]);
    if (random() < 0.3) picked[picked.length - 1] = picked[picked.length - 1].slice(0, 4); // still typing the last word
    queries.push(picked.join(" "));
  }
  return queries.map((query, index) => ({ query, lang: index % 2 === 0 ? "en" : "fr" }));
}
