/**
 * Real `skillshelf serve` processes for tests of several processes (decision 020): started on a free
 * loopback port, ready once they log that they listen, stopped with SIGTERM (then SIGKILL).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Everything it wrote so far (JSON log lines on stdout, errors on stderr). */
  output(): string;
  /** Resolves with the exit code once it has ended. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** Spawns `skillshelf <args>` (default `serve`) and waits until it listens (bounded). */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  options: { args?: string[]; readyLog?: RegExp; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(root, "src/cli/main.ts"), ...(options.args ?? ["serve"])],
    {
      cwd: root,
      // A key given as undefined is left out (e.g. BETTER_AUTH_SECRET, to use the database's).
      env: Object.fromEntries(
        Object.entries({ ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const ready = options.readyLog ?? /"msg":"Skillshelf (?:workers )?(?:is|are) listening"/;
  const port = await new Promise<number>((found, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no "listening" within the bound:\n${output}`)),
      options.timeoutMs ?? 60_000,
    );
    const look = () => {
      const line = output.split("\n").find((l) => ready.test(l));
      const port = line && /"url":"http:\/\/localhost:(\d+)"/.exec(line)?.[1];
      if (port) {
        clearTimeout(timer);
        child.stdout?.off("data", look);
        found(Number(port));
      }
    };
    child.stdout?.on("data", look);
    exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`the server ended (${code}) before listening:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    }
    return exited;
  };
  return { child, origin: `http://127.0.0.1:${port}`, output: () => output, exited, stop };
}

/**
 * A loopback port free now. Cluster workers need a fixed one: a replacement worker listening on port
 * 0 after the last one died would get a new random port.
 */
export function freePort(): Promise<number> {
  return new Promise((found, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? found(address.port) : fail(new Error("no port"))));
    });
  });
}

/** Polls until `check` holds; fails after a generous bound. Never a timing assertion: only "it happens". */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  limitMs = 15_000,
): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`never happened within the bound: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A fresh schema on a real PostgreSQL and a URL that selects it, dropped by `drop()`. */
export async function freshPostgresSchema(
  url: string,
  prefix = "multi",
): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import("pg");
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  const separator = url.includes("?") ? "&" : "?";
  return {
    url: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema "${schema}" cascade`);
      await cleanup.end();
    },
  };
}
