/**
 * The search-http group's query mix (bench/groups/search-http.ts), in a module of its own so that
 * bench/search/cpu-per-request.ts can use it without the group's server helpers.
 */
import type { Tagged } from "../lib/latency.ts";

const LONG =
  "community partnerships budget planning collections reference service children literacy programs technology privacy safety reconciliation volunteers marketing staff training outreach data policy";

/** The kinds of query people send, a few of each; every kind weighs the same in the mix. */
export const QUERY_CLASSES: Record<string, readonly string[]> = {
  common: ["service", "community", "staff", "program"],
  rare: ["reconciliation", "copyright", "privacy", "wayfinding"],
  "one letter": ["p", "s", "b", "m"],
  "two letters": ["co", "pl", "se", "bu"],
  "French, accented": ["collectivité", "données", "médias", "compétences"],
  "French, unaccented": ["collectivite", "donnees", "medias", "competences"],
  typos: ["comunity", "budjet", "partnrship", "litteracy"],
  "several words": ["community service", "staff training", "service à la clientèle", "budget report plan"],
  "200 characters": [LONG.slice(0, 200), `${LONG.split(" ").reverse().join(" ")}`.slice(0, 200)],
};

/** The mix, interleaved by kind so every stretch of it holds each kind; languages alternate. */
export function queryMix(): Tagged[] {
  const mix: Tagged[] = [];
  const classes = Object.entries(QUERY_CLASSES);
  const longest = Math.max(...classes.map(([, queries]) => queries.length));
  for (let i = 0; i < longest * 2; i++)
    for (const [tag, queries] of classes) {
      const q = queries[i % queries.length];
      mix.push({ tag, path: `/api/v1/search?q=${encodeURIComponent(q)}&lang=${i % 2 ? "fr" : "en"}` });
    }
  return mix;
}
