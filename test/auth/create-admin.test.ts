/** `skillshelf create-admin --email ADDRESS --password-stdin`: rules, messages, exit codes, and a real run. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createApp } from "../../src/app.tsx";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import {
  CreateAdminUsageError,
  createAdministrator,
  prepareAdministrator,
  readPassword,
} from "../../src/auth/create-admin.ts";
import { readConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { createCatalog } from "../../src/frameworks/catalog.ts";
import { createLogger } from "../../src/log.ts";
import { openTestDatabase } from "../support/app.ts";
import { postForm } from "../support/auth.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GOOD = "lichen trumpet saddle 8";

const stdin = (text: string) => Readable.from([Buffer.from(text)]);

describe("create-admin, in process", () => {
  test("the password is read whole, minus one trailing newline", async () => {
    assert.equal(await readPassword(stdin(`${GOOD}\n`)), GOOD);
    assert.equal(await readPassword(stdin(`${GOOD}\r\n`)), GOOD);
    assert.equal(await readPassword(stdin(` ${GOOD} \n\n`)), ` ${GOOD} \n`);
  });

  test("bad arguments are usage errors, checked before reading any password", async () => {
    await assert.rejects(prepareAdministrator({ passwordStdin: true }, stdin(GOOD)), CreateAdminUsageError);
    await assert.rejects(prepareAdministrator({ email: "a@b.example" }, stdin(GOOD)), /--password-stdin is required/);
    await assert.rejects(
      prepareAdministrator({ email: "not an address", passwordStdin: true }, stdin(GOOD)),
      /is not an email address/,
    );
  });

  test("the web's password rules apply, with clear messages", async () => {
    const prepare = (password: string) =>
      prepareAdministrator({ email: "boss@library.example", passwordStdin: true }, stdin(password));
    await assert.rejects(prepare(""), /no password on standard input/);
    await assert.rejects(prepare("short one"), /too short: it needs at least 12 characters/);
    await assert.rejects(prepare("qwerty123456"), /too common or too easy to guess/);
    assert.deepEqual(await prepare(GOOD), { email: "boss@library.example", name: undefined, password: GOOD });
  });

  test("creates an administrator once; the same address again is refused", async () => {
    const database = await openTestDatabase("sqlite");
    try {
      const request = await prepareAdministrator(
        { email: " Boss@Library.example ", passwordStdin: true, name: "The Boss" },
        stdin(GOOD),
      );
      assert.match(await createAdministrator(database.db, request), /created administrator boss@library\.example/);
      const user = await findUserByEmail(database.db, "boss@library.example");
      assert.equal(user?.role, "administrator");
      assert.equal(user?.name, "The Boss");
      assert.equal(user?.mustChangePassword, false);
      await assert.rejects(createAdministrator(database.db, request), /already exists/);
    } finally {
      await database.close();
    }
  });
});

describe("skillshelf create-admin, as a command", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "skillshelf-admin-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], input: string, databaseUrl: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [join(ROOT, "bin", "skillshelf.js"), "create-admin", ...args],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
          timeout: 60_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
      );
      child.stdin?.end(input);
    });

  test("exit 0 and an administrator who can sign in; exit 1 when refused; exit 2 on bad arguments", async () => {
    const file = join(dir, "admin.db");
    const created = await run(["--email", "root@library.example", "--password-stdin"], `${GOOD}\n`, file);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /created administrator root@library\.example/);

    const again = await run(["--email", "root@library.example", "--password-stdin"], GOOD, file);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    const weak = await run(["--email", "other@library.example", "--password-stdin"], "password1234", file);
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /too common/);
    const usage = await run(["--password-stdin"], GOOD, file);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--email is required/);
    assert.match(usage.stderr, /Usage: skillshelf create-admin/);

    const database = await openDatabase(file);
    try {
      const app = createApp({
        config: readConfig({}),
        db: database.db,
        catalog: createCatalog(database.db),
        logger: createLogger("silent"),
      });
      const t = { app, db: database.db };
      const signedIn = await app.request("/en/sign-in", postForm(t, { email: "root@library.example", password: GOOD }));
      assert.equal(signedIn.status, 303);
      const cookie = signedIn.headers.getSetCookie()[0].split(";")[0];
      assert.equal((await app.request("/en/admin/users", { headers: { cookie } })).status, 200);
    } finally {
      await database.close();
    }
  });
});
