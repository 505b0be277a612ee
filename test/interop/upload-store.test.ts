/**
 * The import wizard's uploads wait in the database (decision 020), on every database: any process
 * may confirm what another previewed, only the account that sent a file gets it back, expired ones
 * answer like unknown tokens and are removed, and the table stays bounded.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { createAccount } from "../../src/auth/accounts.ts";
import type { Database } from "../../src/db/connect.ts";
import { migrations } from "../../src/db/migrate.ts";
import {
  createUploadStore,
  UPLOADS_PER_ACCOUNT,
  type UploadMeta,
  UploadTooLargeError,
} from "../../src/interop/wizard/uploads.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const meta = (userId: string, name = "a.csv"): UploadMeta => ({
  userId,
  format: "csv",
  name,
  size: 3,
  createdAt: new Date().toISOString(),
  target: "file",
  title: "",
});

for (const dialect of testDialects()) {
  describe(`uploads waiting for confirmation (${dialect})`, () => {
    let database: Database;
    let alice: string;
    let bob: string;
    before(async () => {
      database = await openTestDatabase(dialect);
      alice = (await createAccount(database.db, { email: "alice@skillshelf.test", role: "editor" })).id;
      bob = (await createAccount(database.db, { email: "bob@skillshelf.test", role: "editor" })).id;
    });
    after(() => database.close());
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom("import_uploads")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it("gives any byte string back unchanged to its owner, through another store on the same database", async () => {
      const previewing = createUploadStore(database.db);
      const confirming = createUploadStore(database.db);
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), async (bytes) => {
          const token = await previewing.save(meta(alice), bytes);
          const stored = await confirming.load(token, alice);
          assert.ok(stored);
          assert.deepEqual([...stored.bytes], [...bytes]);
          assert.equal(stored.meta.userId, alice);
          await confirming.remove(token);
          assert.equal(await confirming.load(token, alice), undefined);
        }),
        { numRuns: 15 },
      );
    });

    it("answers someone else's, made-up, removed or expired tokens like unknown ones, and sweeps expired rows", async () => {
      let now = Date.parse("2026-01-01T00:00:00Z");
      const store = createUploadStore(database.db, { ttlMs: 1000, now: () => now });
      const token = await store.save({ ...meta(alice), frameworkId: "f1" }, new Uint8Array([1, 2, 3]));
      assert.match(token, /^[A-Za-z0-9_-]{32}$/);
      assert.equal((await store.load(token, alice))?.meta.frameworkId, "f1");
      assert.equal(await store.load(token, bob), undefined, "not the owner");
      for (const bad of ["../../etc/passwd", "", "x".repeat(32), `${token}x`, "' or 1=1 --"])
        assert.equal(await store.load(bad, alice), undefined, bad);
      await store.update(token, { ...meta(alice), title: "Renamed" });
      assert.equal((await store.load(token, alice))?.meta.title, "Renamed");
      now += 2000;
      assert.equal(await store.load(token, alice), undefined, "expired");
      // The next save, by anyone, removes what expired.
      const other = await store.save(meta(bob), new Uint8Array([9]));
      const left = await database.db.selectFrom("import_uploads").select("token").execute();
      assert.deepEqual(
        left.map((r) => r.token),
        [other],
      );
      await store.remove(other);
    });

    it("keeps only an account's latest few and refuses what is larger than its cap", async () => {
      let now = Date.parse("2026-02-01T00:00:00Z");
      const store = createUploadStore(database.db, { now: () => now, maxBytes: 10 });
      const tokens: string[] = [];
      for (let i = 0; i < UPLOADS_PER_ACCOUNT + 3; i++) {
        now += 1000;
        tokens.push(await store.save(meta(alice, `f${i}.csv`), new Uint8Array([i])));
      }
      const bobs = await store.save(meta(bob), new Uint8Array([7]));
      assert.equal(await count(), UPLOADS_PER_ACCOUNT + 1);
      for (const [i, token] of tokens.entries()) {
        const kept = i >= tokens.length - UPLOADS_PER_ACCOUNT;
        assert.equal((await store.load(token, alice)) !== undefined, kept, `upload ${i}`);
      }
      assert.ok(await store.load(bobs, bob), "another account's upload is not touched");
      await assert.rejects(store.save(meta(alice), new Uint8Array(11)), UploadTooLargeError);
    });

    it("migration 009 goes down and up again", async () => {
      const migration = migrations["009_several_processes"];
      assert.ok(migration?.down);
      await migration.down(database.db);
      await assert.rejects(database.db.selectFrom("import_uploads").select("token").execute());
      await migration.up(database.db);
      const store = createUploadStore(database.db);
      const token = await store.save(meta(alice), new Uint8Array([4, 2]));
      assert.deepEqual([...((await store.load(token, alice))?.bytes ?? [])], [4, 2]);
    });

    it("reads its metadata through its versioned format: as written, without a version, never damaged", async () => {
      const store = createUploadStore(database.db);
      const saved = meta(alice);
      const token = await store.save(saved, new Uint8Array([1]));
      assert.deepEqual((await store.load(token, alice))?.meta, saved);
      const stored = async () =>
        (
          await database.db
            .selectFrom("import_uploads")
            .select("meta")
            .where("token", "=", token)
            .executeTakeFirstOrThrow()
        ).meta;
      const setMeta = (text: string) =>
        database.db.updateTable("import_uploads").set({ meta: text }).where("token", "=", token).execute();
      const written = JSON.parse(await stored());
      assert.equal(written.v, 1);
      const { v: _v, ...before } = written;
      await setMeta(JSON.stringify(before));
      assert.equal((await store.load(token, alice))?.meta.name, "a.csv", "a meta from before versions is version 1");
      for (const damaged of ["{", JSON.stringify({ ...written, v: 2 }), JSON.stringify({ ...written, size: "3" })]) {
        await setMeta(damaged);
        assert.equal(await store.load(token, alice), undefined, damaged);
      }
      await store.remove(token);
    });

    it("goes with the account that sent it", async () => {
      const carol = (await createAccount(database.db, { email: "carol@skillshelf.test", role: "editor" })).id;
      const store = createUploadStore(database.db);
      const token = await store.save(meta(carol), new Uint8Array([1]));
      await database.db.deleteFrom("users").where("id", "=", carol).execute();
      assert.equal(await store.load(token, carol), undefined);
      const left = await database.db.selectFrom("import_uploads").select("token").where("token", "=", token).execute();
      assert.deepEqual(left, []);
    });
  });
}
