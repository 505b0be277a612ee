/**
 * Per-item upstream tracking for adopted frameworks (decision 011): for each upstream item, the
 * upstream edition whose state the draft last took or left. It replaces `adoption_decisions`, which
 * remembered a fingerprint of the upstream state decided on; each such decision is carried over as
 * the newest upstream edition whose change for that item had that fingerprint, so an adoption made
 * before this migration asks nothing again. Self-contained: reads the snapshots' JSON itself, so a
 * later change to the application's code cannot change what this migration does.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";

interface SnapshotItem {
  id: string;
  type: string;
  code: string | null;
  statement: { en: string | null; fr: string | null };
  description: { en: string | null; fr: string | null };
  children: SnapshotItem[];
}

type Flat = Record<string, string | null>;

function flatten(items: SnapshotItem[], parentId: string | null, out: Map<string, Flat>): Map<string, Flat> {
  for (const item of items) {
    out.set(item.id, {
      code: item.code,
      type: item.type,
      statement_en: item.statement.en,
      statement_fr: item.statement.fr,
      description_en: item.description.en,
      description_fr: item.description.fr,
      parent_id: parentId,
    });
    flatten(item.children ?? [], item.id, out);
  }
  return out;
}

/** The fields and their order the fingerprints of migration 004's era were made of. */
const COMPARED = ["code", "type", "statement_en", "statement_fr", "description_en", "description_fr", "parent_id"];

const legacyFingerprint = (kind: string, id: string, state: Flat | null) =>
  createHash("sha256")
    .update(JSON.stringify([kind, id, state && COMPARED.map((f) => state[f])]))
    .digest("hex")
    .slice(0, 32);

/** Fingerprint → kind of every change between the adopted edition and a later one. */
function legacyChanges(adopted: Map<string, Flat>, later: Map<string, Flat>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [id, item] of later) {
    const before = adopted.get(id);
    if (!before) found.set(legacyFingerprint("added", id, item), "added");
    else if (COMPARED.some((f) => (before[f] ?? null) !== (item[f] ?? null)))
      found.set(legacyFingerprint("changed", id, item), "changed");
  }
  for (const id of adopted.keys()) if (!later.has(id)) found.set(legacyFingerprint("removed", id, null), "removed");
  return found;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their time, not today's DB interface
type AnyDB = Kysely<any>;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("adoption_items")
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    .addColumn("source_item_id", "varchar(36)", (c) => c.notNull())
    // The upstream edition whose state of the item was last taken or left.
    .addColumn("edition", "integer", (c) => c.notNull())
    .addColumn("decision", "varchar(10)", (c) => c.notNull())
    .addColumn("kind", "varchar(10)", (c) => c.notNull())
    .addColumn("actor_id", "varchar(64)")
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addPrimaryKeyConstraint("adoption_items_pk", ["framework_id", "source_item_id"])
    .execute();
  await carryOverDecisions(db as AnyDB);
  await db.schema.dropTable("adoption_decisions").execute();
}

async function carryOverDecisions(db: AnyDB): Promise<void> {
  const adoptions = await db
    .selectFrom("adoptions")
    .select(["framework_id", "source_framework_id", "adopted_edition"])
    .execute();
  for (const adoption of adoptions) {
    const decisions = await db
      .selectFrom("adoption_decisions")
      .select(["source_item_id", "fingerprint", "decision", "actor_id", "at"])
      .where("framework_id", "=", adoption.framework_id)
      .orderBy("at")
      .execute();
    if (decisions.length === 0) continue;
    const adoptedNumber = Number(adoption.adopted_edition);
    const editions = await db
      .selectFrom("editions")
      .select(["number", "snapshot"])
      .where("framework_id", "=", adoption.source_framework_id)
      .where("number", ">=", adoptedNumber)
      .orderBy("number", "desc")
      .execute();
    const adoptedRow = editions.find((e) => Number(e.number) === adoptedNumber);
    if (!adoptedRow) continue;
    const adopted = flatten(JSON.parse(adoptedRow.snapshot).children ?? [], null, new Map());
    // Newest first, so the first edition found for a decision is the newest with that upstream state.
    const changesByEdition = editions
      .filter((e) => Number(e.number) > adoptedNumber)
      .map((e) => ({
        number: Number(e.number),
        changes: legacyChanges(adopted, flatten(JSON.parse(e.snapshot).children ?? [], null, new Map())),
      }));
    const carried = new Map<string, Record<string, unknown>>();
    for (const decision of decisions) {
      const match = changesByEdition.find((e) => e.changes.has(decision.fingerprint));
      if (!match) continue;
      const previous = carried.get(decision.source_item_id);
      if (previous && Number(previous.edition) > match.number) continue;
      carried.set(decision.source_item_id, {
        framework_id: adoption.framework_id,
        source_item_id: decision.source_item_id,
        edition: match.number,
        decision: decision.decision,
        kind: match.changes.get(decision.fingerprint),
        actor_id: decision.actor_id,
        at: decision.at,
      });
    }
    const rows = [...carried.values()];
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto("adoption_items")
        .values(rows.slice(i, i + 200))
        .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Going back loses the per-item tracking: adopted frameworks would ask again about decided changes.
  await db.schema
    .createTable("adoption_decisions")
    .addColumn("framework_id", "varchar(36)", (c) => c.notNull().references("frameworks.id").onDelete("cascade"))
    .addColumn("source_item_id", "varchar(36)", (c) => c.notNull())
    .addColumn("fingerprint", "varchar(64)", (c) => c.notNull())
    .addColumn("decision", "varchar(10)", (c) => c.notNull())
    .addColumn("actor_id", "varchar(64)")
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addPrimaryKeyConstraint("adoption_decisions_pk", ["framework_id", "source_item_id", "fingerprint"])
    .execute();
  await db.schema.dropTable("adoption_items").execute();
}
