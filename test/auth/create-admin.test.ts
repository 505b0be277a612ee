/** `skillshelf create-admin --email ADDRESS --password-stdin`: rules, messages, exit codes, and a real run. */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable, Writable } from "node:stream";
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
import { askHidden, askNewPasswordTwice, PromptAbandonedError } from "../../src/cli/hidden-prompt.ts";
import { readConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { createLogger } from "../../src/log.ts";
import { openTestDatabase, TEST_AUTH_SECRET } from "../support/app.ts";
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
    await assert.rejects(
      prepareAdministrator({ email: "a@b.example" }, stdin(GOOD)),
      /not a terminal: pipe the password into the command with --password-stdin/,
    );
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

/** A terminal as the prompt sees one: raw mode recorded, keys typed as chunks. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    isRaw: false,
    setRawMode(mode: boolean) {
      input.isRaw = mode;
      return input;
    },
  });
  let shown = "";
  const output = new Writable({
    write(chunk, _encoding, done) {
      shown += chunk.toString();
      done();
    },
  });
  return { input, output, shown: () => shown };
}

describe("create-admin at a terminal", () => {
  test("asks twice without echoing; Backspace erases; the terminal is left as it was", async () => {
    const term = fakeTerminal();
    const asked = prepareAdministrator({ email: "boss@library.example" }, term.input, () =>
      askNewPasswordTwice(term.input, term.output),
    );
    term.input.write(`${GOOD}x\x7f\r`);
    await new Promise((resolve) => setImmediate(resolve));
    term.input.write(`${GOOD}\n`);
    assert.deepEqual(await asked, { email: "boss@library.example", name: undefined, password: GOOD });
    assert.equal(term.input.isRaw, false, "the terminal leaves raw mode");
    assert.match(term.shown(), /Password for the administrator: \nThe same password again: \n/);
    assert.ok(!term.shown().includes("lichen"), "the password is never written back");
  });

  test("two different answers create nothing; Ctrl-C abandons", async () => {
    const term = fakeTerminal();
    const asked = askNewPasswordTwice(term.input, term.output);
    term.input.write(`${GOOD}\r`);
    await new Promise((resolve) => setImmediate(resolve));
    term.input.write("something else entirely\r");
    await assert.rejects(asked, /the two passwords differ/);
    const abandoned = askHidden("Password: ", term.input, term.output);
    term.input.write("half typed\x03");
    await assert.rejects(abandoned, PromptAbandonedError);
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
      const config = readConfig({ BETTER_AUTH_SECRET: TEST_AUTH_SECRET });
      const app = createApp({
        config,
        db: database.db,
        catalog: createCatalog(database.db),
        logger: createLogger("silent"),
      });
      const t = { app, db: database.db, config };
      const signedIn = await app.request("/en/sign-in", postForm(t, { email: "root@library.example", password: GOOD }));
      assert.equal(signedIn.status, 303);
      const cookie = signedIn.headers.getSetCookie()[0].split(";")[0];
      assert.equal((await app.request("/en/admin/users", { headers: { cookie } })).status, 200);
    } finally {
      await database.close();
    }
  });
});

/** `script` (util-linux) runs the command on a real pseudo-terminal, as a person at a shell would. */
const SCRIPT = ["/usr/bin/script", "/bin/script"].find((path) => existsSync(path));

describe("skillshelf create-admin at a real terminal", () => {
  test("prompts twice, echoes nothing, creates the administrator", {
    skip: SCRIPT ? false : "util-linux 'script' is not installed, so no pseudo-terminal can be made",
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "skillshelf-pty-"));
    try {
      const command = `${process.execPath} ${join(ROOT, "bin", "skillshelf.js")} create-admin --email pty@library.example`;
      const child = spawn(SCRIPT as string, ["-qec", command, "/dev/null"], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: join(dir, "a.db"), LOG_LEVEL: "silent" },
      });
      let seen = "";
      const waitFor = (text: RegExp) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (text.test(seen)) {
              child.stdout.off("data", onData);
              resolve();
            }
          };
          const onData = (chunk: Buffer) => {
            seen += chunk.toString();
            check();
          };
          child.stdout.on("data", onData);
          check();
        });
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      await waitFor(/Password for the administrator: /);
      child.stdin.write(`${GOOD}\r`);
      await waitFor(/The same password again: /);
      child.stdin.write(`${GOOD}\r`);
      child.stdout.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
      });
      assert.equal(await exited, 0, seen);
      assert.match(seen, /created administrator pty@library\.example/);
      assert.ok(!seen.includes("lichen"), `the password was echoed: ${seen}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
