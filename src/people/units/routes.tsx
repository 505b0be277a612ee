/**
 * The units pages under /{lang}/orgs/:org/units: everyone of the organisation reads the tree; its
 * administrators add, rename, move, set heads and delete. The policy decides (requireInOrganisation);
 * a unit id from another organisation is unknown here (404), as the store looks units up within
 * the organisation of the address.
 */
import { type Context, Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import { can } from "../../policy/index.ts";
import { type FieldErrors, type FormValues, parseForm } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { type OrganisationEnv, requireInOrganisation } from "../context.ts";
import { echo } from "../organisations/admin-routes.tsx";
import { authorOf } from "../organisations/changes.ts";
import { bodyOf, frameOf } from "../organisations/routes.tsx";
import { orgUrls } from "../organisations/urls.ts";
import { newUnitForm, unitHeadForm, unitMoveForm, unitNamesForm, unitParentForm } from "./schemas.ts";
import {
  addUnit,
  deleteUnit,
  deletionEffects,
  findUnit,
  HeadNotFoundError,
  listUnits,
  moveUnit,
  renameUnit,
  setUnitHead,
  UnitNotFoundError,
  unitPlaces,
} from "./store.ts";
import { descendantsOf } from "./tree.ts";
import { UnitPage, type UnitPageProps, UnitsPage, type UnitsPageProps, unitName } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;

const author = (c: Ctx) => authorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);
const orgId = (c: Ctx) => c.var.organisation.id;

/** What a redirect back to the tree says was done, and to which unit. */
const DONE = ["added", "moved", "deleted"] as const;

export function unitRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const read = requireInOrganisation("organisation.read");
  const administer = requireInOrganisation("organisation.administer");
  const t = (c: Ctx) => messages(c.var.lang);

  const treePage = async (
    c: Ctx,
    props: Pick<UnitsPageProps, "notice" | "message" | "values" | "errors">,
    status: Status = 200,
  ) => {
    const resource = { kind: "organisation", organisationId: orgId(c) } as const;
    const edit = c.var.orgActor !== null && can(c.var.orgActor, "organisation.administer", resource);
    return renderPrivatePage(
      c,
      <UnitsPage {...frameOf(c)} units={await listUnits(c.var.db, orgId(c))} edit={edit} {...props} />,
      t(c).unitsTitle,
      status,
    );
  };

  /** Back to the tree at the unit concerned, saying what was done. */
  const backToTree = (c: Ctx, done: (typeof DONE)[number], unitId: string, name?: string) => {
    const query = new URLSearchParams({ done, unit: unitId });
    if (name) query.set("name", name.slice(0, 200));
    const anchor = done === "deleted" ? "" : `#unit-${unitId}`;
    return c.redirect(`${orgUrls.units(c.var.lang, c.var.organisation.slug)}?${query}${anchor}`, 303);
  };

  app.get("/", read, async (c) => {
    const done = c.req.query("done");
    const unit = done ? await findUnit(c.var.db, orgId(c), c.req.query("unit") ?? "") : undefined;
    const name = unit ? unitName(unit, c.var.lang) : (c.req.query("name") ?? "").slice(0, 200);
    const notice =
      done === "added" && unit
        ? t(c).unitsAdded(name)
        : done === "moved" && unit
          ? t(c).unitMoved(name)
          : done === "deleted" && !unit && name
            ? t(c).unitDeleted(name)
            : undefined;
    return treePage(c, { notice });
  });

  app.post("/", administer, async (c) => {
    const body = await bodyOf(c);
    const values = echo(body, ["name_en", "name_fr", "parent"]);
    const parsed = parseForm(newUnitForm, body);
    if (!parsed.ok) return treePage(c, { values, errors: parsed.errors }, 400);
    try {
      const { name_en, name_fr, parent } = parsed.data;
      const unit = await addUnit(c.var.db, orgId(c), { name_en, name_fr, parent_id: parent }, author(c));
      return backToTree(c, "added", unit.id);
    } catch (error) {
      if (!(error instanceof UnitNotFoundError)) throw error;
      return treePage(c, { values, errors: { parent: "formChoose" } }, 400);
    }
  });

  const unitPage = async (
    c: Ctx,
    unitId: string,
    props: Pick<UnitPageProps, "notice" | "refused">,
    status: Status = 200,
  ) => {
    const units = await listUnits(c.var.db, orgId(c));
    const unit = units.find((u) => u.id === unitId);
    if (!unit) return c.notFound();
    return renderPrivatePage(
      c,
      <UnitPage
        {...frameOf(c)}
        unit={unit}
        units={units}
        descendants={new Set(descendantsOf(unit.id, unitPlaces(units)))}
        effects={await deletionEffects(c.var.db, orgId(c), unit.id)}
        {...props}
      />,
      unitName(unit, c.var.lang),
      status,
    );
  };

  /** A unit route's work; an unknown unit (or another organisation's) answers 404. */
  const onUnit =
    (work: (c: Ctx, unitId: string) => Promise<Response>) =>
    async (c: Ctx): Promise<Response> => {
      const unitId = c.req.param("unit") ?? "";
      try {
        return await work(c, unitId);
      } catch (error) {
        if (error instanceof UnitNotFoundError) return c.notFound();
        throw error;
      }
    };

  app.get(
    "/:unit",
    administer,
    onUnit((c, unitId) => unitPage(c, unitId, {})),
  );

  const refusedOn = (
    c: Ctx,
    unitId: string,
    form: "rename" | "parent" | "head",
    values: FormValues,
    errors: FieldErrors,
  ) => unitPage(c, unitId, { refused: { form, values, errors } }, 400);

  app.post(
    "/:unit/rename",
    administer,
    onUnit(async (c, unitId) => {
      const body = await bodyOf(c);
      const parsed = parseForm(unitNamesForm, body);
      if (!parsed.ok) return refusedOn(c, unitId, "rename", echo(body, ["name_en", "name_fr"]), parsed.errors);
      await renameUnit(c.var.db, orgId(c), unitId, parsed.data, author(c));
      return unitPage(c, unitId, { notice: t(c).unitRenamed });
    }),
  );

  app.post(
    "/:unit/move",
    administer,
    onUnit(async (c, unitId) => {
      const parsed = parseForm(unitMoveForm, await bodyOf(c));
      if (!(await findUnit(c.var.db, orgId(c), unitId))) return c.notFound();
      if (!parsed.ok) return treePage(c, { message: t(c).unitCannotMove }, 400);
      const moved = await moveUnit(c.var.db, orgId(c), unitId, { kind: parsed.data.direction }, author(c));
      if (!moved.ok) return treePage(c, { message: t(c).unitCannotMove }, 400);
      return backToTree(c, "moved", unitId);
    }),
  );

  app.post(
    "/:unit/parent",
    administer,
    onUnit(async (c, unitId) => {
      const body = await bodyOf(c);
      const values = echo(body, ["parent"]);
      const parsed = parseForm(unitParentForm, body);
      if (!parsed.ok) return refusedOn(c, unitId, "parent", values, parsed.errors);
      if (!(await findUnit(c.var.db, orgId(c), unitId))) return c.notFound();
      const moved = await moveUnit(
        c.var.db,
        orgId(c),
        unitId,
        { kind: "under", parentId: parsed.data.parent },
        author(c),
      );
      if (moved.ok) return backToTree(c, "moved", unitId);
      const why =
        moved.why === "cycle" ? "unitCannotMoveUnder" : moved.why === "unknown" ? "formChoose" : "unitCannotMove";
      return refusedOn(c, unitId, "parent", values, { parent: why });
    }),
  );

  app.post(
    "/:unit/head",
    administer,
    onUnit(async (c, unitId) => {
      const body = await bodyOf(c);
      const values = echo(body, ["employee_number"]);
      const parsed = parseForm(unitHeadForm, body);
      if (!parsed.ok) return refusedOn(c, unitId, "head", values, parsed.errors);
      try {
        await setUnitHead(c.var.db, orgId(c), unitId, parsed.data.employee_number, author(c));
      } catch (error) {
        if (!(error instanceof HeadNotFoundError)) throw error;
        return refusedOn(c, unitId, "head", values, { employee_number: "unitHeadUnknown" });
      }
      return unitPage(c, unitId, { notice: t(c).unitHeadSaved });
    }),
  );

  app.post(
    "/:unit/delete",
    administer,
    onUnit(async (c, unitId) => {
      const unit = await deleteUnit(c.var.db, orgId(c), unitId, author(c));
      return backToTree(c, "deleted", unit.id, unitName(unit, c.var.lang));
    }),
  );

  return app;
}
