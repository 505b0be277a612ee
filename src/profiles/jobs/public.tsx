/**
 * The public jobs pages, /{lang}/jobs/:org (the organisation's open postings) and
 * /{lang}/jobs/:org/:posting (one posting, with schema.org JobPosting JSON-LD). No sign-in: only a
 * published posting whose dates include today is shown; anything else is 404, as an unknown one.
 */
import { Hono } from "hono";
import { raw } from "hono/html";
import type { AppEnv } from "../../app-env.ts";
import { messages } from "../../i18n/index.ts";
import { jobPostingJsonLd, jsonLdScript } from "../documents/json-ld.ts";
import { organisationScale, readScale } from "../scales/read.ts";
import { describeLevels, ownDescriptors } from "./description.tsx";
import { toJobDocument } from "./job-document.ts";
import { withPosting } from "./posting-document.ts";
import { findPosting, isOpen, openPostings } from "./postings.ts";
import { requirementsOf } from "./requirements.ts";
import { findProfile } from "./store.ts";
import { inLang } from "./views/profile.tsx";

const today = () => new Date().toISOString().slice(0, 10);
const formats = {
  en: new Intl.DateTimeFormat("en-CA", { dateStyle: "long", timeZone: "UTC" }),
  fr: new Intl.DateTimeFormat("fr-CA", { dateStyle: "long", timeZone: "UTC" }),
};
/** A YYYY-MM-DD date in words, in the page's language. */
const dateIn = (lang: "en" | "fr", day: string | null) =>
  day ? formats[lang].format(new Date(`${day}T00:00:00Z`)) : "";

export function publicPostingRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The page cache (src/ui/page-cache.ts) keeps anonymous pages until the catalog's revision moves;
  // a posting edited, withdrawn or deleted does not move it, so these pages must not be kept there.
  app.use("*", async (c, next) => {
    await next();
    c.header("cache-control", "no-store");
  });
  const organisationOf = (c: { var: AppEnv["Variables"] }, slug: string) =>
    c.var.db.selectFrom("organisations").selectAll().where("slug", "=", slug).executeTakeFirst();

  app.get("/:org", async (c) => {
    const lang = c.var.lang;
    const t = messages(lang);
    const organisation = await organisationOf(c, c.req.param("org"));
    if (!organisation) return c.notFound();
    const name = lang === "fr" ? organisation.name_fr : organisation.name_en;
    const postings = await openPostings(c.var.db, organisation.id, today());
    return c.render(
      <>
        <h1>{t.postingsPublicTitle(name)}</h1>
        {postings.length === 0 ? (
          <p>{t.postingsPublicNone}</p>
        ) : (
          <ul>
            {postings.map((p) => (
              <li>
                <a href={`/${lang}/jobs/${encodeURIComponent(organisation.slug)}/${encodeURIComponent(p.id)}`}>
                  {lang === "fr" ? p.title_fr : p.title_en}
                </a>{" "}
                <span class="meta">{t.postingValidThrough(dateIn(lang, p.valid_through))}</span>
              </li>
            ))}
          </ul>
        )}
      </>,
      { lang, title: t.postingsPublicTitle(name) },
    );
  });

  app.get("/:org/:posting", async (c) => {
    const lang = c.var.lang;
    const t = messages(lang);
    const organisation = await organisationOf(c, c.req.param("org"));
    if (!organisation) return c.notFound();
    const posting = await findPosting(c.var.db, organisation.id, c.req.param("posting"));
    if (!posting || !isOpen(posting, today())) return c.notFound();
    const profile = await findProfile(c.var.db, organisation.id, posting.profile_id);
    if (!profile) return c.notFound();
    const name = lang === "fr" ? organisation.name_fr : organisation.name_en;
    const title = lang === "fr" ? profile.title_fr : profile.title_en;
    const summary = lang === "fr" ? profile.summary_fr : profile.summary_en;
    const duties = profile.duties.map((d) => inLang(d, lang));
    const apply = lang === "fr" ? posting.how_to_apply_fr : posting.how_to_apply_en;
    const scale = (await readScale(c.var.db, profile.scaleId)) ?? (await organisationScale(c.var.db, organisation.id));
    const requirements = await requirementsOf(c.var.db, profile.id);
    const units = await c.var.db
      .selectFrom("units")
      .select(["id", "name_en", "name_fr"])
      .where("organisation_id", "=", organisation.id)
      .execute();
    const doc = withPosting(
      toJobDocument({
        lang,
        organisation: name,
        profile,
        units: units.filter((u) => profile.unitIds.includes(u.id)).map((u) => (lang === "fr" ? u.name_fr : u.name_en)),
        requirements: describeLevels(requirements, scale, await ownDescriptors(c.var.db, scale.id, requirements)),
        scale,
        generatedAt: new Date(),
      }),
      posting,
      lang,
      new URL(`/${lang}/jobs/${encodeURIComponent(organisation.slug)}`, c.req.url).toString(),
    );
    const ld = jobPostingJsonLd(doc);
    return c.render(
      <>
        {ld && <script type="application/ld+json">{raw(jsonLdScript(ld))}</script>}
        <p class="meta">{name}</p>
        <h1>{title}</h1>
        <p>{t.postingDates(dateIn(lang, posting.date_posted), dateIn(lang, posting.valid_through))}</p>
        {summary && <p>{summary}</p>}
        <h2>{t.profileDutiesHeading}</h2>
        <ul>
          {duties.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
        <h2>{t.postingHowToApply}</h2>
        <p>{apply}</p>
      </>,
      { lang, title },
    );
  });

  return app;
}
