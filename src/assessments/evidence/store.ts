/**
 * An assessment's evidence in the database (migration 017's `assessment_evidence`): links, and
 * files whose bytes are kept in the row (blob on SQLite, bytea on PostgreSQL) with the media type
 * their bytes showed. Every addition and removal is written to the assessment's history in the same
 * transaction (event "evidence"). Evidence changes neither the assessment's state nor its version:
 * it is its own rows, so adding a file never makes someone's unsaved ratings look outdated.
 * Lists never read the bytes; only a download does.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { isPostgres } from "../../auth/accounts.ts";
import type { DB } from "../../db/schema.ts";
import type { ChangeAuthor } from "../../people/organisations/changes.ts";
import { evidenceFileName } from "./file-name.ts";
import type { EvidenceFileKind } from "./file-types.ts";

export interface EvidenceEntry {
  id: string;
  /** The competency it supports; null for the assessment as a whole. */
  itemId: string | null;
  kind: "link" | "file";
  title: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  createdAt: string;
  createdBy: string | null;
}

export interface EvidenceFile {
  fileName: string;
  mediaType: string;
  size: number;
  bytes: Uint8Array;
}

/** The competency named is not one of the assessment's. */
/** The assessment's files would hold more than the configured total (EVIDENCE_TOTAL_MAX_MB). */
export class EvidenceTotalExceeded extends Error {
  constructor(readonly usedBytes: number) {
    super(`evidence: ${usedBytes} bytes already held`);
  }
}

export class UnknownCompetencyError extends Error {
  constructor(readonly itemId: string) {
    super(`the assessment has no competency ${itemId}`);
  }
}

interface Target {
  assessmentId: string;
  itemId?: string | null;
}

async function checkItem(trx: Transaction<DB>, target: Target) {
  if (!target.itemId) return;
  const item = await trx
    .selectFrom("assessment_items")
    .select("item_id")
    .where("assessment_id", "=", target.assessmentId)
    .where("item_id", "=", target.itemId)
    .executeTakeFirst();
  if (!item) throw new UnknownCompetencyError(target.itemId);
}

async function writeHistory(
  trx: Transaction<DB>,
  assessmentId: string,
  author: ChangeAuthor,
  at: string,
  detail: Record<string, unknown>,
) {
  await trx
    .insertInto("assessment_history")
    .values({
      id: randomUUID(),
      assessment_id: assessmentId,
      at,
      actor_id: author.id,
      actor_label: author.label.slice(0, 300),
      event: "evidence",
      from_state: null,
      to_state: null,
      detail: JSON.stringify(detail),
    })
    .execute();
}

/**
 * Locks the assessment's row on PostgreSQL for the rest of the transaction, so a decision on its
 * evidence (the total, "already there") holds until the commit; SQLite runs one writing transaction
 * at a time.
 */
async function lockAssessment(trx: Transaction<DB>, assessmentId: string) {
  if (isPostgres(trx))
    await trx.selectFrom("assessments").select("id").where("id", "=", assessmentId).forUpdate().execute();
}

const baseRow = (target: Target, author: ChangeAuthor, at: string) => ({
  id: randomUUID(),
  assessment_id: target.assessmentId,
  item_id: target.itemId ?? null,
  created_at: at,
  created_by: author.id,
});

export async function addLink(
  db: Kysely<DB>,
  target: Target & { title: string; url: string },
  author: ChangeAuthor,
  now = new Date(),
): Promise<string> {
  return (await writeLink(db, target, author, now, false)) as string;
}

/**
 * Adds the link unless the same one (competency, title and address) is already there — decided in
 * the transaction with the assessment locked, so two requests at once add it once. Undefined when
 * it was there.
 */
export function addLinkOnce(
  db: Kysely<DB>,
  target: Target & { title: string; url: string },
  author: ChangeAuthor,
  now = new Date(),
): Promise<string | undefined> {
  return writeLink(db, target, author, now, true);
}

async function writeLink(
  db: Kysely<DB>,
  target: Target & { title: string; url: string },
  author: ChangeAuthor,
  now: Date,
  once: boolean,
): Promise<string | undefined> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    await checkItem(trx, target);
    if (once) {
      await lockAssessment(trx, target.assessmentId);
      const same = await trx
        .selectFrom("assessment_evidence")
        .select("id")
        .where("assessment_id", "=", target.assessmentId)
        .where("kind", "=", "link")
        .where((eb) => (target.itemId ? eb("item_id", "=", target.itemId) : eb("item_id", "is", null)))
        .where("title", "=", target.title)
        .where("url", "=", target.url)
        .executeTakeFirst();
      if (same) return undefined;
    }
    const row = {
      ...baseRow(target, author, at),
      kind: "link",
      title: target.title,
      url: target.url,
      file_name: null,
      media_type: null,
      size: null,
      bytes: null,
    };
    await trx.insertInto("assessment_evidence").values(row).execute();
    await writeHistory(trx, target.assessmentId, author, at, {
      action: "added",
      evidence: row.id,
      kind: "link",
      title: row.title,
      url: row.url,
      item: row.item_id,
    });
    return row.id;
  });
}

/** Adds a file whose bytes were already judged (sniff.ts): `kind` and `mediaType` are the verdict's. */
export async function addFile(
  db: Kysely<DB>,
  target: Target & {
    title?: string;
    sentName: string;
    kind: EvidenceFileKind;
    mediaType: string;
    bytes: Uint8Array;
  },
  author: ChangeAuthor,
  now = new Date(),
  totalMaxBytes = Number.POSITIVE_INFINITY,
): Promise<string> {
  const at = now.toISOString();
  const fileName = evidenceFileName(target.sentName, target.kind);
  return db.transaction().execute(async (trx) => {
    await checkItem(trx, target);
    // Two uploads at once cannot both pass the total.
    await lockAssessment(trx, target.assessmentId);
    const held = await trx
      .selectFrom("assessment_evidence")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>("size"), eb.lit(0)).as("bytes"))
      .where("assessment_id", "=", target.assessmentId)
      .executeTakeFirst();
    const used = Number(held?.bytes ?? 0);
    if (used + target.bytes.byteLength > totalMaxBytes) throw new EvidenceTotalExceeded(used);
    const row = {
      ...baseRow(target, author, at),
      kind: "file",
      title: target.title?.trim() || fileName,
      url: null,
      file_name: fileName,
      media_type: target.mediaType,
      size: target.bytes.byteLength,
      bytes: target.bytes,
    };
    await trx.insertInto("assessment_evidence").values(row).execute();
    await writeHistory(trx, target.assessmentId, author, at, {
      action: "added",
      evidence: row.id,
      kind: "file",
      title: row.title,
      file: fileName,
      mediaType: target.mediaType,
      size: row.size,
      item: row.item_id,
    });
    return row.id;
  });
}

export async function listEvidence(db: Kysely<DB>, assessmentId: string): Promise<EvidenceEntry[]> {
  const rows = await db
    .selectFrom("assessment_evidence")
    .select(["id", "item_id", "kind", "title", "url", "file_name", "media_type", "size", "created_at", "created_by"])
    .where("assessment_id", "=", assessmentId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    kind: r.kind === "file" ? "file" : "link",
    title: r.title,
    url: r.url,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size === null ? null : Number(r.size),
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

export async function findEvidence(
  db: Kysely<DB>,
  assessmentId: string,
  evidenceId: string,
): Promise<EvidenceEntry | undefined> {
  return (await listEvidence(db, assessmentId)).find((e) => e.id === evidenceId);
}

/** One file's bytes (undefined for a link, or evidence of another assessment). */
export async function readEvidenceFile(
  db: Kysely<DB>,
  assessmentId: string,
  evidenceId: string,
): Promise<EvidenceFile | undefined> {
  const row = await db
    .selectFrom("assessment_evidence")
    .select(["file_name", "media_type", "size", "bytes"])
    .where("assessment_id", "=", assessmentId)
    .where("id", "=", evidenceId)
    .where("kind", "=", "file")
    .executeTakeFirst();
  if (!row?.bytes || !row.file_name || !row.media_type) return undefined;
  const bytes = row.bytes;
  return {
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

/** Removes one piece of evidence; false when the assessment has no such evidence. */
export async function removeEvidence(
  db: Kysely<DB>,
  assessmentId: string,
  evidenceId: string,
  author: ChangeAuthor,
  now = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("assessment_evidence")
      .select(["kind", "title", "item_id"])
      .where("assessment_id", "=", assessmentId)
      .where("id", "=", evidenceId)
      .executeTakeFirst();
    if (!row) return false;
    await trx
      .deleteFrom("assessment_evidence")
      .where("assessment_id", "=", assessmentId)
      .where("id", "=", evidenceId)
      .execute();
    await writeHistory(trx, assessmentId, author, at, {
      action: "removed",
      evidence: evidenceId,
      kind: row.kind,
      title: row.title,
      item: row.item_id,
    });
    return true;
  });
}
