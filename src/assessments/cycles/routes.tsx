/**
 * The review cycle pages under /{lang}/orgs/:org/cycles (issue 15, decision 040): the list, a new or
 * edited draft, one cycle with its actions (open, add joiners, extend, close, reopen), and HR's
 * progress with its CSV and XLSX. The organisation's administrators only (`cycles.manage`): a member
 * is refused with 403, anyone else with 404, as every organisation page does (requireInOrganisation).
 * Every action is a real form answered by a redirect (303) or the page again with what was wrong.
 */
import { type Context, Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import type { OrganisationEnv } from "../../people/context.ts";
import { organisationTimeZone, requireInOrganisation } from "../../people/context.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { bodyOf, frameOf } from "../../people/organisations/routes.tsx";
import { organisationScaleId } from "../../profiles/scales/read.ts";
import type { FieldErrors, FormValues } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { CYCLE_STEPS, checkCycleForm, checkExtension, dueField } from "./form.ts";
import { dayOf } from "./progress.ts";
import { cycleProgress, progressCsv, progressXlsx } from "./progress-read.ts";
import {
  type Cycle,
  CycleConflictError,
  CycleInvalidError,
  CycleNotFoundError,
  closeCycle,
  createCycle,
  cycleScales,
  extendCycle,
  findCycle,
  listCycles,
  openAndRecord,
  peopleAsLines,
  reopenCycle,
  updateDraft,
} from "./store.ts";
import { cycleUrls } from "./urls.ts";
import { CyclePage, type CyclePageProps } from "./views/detail.tsx";
import { type CycleFormChoices, CycleFormPage } from "./views/form.tsx";
import { CyclesPage } from "./views/list.tsx";
import { ProgressPage } from "./views/progress.tsx";

type Ctx = Context<OrganisationEnv>;

const actor = (c: Ctx) => authorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);
const t = (c: Ctx) => messages(c.var.lang);

const TEXT_FIELDS = ["name_en", "name_fr", "period_start", "period_end", "scale", "people", "leaver_rule"] as const;

/** The whole form, every value of a repeated field (the ticked units and profiles) included. */
async function fullBody(c: Ctx): Promise<Record<string, string | string[]>> {
  const base = await bodyOf(c);
  let all: Record<string, unknown> = {};
  try {
    all = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    // The request-protection middleware already refused an unreadable body; nothing more to read.
  }
  const body: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries({ ...base, ...all })) {
    if (typeof value === "string") body[name] = value;
    else if (Array.isArray(value)) body[name] = value.filter((v): v is string => typeof v === "string");
  }
  return body;
}

const listOf = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The text the form showed, for showing it again after a refusal. */
function echo(body: Record<string, string | string[]>): FormValues {
  const values: FormValues = {};
  for (const name of [...TEXT_FIELDS, ...CYCLE_STEPS.map(dueField), "period_end"]) {
    const value = body[name];
    if (typeof value === "string") values[name] = value.slice(0, 200_000);
  }
  return values;
}

async function formChoices(c: Ctx): Promise<CycleFormChoices> {
  const organisationId = c.var.organisation.id;
  const [units, profiles, scales] = await Promise.all([
    c.var.db
      .selectFrom("units")
      .select(["id", "name_en", "name_fr"])
      .where("organisation_id", "=", organisationId)
      .orderBy(c.var.lang === "fr" ? "name_fr" : "name_en")
      .execute(),
    c.var.db
      .selectFrom("job_profiles")
      .select(["id", "title_en", "title_fr"])
      .where("organisation_id", "=", organisationId)
      .orderBy(c.var.lang === "fr" ? "title_fr" : "title_en")
      .execute(),
    cycleScales(c.var.db, organisationId),
  ]);
  return { units, profiles, scales };
}

export function cycleRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const manage = requireInOrganisation("cycles.manage");
  app.use("*", manage);

  const formPage = async (
    c: Ctx,
    props: {
      values: FormValues;
      units?: readonly string[];
      profiles?: readonly string[];
      editing?: { id: string; name: string; version: number };
      errors?: FieldErrors;
      message?: string;
    },
    status: Status = 200,
  ) =>
    renderPrivatePage(
      c,
      <CycleFormPage
        frame={frameOf(c)}
        choices={await formChoices(c)}
        values={props.values}
        units={props.units ?? []}
        profiles={props.profiles ?? []}
        editing={props.editing}
        errors={props.errors}
        message={props.message}
      />,
      props.editing ? t(c).cyclesEditTitle(props.editing.name) : t(c).cyclesNewTitle,
      status,
    );

  const cyclePage = async (
    c: Ctx,
    cycle: Cycle,
    props: Pick<CyclePageProps, "notice" | "message" | "extension">,
    status: Status = 200,
  ) => {
    const [scale, count] = await Promise.all([
      c.var.db
        .selectFrom("proficiency_scales")
        .select(["name_en", "name_fr"])
        .where("id", "=", cycle.scaleId)
        .executeTakeFirst(),
      c.var.db
        .selectFrom("assessments")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("cycle_id", "=", cycle.id)
        .executeTakeFirst(),
    ]);
    return renderPrivatePage(
      c,
      <CyclePage
        frame={frameOf(c)}
        cycle={cycle}
        scaleName={scale ? (c.var.lang === "fr" ? scale.name_fr : scale.name_en) : ""}
        assessments={Number(count?.n ?? 0)}
        {...props}
      />,
      cycle.name[c.var.lang],
      status,
    );
  };

  const loadCycle = (c: Ctx) => findCycle(c.var.db, c.var.organisation.id, c.req.param("cycle") ?? "");
  const versionOf = (body: Record<string, string | string[]>) => {
    const value = Number(body.version);
    return Number.isInteger(value) && value > 0 ? value : -1;
  };
  const toCycle = (c: Ctx, id: string, done?: string) =>
    c.redirect(`${cycleUrls.cycle(c.var.lang, c.var.organisation.slug, id)}${done ? `?done=${done}` : ""}`, 303);

  /** A refused action: the cycle as it is now, saying so (404 when it is not this organisation's). */
  const outdated = async (c: Ctx, error: unknown) => {
    if (error instanceof CycleNotFoundError) return c.notFound();
    if (!(error instanceof CycleConflictError)) throw error;
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    return cyclePage(c, cycle, { message: t(c).cyclesOutdated }, 409);
  };

  app.get("/", async (c) => {
    const cycles = await listCycles(c.var.db, c.var.organisation.id);
    return renderPrivatePage(c, <CyclesPage frame={frameOf(c)} cycles={cycles} />, t(c).cyclesTitle);
  });

  app.get("/new", async (c) =>
    formPage(c, {
      values: { scale: await organisationScaleId(c.var.db, c.var.organisation.id), leaver_rule: "keep" },
    }),
  );

  app.post("/", async (c) => {
    const body = await fullBody(c);
    const kept = { values: echo(body), units: listOf(body.units), profiles: listOf(body.profiles) };
    const checked = checkCycleForm(body);
    if (!checked.ok) return formPage(c, { ...kept, errors: checked.errors }, 400);
    try {
      const cycle = await createCycle(c.var.db, c.var.organisation.id, checked.data, actor(c));
      return toCycle(c, cycle.id, "created");
    } catch (error) {
      if (error instanceof CycleInvalidError) return formPage(c, { ...kept, errors: error.errors }, 400);
      throw error;
    }
  });

  const DONE = {
    created: "cyclesCreated",
    saved: "cyclesSaved",
    extended: "cyclesExtended",
    closed: "cyclesClosed",
  } as const;

  app.get("/:cycle", async (c) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    const done = c.req.query("done") ?? "";
    let notice: string | undefined = done in DONE ? t(c)[DONE[done as keyof typeof DONE]] : undefined;
    const opened = /^opened-(\d{1,7})-(\d{1,7})$/.exec(done);
    if (opened) notice = t(c).cyclesOpened(Number(opened[1]), Number(opened[2]));
    return cyclePage(c, cycle, { notice });
  });

  app.get("/:cycle/edit", async (c) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    if (cycle.state !== "draft") return toCycle(c, cycle.id);
    return formPage(c, {
      values: {
        name_en: cycle.name.en,
        name_fr: cycle.name.fr,
        period_start: cycle.periodStart,
        period_end: cycle.periodEnd,
        scale: cycle.scaleId,
        leaver_rule: cycle.leaverRule,
        people: await peopleAsLines(c.var.db, cycle.organisationId, cycle.selection.people),
        ...Object.fromEntries(CYCLE_STEPS.map((step) => [dueField(step), cycle.due[step]])),
      },
      units: cycle.selection.units,
      profiles: cycle.selection.profiles,
      editing: { id: cycle.id, name: cycle.name[c.var.lang], version: cycle.version },
    });
  });

  app.post("/:cycle/edit", async (c) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    const body = await fullBody(c);
    const kept = { values: echo(body), units: listOf(body.units), profiles: listOf(body.profiles) };
    const editing = { id: cycle.id, name: cycle.name[c.var.lang], version: versionOf(body) };
    if (cycle.state !== "draft") return cyclePage(c, cycle, { message: t(c).cyclesOutdated }, 409);
    const checked = checkCycleForm(body);
    if (!checked.ok) return formPage(c, { ...kept, editing, errors: checked.errors }, 400);
    try {
      await updateDraft(c.var.db, cycle.organisationId, cycle.id, editing.version, checked.data, actor(c));
      return toCycle(c, cycle.id, "saved");
    } catch (error) {
      if (error instanceof CycleInvalidError) return formPage(c, { ...kept, editing, errors: error.errors }, 400);
      if (error instanceof CycleConflictError) {
        // The person's entries stay on the page; the form now carries the version saved meanwhile.
        const now = await loadCycle(c);
        if (now?.state !== "draft") return outdated(c, error);
        return formPage(c, { ...kept, editing: { ...editing, version: now.version }, message: t(c).cyclesStale }, 409);
      }
      if (error instanceof CycleNotFoundError) return c.notFound();
      throw error;
    }
  });

  app.post("/:cycle/open", async (c) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    try {
      const report = await openAndRecord(
        c.var.db,
        cycle.organisationId,
        cycle.id,
        versionOf(await fullBody(c)),
        actor(c),
      );
      return toCycle(c, cycle.id, `opened-${report.created}-${report.withoutProfile}`);
    } catch (error) {
      return outdated(c, error);
    }
  });

  app.post("/:cycle/extend", async (c) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    const body = await fullBody(c);
    if (cycle.state === "closed" || versionOf(body) !== cycle.version)
      return cyclePage(c, cycle, { message: t(c).cyclesOutdated }, 409);
    const strings = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string"));
    const checked = checkExtension(strings, {
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
      due: cycle.due,
    });
    if (!checked.ok) return cyclePage(c, cycle, { extension: { values: echo(body), errors: checked.errors } }, 400);
    try {
      await extendCycle(c.var.db, cycle.organisationId, cycle.id, cycle.version, checked.data, actor(c));
      return toCycle(c, cycle.id, "extended");
    } catch (error) {
      return outdated(c, error);
    }
  });

  app.post("/:cycle/close", async (c) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    try {
      await closeCycle(c.var.db, cycle.organisationId, cycle.id, versionOf(await fullBody(c)), actor(c));
      return toCycle(c, cycle.id, "closed");
    } catch (error) {
      return outdated(c, error);
    }
  });

  app.post("/:cycle/reopen", async (c) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    try {
      const report = await reopenCycle(
        c.var.db,
        cycle.organisationId,
        cycle.id,
        versionOf(await fullBody(c)),
        actor(c),
      );
      return toCycle(c, cycle.id, `opened-${report.created}-${report.withoutProfile}`);
    } catch (error) {
      return outdated(c, error);
    }
  });

  const progressFor = async (c: Ctx, cycle: Cycle) => {
    const filter = { unit: (c.req.query("unit") ?? "").slice(0, 36), state: (c.req.query("state") ?? "").slice(0, 12) };
    const today = dayOf(new Date(), organisationTimeZone(c));
    return { filter, today, progress: await cycleProgress(c.var.db, cycle, today, filter) };
  };

  app.get("/:cycle/progress", async (c) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    const { filter, today, progress } = await progressFor(c, cycle);
    return renderPrivatePage(
      c,
      <ProgressPage frame={frameOf(c)} cycle={cycle} progress={progress} today={today} filter={filter} />,
      t(c).cyclesProgressTitle(cycle.name[c.var.lang]),
    );
  });

  const download = (format: "csv" | "xlsx") => async (c: Ctx) => {
    const cycle = await loadCycle(c);
    if (!cycle) return c.notFound();
    const { progress } = await progressFor(c, cycle);
    const lang = c.var.lang;
    const bytes =
      format === "csv" ? progressCsv(progress.rows, lang) : await progressXlsx(progress.rows, lang, cycle.name[lang]);
    return c.body(new Uint8Array(bytes), 200, {
      "content-type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="cycle-progress-${lang}.${format}"`,
      "cache-control": "private, no-store",
    });
  };
  app.get("/:cycle/progress.csv", download("csv"));
  app.get("/:cycle/progress.xlsx", download("xlsx"));

  return app;
}
