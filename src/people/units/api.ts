/**
 * Units in the signed-in API (/api/v1/orgs/:org/units), read by anyone of the organisation, as the
 * units page is: the tree in reading order, each unit with its depth, position and head. Its
 * administrators add, rename, move and delete units here as on the page, through the same store (so
 * the same checks and the same change history). Documented in src/api/openapi.ts (schemas
 * OrganisationUnit, OrganisationUnitList, UnitInput, UnitPatch, InvalidUnit).
 */
import { type Context, Hono } from "hono";
import { type Lang, messages } from "../../i18n/index.ts";
import { type FieldErrors, fieldErrors, translateErrors } from "../../ui/forms/index.ts";
import { type OrganisationEnv, requireInOrganisation } from "../context.ts";
import { authorOf } from "../organisations/changes.ts";
import { newUnitJson, unitPatchJson } from "./schemas.ts";
import { addUnit, deleteUnit, listUnits, moveUnit, renameUnit, UnitNotFoundError, type UnitView } from "./store.ts";
import { buildTree, flatten } from "./tree.ts";

export interface UnitJson {
  id: string;
  parentId: string | null;
  name: { en: string; fr: string };
  /** 1 for the first among its siblings. */
  position: number;
  /** 0 for a top-level unit. */
  depth: number;
  head: { personId: string; name: string } | null;
}

function unitsInOrder(units: UnitView[]): UnitJson[] {
  const tree = buildTree(units.map((u) => ({ ...u, parentId: u.parent_id })));
  const positions = new Map<string, number>();
  const number = (nodes: typeof tree) =>
    nodes.forEach((node, index) => {
      positions.set(node.unit.id, index + 1);
      number(node.children);
    });
  number(tree);
  return flatten(tree).map(({ unit, depth }) => ({
    id: unit.id,
    parentId: unit.parent_id,
    name: { en: unit.name_en, fr: unit.name_fr },
    position: positions.get(unit.id) ?? 1,
    depth,
    head: unit.head_person_id && unit.head_name ? { personId: unit.head_person_id, name: unit.head_name } : null,
  }));
}

const noStore = (c: Context<OrganisationEnv>) => c.header("cache-control", "private, no-store");

function invalid(c: Context<OrganisationEnv>, status: 400 | 409, errors: FieldErrors) {
  const lang: Lang = c.var.lang;
  noStore(c);
  return c.json(
    {
      error: status === 400 ? "invalid" : "conflict",
      message: messages(lang).formErrorSummary,
      fields: translateErrors(lang, errors).fields,
    },
    status,
  );
}

async function jsonBody(c: Context<OrganisationEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

const author = (c: Context<OrganisationEnv>) =>
  authorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);

async function unitJson(c: Context<OrganisationEnv>, unitId: string): Promise<UnitJson | undefined> {
  return unitsInOrder(await listUnits(c.var.db, c.var.organisation.id)).find((u) => u.id === unitId);
}

const MOVE_REFUSALS = { unknown: "formChoose", cannot: "unitCannotMove", cycle: "unitCannotMoveUnder" } as const;

export function unitApi(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const read = requireInOrganisation("organisation.read");

  app.get("/", read, async (c) => {
    const organisation = c.var.organisation;
    noStore(c);
    return c.json({
      organisation: { slug: organisation.slug, name: { en: organisation.name_en, fr: organisation.name_fr } },
      units: unitsInOrder(await listUnits(c.var.db, organisation.id)),
    });
  });

  app.get("/:unit", read, async (c) => {
    const unit = unitsInOrder(await listUnits(c.var.db, c.var.organisation.id)).find(
      (u) => u.id === c.req.param("unit"),
    );
    if (!unit) return c.notFound();
    noStore(c);
    return c.json(unit);
  });

  const administer = requireInOrganisation("organisation.administer");

  app.post("/", administer, async (c) => {
    const parsed = newUnitJson.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) return invalid(c, 400, fieldErrors(parsed.error));
    const { name, parentId } = parsed.data;
    try {
      const unit = await addUnit(
        c.var.db,
        c.var.organisation.id,
        { name_en: name.en, name_fr: name.fr, parent_id: parentId ?? null },
        author(c),
      );
      noStore(c);
      return c.json(await unitJson(c, unit.id), 201);
    } catch (error) {
      if (error instanceof UnitNotFoundError) return invalid(c, 409, { parentId: MOVE_REFUSALS.unknown });
      throw error;
    }
  });

  app.patch("/:unit", administer, async (c) => {
    const unitId = c.req.param("unit");
    if (!(await unitJson(c, unitId))) return c.notFound();
    const parsed = unitPatchJson.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) return invalid(c, 400, fieldErrors(parsed.error));
    const { name, parentId } = parsed.data;
    if (name)
      await renameUnit(c.var.db, c.var.organisation.id, unitId, { name_en: name.en, name_fr: name.fr }, author(c));
    if (parentId !== undefined) {
      const moved = await moveUnit(c.var.db, c.var.organisation.id, unitId, { kind: "under", parentId }, author(c));
      if (!moved.ok) return invalid(c, 409, { parentId: MOVE_REFUSALS[moved.why] });
    }
    noStore(c);
    return c.json(await unitJson(c, unitId));
  });

  app.delete("/:unit", administer, async (c) => {
    try {
      await deleteUnit(c.var.db, c.var.organisation.id, c.req.param("unit"), author(c));
    } catch (error) {
      if (error instanceof UnitNotFoundError) return c.notFound();
      throw error;
    }
    noStore(c);
    return c.body(null, 204);
  });

  return app;
}
