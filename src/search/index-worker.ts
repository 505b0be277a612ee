/**
 * The search index worker (started by index-build.ts, through index-worker-boot.mjs from the
 * sources): receives the items' texts in batches, indexes them (texts.ts, the same code as in
 * process) and answers with the packed postings — typed arrays whose buffers move back uncopied —
 * and the terms and their words as two strings. Then it is done: the pool does not keep it.
 */
import { parentPort } from "node:worker_threads";
import { finish } from "../slices.ts";
import type { IndexReply, IndexRequest } from "./index-build.ts";
import { FIELD_COUNT, indexTextsSteps, SEPARATOR } from "./texts.ts";

const port = parentPort;
if (!port) throw new Error("index-worker.ts runs as a worker thread only");
const texts: (string | null)[] = [];
port.on("message", (request: IndexRequest) => {
  if (request.kind === "texts") {
    for (const text of request.texts) texts.push(text);
    return;
  }
  try {
    const boosts = request.boosts;
    const { postings, wordOf } = finish(
      indexTextsSteps(
        boosts.length,
        (doc, field) => texts[doc * FIELD_COUNT + field],
        (doc) => boosts[doc],
      ),
    );
    texts.length = 0;
    const { terms, ...arrays } = postings;
    // Every term is named (texts.ts names a word's terms when it first meets it); most by themselves.
    const words = terms.map((term) => {
      const word = wordOf.get(term);
      return word === term || word === undefined ? "" : word;
    });
    const reply: IndexReply = {
      ok: true,
      postings: arrays,
      terms: terms.join(SEPARATOR),
      words: words.join(SEPARATOR),
    };
    port.postMessage(reply, [
      arrays.starts.buffer,
      arrays.docs.buffer,
      arrays.fields.buffer,
      arrays.lengthFactor.buffer,
      arrays.docBoost.buffer,
    ] as ArrayBuffer[]);
  } catch (error) {
    const reply: IndexReply = { ok: false, error: (error as Error)?.stack ?? String(error) };
    port.postMessage(reply);
  }
});
