/**
 * The editor under load, in process on a SQLite file (WAL), as one server holds it:
 *  - editor_save_p95_ms: 8 editors at once, each saving items — the save itself: the item and its
 *    history records in one transaction (editItem), as the edit form's handler runs it;
 *  - editor_save_http_p95_ms: the same through the edit form's POST, signed in (session check,
 *    CSRF, validation, redirect): what an editor's browser waits for;
 *  - publish_ms: publishing the starter framework as a new edition (snapshot of every item).
 * Editors save back to back with no pause, so each save also waits for the others' (closed loop).
 */
import { join } from "node:path";
import { createApp } from "../../src/app.tsx";
import { createAccount } from "../../src/auth/accounts.ts";
import { readConfig } from "../../src/config.ts";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { editItem } from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { findFrameworkBySlug } from "../../src/frameworks/store.ts";
import { createLogger } from "../../src/log.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { median, percentile } from "../lib/stats.ts";

const EDITORS = 8;
const SAVES_PER_EDITOR = 60;
const WARM_UP_SAVES = 3;
const PUBLISHES = 5;
const PASSWORD = "amber kettle orbit meadow 42";

/** A page's CSRF token (every form carries one) and the cookies it set, as a browser would keep them. */
async function pageToken(app: ReturnType<typeof createApp>, path: string, cookie = "") {
  const page = await app.request(path, { headers: cookie ? { cookie } : {} });
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error(`${path} has no form token (answered ${page.status})`);
  const set = page.headers.getSetCookie().map((c) => c.split(";")[0]);
  return { token, cookie: [cookie, ...set].filter(Boolean).join("; ") };
}

export const editorBench: BenchGroup = {
  id: "editor",
  title: "editor saves and publishing (SQLite, in process)",
  figures: [
    {
      key: "editor_save_p95_ms",
      unit: "ms",
      label: "save an item with its history, 8 editors at once, p95",
      goal: { op: "<=", target: 20 },
    },
    { key: "editor_save_http_p95_ms", unit: "ms", label: "the same through the signed-in edit form POST, p95" },
    { key: "publish_ms", unit: "ms", label: "publish the starter framework as a new edition (median)" },
  ],
  async run(context, report) {
    const database = await openDatabase(join(context.tmp, "editor-bench.db"));
    try {
      const db = database.db;
      await migrateToLatest(db);
      const { slug } = await loadStarterFramework(db);
      const framework = await findFrameworkBySlug(db, slug);
      if (!framework) throw new Error("the starter framework did not load");
      const config = readConfig({});
      const app = createApp({ config, db, catalog: createCatalog(db), logger: createLogger("silent") });
      const origin = new URL(config.baseUrl).origin;

      // Each editor signs in through the real form and works on an item set of their own.
      const cookies: string[] = [];
      const tokens: string[] = [];
      for (let i = 0; i < EDITORS; i++) {
        const email = `bench-editor-${i}@skillshelf.test`;
        await createAccount(db, { email, role: "editor", name: `Editor ${i}`, password: PASSWORD });
        const form = await pageToken(app, "/en/sign-in");
        const response = await app.request("/en/sign-in", {
          method: "POST",
          headers: { origin, cookie: form.cookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ _csrf: form.token, email, password: PASSWORD }).toString(),
        });
        const cookie = response.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
        if (response.status !== 303 || !cookie) throw new Error(`sign-in answered ${response.status}`);
        cookies.push(cookie);
        tokens.push((await pageToken(app, "/en/editor", cookie)).token);
      }
      const ksas = await db
        .selectFrom("items")
        .innerJoin("item_types", "item_types.id", "items.type_id")
        .select(["items.id", "items.code", "items.statement_en", "items.statement_fr", "items.version"])
        .where("items.framework_id", "=", framework.id)
        .where("item_types.code", "=", "ksa")
        .orderBy("items.code")
        .limit(EDITORS * 10)
        .execute();
      const versions = new Map(ksas.map((k) => [k.id, Number(k.version)]));

      const save = async (editor: number, round: number): Promise<number> => {
        const item = ksas[editor * 10 + (round % 10)];
        const version = versions.get(item.id) as number;
        const body = new URLSearchParams({
          _csrf: tokens[editor],
          version: String(version),
          type: "ksa",
          code: item.code ?? "",
          statement_en: `${item.statement_en} (revision ${round})`,
          statement_fr: item.statement_fr ?? "",
          description_en: "",
          description_fr: "",
        });
        const text = body.toString();
        const started = performance.now();
        // As a browser sends a form: with its length, so the body limit is checked without streaming.
        const response = await app.request(`/en/editor/frameworks/${slug}/items/${item.id}/edit`, {
          method: "POST",
          headers: {
            origin,
            cookie: cookies[editor],
            "content-type": "application/x-www-form-urlencoded",
            "content-length": String(Buffer.byteLength(text)),
          },
          body: text,
        });
        const elapsed = performance.now() - started;
        if (response.status !== 303)
          throw new Error(`save answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
        versions.set(item.id, version + 1);
        return elapsed;
      };

      // The save itself, as the handler calls it.
      const actors = Array.from({ length: EDITORS }, (_, i) => ({
        id: `bench-${i}`,
        email: `bench-${i}@skillshelf.test`,
        name: `Editor ${i}`,
        role: "editor" as const,
      }));
      const saveCommand = async (editor: number, round: number): Promise<number> => {
        const item = ksas[editor * 10 + (round % 10)];
        const version = versions.get(item.id) as number;
        const started = performance.now();
        const result = await editItem(db, actors[editor], framework.id, item.id, {
          version,
          type: "ksa",
          code: item.code,
          statement_en: `${item.statement_en} (saved ${round})`,
          statement_fr: item.statement_fr,
          description_en: null,
          description_fr: null,
        });
        const elapsed = performance.now() - started;
        if (result.outcome !== "done") throw new Error(`save ${round} changed nothing`);
        versions.set(item.id, result.version);
        return elapsed;
      };
      const commandLoop = async (editor: number, rounds: number, from: number) => {
        const times: number[] = [];
        for (let round = from; round < from + rounds; round++) times.push(await saveCommand(editor, round));
        return times;
      };
      await Promise.all(Array.from({ length: EDITORS }, (_, e) => commandLoop(e, WARM_UP_SAVES, 0)));
      const commandStarted = performance.now();
      const commandSamples = (
        await Promise.all(Array.from({ length: EDITORS }, (_, e) => commandLoop(e, SAVES_PER_EDITOR, WARM_UP_SAVES)))
      ).flat();
      const commandSeconds = (performance.now() - commandStarted) / 1000;
      report(
        "editor_save_p95_ms",
        percentile(commandSamples, 95),
        `${commandSamples.length} saves, p50 ${median(commandSamples).toFixed(1)} ms, ${(commandSamples.length / commandSeconds).toFixed(0)} saves/s`,
      );

      const editorLoop = async (editor: number, rounds: number, from: number) => {
        const times: number[] = [];
        for (let round = from; round < from + rounds; round++) times.push(await save(editor, round));
        return times;
      };
      await Promise.all(Array.from({ length: EDITORS }, (_, e) => editorLoop(e, WARM_UP_SAVES, 0)));
      const started = performance.now();
      const samples = (
        await Promise.all(Array.from({ length: EDITORS }, (_, e) => editorLoop(e, SAVES_PER_EDITOR, WARM_UP_SAVES)))
      ).flat();
      const seconds = (performance.now() - started) / 1000;
      const history = await db
        .selectFrom("changes")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("kind", "=", "update")
        .executeTakeFirstOrThrow();
      if (Number(history.n) < samples.length + commandSamples.length)
        throw new Error(`expected a history record per save, found ${history.n}`);
      report(
        "editor_save_http_p95_ms",
        percentile(samples, 95),
        `${samples.length} saves, p50 ${median(samples).toFixed(1)} ms, ${(samples.length / seconds).toFixed(0)} saves/s`,
      );

      const publishTimes: number[] = [];
      for (let i = 0; i < PUBLISHES; i++) {
        const t0 = performance.now();
        await publishEdition(db, framework.id, null, {
          en: `Bench edition ${i + 1}.`,
          fr: `Édition de mesure ${i + 1}.`,
        });
        publishTimes.push(performance.now() - t0);
      }
      report(
        "publish_ms",
        median(publishTimes),
        `${PUBLISHES} publishes of ${ksas.length > 0 ? "the starter framework" : "?"}: ${publishTimes.map((t) => t.toFixed(0)).join(", ")} ms`,
      );
    } finally {
      await database.close();
    }
  },
};
