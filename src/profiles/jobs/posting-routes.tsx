/**
 * Managing a profile's job postings (issue 14, decision 041): create, edit and delete them (whoever
 * may edit the profile), publish and unpublish them (the organisation's administrators only: a
 * published posting speaks publicly in the organisation's name). The public pages are in public.tsx.
 */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";
import { requireInOrganisation } from "../../people/context.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { type FieldErrors, parseForm } from "../../ui/forms/index.ts";
import { renderPrivatePage } from "../../ui/private-page.ts";
import {
  createPosting,
  deletePosting,
  findPosting,
  postingForm,
  postingValues,
  StalePostingError,
  setPublished,
  updatePosting,
} from "./postings.ts";
import { author, bodyOf, type Ctx, onProfile, orgId, t } from "./route-kit.ts";
import type { Profile } from "./store.ts";
import { profileUrls } from "./urls.ts";
import { PostingDeletePage, PostingFormPage } from "./views/postings.tsx";
import { profileTitle } from "./views/profile.tsx";

export function postingManagementRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();

  app.get(
    "/:profile/postings/new",
    onProfile("profile.edit", async (c, profile) =>
      renderPrivatePage(
        c,
        <PostingFormPage
          frame={frameOf(c)}
          action={`${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}/postings/new`}
          title={t(c).postingNewTitle(profileTitle(profile, c.var.lang))}
          values={{ employment_type: "FULL_TIME", salary_currency: "CAD", country: "CA" }}
        />,
        t(c).postingNewTitle(profileTitle(profile, c.var.lang)),
      ),
    ),
  );

  app.post(
    "/:profile/postings/new",
    onProfile("profile.edit", async (c, profile) => {
      const body = await bodyOf(c);
      const parsed = parseForm(postingForm, body);
      if (!parsed.ok) {
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v.slice(0, 3000);
        return renderPrivatePage(
          c,
          <PostingFormPage
            frame={frameOf(c)}
            action={`${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}/postings/new`}
            title={t(c).postingNewTitle(profileTitle(profile, c.var.lang))}
            values={values}
            errors={parsed.errors}
          />,
          t(c).postingNewTitle(profileTitle(profile, c.var.lang)),
          400,
        );
      }
      await createPosting(c.var.db, orgId(c), profile.id, parsed.data, author(c));
      return c.redirect(`${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}?done=posting`, 303);
    }),
  );

  /** This profile's posting named in the URL, or undefined (404): another profile's is unknown here. */
  const postingOf = async (c: Ctx, profile: Profile) => {
    const posting = await findPosting(c.var.db, orgId(c), c.req.param("posting") ?? "");
    return posting && posting.profile_id === profile.id ? posting : undefined;
  };
  const postingBase = (c: Ctx, profile: Profile) =>
    `${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}/postings`;
  const editPostingPage = (
    c: Ctx,
    profile: Profile,
    postingId: string,
    values: Record<string, string>,
    errors?: FieldErrors,
    stale?: { loadedAt: string; message: string },
  ) =>
    renderPrivatePage(
      c,
      <PostingFormPage
        frame={frameOf(c)}
        action={`${postingBase(c, profile)}/${encodeURIComponent(postingId)}/edit`}
        title={t(c).postingEditTitle(profileTitle(profile, c.var.lang))}
        values={values}
        errors={errors}
        submit={t(c).postingSaveButton}
        loadedAt={stale?.loadedAt ?? values.loaded_at}
        message={stale?.message}
      />,
      t(c).postingEditTitle(profileTitle(profile, c.var.lang)),
      stale ? 409 : errors ? 400 : 200,
    );

  app.get(
    "/:profile/postings/:posting/edit",
    onProfile("profile.edit", async (c, profile) => {
      const posting = await postingOf(c, profile);
      if (!posting) return c.notFound();
      return editPostingPage(c, profile, posting.id, { ...postingValues(posting), loaded_at: posting.updated_at });
    }),
  );

  app.post(
    "/:profile/postings/:posting/edit",
    onProfile("profile.edit", async (c, profile) => {
      const posting = await postingOf(c, profile);
      if (!posting) return c.notFound();
      const body = await bodyOf(c);
      const parsed = parseForm(postingForm, body);
      if (!parsed.ok) {
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v.slice(0, 3000);
        return editPostingPage(c, profile, posting.id, values, parsed.errors);
      }
      const loadedAt =
        typeof body.loaded_at === "string" && body.loaded_at !== "" ? body.loaded_at.slice(0, 30) : undefined;
      let saved: Awaited<ReturnType<typeof updatePosting>>;
      try {
        saved = await updatePosting(
          c.var.db,
          orgId(c),
          profile.id,
          posting.id,
          parsed.data,
          author(c),
          new Date(),
          loadedAt,
        );
      } catch (error) {
        if (!(error instanceof StalePostingError)) throw error;
        // The author's input is kept; the form now carries the other save's time, so saving again wins knowingly.
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v.slice(0, 3000);
        return editPostingPage(c, profile, posting.id, values, undefined, {
          loadedAt: error.current,
          message: t(c).postingStale,
        });
      }
      if (!saved) return c.notFound();
      return c.redirect(
        `${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}?done=posting-saved`,
        303,
      );
    }),
  );

  app.get(
    "/:profile/postings/:posting/delete",
    onProfile("profile.edit", async (c, profile) => {
      const posting = await postingOf(c, profile);
      if (!posting) return c.notFound();
      const title = t(c).postingDeleteTitle(profileTitle(profile, c.var.lang));
      return renderPrivatePage(
        c,
        <PostingDeletePage
          frame={frameOf(c)}
          action={`${postingBase(c, profile)}/${encodeURIComponent(posting.id)}/delete`}
          title={title}
          back={profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}
        />,
        title,
      );
    }),
  );

  app.post(
    "/:profile/postings/:posting/delete",
    onProfile("profile.edit", async (c, profile) => {
      const posting = await postingOf(c, profile);
      if (!posting || !(await deletePosting(c.var.db, orgId(c), profile.id, posting.id, author(c))))
        return c.notFound();
      return c.redirect(
        `${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}?done=posting-deleted`,
        303,
      );
    }),
  );

  /** Publishing speaks publicly in the organisation's name: its administrators only (decision 036). */
  for (const action of ["publish", "unpublish"] as const)
    app.post(
      `/:profile/postings/:posting/${action}`,
      requireInOrganisation("organisation.administer"),
      onProfile("profile.edit", async (c, profile) => {
        const posting = await findPosting(c.var.db, orgId(c), c.req.param("posting") ?? "");
        if (!posting || posting.profile_id !== profile.id) return c.notFound();
        await setPublished(c.var.db, orgId(c), posting.id, action === "publish", author(c));
        return c.redirect(
          `${profileUrls.profile(c.var.lang, c.var.organisation.slug, profile.id)}#postings-heading`,
          303,
        );
      }),
    );

  return app;
}
