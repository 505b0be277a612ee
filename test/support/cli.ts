/**
 * The `skillshelf` command run in this process (src/cli/run.ts), as a test would run it in a shell:
 * with its own environment, what it prints captured, and its exit code. Each call spares the start
 * of a new process (seconds under tsx on a busy machine); one real spawn per command family stays in
 * the tests, to prove the binary itself works.
 *
 * The commands print through src/cli/command.ts's `terminal`, which this points at two buffers for
 * the length of a call — never at the process's own streams, which the test runner reports through.
 * Calls must not overlap (node:test runs a file's tests one after another): the environment is the
 * process's own, set for the length of one call.
 */
import { PassThrough } from "node:stream";
import { redirectTerminal } from "../../src/cli/command.ts";
import { runCli } from "../../src/cli/run.ts";

export interface CliRun {
  /** Exit code: 0 ok, 1 failure, 2 usage. */
  status: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => Buffer.concat(chunks).toString("utf8") };
}

let running = false;

export async function runSkillshelf(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  if (running) throw new Error("runSkillshelf: calls must not overlap");
  running = true;
  const saved = new Map(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  const out = collector();
  const err = collector();
  const restore = redirectTerminal(out.stream, err.stream);
  try {
    const status = await runCli(args);
    // What was written last is delivered to the collectors on a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    return { status, stdout: out.text(), stderr: err.text() };
  } finally {
    restore();
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    running = false;
  }
}
