/**
 * Job profile pages under /{lang}/orgs/:org/profiles (issue 14). The policy decides each page:
 * `profiles.list` for the list, the starters and the comparison; `profile.read` for one profile (HR,
 * managers, and a person whose position it is); `profile.edit` for every change. A profile id of
 * another organisation is unknown here (404), as the store looks profiles up within the organisation.
 */
import { Hono } from "hono";
import { starterFrameworkId } from "../../content/starter.ts";
import { loadStarterProfiles, type StarterProfile } from "../../content/starter-profiles.ts";
import { type OrganisationEnv, requireInOrganisation } from "../../people/context.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { can } from "../../policy/index.ts";
import type { FieldErrors } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { editionChanges, readRequirements as pinnedRequirements } from "../requirements/store.ts";
import { organisationScale, readScale } from "../scales/read.ts";
import { compareRequirements, differingFields } from "./compare.ts";
import { jobDocumentRoutes } from "./document-routes.tsx";
import {
  applyListOp,
  type BilingualLine,
  formRows,
  formValues,
  keptRows,
  type ListName,
  parseListOp,
  parseProfileForm,
} from "./fields.ts";
import { assignPosition, listHolders, PersonUnknownError, removePosition } from "./positions.ts";
import { postingManagementRoutes } from "./posting-routes.tsx";
import { listPostings } from "./postings.ts";
import { readRequirements, requirementsOf } from "./requirements.ts";
import { allowed, author, bodyOf, type Ctx, onProfile, orgId, t } from "./route-kit.ts";
import { copyStarterProfile, StarterNotPublishedError } from "./starter-copy.ts";
import {
  CodeTakenError,
  copyProfile,
  createProfile,
  deleteProfile,
  findProfile,
  holderCount,
  listProfiles,
  type Profile,
  ProfileHeldError,
  StaleProfileError,
  UnitUnknownError,
  updateProfile,
} from "./store.ts";
import { profileUrls } from "./urls.ts";
import { ProfileFormPage } from "./views/form.tsx";
import { ComparePage, ProfilesPage, StartersPage } from "./views/list.tsx";
import { DeletePage, ProfilePage, profileTitle } from "./views/profile.tsx";

async function unitsOf(c: Ctx) {
  return c.var.db
    .selectFrom("units")
    .select(["id", "name_en", "name_fr"])
    .where("organisation_id", "=", orgId(c))
    .orderBy("ordinal")
    .orderBy("id")
    .execute();
}

/** The starter profiles, loaded once per process (they are files shipped with the app). */
let starters: { frameworkId: string; profiles: StarterProfile[] } | undefined;
function starterProfiles() {
  if (!starters) {
    const loaded = loadStarterProfiles();
    starters = { frameworkId: starterFrameworkId(loaded.framework.slug), profiles: loaded.profiles };
  }
  return starters;
}

export function profileRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const list = requireInOrganisation("profiles.list");
  const editAny = requireInOrganisation("profile.edit");

  app.get("/", list, async (c) => {
    const q = (c.req.query("q") ?? "").slice(0, 200);
    const unit = (c.req.query("unit") ?? "").slice(0, 36);
    const deleted = (c.req.query("deleted") ?? "").slice(0, 200);
    return renderPrivatePage(
      c,
      <ProfilesPage
        frame={frameOf(c)}
        profiles={await listProfiles(c.var.db, orgId(c), { q, unitId: unit || undefined, lang: c.var.lang })}
        units={await unitsOf(c)}
        q={q}
        unit={unit}
        edit={
          c.var.orgActor !== null &&
          can(c.var.orgActor, "profile.edit", { kind: "organisation", organisationId: orgId(c) })
        }
        notice={deleted ? t(c).profileDeleted(deleted) : undefined}
      />,
      t(c).profilesTitle,
    );
  });

  const formPage = async (
    c: Ctx,
    props: {
      profile?: Profile;
      values: Record<string, string>;
      rows: Record<ListName, BilingualLine[]>;
      errors?: FieldErrors;
      message?: string;
      version?: number;
    },
    status: Status = 200,
  ) => {
    const lang = c.var.lang;
    const slug = c.var.organisation.slug;
    const title = props.profile ? t(c).profileEditTitle(profileTitle(props.profile, lang)) : t(c).profileNewTitle;
    return renderPrivatePage(
      c,
      <ProfileFormPage
        frame={frameOf(c)}
        title={title}
        action={
          props.profile ? profileUrls.action(lang, slug, props.profile.id, "edit") : profileUrls.create(lang, slug)
        }
        version={props.version}
        values={props.values}
        rows={props.rows}
        units={await unitsOf(c)}
        errors={props.errors}
        message={props.message}
        submit={props.profile ? t(c).profileSaveButton : t(c).profileCreateButton}
        cancel={props.profile ? profileUrls.profile(lang, slug, props.profile.id) : undefined}
      />,
      title,
      status,
    );
  };

  /** The form as submitted: values to show again, and the rows after a list button, if one was pressed. */
  const submitted = (body: Record<string, string | File>) => {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(body))
      if (typeof value === "string") values[name] = value.slice(0, 6000);
    const rows = { duties: formRows(body, "duties"), qualifications: formRows(body, "qualifications") };
    const op = parseListOp(body.list_op);
    if (op) rows[op.list] = applyListOp(keptRows(rows[op.list]), op, { en: "", fr: "" });
    // Rows are shown from `rows`; drop the numbered values so a moved row is not shown in its old place.
    for (const name of Object.keys(values)) if (/^(duties|qualifications)_(en|fr)_\d+$/.test(name)) delete values[name];
    return { values, rows, op };
  };

  const storeErrors = (error: unknown): FieldErrors | undefined => {
    if (error instanceof CodeTakenError) return { code: "profileCodeTaken" };
    if (error instanceof UnitUnknownError) return { form: "profileUnitUnknown" };
    return undefined;
  };

  app.get("/new", editAny, (c) => formPage(c, { values: {}, rows: { duties: [], qualifications: [] } }));

  app.post("/new", editAny, async (c) => {
    const body = await bodyOf(c);
    const { values, rows, op } = submitted(body);
    if (op) return formPage(c, { values, rows });
    const parsed = parseProfileForm(body);
    if (!parsed.ok) return formPage(c, { values, rows: parsed.rows, errors: parsed.errors }, 400);
    try {
      const profile = await createProfile(c.var.db, orgId(c), parsed.input, author(c));
      return c.redirect(`${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}?done=created`, 303);
    } catch (error) {
      const errors = storeErrors(error);
      if (!errors) throw error;
      return formPage(c, { values, rows: parsed.input, errors }, error instanceof CodeTakenError ? 409 : 400);
    }
  });

  const starterPage = (c: Ctx, status: Status = 200) =>
    c.var.db
      .selectFrom("editions")
      .select("id")
      .where("framework_id", "=", starterProfiles().frameworkId)
      .executeTakeFirst()
      .then((edition) =>
        renderPrivatePage(
          c,
          <StartersPage frame={frameOf(c)} starters={starterProfiles().profiles} available={edition !== undefined} />,
          t(c).profileStartersTitle,
          status,
        ),
      );

  app.get("/starters", editAny, (c) => starterPage(c));

  app.post("/starters/:code/copy", editAny, async (c) => {
    const starter = starterProfiles().profiles.find((p) => p.code === c.req.param("code"));
    if (!starter) return c.notFound();
    try {
      const { profile } = await copyStarterProfile(
        c.var.db,
        orgId(c),
        starter,
        starterProfiles().frameworkId,
        author(c),
      );
      return c.redirect(
        `${profileUrls.action(c.var.lang, c.var.organisation.slug, profile.id, "edit")}?done=copied`,
        303,
      );
    } catch (error) {
      if (!(error instanceof StarterNotPublishedError)) throw error;
      return starterPage(c, 409);
    }
  });

  app.get("/compare", list, async (c) => {
    const chosen = { a: (c.req.query("a") ?? "").slice(0, 36), b: (c.req.query("b") ?? "").slice(0, 36) };
    const profiles = await listProfiles(c.var.db, orgId(c), { lang: c.var.lang });
    const render = (props: Partial<Parameters<typeof ComparePage>[0]>, status: Status = 200) =>
      renderPrivatePage(
        c,
        <ComparePage frame={frameOf(c)} profiles={profiles} chosen={chosen} {...props} />,
        t(c).profileCompareTitle,
        status,
      );
    if (!chosen.a && !chosen.b) return render({});
    const [a, b] = await Promise.all([
      findProfile(c.var.db, orgId(c), chosen.a),
      findProfile(c.var.db, orgId(c), chosen.b),
    ]);
    if (!a || !b || a.id === b.id) return render({ problem: true }, 400);
    const requirements = await readRequirements(c.var.db, [a.id, b.id]);
    const [scaleA, scaleB] = await Promise.all([readScale(c.var.db, a.scaleId), readScale(c.var.db, b.scaleId)]);
    const fields = (p: Profile) => ({ ...p, units: p.unitIds });
    return render({
      view: {
        a,
        b,
        requirements: compareRequirements(requirements.get(a.id) ?? [], requirements.get(b.id) ?? []),
        fields: differingFields(fields(a), fields(b)),
        scale: {
          a: scaleA ?? (await organisationScale(c.var.db, orgId(c))),
          b: scaleB ?? (await organisationScale(c.var.db, orgId(c))),
        },
      },
    });
  });

  /** A person's own position: a link to their profile, or a page saying they hold none. */
  app.get("/mine", requireInOrganisation("organisation.read"), async (c) => {
    const mine = c.var.orgActor?.membership?.positionProfileId;
    const profile = mine ? await findProfile(c.var.db, orgId(c), mine) : undefined;
    return renderPrivatePage(
      c,
      <>
        <h1>{t(c).profileMineTitle}</h1>
        {profile ? (
          <p>
            <a href={profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}>
              {profileTitle(profile, c.var.lang)}
            </a>
          </p>
        ) : (
          <p>{t(c).profileMineNone}</p>
        )}
      </>,
      t(c).profileMineTitle,
    );
  });

  const profilePage = async (
    c: Ctx,
    profile: Profile,
    props: { notice?: string; holderForm?: { values: Record<string, string>; errors: FieldErrors } } = {},
    status: Status = 200,
  ) => {
    const edit = allowed(c, "profile.edit", profile.id);
    const scale = (await readScale(c.var.db, profile.scaleId)) ?? (await organisationScale(c.var.db, orgId(c)));
    return renderPrivatePage(
      c,
      <ProfilePage
        frame={frameOf(c)}
        profile={profile}
        units={await unitsOf(c)}
        requirements={await requirementsOf(c.var.db, profile.id)}
        editionChanges={
          (await editionChanges(c.var.db, await pinnedRequirements(c.var.db, profile.id))).filter(
            (change) => change.review,
          ).length
        }
        scale={scale}
        edit={edit}
        holders={edit ? await listHolders(c.var.db, orgId(c), profile.id) : []}
        postings={edit ? await listPostings(c.var.db, orgId(c), profile.id) : []}
        publish={
          c.var.orgActor !== null &&
          can(c.var.orgActor, "organisation.administer", { kind: "organisation", organisationId: orgId(c) })
        }
        {...props}
      />,
      profileTitle(profile, c.var.lang),
      status,
    );
  };

  const DONE = {
    created: "profileCreated",
    saved: "profileSaved",
    posting: "postingCreated",
    "posting-saved": "postingSaved",
    "posting-deleted": "postingDeleted",
  } as const;

  app.get(
    "/:profile",
    onProfile("profile.read", (c, profile) => {
      const done = c.req.query("done");
      const notice = done && Object.hasOwn(DONE, done) ? t(c)[DONE[done as keyof typeof DONE]] : undefined;
      return profilePage(c, profile, { notice });
    }),
  );

  app.route("/", postingManagementRoutes());
  app.route("/", jobDocumentRoutes());

  app.get(
    "/:profile/edit",
    onProfile("profile.edit", (c, profile) =>
      formPage(c, {
        profile,
        values: formValues({ ...profile, unit_ids: profile.unitIds }),
        rows: { duties: profile.duties, qualifications: profile.qualifications },
        version: profile.version,
        message: c.req.query("done") === "copied" ? t(c).profileCopied : undefined,
      }),
    ),
  );

  app.post(
    "/:profile/edit",
    onProfile("profile.edit", async (c, profile) => {
      const body = await bodyOf(c);
      const version = Number(body.version);
      const { values, rows, op } = submitted(body);
      const keep = Number.isInteger(version) ? version : profile.version;
      if (op) return formPage(c, { profile, values, rows, version: keep });
      const parsed = parseProfileForm(body);
      if (!parsed.ok)
        return formPage(c, { profile, values, rows: parsed.rows, errors: parsed.errors, version: keep }, 400);
      try {
        await updateProfile(c.var.db, orgId(c), profile.id, keep, parsed.input, author(c));
        return c.redirect(`${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}?done=saved`, 303);
      } catch (error) {
        if (error instanceof StaleProfileError)
          // The author's input is kept; the form now carries the current version, so saving again wins knowingly.
          return formPage(
            c,
            { profile, values, rows: parsed.input, message: t(c).profileStale, version: error.current },
            409,
          );
        const errors = storeErrors(error);
        if (!errors) throw error;
        return formPage(
          c,
          { profile, values, rows: parsed.input, errors, version: keep },
          error instanceof CodeTakenError ? 409 : 400,
        );
      }
    }),
  );

  app.post(
    "/:profile/copy",
    onProfile("profile.edit", async (c, profile) => {
      const copy = await copyProfile(c.var.db, orgId(c), profile.id, author(c));
      return c.redirect(`${profileUrls.action(c.var.lang, c.var.organisation.slug, copy.id, "edit")}?done=copied`, 303);
    }),
  );

  app.get(
    "/:profile/delete",
    onProfile("profile.edit", async (c, profile) =>
      renderPrivatePage(
        c,
        <DeletePage frame={frameOf(c)} profile={profile} holders={await holderCount(c.var.db, profile.id)} />,
        t(c).profileDeleteTitle(profileTitle(profile, c.var.lang)),
      ),
    ),
  );

  app.post(
    "/:profile/delete",
    onProfile("profile.edit", async (c, profile) => {
      const body = await bodyOf(c);
      try {
        await deleteProfile(
          c.var.db,
          orgId(c),
          profile.id,
          { clearPositions: body.clear_positions === "yes" },
          author(c),
        );
      } catch (error) {
        if (!(error instanceof ProfileHeldError)) throw error;
        return renderPrivatePage(
          c,
          <DeletePage frame={frameOf(c)} profile={profile} holders={error.holders} refused />,
          t(c).profileDeleteTitle(profileTitle(profile, c.var.lang)),
          409,
        );
      }
      const query = new URLSearchParams({ deleted: profileTitle(profile, c.var.lang).slice(0, 200) });
      return c.redirect(`${profileUrls.list(c.var.lang, c.var.organisation.slug)}?${query}`, 303);
    }),
  );

  app.post(
    "/:profile/holders",
    onProfile("profile.edit", async (c, profile) => {
      const body = await bodyOf(c);
      const number = typeof body.employee_number === "string" ? body.employee_number.trim().slice(0, 60) : "";
      const values = { employee_number: number };
      if (number === "")
        return profilePage(c, profile, { holderForm: { values, errors: { employee_number: "formRequired" } } }, 400);
      try {
        const holder = await assignPosition(c.var.db, orgId(c), profile.id, number, author(c));
        return profilePage(c, profile, { notice: t(c).profileHolderAdded(holder.name) });
      } catch (error) {
        if (!(error instanceof PersonUnknownError)) throw error;
        return profilePage(
          c,
          profile,
          { holderForm: { values, errors: { employee_number: "profileHolderUnknown" } } },
          400,
        );
      }
    }),
  );

  app.post(
    "/:profile/holders/:person/remove",
    onProfile("profile.edit", async (c, profile) => {
      const holder = await removePosition(c.var.db, orgId(c), profile.id, c.req.param("person") ?? "", author(c));
      if (!holder) return c.notFound();
      return profilePage(c, profile, { notice: t(c).profileHolderRemoved(holder.name) });
    }),
  );

  return app;
}

export { profileApi } from "./api.ts";

export { publicPostingRoutes } from "./public.tsx";
