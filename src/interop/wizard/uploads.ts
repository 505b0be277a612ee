/**
 * Uploaded files between the wizard's preview and its confirmation. The browser only ever holds a
 * random token; the bytes stay on the server (a temporary folder), so what is confirmed is exactly
 * what was previewed, parsed again and checked again. An upload belongs to the account that sent it
 * and expires after an hour; someone else's or an expired token answers like an unknown one.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { readVersionedJson, type VersionedFormat } from "../../db/stored-json.ts";

export type UploadFormat = "case" | "json" | "xlsx" | "csv";

export interface UploadMeta {
  userId: string;
  format: UploadFormat;
  /** The file's name as the browser sent it (shown, never used as a path). */
  name: string;
  size: number;
  createdAt: string;
  /** "file" (the file's own framework, or a new one), "new" (a copy under `slug`), or "into:SLUG". */
  target: string;
  /** Title for a new framework when the file carries none (a CSV never does). */
  title: string;
  /** Short name of the new framework, for target "new". */
  slug?: string;
  /** The framework id the first parse gave, so a sheet without one imports under the same id it previewed. */
  frameworkId?: string;
}

/** The meta file's format 1 (decision 015): a `v` field, or none in files written before it. */
const metaV1 = z
  .object({
    v: z.literal(1).optional(),
    userId: z.string(),
    format: z.enum(["case", "json", "xlsx", "csv"]),
    name: z.string(),
    size: z.number(),
    createdAt: z.string(),
    target: z.string(),
    title: z.string(),
    slug: z.string().optional(),
    frameworkId: z.string().optional(),
  })
  .transform(({ v: _v, ...meta }): UploadMeta => meta);
const UPLOAD_META: VersionedFormat<UploadMeta> = { 1: metaV1 };
const writeMeta = (meta: UploadMeta) => JSON.stringify({ v: 1, ...meta });

export interface StoredUpload {
  meta: UploadMeta;
  bytes: Uint8Array;
}

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

export const isUploadToken = (value: unknown): value is string => typeof value === "string" && TOKEN.test(value);

export interface UploadStore {
  save(meta: UploadMeta, bytes: Uint8Array): Promise<string>;
  /** The upload, if the token is this account's and has not expired. */
  load(token: string, userId: string): Promise<StoredUpload | undefined>;
  update(token: string, meta: UploadMeta): Promise<void>;
  remove(token: string): Promise<void>;
}

export function createUploadStore(options: { dir?: string; ttlMs?: number; now?: () => number } = {}): UploadStore {
  const dir = options.dir ?? join(tmpdir(), `skillshelf-imports-${process.getuid?.() ?? "user"}`);
  const ttl = options.ttlMs ?? UPLOAD_TTL_MS;
  const now = options.now ?? Date.now;
  const paths = (token: string) => ({ bytes: join(dir, `${token}.bin`), meta: join(dir, `${token}.json`) });

  /** Forgets uploads nobody confirmed. Runs on each save, so the folder never grows without bound. */
  async function sweep(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    const cutoff = now() - ttl;
    await Promise.all(
      names.map(async (name) => {
        const path = join(dir, name);
        const info = await stat(path).catch(() => undefined);
        if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
      }),
    );
  }

  return {
    async save(meta, bytes) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await sweep();
      const token = randomBytes(24).toString("base64url");
      const p = paths(token);
      await writeFile(p.bytes, bytes, { mode: 0o600 });
      await writeFile(p.meta, writeMeta(meta), { mode: 0o600 });
      return token;
    },
    async load(token, userId) {
      if (!isUploadToken(token)) return undefined;
      const p = paths(token);
      try {
        // An unreadable meta file (StoredJsonError) answers like an unknown token, as a missing one does.
        const meta = readVersionedJson(UPLOAD_META, await readFile(p.meta, "utf8"), {
          column: "upload meta file",
          row: "an upload",
        });
        if (meta.userId !== userId || now() - Date.parse(meta.createdAt) > ttl) return undefined;
        return { meta, bytes: new Uint8Array(await readFile(p.bytes)) };
      } catch {
        return undefined;
      }
    },
    async update(token, meta) {
      if (!isUploadToken(token)) return;
      await writeFile(paths(token).meta, writeMeta(meta), { mode: 0o600 });
    },
    async remove(token) {
      if (!isUploadToken(token)) return;
      const p = paths(token);
      await Promise.all([rm(p.bytes, { force: true }), rm(p.meta, { force: true })]);
    },
  };
}
