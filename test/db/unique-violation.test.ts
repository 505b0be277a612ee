/**
 * Parallel requests that create the same thing meet the unique constraint, not a 500: under
 * PostgreSQL's read-committed isolation two transactions can both check "no one has this address"
 * and both insert; the second one's failure must read as "taken". Run on every database (with
 * TEST_DATABASE_URL, real PostgreSQL, where the race actually happens).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { createAccount, EmailTakenError } from "../../src/auth/accounts.ts";
import type { Database } from "../../src/db/connect.ts";
import { isUniqueViolation } from "../../src/db/unique-violation.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

/** "false" as the dialect binds it: better-sqlite3 cannot bind booleans. */
const no = (database: Database) => (database.dialect === "sqlite" ? 0 : false);

const usersEmail = { postgres: "users_email_key", sqlite: "users.email" };

const userRow = (database: Database, id: string, email: string) => ({
  id,
  email,
  name: "Someone",
  email_verified: no(database),
  image: null,
  role: "member" as const,
  disabled: no(database),
  must_change_password: no(database),
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
});

for (const dialect of testDialects()) {
  describe(`unique constraints met by parallel requests (${dialect})`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(() => database.close());

    // Without a password, so no hashing spaces the requests out; several rounds, so that after the
    // first the connection pool is warm and the transactions really overlap.
    test("of eight parallel accounts with one address (any case), one is made and seven are told it is taken", async () => {
      for (let round = 1; round <= 12; round++) {
        const address = `ben.${round}@north.example`;
        const spellings = [address, address.toUpperCase(), ` ${address} `, address.replace("ben", "Ben")];
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            createAccount(database.db, { email: spellings[i % spellings.length], role: "member" }),
          ),
        );
        const made = results.filter((r) => r.status === "fulfilled");
        const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        assert.equal(made.length, 1, `round ${round}: made ${made.length}`);
        for (const r of refused)
          assert.ok(r.reason instanceof EmailTakenError, `round ${round}: refused with ${r.reason}`);
        const users = await database.db.selectFrom("users").select("id").where("email", "=", address).execute();
        assert.equal(users.length, 1);
      }
    });

    test("a duplicate address is recognised as that constraint, a duplicate id is not", async () => {
      const id = randomUUID();
      await database.db
        .insertInto("users")
        .values(userRow(database, id, "ana@north.example"))
        .execute();
      const sameAddress = await database.db
        .insertInto("users")
        .values(userRow(database, randomUUID(), "ana@north.example"))
        .execute()
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      assert.ok(sameAddress, "the database refuses a second row with the address");
      assert.equal(isUniqueViolation(sameAddress, usersEmail), true);
      const sameId = await database.db
        .insertInto("users")
        .values(userRow(database, id, "other@north.example"))
        .execute()
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      assert.ok(sameId, "the database refuses a second row with the id");
      assert.equal(isUniqueViolation(sameId, usersEmail), false);
      assert.equal(isUniqueViolation(new Error("something else"), usersEmail), false);
      assert.equal(isUniqueViolation(undefined, usersEmail), false);
    });
  });
}
