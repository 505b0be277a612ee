/**
 * The change bus (decision 020): the revision trigger notifies only committed changes, each listener
 * keeps its own schema's, a lost connection is reopened and reported as one change, and a catalog
 * wired to the bus sees another process's write at once instead of at its next periodic check.
 * On PGlite (in-process) and, when TEST_DATABASE_URL is set, on a real PostgreSQL with pg clients.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type ChangeBus,
  createChangeBus,
  parseChangePayload,
  pgSubscribe,
  type Subscribe,
  type SubscriptionHandlers,
} from "../../src/db/changes.ts";
import { type Database, openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { CHANGE_CHANNEL, CHANGE_TRIGGER_STATEMENTS } from "../../src/db/migrations/009_several_processes.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { bumpContentRevision } from "../../src/frameworks/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { eventually, freshPostgresSchema as freshSchema } from "../support/server-process.ts";

describe("change payloads", () => {
  it("read as schema and revision, anything else ignored", () => {
    assert.deepEqual(parseChangePayload("public 42"), { schema: "public", revision: 42 });
    assert.deepEqual(parseChangePayload("test_1_x 7"), { schema: "test_1_x", revision: 7 });
    for (const bad of ["", "public", "public x", " 4", "public 4 5", `public ${"9".repeat(20)}`])
      assert.equal(parseChangePayload(bad), undefined, bad);
  });
});

describe("change bus: connection handling (a scripted connection)", () => {
  /** A fake listening connection the test drives: deliver payloads, break it, refuse to open. */
  function scripted() {
    const opened: SubscriptionHandlers[] = [];
    let refusals = 0;
    let closes = 0;
    const subscribe: Subscribe = async (handlers) => {
      if (refusals > 0) {
        refusals--;
        throw new Error("connection refused");
      }
      opened.push(handlers);
      return { schema: "mine", close: async () => void closes++ };
    };
    return {
      subscribe,
      opened,
      refuse: (n: number) => (refusals = n),
      closes: () => closes,
    };
  }

  it("passes on its own schema's changes, reopens a lost connection and reports one change for the gap", async () => {
    const conn = scripted();
    const bus = createChangeBus(conn.subscribe, { retryMs: 5, maxRetryMs: 20 });
    const heard: (number | undefined)[] = [];
    bus.onChange((revision) => heard.push(revision));
    await eventually(() => bus.live(), "first connection");
    conn.opened[0]?.onPayload("mine 3");
    conn.opened[0]?.onPayload("theirs 4");
    conn.opened[0]?.onPayload("garbage");
    assert.deepEqual(heard, [3]);

    conn.refuse(2);
    conn.opened[0]?.onLost(new Error("server restarted"));
    conn.opened[0]?.onLost(new Error("and again")); // one loss, however often it is told
    assert.equal(bus.live(), false);
    await eventually(() => bus.live(), "reconnection after two refusals");
    assert.equal(conn.opened.length, 2);
    assert.deepEqual(heard, [3, undefined], "one change for whatever was missed");
    conn.opened[1]?.onPayload("mine 9");
    assert.deepEqual(heard, [3, undefined, 9]);

    await bus.close();
    assert.equal(bus.live(), false);
    conn.opened[1]?.onLost(new Error("closed"));
    await sleep(60);
    assert.equal(conn.opened.length, 2, "a closed bus does not reconnect");
  });

  it("a listener that throws does not stop the others", async () => {
    const conn = scripted();
    const bus = createChangeBus(conn.subscribe, { retryMs: 5 });
    const heard: number[] = [];
    bus.onChange(() => {
      throw new Error("boom");
    });
    const stop = bus.onChange((r) => heard.push(r ?? -1));
    await eventually(() => bus.live(), "connection");
    conn.opened[0]?.onPayload("mine 1");
    stop();
    conn.opened[0]?.onPayload("mine 2");
    assert.deepEqual(heard, [1]);
    await bus.close();
  });
});

describe("catalog: told of a change while a check is under way", () => {
  it("does not let that older check vouch for the next interval", async () => {
    const database = await openTestDatabase("sqlite");
    try {
      const catalog = createCatalog(database.db, { checkIntervalMs: 3_600_000 });
      const first = await catalog.revision();
      catalog.invalidate();
      const underWay = catalog.revision(); // reads the counter before the change below
      catalog.invalidate(); // the bus: "something changed"
      await database.db.transaction().execute((trx) => bumpContentRevision(trx));
      assert.equal(await underWay, first);
      assert.equal(await catalog.revision(), first + 1, "the next read looks again");
    } finally {
      await database.close();
    }
  });
});

// In-process PostgreSQL, where PGlite is tested (not again in CI's PostgreSQL-only pass).
if (testDialects().includes("pglite")) {
  describe("change trigger on PGlite", () => {
    it("notifies the revision once the writing transaction commits, never for a rollback or another key", async () => {
      const { PGlite } = await import("@electric-sql/pglite");
      const pglite = await PGlite.create();
      try {
        await pglite.exec("create table meta (key varchar(100) primary key, value text not null)");
        for (const statement of CHANGE_TRIGGER_STATEMENTS) await pglite.exec(statement);
        const subscribe: Subscribe = async (handlers) => {
          const unlisten = await pglite.listen(CHANGE_CHANNEL, (payload) => handlers.onPayload(payload));
          return { schema: "public", close: () => unlisten() };
        };
        const bus = createChangeBus(subscribe);
        const heard: (number | undefined)[] = [];
        bus.onChange((revision) => heard.push(revision));
        await eventually(() => bus.live(), "listening");

        await pglite.exec("insert into meta values ('content_revision', '1')");
        await eventually(() => heard.length === 1, "the first revision");
        await pglite.transaction(async (tx) => {
          await tx.exec("update meta set value = '2' where key = 'content_revision'");
          await tx.rollback();
        });
        await pglite.exec("insert into meta values ('auth_secret', 'x')");
        await pglite.exec("update meta set value = '3' where key = 'content_revision'");
        await eventually(() => heard.length === 2, "the third revision");
        assert.deepEqual(heard, [1, 3]);
        await bus.close();
      } finally {
        await pglite.close();
      }
    });
  });
}

// Registered only where a real PostgreSQL is configured (CI's PostgreSQL pass), never skipped.
for (const dialect of testDialects().filter((d) => d === "postgres")) {
  describe(`change bus on a real PostgreSQL (${dialect})`, () => {
    const url = process.env.TEST_DATABASE_URL as string;
    let mine: Awaited<ReturnType<typeof freshSchema>>;
    let theirs: Awaited<ReturnType<typeof freshSchema>>;
    let reader: Database;
    let writer: Database;
    let other: Database;
    let bus: ChangeBus;
    before(async () => {
      mine = await freshSchema(url);
      theirs = await freshSchema(url);
      reader = await openDatabase(mine.url);
      writer = await openDatabase(mine.url);
      other = await openDatabase(theirs.url);
      await migrateToLatest(reader.db);
      await migrateToLatest(other.db);
      bus = createChangeBus(pgSubscribe(mine.url));
    });
    after(async () => {
      await bus.close();
      for (const d of [reader, writer, other]) await d.close();
      await mine.drop();
      await theirs.drop();
    });

    it("a catalog hears another pool's committed write at once, not at its next check", async () => {
      // A periodic check an hour apart: only the notification can make the catalog look again.
      const catalog = createCatalog(reader.db, { checkIntervalMs: 3_600_000 });
      const heard: (number | undefined)[] = [];
      bus.onChange((revision) => heard.push(revision));
      bus.onChange(() => catalog.invalidate());
      await eventually(() => bus.live(), "listening");
      const before = await catalog.revision();

      await other.db.transaction().execute((trx) => bumpContentRevision(trx));
      await assert.rejects(
        writer.db.transaction().execute(async (trx) => {
          await bumpContentRevision(trx);
          throw new Error("rolled back");
        }),
      );
      await writer.db.transaction().execute((trx) => bumpContentRevision(trx));
      await eventually(async () => (await catalog.revision()) === before + 1, "the catalog's revision moves");
      assert.deepEqual(heard, [before + 1], "only this schema's committed change");
    });

    it("reconnects when its connection is killed, and reports the gap", async () => {
      const { default: pg } = await import("pg");
      const heard: (number | undefined)[] = [];
      // Its own application name, so only its connection is cut (other tests may be listening too).
      const name = `skillshelf-changes-test-${process.pid}`;
      const local = createChangeBus(pgSubscribe(`${mine.url}&application_name=${name}`), { retryMs: 50 });
      local.onChange((revision) => heard.push(revision));
      await eventually(() => local.live(), "listening");
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { rowCount } = await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
          [name],
        );
        assert.equal(rowCount, 1, "the listening connection was found");
      } finally {
        await admin.end();
      }
      await eventually(() => heard.includes(undefined), "a reconnection reported as one change");
      await eventually(() => local.live(), "listening again");
      await writer.db.transaction().execute((trx) => bumpContentRevision(trx));
      await eventually(() => heard.some((r) => typeof r === "number"), "changes after the reconnection");
      await local.close();
    });
  });
}
