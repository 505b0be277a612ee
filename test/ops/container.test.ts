/**
 * The Dockerfile and compose.yaml, checked without a container engine (CI builds the image only
 * where one runs): every file the image copies exists or is made by its build stage, the last
 * stage runs as a non-root user, and its command is the launcher of the compiled server.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { startNodeFlags } from "../../bench/lib/start-flags.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (name: string) => readFileSync(join(ROOT, name), "utf8");

interface Instruction {
  op: string;
  args: string;
}

/** Instructions per stage, with continuation lines joined and comments dropped. */
function stages(dockerfile: string): Instruction[][] {
  const logical = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const result: Instruction[][] = [];
  for (const line of logical) {
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    assert.ok(op, `not an instruction: ${line}`);
    if (op.toUpperCase() === "FROM") result.push([]);
    assert.ok(result.length > 0, `${op} before the first FROM`);
    result.at(-1)?.push({ op: op.toUpperCase(), args });
  }
  return result;
}

const dockerfile = stages(read("Dockerfile"));
const [build, run] = [dockerfile[0], dockerfile.at(-1) ?? []];

test("two stages on a slim Node 20 image; the last runs as an unprivileged user", () => {
  assert.equal(dockerfile.length, 2);
  for (const stage of dockerfile) assert.match(stage[0].args, /^node:20-[\w-]*slim\b/);
  assert.match(build[0].args, / AS build$/i);
  const user = run.filter((i) => i.op === "USER").at(-1);
  assert.ok(user, "the last stage sets USER");
  assert.doesNotMatch(user.args, /^(root|0)(:|$)/);
});

test("every file the build stage copies from the repository exists", () => {
  for (const instruction of build.filter((i) => i.op === "COPY")) {
    const parts = instruction.args.split(/\s+/).filter((p) => !p.startsWith("--"));
    for (const source of parts.slice(0, -1)) assert.ok(existsSync(join(ROOT, source)), `COPY ${source}: missing`);
  }
});

test("the run stage copies from the build stage only what exists there after the build", () => {
  // What the build stage holds: the files it copied in, plus what its build makes.
  const copiedIn = build
    .filter((i) => i.op === "COPY")
    .flatMap((i) => {
      const parts = i.args.split(/\s+/).filter((p) => !p.startsWith("--"));
      const destination = parts.at(-1) ?? "";
      return parts.slice(0, -1).map((source) => (destination === "./" ? source : destination.replace(/^\.\//, "")));
    });
  const made = ["node_modules", "dist"];
  assert.ok(
    build.some((i) => i.op === "RUN" && /node scripts\/build\.mjs/.test(i.args)),
    "the build stage runs the build",
  );
  for (const instruction of run.filter((i) => i.op === "COPY")) {
    assert.match(instruction.args, /^--from=build /, `the run stage copies only from the build: ${instruction.args}`);
    const source = instruction.args.split(/\s+/)[1].replace(/^\/app\//, "");
    const holder = [...copiedIn, ...made].find((path) => source === path || source.startsWith(`${path}/`));
    assert.ok(holder, `COPY --from=build ${source}: the build stage has no such file`);
    if (!made.includes(holder)) assert.ok(existsSync(join(ROOT, source)), `${source} is not in the repository`);
  }
});

test("the image runs the compiled server through the launcher, and checks readiness", async () => {
  const cmd = run.filter((i) => i.op === "CMD").at(-1);
  assert.ok(cmd);
  const command: string[] = JSON.parse(cmd.args);
  assert.deepEqual(
    command.filter((part) => !part.startsWith("--")),
    ["node", "bin/skillshelf.js", "serve"],
    "exec form: SIGTERM reaches node",
  );
  // The image's node runs with the flags `npm start` gives it (the heap setting of decision 039).
  assert.deepEqual(command.slice(1, -2), startNodeFlags());
  // The launcher runs what the build writes: dist/cli.js, an entry point of scripts/build.mjs.
  assert.match(read("bin/skillshelf.js"), /\.\.\/dist\/cli\.js/);
  assert.match(read("scripts/build.mjs"), /entryPoints: \{\s*cli: "src\/cli\/main\.ts"/);
  // Files the server reads at run time are in the image.
  const copied = run.filter((i) => i.op === "COPY").map((i) => i.args.split(/\s+/)[1]);
  for (const needed of ["/app/content", "/app/src/ui/assets", "/app/src/editor/assets", "/app/dist"])
    assert.ok(copied.includes(needed), `${needed} is copied into the image`);
  assert.ok(run.some((i) => i.op === "HEALTHCHECK" && i.args.includes("/readyz")));
});

test("compose.yaml runs the image on PostgreSQL, started once the database is healthy", () => {
  const compose = read("compose.yaml");
  assert.match(compose, /^ {2}db:\n {4}image: postgres:\d+/m);
  assert.match(compose, /^ {2}app:\n {4}build: \./m);
  assert.match(compose, /DATABASE_URL: postgres:\/\/skillshelf:\$\{POSTGRES_PASSWORD\}@db:5432\/skillshelf/);
  assert.match(compose, /condition: service_healthy/);
  assert.match(compose, /pg_isready/);
  assert.doesNotMatch(compose, /(PASSWORD|SECRET): [^$\s]/, "no secret written in the file");
});
