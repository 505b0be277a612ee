/**
 * Readers while an editor uploads a large, legitimate workbook: the real server (production
 * settings), closed-loop readers fetching the area page, first with nothing else to do (idle), then
 * while a 30,000-row XLSX goes through the import wizard's upload (parsed in a worker thread, then a
 * dry-run import shown as the preview). Each round measures both; the figure is the median of the
 * rounds' ratios of p99 latency (upload ÷ idle). Bounded: the workbook is written once (by the
 * product's own export), each phase ends with its upload (at most a minute) or after IDLE_SECONDS.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { createAccount } from "../../src/auth/accounts.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { FrameworkJson, ItemJson } from "../../src/frameworks/json.ts";
import { exportSpreadsheet } from "../../src/interop/sheets/index.ts";
import type { BenchGroup } from "../lib/figures.ts";
import { AREA_PAGE_PATH, startSkillshelfReady } from "../lib/server.ts";
import { median, percentile } from "../lib/stats.ts";

const ROWS = 30_000;
const READERS = 4;
const IDLE_SECONDS = 3;
const ROUNDS = 3;
const UPLOAD_TIMEOUT_MS = 60_000;
const PASSWORD = "amber kettle orbit meadow 42";
const WORDS = "plan budget report community service staff collection program partner policy training outreach".split(
  " ",
);

const sentence = (n: number, words: number) =>
  Array.from({ length: words }, (_, k) => WORDS[(n * 7 + k * 5) % WORDS.length]).join(" ");

/** A framework of `rows` items (areas of competencies of KSAs), as the product exports it. */
export function syntheticFramework(rows: number): FrameworkJson {
  const item = (n: number, type: string, code: string, children: ItemJson[] = []): ItemJson => ({
    id: randomUUID(),
    type,
    code,
    position: n,
    statement: { en: `${sentence(n, 14)} ${n}.`, fr: `${sentence(n + 3, 16)} ${n}.` },
    description: { en: null, fr: null },
    updatedAt: "2026-01-01T00:00:00.000Z",
    lastUpdated: "2026-01-01",
    children,
  });
  const areas: ItemJson[] = [];
  let count = 0;
  for (let a = 1; count < rows; a++) {
    const competencies: ItemJson[] = [];
    count++;
    for (let c = 1; c <= 10 && count < rows; c++) {
      const ksas: ItemJson[] = [];
      count++;
      for (let k = 1; k <= 9 && count < rows; k++, count++) ksas.push(item(k, "ksa", `B${a}.${c}.${k}`));
      competencies.push(item(c, "competency", `B${a}.${c}`, ksas));
    }
    areas.push(item(a, "area", `B${a}`, competencies));
  }
  return {
    id: randomUUID(),
    slug: "bench-upload",
    type: "framework",
    title: { en: "Bench upload", fr: "Téléversement d'essai" },
    description: { en: null, fr: null },
    publisher: null,
    version: "1",
    status: "draft",
    licence: null,
    createdAt: "",
    updatedAt: "",
    lastUpdated: "",
    itemTypes: [
      { code: "area", label: { en: "Area", fr: "Domaine" } },
      { code: "competency", label: { en: "Competency", fr: "Compétence" } },
      { code: "ksa", label: { en: "KSA", fr: "CCA" } },
    ],
    children: areas,
  };
}

/** Readers fetching `url` back to back until `stop()` says so; their latencies in ms. */
async function read(url: string, stop: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  const reader = async () => {
    while (!stop()) {
      const started = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
  return latencies;
}

export const uploadBench: BenchGroup = {
  id: "upload",
  title: "readers while a large workbook is uploaded",
  figures: [
    {
      key: "upload_reader_p99_ratio",
      unit: "×",
      label: `area page p99 while a ${ROWS.toLocaleString("en")}-row XLSX is uploaded ÷ idle p99`,
      goal: { op: "<=", target: 3 },
    },
    { key: "upload_reader_p99_ms", unit: "ms", label: "area page p99 during the upload (median of rounds)" },
    { key: "upload_preview_s", unit: "s", label: "the upload's answer: parse in a worker, dry run, preview" },
  ],
  async run(context, report) {
    const databaseUrl = join(context.tmp, "upload-bench.db");
    const email = "bench-uploader@skillshelf.test";
    const database = await openDatabase(databaseUrl);
    try {
      await migrateToLatest(database.db);
      await createAccount(database.db, { email, role: "editor", name: "Uploader", password: PASSWORD });
    } finally {
      await database.close();
    }
    const written = performance.now();
    const workbook = new Uint8Array(await exportSpreadsheet(syntheticFramework(ROWS), "xlsx"));
    console.log(
      `  ${ROWS.toLocaleString("en")} rows: ${(workbook.length / 1e6).toFixed(1)} MB written in ${((performance.now() - written) / 1000).toFixed(1)} s; ${READERS} readers`,
    );

    const { server } = await startSkillshelfReady(context, { DATABASE_URL: databaseUrl });
    try {
      const origin = server.origin;
      // The server's own idea of its origin (BASE_URL's default): what a browser's form posts carry.
      const site = `http://localhost:${server.port}`;
      // As a browser does: the form's page first (its CSRF token, and the anonymous cookie it is tied
      // to), then the post with both.
      const cookies = new Map<string, string>();
      const keep = (response: Response) => {
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(";");
          const at = pair.indexOf("=");
          cookies.set(pair.slice(0, at), pair.slice(at + 1));
        }
      };
      const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      const tokenOf = async (path: string) => {
        const page = await fetch(`${origin}${path}`, { headers: { cookie: cookieHeader() } });
        keep(page);
        const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
        if (!token) throw new Error(`no form token on ${path} (${page.status})`);
        return token;
      };
      const signInToken = await tokenOf("/en/sign-in");
      const signIn = await fetch(`${origin}/en/sign-in`, {
        method: "POST",
        headers: { origin: site, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
        body: new URLSearchParams({ email, password: PASSWORD, _csrf: signInToken }).toString(),
        redirect: "manual",
      });
      keep(signIn);
      if (signIn.status !== 303)
        throw new Error(
          `sign-in answered ${signIn.status} (cookies: ${cookieHeader()}; site ${site}; origin ${origin})`,
        );
      const uploadToken = await tokenOf("/en/editor/import");
      const cookie = cookieHeader();
      const areaUrl = `${origin}${AREA_PAGE_PATH}`;
      const upload = async () => {
        const form = new FormData();
        form.set("file", new File([workbook], "bench.xlsx"));
        form.set("sheet_title", "Bench upload");
        form.set("_csrf", uploadToken);
        const started = performance.now();
        const response = await fetch(`${origin}/en/editor/import/upload`, {
          method: "POST",
          headers: { origin: site, cookie },
          body: form,
          signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
        });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`the upload answered ${response.status}: ${html.slice(0, 300)}`);
        return performance.now() - started;
      };

      await read(
        areaUrl,
        (() => {
          const end = performance.now() + 1000;
          return () => performance.now() > end;
        })(),
      ); // warm-up
      const ratios: number[] = [];
      const during: number[] = [];
      const slowest: number[] = [];
      const previews: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const idleEnd = performance.now() + IDLE_SECONDS * 1000;
        const idle = await read(areaUrl, () => performance.now() > idleEnd);
        let uploading = true;
        const uploaded = upload().finally(() => {
          uploading = false;
        });
        const busy = await read(areaUrl, () => !uploading);
        const ms = await uploaded;
        const idleP99 = percentile(idle, 99);
        const busyP99 = percentile(busy, 99);
        ratios.push(busyP99 / idleP99);
        during.push(busyP99);
        slowest.push(Math.max(...busy));
        previews.push(ms);
        console.log(
          `  round ${round}: idle p99 ${idleP99.toFixed(1)} ms (${idle.length} requests), during the upload p99 ${busyP99.toFixed(1)} ms (${busy.length} requests, max ${Math.max(...busy).toFixed(0)} ms), upload ${(ms / 1000).toFixed(1)} s`,
        );
      }
      report("upload_reader_p99_ratio", median(ratios), `median of ${ROUNDS} rounds`);
      // The slowest reads are those that needed the database while the dry run's transaction held it.
      report(
        "upload_reader_p99_ms",
        median(during),
        `slowest read per round: ${slowest.map((v) => v.toFixed(0)).join(", ")} ms`,
      );
      report("upload_preview_s", median(previews) / 1000, `${(workbook.length / 1e6).toFixed(1)} MB workbook`);
    } finally {
      await server.stop();
    }
  },
};
