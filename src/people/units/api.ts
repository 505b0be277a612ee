/**
 * Units in the signed-in API (/api/v1/orgs/:org/units), read by anyone of the organisation, as the
 * units page is: the tree in reading order, each unit with its depth, position and head. Documented
 * in src/api/openapi.ts (schemas OrganisationUnit and OrganisationUnitList).
 */
import { type Context, Hono } from "hono";
import { type OrganisationEnv, requireInOrganisation } from "../context.ts";
import { listUnits, type UnitView } from "./store.ts";
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

  return app;
}
