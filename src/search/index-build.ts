/**
 * Indexing a big framework's texts in a worker thread (decision 039), so the main thread keeps
 * answering readers: it only copies the texts out in batches, a slice at a time (the worker indexes
 * each batch as it comes), and takes its answer as it is — typed arrays whose buffers are moved, not
 * copied, and the sorted terms and the words naming them as two strings (the term dictionary,
 * dictionary.ts, reads them there). The worker is started for one build and stopped
 * after it: its heap (the build's temporary lists, the folded words) is given back to the system
 * instead of growing the server's.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { COMPILED, ROOT_URL } from "../paths.ts";
import { SLICE_MS } from "../slices.ts";
import { FIELD_COUNT, type IndexedTexts } from "./texts.ts";

/** First `start` (how many documents, their weights), then their texts in order, FIELD_COUNT per document. */
export type IndexRequest =
  | { kind: "start"; documentCount: number; boosts: Float32Array }
  | { kind: "texts"; texts: (string | null)[] };

export type IndexReply = { ok: true; texts: IndexedTexts } | { ok: false; error: string };

// Compiled, the worker is a bundle of its own beside the server's (scripts/build.mjs); from the
// sources, index-worker-boot.mjs registers the TypeScript loader first.
const WORKER_URL = COMPILED
  ? new URL("dist/index-worker.js", ROOT_URL)
  : new URL("src/search/index-worker-boot.mjs", ROOT_URL);

/** Documents whose texts go in one message: ~0.5 MB of text, copied in a millisecond or two. */
const BATCH = 1024;
/** The worker's heap: indexing 50,000 bilingual items with notes needs ~150 MB. */
const WORKER_HEAP_MB = 1024;
/**
 * The worker's young generation (V8 gives a 1 GB heap up to 3 × 16 MB): 12 MB (semi-spaces of
 * 4 MB) keeps up to ~36 MB off the server's peak while it builds, for more, shorter scavenges in the
 * worker, where they delay no reader (decision 039).
 */
const WORKER_YOUNG_MB = 12;

/** Gives the event loop back once a slice is used. */
function slicer() {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < SLICE_MS) return;
    await nextTurn();
    started = performance.now();
  };
}

/**
 * Indexes `documentCount` documents (their texts by `textOf(doc, field)`, weights by `boostOf`) in a
 * worker thread: the same result as texts.ts's indexTextsSteps run in process. Rejects when the
 * worker cannot start or fails.
 */
export async function indexTextsOffThread(
  documentCount: number,
  textOf: (doc: number, field: number) => string | null,
  boostOf: (doc: number) => number,
): Promise<IndexedTexts> {
  const worker = new Worker(WORKER_URL, {
    // Not the main thread's flags: its --import hooks would load without the TypeScript loader.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    stdout: false,
    stderr: false,
  });
  try {
    const reply = new Promise<IndexReply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the search index worker stopped (exit code ${code})`)));
    });
    // Not left unhandled while the texts are still being sent.
    reply.catch(() => undefined);
    const boosts = new Float32Array(documentCount);
    for (let doc = 0; doc < documentCount; doc++) boosts[doc] = boostOf(doc);
    worker.postMessage({ kind: "start", documentCount, boosts } satisfies IndexRequest, [boosts.buffer]);
    const pause = slicer();
    for (let start = 0; start < documentCount; start += BATCH) {
      const end = Math.min(documentCount, start + BATCH);
      const texts: (string | null)[] = new Array((end - start) * FIELD_COUNT);
      for (let doc = start; doc < end; doc++)
        for (let field = 0; field < FIELD_COUNT; field++)
          texts[(doc - start) * FIELD_COUNT + field] = textOf(doc, field);
      worker.postMessage({ kind: "texts", texts } satisfies IndexRequest);
      await pause();
    }
    const answer = await reply;
    if (!answer.ok) throw new Error(`the search index worker failed: ${answer.error}`);
    return answer.texts;
  } finally {
    void worker.terminate();
  }
}
