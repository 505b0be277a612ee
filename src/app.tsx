/** Builds the web application from its capabilities. No I/O here beyond what handlers do per request. */
import { randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { trimTrailingSlash } from "hono/trailing-slash";
import type { Kysely } from "kysely";
import { apiRoutes } from "./api/routes.ts";
import { searchApiRoutes } from "./api/search.ts";
import { createSearchAnswers, SEARCH_API_PATH } from "./api/search-answers.ts";
import type { AppEnv } from "./app-env.ts";
import { followLeaversAndMovers } from "./assessments/cycles/movers.ts";
import { DEFAULT_EVIDENCE_MAX_MB, megabytes } from "./assessments/evidence/file-types.ts";
import { evidenceBodyRules } from "./assessments/evidence/routes.tsx";
import { ASSESSMENT_EXPORT_SECTIONS } from "./assessments/organisation-export.ts";
import { assessmentDataSection, reminderDataSection } from "./assessments/own-data/section.tsx";
import { waitingLandingLinks } from "./assessments/reminders/landing.ts";
import { assessmentPages } from "./assessments/routes.tsx";
import { AccountArea } from "./auth/account-area.tsx";
import { adminRoutes } from "./auth/admin-routes.tsx";
import { sessionMiddleware } from "./auth/middleware.ts";
import { authRoutes } from "./auth/routes.tsx";
import { createAuthService } from "./auth/service.ts";
import { benchRoutesEnabled, mountBenchRoutes } from "./bench-routes.ts";
import type { Config } from "./config.ts";
import type { DB } from "./db/schema.ts";
import type { Catalog } from "./editions/catalog.ts";
import { EDITOR_BODY_RULE, editorRoutes } from "./editor/routes/index.tsx";
import { editorUrls } from "./editor/urls.ts";
import { LANGS, type Lang, messages, negotiateLang, otherLang } from "./i18n/index.ts";
import { editionRoutes } from "./index/editions.tsx";
import { indexRoutes } from "./index/routes.tsx";
import { INSIGHT_EXPORT_SECTIONS } from "./insights/organisation-export.ts";
import { withInsightLinks } from "./insights/person/landing.ts";
import { withPlanLinks } from "./insights/plans/landing.ts";
import { planDataSection } from "./insights/plans/own-data.tsx";
import { INSIGHTS_BODY_RULES, insightPages } from "./insights/routes.tsx";
import { teamInsightLandingLinks } from "./insights/team/landing.ts";
import { CASE_WRITE_METHODS, caseApiRoutes, caseReadOnly } from "./interop/case/api.ts";
import { draftExportRoutes } from "./interop/wizard/exports.ts";
import { importBodyRules } from "./interop/wizard/render.ts";
import { importWizardRoutes } from "./interop/wizard/routes.tsx";
import { type Logger, requestLogContext } from "./log.ts";
import { createMailer } from "./mail/mailer.ts";
import { type Lifecycle, mountHealthRoutes } from "./ops/health.ts";
import { createMetrics } from "./ops/metrics.ts";
import { organisationAdminRoutes } from "./people/organisations/admin-routes.tsx";
import { PRIVACY_NOTICE_BODY_RULE } from "./people/privacy/routes.tsx";
import { organisationApi, organisationPages } from "./people/routes.tsx";
import { combineLandingLinks } from "./people/services.ts";
import { ssoCallbackRoutes, ssoSignInRoutes } from "./people/sso/routes.tsx";
import { STAFF_IMPORT_BODY_RULES } from "./people/staff-import/routes.tsx";
import type { Actor } from "./policy/index.ts";
import { positionDataSection } from "./profiles/jobs/own-data.tsx";
import { PROFILE_EXPORT_SECTIONS } from "./profiles/organisation-export.ts";
import { defaultScalePages, postingPages, profileApiRoutes, profilePages } from "./profiles/routes.tsx";
import { searchIndexFor } from "./search/engine.ts";
import { searchRoutes } from "./search/routes.tsx";
import { type BodyRule, DEFAULT_BODY_LIMIT, limitBodies } from "./security/body-limit.ts";
import { hasPostForm, provideCsrfToken, refuseForgedRequests, withCsrfFields } from "./security/csrf.ts";
import { mountAssets } from "./ui/assets.ts";
import { ErrorPage } from "./ui/errors.tsx";
import { fragment } from "./ui/fragments.ts";
import { Layout } from "./ui/layout.tsx";
import { createPageCache } from "./ui/page-cache.ts";
import { switchLangPath } from "./ui/urls.ts";

/** How much each route may receive; first match wins, everything else gets DEFAULT_BODY_LIMIT. */
/** Body limits by route: the import wizard's upload follows IMPORT_MAX_MB, evidence files EVIDENCE_MAX_MB. */
export const bodyRules = (
  importMaxBytes?: number,
  evidenceMaxBytes = megabytes(DEFAULT_EVIDENCE_MAX_MB),
): readonly BodyRule[] => [
  ...importBodyRules(importMaxBytes),
  ...evidenceBodyRules(evidenceMaxBytes),
  ...STAFF_IMPORT_BODY_RULES,
  ...INSIGHTS_BODY_RULES,
  EDITOR_BODY_RULE,
  PRIVACY_NOTICE_BODY_RULE,
];

export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  catalog: Catalog;
  logger: Logger;
  /** PostgreSQL's pool counts, for /metrics (src/db/connect.ts). */
  poolStats?: () => { total: number; idle: number; waiting: number };
  /** Shared with the server, which marks it draining on SIGTERM (/readyz then answers 503). */
  lifecycle?: Lifecycle;
}

/** Fragments of the header that are the same for every reader (src/ui/fragments.ts). */
const READERS = {};

/** The header's end: a reader's is the same for everyone, rendered once per language. */
function accountArea(lang: Lang, user: Actor | null) {
  const area = () => <AccountArea lang={lang} user={user} editorUrl={editorUrls.home(lang)} />;
  return user ? area() : fragment(READERS, `account:${lang}`, area);
}

function langFromPath(path: string): Lang | undefined {
  // "/en", "/en/…", "/fr", "/fr/…": read in place (every request asks), no split.
  if (path.charCodeAt(0) !== 47 || (path.length > 3 && path.charCodeAt(3) !== 47)) return undefined;
  const first = path.slice(1, 3);
  return path.length >= 3 && (first === "en" || first === "fr") ? first : undefined;
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // A review cycle follows people who leave or move (decision 040): people announces, cycles listen.
  followLeaversAndMovers();
  const auth = createAuthService({ db: deps.db, config: deps.config, logger: deps.logger });
  // mail: SMTP when configured, else messages go to the log (src/mail).
  const mailer = createMailer(deps.config.mail, deps.logger);
  const https = deps.config.baseUrl.startsWith("https:");
  const metrics = createMetrics(deps.config.metrics, {
    pool: deps.poolStats,
    searchIndexSize: async () => (await searchIndexFor(deps.catalog)).items.length,
    editions: async () => {
      const views = await Promise.all((await deps.catalog.list()).map((f) => deps.catalog.get(f.slug)));
      return views.flatMap((view) =>
        view?.edition ? [{ slug: view.framework.slug, number: view.edition.number }] : [],
      );
    },
  });

  // ops: counted and timed first, so every answer is (src/ops/metrics.ts; only with METRICS on).
  if (metrics) app.use("*", metrics.middleware);
  app.use("*", async (c, next) => {
    c.set("config", deps.config);
    c.set("db", deps.db);
    c.set("catalog", deps.catalog);
    c.set("logger", deps.logger);
    c.set("user", null);
    c.set("lang", langFromPath(c.req.path) ?? negotiateLang(c.req.header("accept-language")));
    await next();
  });
  // Readers' pages are kept once rendered and served again, with every header they were sent with,
  // before the rest of the stack runs (decisions 003 and 021). A request with a session cookie may
  // be a signed-in person's, whose pages carry their own header: never served from nor kept in it.
  // As hono's requestId middleware does: a proxy's well-formed id is kept.
  const wellFormedRequestId = (given: string | undefined | null) =>
    given && given.length <= 100 && /^[\w\-=]+$/.test(given) ? given : randomUUID();
  const pageRequestId = (c: Context<AppEnv>) => wellFormedRequestId(c.req.header("x-request-id"));
  const pages = createPageCache<AppEnv>({
    revision: () => deps.catalog.revision(),
    personal: (c) => Boolean(c.get("user")) || getCookie(c, auth.sessionCookieName) !== undefined,
    scope: (path) => langFromPath(path) !== undefined,
    requestId: wellFormedRequestId,
    revisionNow: () => deps.catalog.revisionNow?.(),
    sessionCookie: (headers) => auth.hasSessionCookie(headers),
    enabled: deps.config.pageCache,
  });
  app.use("*", pages.middleware);
  // The public search API answers anonymous GETs here, with the headers the full stack gave its
  // first answer and its answers kept per search index (decision 031); anything else passes on.
  const searchAnswers = createSearchAnswers({
    cache: deps.config.searchCache,
    personal: (c) => getCookie(c, auth.sessionCookieName) !== undefined,
    requestId: pageRequestId,
  });
  app.use(SEARCH_API_PATH, searchAnswers.middleware);
  // A kept page is answered before routing and every middleware when the request alone decides it
  // (a reader's GET of a remembered route); everything else goes through the app as above. Not
  // with metrics on: every answer is counted there.
  if (!metrics) {
    const dispatch = app.fetch;
    app.fetch = (request, env, executionCtx) => {
      const early = pages.front(request);
      if (early === undefined) return dispatch(request, env, executionCtx);
      if (early instanceof Response) return early;
      return early.then((response) => response ?? dispatch(request, env, executionCtx));
    };
  }
  // A request id for every request (X-Request-Id, kept from a proxy when well formed), carried by
  // every log line written while the request is handled, whichever logger writes it (src/log.ts).
  app.use("*", requestId({ limitLength: 100 }));
  app.use("*", (c, next) => requestLogContext.run({ requestId: c.get("requestId") }, next));
  app.use("*", async (c, next) => {
    // The request line is a debug line: at any other level, nothing to time or write.
    if (!deps.logger.isLevelEnabled("debug")) return next();
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    c.get("logger").debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, "request");
  });
  // ops: probes for a proxy or orchestrator, answered before sessions, CSRF and pages (src/ops/health.ts).
  mountHealthRoutes(app, deps.lifecycle ?? { draining: false });
  metrics?.mount(app);
  // "/en/" and "/en/frameworks/x/" are the same pages as without the slash: redirect, don't 404.
  app.use("*", trimTrailingSlash());
  // accounts: the session cookie becomes c.var.user (anonymous requests skip the database).
  app.use("*", sessionMiddleware(auth));
  // Pages can put the CSRF token in their forms (the renderer below does it for every POST form).
  app.use(
    "*",
    provideCsrfToken({
      baseUrl: deps.config.baseUrl,
      secret: () => auth.secret(),
      sessionCookie: auth.sessionCookieName,
    }),
  );
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
      // A response that states its own header keeps it: an evidence download is sandboxed
      // (src/assessments/evidence/routes.tsx). Nothing else sets these headers.
      overwrite: false,
      // HSTS only where the site is served over HTTPS: on plain HTTP it would be ignored at best.
      strictTransportSecurity: https ? "max-age=31536000; includeSubDomains" : false,
      // Nothing here needs a camera, a microphone, a location or payment: no page may ask for them.
      permissionsPolicy: {
        camera: [],
        microphone: [],
        geolocation: [],
        payment: [],
        usb: [],
        serial: [],
        bluetooth: [],
        hid: [],
        accelerometer: [],
        gyroscope: [],
        magnetometer: [],
        displayCapture: [],
        browsingTopics: [],
      },
    }),
  );
  // Pages render to one plain string (not hono's String object): the node adapter then writes it
  // straight out with its headers, without building a fetch Response and a stream around it.
  app.use("*", async (c, next) => {
    c.setRenderer(async (content, props) => {
      // Every page under /en or /fr links to its twin in the other language, unless it names one
      // itself; a page answering a form post has no address of its own to link to.
      let alternate = props.alternate;
      if (alternate === undefined && c.req.method === "GET") {
        const url = new URL(c.req.url);
        const lang = langFromPath(url.pathname);
        if (lang) alternate = switchLangPath(`${url.pathname}${url.search}`, otherLang(lang));
      }
      const page = `<!DOCTYPE html>${await (
        <Layout {...props} alternate={alternate} headerEnd={accountArea(props.lang, c.get("user"))}>
          {content}
        </Layout>
      ).toString()}`;
      if (!hasPostForm(page)) return c.html(page);
      // Every form that posts carries the CSRF token; a page holding one is nobody else's to cache.
      if (!/no-store/.test(c.res.headers.get("cache-control") ?? "")) c.header("cache-control", "private, no-store");
      return c.html(withCsrfFields(page, c.get("csrfToken")()));
    });
    await next();
  });
  // The CASE API is read-only: a write answers 405 with its status payload, before any body limit
  // or forgery check could answer it with a page.
  app.on(CASE_WRITE_METHODS, ["/ims/case/v1p1", "/ims/case/v1p1/*"], caseReadOnly);
  // Every body is limited before it is read (small by default, larger for the editor and imports).
  app.use(
    "*",
    limitBodies(bodyRules(deps.config.importParse.maxBytes, deps.config.evidence.maxBytes), DEFAULT_BODY_LIMIT),
  );
  // A request that changes something must come from this site and carry its token (403 otherwise);
  // a form body that cannot be read is a 400. Both before any handler runs.
  app.use(
    "*",
    refuseForgedRequests({
      baseUrl: deps.config.baseUrl,
      // `npm run bench` drives its own capture route (PUT) from a script; without the flag it does not exist.
      exempt: (path) => path.startsWith("/__bench/"),
    }),
  );

  mountAssets(app);
  // Only for `npm run bench`: absent unless SKILLSHELF_BENCH=1 at start.
  if (benchRoutesEnabled()) mountBenchRoutes(app);

  app.get("/", (c) => {
    c.header("vary", "Accept-Language");
    return c.redirect(`/${negotiateLang(c.req.header("accept-language"))}`, 302);
  });

  // Organisations' signed-in API first: the public API's open CORS must not reach it.
  app.route("/api/v1/orgs", organisationApi());
  app.route("/api/v1/orgs", profileApiRoutes());
  app.route("/api/v1", apiRoutes());
  // After the API's own routes, so its CORS middleware applies to search as well.
  app.route("/api/v1/search", searchApiRoutes());

  // Single sign-on: every organisation's provider sends people back here (src/people/sso).
  app.route("/sso", ssoCallbackRoutes({ auth, mailer }));

  // CASE 1.1 REST API (src/interop/case): published frameworks in the 1EdTech binding.
  app.route("/ims/case/v1p1", caseApiRoutes());

  for (const lang of LANGS) {
    const localized = new Hono<AppEnv>();
    // organisations' single sign-on entry (src/people/sso), before the password sign-in's routes.
    localized.route("/sign-in/sso", ssoSignInRoutes({ auth, mailer }));
    localized.route("/", authRoutes(auth));
    localized.route("/admin/organisations", organisationAdminRoutes());
    localized.route("/admin", adminRoutes());
    // organisations, units, people, privacy (src/people)
    localized.route(
      "/orgs",
      organisationPages({
        auth,
        mailer,
        landingLinks: withPlanLinks(
          withInsightLinks(
            combineLandingLinks(
              // Each organisation's "overdue" in its own day; the instance's zone for those without one.
              (db, lang, organisations) =>
                waitingLandingLinks(db, lang, organisations, new Date(), deps.config.timeZone),
              teamInsightLandingLinks,
            ),
          ),
        ),
        ownDataSections: [positionDataSection, assessmentDataSection, reminderDataSection, planDataSection],
        organisationExportSections: [
          ...PROFILE_EXPORT_SECTIONS,
          ...ASSESSMENT_EXPORT_SECTIONS,
          ...INSIGHT_EXPORT_SECTIONS,
        ],
      }),
    );
    // proficiency scales, job profiles and their builder (src/profiles); public job postings
    localized.route("/orgs", profilePages());
    // review cycles, assessments, evidence, reminders (src/assessments)
    localized.route("/orgs", assessmentPages());
    // learning resources; later gaps, priorities and development plans (src/insights)
    localized.route("/orgs", insightPages());
    localized.route("/jobs", postingPages());
    localized.route("/search", searchRoutes());
    // import wizard and draft exports (src/interop/wizard), under the editor's /{lang}/editor.
    localized.route("/editor/scale", defaultScalePages());
    localized.route("/editor", importWizardRoutes());
    localized.route("/editor", draftExportRoutes());
    // editor, editions and history (src/editor, src/editions)
    localized.route("/editor", editorRoutes());
    localized.route("/", editionRoutes());
    // Readers' pages offer an editor the way to edit what they show; they load no editor code.
    localized.route("/", indexRoutes({ editUrl: { framework: editorUrls.framework, item: editorUrls.edit } }));
    app.route(`/${lang}`, localized);
  }

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) return c.json({ error: "not_found", message: "No such resource." }, 404);
    const lang = c.get("lang") ?? "en";
    c.status(404);
    return c.render(<ErrorPage lang={lang} kind="notFound" />, {
      lang,
      title: messages(lang).notFoundTitle,
      alternate: langFromPath(c.req.path) ? switchLangPath(c.req.path, lang === "en" ? "fr" : "en") : undefined,
    });
  });

  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path, requestId: c.get("requestId") }, "request failed");
    if (c.req.path.startsWith("/api/"))
      return c.json({ error: "internal", message: "The server could not complete the request." }, 500);
    const lang = c.get("lang") ?? "en";
    c.status(500);
    return c.render(<ErrorPage lang={lang} kind="error" />, { lang, title: messages(lang).errorTitle });
  });

  return app;
}
