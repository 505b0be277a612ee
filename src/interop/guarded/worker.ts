/**
 * The parse worker (started by parse-upload.ts through worker-boot.mjs): parses one upload per
 * message and answers with the result, or with the error a parser threw. Its heap is limited by
 * the pool, and the pool stops it when it takes too long.
 */
import { parentPort } from "node:worker_threads";
import { parseUploadBytes, type UploadFormat } from "./formats.ts";

export interface ParseRequest {
  format: UploadFormat;
  bytes: Uint8Array;
  maxBytes: number;
}

const port = parentPort;
if (!port) throw new Error("worker.ts runs as a worker thread only");
port.on("message", async (request: ParseRequest) => {
  try {
    port.postMessage({
      ok: true,
      result: await parseUploadBytes(request.format, request.bytes, { maxBytes: request.maxBytes }),
    });
  } catch (error) {
    port.postMessage({ ok: false, error: (error as Error)?.stack ?? String(error) });
  }
});
