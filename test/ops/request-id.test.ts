/** Every log line written while a request is handled carries its id, which the response returns. */
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import { createLogger } from "../../src/log.ts";
import { makeTestApp } from "../support/app.ts";
import { postForm } from "../support/auth.ts";

interface LogLine {
  msg: string;
  requestId?: string;
  [key: string]: unknown;
}

/** A logger at debug level whose lines land in an array (pino writes one JSON line per call). */
function capturingLogger() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger("debug", stream), lines };
}

test("a request's log lines (its access line, a security event) carry the id it returned", async () => {
  const { logger, lines } = capturingLogger();
  const t = await makeTestApp({ starter: false, logger });
  try {
    const response = await t.app.request(
      "/en/sign-in",
      postForm(t, { email: "nobody@skillshelf.test", password: "not the password at all" }),
    );
    assert.ok(response.status < 500, `sign-in answered ${response.status}`);
    const id = response.headers.get("x-request-id");
    assert.ok(id, "X-Request-Id is returned");
    const ofRequest = lines.filter((line) => line.requestId === id);
    assert.ok(
      ofRequest.some((line) => line.msg === "request" && line.status === response.status),
      "access line",
    );
    assert.ok(
      ofRequest.some((line) => line.msg === "security event"),
      `security event line: ${JSON.stringify(lines)}`,
    );
    assert.deepEqual(
      lines.filter((line) => line.requestId === undefined),
      [],
      "no line written during the request lacks the id",
    );
  } finally {
    await t.close();
  }
});

test("an id sent by a proxy is kept; concurrent requests never get each other's id", async () => {
  const { logger, lines } = capturingLogger();
  const t = await makeTestApp({ starter: true, logger });
  try {
    const ids = Array.from({ length: 12 }, (_, i) => `proxy-id-${i}`);
    const paths = ["/en", "/fr/frameworks", "/en/search?q=service", "/healthz", "/readyz", "/en/nowhere"];
    const responses = await Promise.all(
      ids.map((id, i) => t.app.request(paths[i % paths.length], { headers: { "x-request-id": id } })),
    );
    for (const [i, response] of responses.entries()) assert.equal(response.headers.get("x-request-id"), ids[i]);
    for (const [i, id] of ids.entries()) {
      const access = lines.filter((line) => line.msg === "request" && line.requestId === id);
      assert.equal(access.length, 1, `one access line for ${id}`);
      assert.equal(access[0].path, paths[i % paths.length].split("?")[0]);
    }
  } finally {
    await t.close();
  }
});

test("an ill-formed id from outside is replaced, not logged", async () => {
  const { logger, lines } = capturingLogger();
  const t = await makeTestApp({ starter: false, logger });
  try {
    const response = await t.app.request("/healthz", { headers: { "x-request-id": "bad id\twith spaces" } });
    const id = response.headers.get("x-request-id") ?? "";
    assert.notEqual(id, "bad id\twith spaces");
    assert.match(id, /^[\w-]+$/);
    assert.ok(lines.every((line) => line.requestId === id));
  } finally {
    await t.close();
  }
});
