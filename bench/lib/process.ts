/**
 * Starting and stopping the processes a benchmark measures. Every child is spawned directly as
 * `node …` (no npm, no shell), so its PID is the server's own: that PID is what we stop and whose
 * memory we read. Children still alive when the runner exits are killed by PID.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of live) if (child.exitCode === null && child.pid) process.kill(child.pid, "SIGKILL");
});

export interface Spawned {
  child: ChildProcess;
  pid: number;
  port: number;
  origin: string;
  /** When spawn() was called, on the performance.now() clock. */
  spawnedAt: number;
  /** Everything the child wrote to stderr and stdout so far (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** `node --import tsx <script> ...args` in `cwd`, listening on a fresh loopback port given as PORT. */
export function spawnTsNode(options: {
  cwd: string;
  script: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}): Promise<Spawned> {
  return spawnNode({ ...options, nodeArgs: ["--import", "tsx"] });
}

/**
 * `node [nodeArgs] <script> ...args` in `cwd` (plain node for compiled JavaScript), listening on a
 * fresh loopback port given as PORT.
 */
export async function spawnNode(options: {
  cwd: string;
  script: string;
  args?: string[];
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}): Promise<Spawned> {
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (!child.pid) throw new Error(`could not start ${options.script}`);
  live.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  exited.then(() => live.delete(child));
  return {
    child,
    pid: child.pid,
    port,
    origin: `http://127.0.0.1:${port}`,
    spawnedAt,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Polls `url` until it answers 200 and returns the time from spawn to that answer in ms. Polls every
 * few milliseconds: a refused connection on loopback costs well under a millisecond.
 */
export async function waitFor200(spawned: Spawned, url: string, timeoutMs = 30_000): Promise<number> {
  const deadline = spawned.spawnedAt + timeoutMs;
  let lastProblem = "no answer";
  while (performance.now() < deadline) {
    if (spawned.child.exitCode !== null)
      throw new Error(`process exited with code ${spawned.child.exitCode} before answering:\n${spawned.output()}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - spawned.spawnedAt;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${lastProblem}):\n${spawned.output()}`);
}

/** Resident set size of a process in MB (VmRSS from /proc; Linux only). */
export function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}
