/**
 * The bare `node:http` baseline (bench/fixtures/bare-server.ts) in a child process of its own, sending
 * the bytes and headers of a captured app response.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext } from "./figures.ts";
import { type Spawned, spawnTsNode, waitFor200 } from "./process.ts";

/** Headers node:http writes itself, or that describe the transfer rather than the content. */
const TRANSPORT = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);

export interface Captured {
  body: Buffer;
  headers: [string, string][];
  sha: string;
  type: string | null;
}

/** One GET, kept whole: body, its digest, and the headers the bare server should send again. */
export async function capture(url: string, init: RequestInit = {}): Promise<Captured> {
  const response = await fetch(url, init);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!TRANSPORT.has(name)) headers.push([name, value]);
  });
  return {
    body,
    headers,
    sha: createHash("sha256").update(body).digest("hex"),
    type: response.headers.get("content-type"),
  };
}

/** Size in bytes of a header block as sent (name: value CRLF), for the printout. */
export function headerBytes(headers: readonly [string, string][]): number {
  return headers.reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
}

/** Starts the bare server sending `body` with `headers`; resolves once it answers. */
export async function startBareServer(
  context: BenchContext,
  name: string,
  body: Buffer,
  headers: readonly [string, string][],
): Promise<Spawned> {
  const bodyFile = join(context.tmp, `bare-${name}.body`);
  const headersFile = join(context.tmp, `bare-${name}.headers.json`);
  writeFileSync(bodyFile, body);
  writeFileSync(headersFile, JSON.stringify(headers));
  const server = await spawnTsNode({
    cwd: context.root,
    script: "bench/fixtures/bare-server.ts",
    env: { BODY_FILE: bodyFile, HEADERS_FILE: headersFile },
  });
  try {
    await waitFor200(server, `${server.origin}/`);
    return server;
  } catch (error) {
    await server.stop();
    throw error;
  }
}
