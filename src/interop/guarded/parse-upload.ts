/**
 * Uploaded files (CASE JSON, XLSX, CSV) are parsed off the main thread, in worker threads with a
 * limited heap and a time limit, at most `concurrency` at once. A hostile file then costs one
 * worker, never the server: readers' requests keep being answered while it is read, a file that
 * needs too much memory or time is stopped and reported like any other problem, in the reader's
 * language. The web wizard and the command line both parse through here.
 *
 * Workers are kept a few seconds after a parse for the next one (starting one costs time: exceljs,
 * and from the sources the TypeScript loader, load again), and never keep the process alive.
 */
import { Worker } from "node:worker_threads";
import { COMPILED, ROOT_URL } from "../../paths.ts";
import { DEFAULT_MAX_IMPORT_BYTES } from "../case/model.ts";
import type { Problem } from "../model.ts";
import type { ParsedUpload, UploadFormat } from "./formats.ts";
import type { ParseRequest } from "./worker.ts";

export type { ParsedUpload, UploadFormat };

export interface ParseLimits {
  /** A parse still running after this long is stopped. */
  timeoutMs: number;
  /** Heap of each worker (V8's old generation); a parse needing more is stopped. */
  maxOldGenerationSizeMb: number;
  /** Workers parsing at once; later uploads wait their turn. */
  concurrency: number;
  /** Uploads waiting for a worker; beyond this the server answers that it is busy. */
  maxQueued: number;
  /** Largest CASE or Skillshelf JSON file read (IMPORT_MAX_MB); larger is refused unread. */
  maxBytes: number;
}

/** A 45 MB CASE package needs ~250 MB of heap, 100,000 spreadsheet rows ~300 MB: room for both. */
export const PARSE_LIMITS: ParseLimits = {
  maxBytes: DEFAULT_MAX_IMPORT_BYTES,
  timeoutMs: 60_000,
  maxOldGenerationSizeMb: 768,
  concurrency: 2,
  maxQueued: 16,
};

const IDLE_MS = 10_000;
// Compiled, the worker is a bundle of its own beside the server's (scripts/build.mjs); from the
// sources, worker-boot.mjs registers the TypeScript loader first.
const WORKER_URL = COMPILED
  ? new URL("dist/parse-worker.js", ROOT_URL)
  : new URL("src/interop/guarded/worker-boot.mjs", ROOT_URL);

const stopped = (code: string, params?: Problem["params"]): ParsedUpload => ({
  value: null,
  problems: [{ where: "", code, params, severity: "error" }],
});

type Reply = { ok: true; result: ParsedUpload } | { ok: false; error: string };

export class ParsePool {
  private readonly idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limits: ParseLimits = PARSE_LIMITS) {}

  /**
   * Parses in a worker. Resolves with the parser's result, or with the problem that stopped it.
   * `handOver`: the caller will not use `bytes` again, so they move to the worker uncopied (the
   * command line's file; the wizard keeps its bytes to store them).
   */
  async parse(format: UploadFormat, bytes: Uint8Array, handOver = false): Promise<ParsedUpload> {
    if (this.running >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.maxQueued) return stopped("import.parse_busy");
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await this.run(format, bytes, handOver);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Stops every idle worker (tests, shutdown); running parses finish first. */
  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    await Promise.all(
      idle.map(({ worker, timer }) => {
        clearTimeout(timer);
        return worker.terminate();
      }),
    );
  }

  private take(): Worker {
    const kept = this.idle.pop();
    if (kept) {
      clearTimeout(kept.timer);
      return kept.worker;
    }
    return new Worker(WORKER_URL, {
      // Not the main thread's flags: its --import hooks (a test's setup file, say) would load
      // without the TypeScript loader, which worker-boot.mjs registers itself.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb },
      stdout: false,
      stderr: false,
    });
  }

  private keep(worker: Worker) {
    worker.unref();
    const timer = setTimeout(() => {
      const index = this.idle.findIndex((entry) => entry.worker === worker);
      if (index >= 0) this.idle.splice(index, 1);
      void worker.terminate();
    }, IDLE_MS);
    timer.unref();
    this.idle.push({ worker, timer });
  }

  private run(format: UploadFormat, bytes: Uint8Array, handOver: boolean): Promise<ParsedUpload> {
    const worker = this.take();
    worker.ref();
    return new Promise<ParsedUpload>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const timer = setTimeout(() => {
        done();
        void worker.terminate();
        resolve(stopped("import.parse_timeout", { seconds: Math.ceil(this.limits.timeoutMs / 1000) }));
      }, this.limits.timeoutMs);
      const onMessage = (reply: Reply) => {
        done();
        this.keep(worker);
        if (reply.ok) resolve(reply.result);
        else reject(new Error(`the upload parser failed: ${reply.error}`));
      };
      const onError = (error: Error & { code?: string }) => {
        done();
        void worker.terminate();
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") resolve(stopped("import.parse_memory"));
        else reject(error);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`the upload parser stopped (exit code ${code})`));
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      // A copy the worker owns: the caller keeps its bytes (the wizard stores them afterwards). Not
      // bytes.slice(): on a Buffer that is a view, and transferring it would empty the caller's.
      // Bytes handed over that fill their whole buffer move as they are.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const copy = handOver && whole && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
      const request: ParseRequest = { format, bytes: copy, maxBytes: this.limits.maxBytes };
      worker.postMessage(request, [copy.buffer as ArrayBuffer]);
    });
  }
}

const pools = new Map<string, ParsePool>();

/** The process's pool for these limits (one per distinct setting; normally just one). */
export function parsePool(limits: ParseLimits = PARSE_LIMITS): ParsePool {
  const key = JSON.stringify(limits);
  let pool = pools.get(key);
  if (!pool) {
    pool = new ParsePool(limits);
    pools.set(key, pool);
  }
  return pool;
}

/** Parses an upload in a worker of the shared pool. */
export function parseUpload(
  bytes: Uint8Array,
  format: UploadFormat,
  limits: ParseLimits = PARSE_LIMITS,
): Promise<ParsedUpload> {
  return parsePool(limits).parse(format, bytes);
}

/**
 * One parse for a process that parses once (the command line): the bytes move to the worker
 * uncopied, and the worker stops right after, so its heap is given back before the import writes.
 */
export async function parseOnce(bytes: Uint8Array, format: UploadFormat, limits: ParseLimits): Promise<ParsedUpload> {
  const pool = new ParsePool(limits);
  try {
    return await pool.parse(format, bytes, true);
  } finally {
    await pool.close();
  }
}
