/**
 * A staff file between its preview and its confirmation. The bytes wait in the database
 * (`import_uploads`, as the framework import wizard keeps its uploads), so any server process can
 * confirm it (decision 020) and what is confirmed is exactly what was previewed, read and checked
 * again. The browser holds only a random token; an upload belongs to the account that sent it and to
 * one organisation, and expires after an hour: anyone else's, or an expired one, is unknown.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/schema.ts";

const TTL_MS = 60 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

const metaSchema = z.object({
  v: z.literal(1),
  kind: z.literal("staff"),
  organisationId: z.string(),
  name: z.string(),
  createUnits: z.boolean(),
  markMissingAsLeft: z.boolean(),
  dateOrder: z.enum(["dmy", "mdy"]),
});
export type StaffUploadMeta = Omit<z.infer<typeof metaSchema>, "v" | "kind">;

export const isStaffUploadToken = (value: string) => TOKEN.test(value);

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function saveStaffUpload(
  db: Kysely<DB>,
  userId: string,
  meta: StaffUploadMeta,
  bytes: Uint8Array,
  now = Date.now(),
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("import_uploads").where("expires_at", "<=", new Date(now).toISOString()).execute();
    await trx
      .insertInto("import_uploads")
      .values({
        token,
        user_id: userId,
        meta: JSON.stringify({ v: 1, kind: "staff", ...meta }),
        bytes: asBuffer(bytes),
        size: bytes.byteLength,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + TTL_MS).toISOString(),
      })
      .execute();
  });
  return token;
}

export async function loadStaffUpload(
  db: Kysely<DB>,
  token: string,
  userId: string,
  organisationId: string,
  now = Date.now(),
): Promise<{ meta: StaffUploadMeta; bytes: Uint8Array } | undefined> {
  if (!isStaffUploadToken(token)) return undefined;
  const row = await db
    .selectFrom("import_uploads")
    .select(["meta", "bytes", "expires_at"])
    .where("token", "=", token)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row || row.expires_at <= new Date(now).toISOString()) return undefined;
  let parsed: z.infer<typeof metaSchema>;
  try {
    parsed = metaSchema.parse(JSON.parse(row.meta));
  } catch {
    // The framework wizard's uploads share the table: those are not staff files.
    return undefined;
  }
  if (parsed.organisationId !== organisationId) return undefined;
  const { v: _v, kind: _kind, ...meta } = parsed;
  return { meta, bytes: new Uint8Array(row.bytes) };
}

export async function removeStaffUpload(db: Kysely<DB>, token: string): Promise<void> {
  if (isStaffUploadToken(token)) await db.deleteFrom("import_uploads").where("token", "=", token).execute();
}
