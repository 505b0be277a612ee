/**
 * Uploaded files between the wizard's preview and its confirmation. The browser only ever holds a
 * random token; the bytes stay on the server, in the database (`import_uploads`, migration 009), so
 * the confirmation may reach any server process over that database (decision 020) and what is
 * confirmed is exactly what was previewed, parsed again and checked again. An upload belongs to the
 * account that sent it and expires after an hour; someone else's or an expired token answers like
 * an unknown one. Expired rows are removed whenever anyone saves a new upload, and each account keeps
 * only its most recent few, so the table cannot grow without bound.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { readVersionedJson, type VersionedFormat } from "../../db/stored-json.ts";
import { DEFAULT_MAX_IMPORT_BYTES } from "../case/model.ts";

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
/** Uploads one account may have waiting at once; saving another forgets the oldest. */
export const UPLOADS_PER_ACCOUNT = 5;

export const isUploadToken = (value: unknown): value is string => typeof value === "string" && TOKEN.test(value);

/** A file larger than the store keeps (the wizard refuses those before it gets here). */
export class UploadTooLargeError extends Error {
  constructor(size: number, max: number) {
    super(`an upload of ${size} bytes is larger than the ${max} bytes kept for confirmation`);
  }
}

export interface UploadStore {
  save(meta: UploadMeta, bytes: Uint8Array): Promise<string>;
  /** The upload, if the token is this account's and has not expired. */
  load(token: string, userId: string): Promise<StoredUpload | undefined>;
  update(token: string, meta: UploadMeta): Promise<void>;
  remove(token: string): Promise<void>;
}

export interface UploadStoreOptions {
  ttlMs?: number;
  now?: () => number;
  maxBytes?: number;
  perAccount?: number;
}

/** better-sqlite3 binds Buffers (not bare Uint8Arrays); pg and PGlite take either. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function createUploadStore(db: Kysely<DB>, options: UploadStoreOptions = {}): UploadStore {
  const ttl = options.ttlMs ?? UPLOAD_TTL_MS;
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const perAccount = options.perAccount ?? UPLOADS_PER_ACCOUNT;
  const iso = (ms: number) => new Date(ms).toISOString();

  return {
    async save(meta, bytes) {
      if (bytes.byteLength > maxBytes) throw new UploadTooLargeError(bytes.byteLength, maxBytes);
      const token = randomBytes(24).toString("base64url");
      const at = now();
      await db.transaction().execute(async (trx) => {
        // Forget uploads nobody confirmed in time, whoever sent them.
        await trx.deleteFrom("import_uploads").where("expires_at", "<=", iso(at)).execute();
        await trx
          .insertInto("import_uploads")
          .values({
            token,
            user_id: meta.userId,
            meta: writeMeta(meta),
            bytes: asBuffer(bytes),
            size: bytes.byteLength,
            created_at: iso(at),
            expires_at: iso(at + ttl),
          })
          .execute();
        // Each account keeps only its latest few: a script re-previewing cannot fill the database.
        const kept = await trx
          .selectFrom("import_uploads")
          .select("token")
          .where("user_id", "=", meta.userId)
          .orderBy("created_at", "desc")
          .orderBy("token")
          .limit(perAccount)
          .execute();
        await trx
          .deleteFrom("import_uploads")
          .where("user_id", "=", meta.userId)
          .where(
            "token",
            "not in",
            kept.map((row) => row.token),
          )
          .execute();
      });
      return token;
    },
    async load(token, userId) {
      if (!isUploadToken(token)) return undefined;
      const row = await db
        .selectFrom("import_uploads")
        .select(["meta", "bytes", "expires_at"])
        .where("token", "=", token)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (!row || row.expires_at <= iso(now())) return undefined;
      try {
        // An unreadable meta (StoredJsonError) answers like an unknown token, as a missing one does.
        const meta = readVersionedJson(UPLOAD_META, row.meta, { column: "import_uploads.meta", row: "an upload" });
        return { meta, bytes: new Uint8Array(row.bytes) };
      } catch {
        return undefined;
      }
    },
    async update(token, meta) {
      if (!isUploadToken(token)) return;
      await db
        .updateTable("import_uploads")
        .set({ meta: writeMeta(meta) })
        .where("token", "=", token)
        .where("user_id", "=", meta.userId)
        .execute();
    },
    async remove(token) {
      if (!isUploadToken(token)) return;
      await db.deleteFrom("import_uploads").where("token", "=", token).execute();
    },
  };
}
