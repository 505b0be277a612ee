/**
 * Graceful shutdown of a real server process: SIGTERM arrives while a request is in flight (its body
 * half sent); the server stops accepting connections, finishes that request, closes the database
 * and exits 0.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
      BASE_URL: "http://localhost",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const port = /"url":"http:\/\/localhost:(\d+)"/.exec(output)?.[1];
      if (port) resolve({ child, port: Number(port), output: () => output });
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.on("error", reject);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("SIGTERM lets a request in flight finish, refuses new connections, then exits 0", {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "skillshelf-shutdown-"));
  try {
    const server = await startServer(join(dir, "skillshelf.db"));
    const exited = new Promise<number | null>((resolve) => server.child.on("exit", (code) => resolve(code)));

    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    assert.equal(ready.status, 200);

    // A form post whose body is only half sent: the server has it in hand, waiting for the rest.
    const body = `email=${"a".repeat(200)}%40example.org&password=${"b".repeat(200)}`;
    const socket = await open(server.port);
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.write(
      "POST /en/sign-in HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost\r\n" +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 100),
    );
    await pause(500);

    server.child.kill("SIGTERM");
    await pause(500);
    assert.equal(answer, "", "nothing answered before the body is complete");
    await assert.rejects(open(server.port), /ECONNREFUSED/, "no new connection once shutting down");

    socket.write(body.slice(100));
    await closed;
    assert.match(answer, /^HTTP\/1\.1 \d{3} /, `the request in flight got its answer: ${answer.slice(0, 200)}`);
    assert.doesNotMatch(answer, /^HTTP\/1\.1 5\d\d/);
    assert.equal(await exited, 0, server.output());
    assert.match(server.output(), /shutting down/);
    assert.match(server.output(), /"msg":"stopped"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
