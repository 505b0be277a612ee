/**
 * The search index worker (started by index-build.ts, through index-worker-boot.mjs from the
 * sources): told how many documents there are and their weights, it indexes their texts as the
 * batches arrive (texts.ts, the same code as in process) and lets go of each text once read, so its
 * heap never holds a copy of every text at once (decision 039). It answers with the packed postings —
 * the sorted terms as one string, typed arrays whose buffers move back uncopied — and the words
 * naming terms the same way. Then it is done: the pool does not keep it.
 */
import { parentPort } from "node:worker_threads";
import { STEP, type Steps } from "../slices.ts";
import type { IndexReply, IndexRequest } from "./index-build.ts";
import { FIELD_COUNT, type IndexedTexts, indexTextsSteps } from "./texts.ts";

const port = parentPort;
if (!port) throw new Error("index-worker.ts runs as a worker thread only");

interface Build {
  documentCount: number;
  /** Each document's FIELD_COUNT texts, null once read. */
  texts: (string | null)[];
  /** Documents whose texts have arrived. */
  received: number;
  /** The next document the indexing will read. */
  next: number;
  steps: Steps<IndexedTexts>;
}

let build: Build | undefined;

function start(documentCount: number, boosts: Float32Array): Build {
  const started: Build = {
    documentCount,
    texts: new Array(documentCount * FIELD_COUNT).fill(null),
    received: 0,
    next: 0,
    steps: indexTextsSteps(
      documentCount,
      (doc, field) => {
        if (doc >= started.received) throw new Error(`document ${doc} read before its texts arrived`);
        const at = doc * FIELD_COUNT + field;
        const text = started.texts[at];
        started.texts[at] = null;
        started.next = Math.max(started.next, doc + 1);
        return text;
      },
      (doc) => boosts[doc],
    ),
  };
  return started;
}

/** Indexes as far as the texts received allow (the steps read at most STEP documents each). */
function advance(current: Build): IndexedTexts | undefined {
  for (;;) {
    if (current.received < Math.min(current.documentCount, current.next + STEP)) return undefined;
    const step = current.steps.next();
    if (step.done) return step.value;
  }
}

function reply({ postings, words }: IndexedTexts) {
  const answer: IndexReply = { ok: true, texts: { postings, words } };
  port?.postMessage(answer, [
    words.wordOffsets.buffer,
    postings.termOffsets.buffer,
    postings.starts.buffer,
    postings.docs.buffer,
    postings.fields.buffer,
    postings.lengthFactor.buffer,
    postings.docBoost.buffer,
  ] as ArrayBuffer[]);
}

port.on("message", (request: IndexRequest) => {
  try {
    if (request.kind === "start") build = start(request.documentCount, request.boosts);
    else if (build) {
      const offset = build.received * FIELD_COUNT;
      for (let i = 0; i < request.texts.length; i++) build.texts[offset + i] = request.texts[i];
      build.received += request.texts.length / FIELD_COUNT;
    } else throw new Error("texts sent before the build was started");
    const done = advance(build);
    if (done) {
      build = undefined;
      reply(done);
    }
  } catch (error) {
    build = undefined;
    const answer: IndexReply = { ok: false, error: (error as Error)?.stack ?? String(error) };
    port.postMessage(answer);
  }
});
