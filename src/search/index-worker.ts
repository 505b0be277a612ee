/**
 * The search index worker (started by index-build.ts, through index-worker-boot.mjs from the
 * sources): receives the items' texts in batches, indexes them (texts.ts, the same code as in
 * process) and answers with the packed postings — the sorted terms as one string, typed arrays
 * whose buffers move back uncopied — and the words naming terms as one more string. Then it is done: the pool does not keep it.
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
    // The terms whose word differs from them, as term, word, term, word… joined in one string.
    const pairs: string[] = [];
    for (const [term, word] of wordOf) pairs.push(term, word);
    const reply: IndexReply = { ok: true, postings, words: pairs.join(SEPARATOR) };
    port.postMessage(reply, [
      postings.termOffsets.buffer,
      postings.starts.buffer,
      postings.docs.buffer,
      postings.fields.buffer,
      postings.lengthFactor.buffer,
      postings.docBoost.buffer,
    ] as ArrayBuffer[]);
  } catch (error) {
    const reply: IndexReply = { ok: false, error: (error as Error)?.stack ?? String(error) };
    port.postMessage(reply);
  }
});
