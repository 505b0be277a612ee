/** /healthz and /readyz as a proxy or an orchestrator sees them, on every test database. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sql } from "kysely";
import { makeTestApp, testDialects } from "../support/app.ts";

for (const dialect of testDialects()) {
  describe(`probes (${dialect})`, () => {
    test("/healthz answers while the process is up, /readyz once the database is migrated", async () => {
      const { app, close } = await makeTestApp({ dialect, starter: false });
      try {
        const health = await app.request("/healthz");
        assert.equal(health.status, 200);
        assert.deepEqual(await health.json(), { status: "ok" });
        assert.equal(health.headers.get("cache-control"), "no-store");
        const ready = await app.request("/readyz");
        assert.equal(ready.status, 200);
        assert.deepEqual(await ready.json(), { status: "ready" });
        assert.ok(ready.headers.get("x-request-id"), "probes get a request id like any request");
      } finally {
        await close();
      }
    });

    test("/readyz is 503 and names the migration when one is pending", async () => {
      const { app, db, close } = await makeTestApp({ dialect, starter: false });
      try {
        await sql`delete from kysely_migration where name = '007_security'`.execute(db);
        const ready = await app.request("/readyz");
        assert.equal(ready.status, 503);
        const body = (await ready.json()) as { status: string; reason: string };
        assert.equal(body.status, "unavailable");
        assert.match(body.reason, /pending: 007_security/);
        assert.equal((await app.request("/healthz")).status, 200, "the process itself is still up");
      } finally {
        await close();
      }
    });

    test("/readyz is 503 when the schema comes from a newer version", async () => {
      const { app, db, close } = await makeTestApp({ dialect, starter: false });
      try {
        await sql`insert into kysely_migration (name, timestamp) values ('999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
          db,
        );
        const ready = await app.request("/readyz");
        assert.equal(ready.status, 503);
        assert.match(((await ready.json()) as { reason: string }).reason, /newer than this code.*999_from_the_future/);
      } finally {
        await close();
      }
    });
  });
}

test("/readyz is 503 once the database is gone, and while the server drains", async () => {
  const lifecycle = { draining: false };
  const { app, close } = await makeTestApp({ starter: false, lifecycle });
  lifecycle.draining = true;
  const draining = await app.request("/readyz");
  assert.equal(draining.status, 503);
  assert.deepEqual(await draining.json(), { status: "unavailable", reason: "shutting down" });
  lifecycle.draining = false;
  await close();
  const gone = await app.request("/readyz");
  assert.equal(gone.status, 503);
  assert.match(((await gone.json()) as { reason: string }).reason, /^database unreachable/);
  assert.equal((await app.request("/healthz")).status, 200);
});
