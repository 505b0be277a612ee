/**
 * Big outputs of a published edition (the API's whole tree, the CASE package), produced once per
 * edition, language and format and then served from the stored bytes (issue 12, decision 022).
 *
 * A published edition never changes, so its output never goes stale: the key names the edition, and
 * the only reason to drop an output is the byte budget (least recently used first). Producing runs a
 * generator of text pieces a slice at a time (src/slices.ts), so a 50,000-item export delays other
 * readers by one slice, not by the whole serialisation; serving hands out the kept Buffers, which
 * costs the main thread next to nothing whatever the size.
 */
import { createHash } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { SLICE_MS } from "../slices.ts";

/** One produced output: its bytes in pieces of about CHUNK_BYTES, their total and a strong ETag. */
export interface StoredOutput {
  chunks: readonly Buffer[];
  bytes: number;
  /** Strong validator: a digest of the bytes (the same bytes give the same tag in every process). */
  etag: string;
}

/** Pieces of text are gathered to about this many characters before becoming one Buffer. */
const CHUNK_CHARS = 65_536;

/** Encodes a generator's text pieces into Buffers, a slice of main-thread time at a time. */
export async function produceOutput(pieces: Iterator<string>, sliceMs = SLICE_MS): Promise<StoredOutput> {
  const chunks: Buffer[] = [];
  const hash = createHash("sha256");
  let bytes = 0;
  let text = "";
  const flush = () => {
    if (text === "") return;
    const chunk = Buffer.from(text, "utf8");
    hash.update(chunk);
    chunks.push(chunk);
    bytes += chunk.length;
    text = "";
  };
  let started = performance.now();
  for (let next = pieces.next(); !next.done; next = pieces.next()) {
    text += next.value;
    if (text.length >= CHUNK_CHARS) flush();
    if (performance.now() - started >= sliceMs) {
      await nextTurn();
      started = performance.now();
    }
  }
  flush();
  return { chunks, bytes, etag: `"${hash.digest("base64url").slice(0, 27)}"` };
}

export interface OutputStoreOptions {
  /** The most bytes kept at once; an output larger than this is served but not kept. */
  budgetBytes: number;
}

export interface OutputStore {
  /**
   * The output filed under `key`, produced from `pieces()` when not kept (once, however many ask at
   * the same time). `key` must name everything the bytes depend on: edition, language, format.
   */
  get(key: string, pieces: () => Promise<Iterator<string>> | Iterator<string>): Promise<StoredOutput>;
  /** Bytes kept now (never above the budget). */
  keptBytes(): number;
  /** Keys kept now, least recently used first. */
  keys(): string[];
}

export function createOutputStore(options: OutputStoreOptions): OutputStore {
  // Map order is use order: a hit moves its key to the end, eviction takes from the front.
  const kept = new Map<string, StoredOutput>();
  const producing = new Map<string, Promise<StoredOutput>>();
  let total = 0;

  const keep = (key: string, output: StoredOutput) => {
    if (output.bytes > options.budgetBytes) return;
    kept.set(key, output);
    total += output.bytes;
    for (const [oldKey, old] of kept) {
      if (total <= options.budgetBytes) break;
      kept.delete(oldKey);
      total -= old.bytes;
    }
  };

  return {
    async get(key, pieces) {
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      let pending = producing.get(key);
      if (!pending) {
        pending = (async () => produceOutput(await pieces()))();
        producing.set(key, pending);
        pending.then(
          (output) => {
            producing.delete(key);
            keep(key, output);
          },
          () => producing.delete(key),
        );
      }
      return pending;
    },
    keptBytes: () => total,
    keys: () => [...kept.keys()],
  };
}

/** A byte stream over a stored output's chunks (no copy: the Buffers are handed out as they are). */
export function outputStream(output: StoredOutput): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < output.chunks.length) controller.enqueue(output.chunks[index++]);
      else controller.close();
    },
  });
}

/** Megabytes → bytes for the store's budget. */
export const megabytes = (mb: number) => Math.round(mb * 1024 * 1024);

/** Used when the configuration names no budget (OUTPUT_CACHE_MB). */
export const DEFAULT_OUTPUT_BUDGET_MB = 128;

const stores = new WeakMap<object, OutputStore>();

/** One store per catalog (so per app), shared by every route that serves big outputs. */
export function outputsFor(catalog: object, budgetMb = DEFAULT_OUTPUT_BUDGET_MB): OutputStore {
  let store = stores.get(catalog);
  if (!store) {
    store = createOutputStore({ budgetBytes: megabytes(budgetMb) });
    stores.set(catalog, store);
  }
  return store;
}

/**
 * The key of an edition's output. A view without an edition (never the case for readers' views,
 * but allowed by the type) is keyed by the content revision, which changes with any write.
 */
export function outputKey(
  view: { framework: { id: string }; edition?: { number: number } | null },
  revision: number,
  lang: string,
  format: string,
): string {
  const edition = view.edition ? `e${view.edition.number}` : `r${revision}`;
  return `${view.framework.id}/${edition}/${lang}/${format}`;
}

/** Whether an If-None-Match header names this output's ETag (or "*"). */
export function outputMatches(output: StoredOutput, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === output.etag;
  });
}
