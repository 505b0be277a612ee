/**
 * Every route of the app × every role (anonymous, editor, administrator): who is let through and
 * who is refused, against the explicit table below. A route that is not in the table fails the
 * suite, so a new route cannot ship without someone deciding who may use it.
 *
 * ─── HOW TO ADD A ROUTE ────────────────────────────────────────────────────────────────────────
 * 1. Add one line to ROUTES: "METHOD /path" exactly as Hono registers it, with "/:lang" standing
 *    for "/en" and "/fr" (both are checked), and who may use it:
 *      "public"         everyone, signed in or not (index pages, search, API, CASE API, assets)
 *      "signed-in"      any signed-in account          (policy action account.self)
 *      "editor"         editors and administrators     (editor.use, framework.*, history.restore)
 *      "administrator"  administrators only            (users.manage)
 * 2. If the path has a parameter not yet in PARAMS, add a sample value there. It need not exist:
 *    a 404 still proves the request got past the guard.
 * Then run: node --import tsx --test test/auth/route-matrix.test.ts
 * ─────────────────────────────────────────────────────────────────────────────────────────────
 *
 * "Refused" means: anonymous → 401, or 303 to /{lang}/sign-in (with ?next= for a page);
 * signed in without the permission → 403. "Let through" means anything else below 500
 * (a 400 for the empty form the test posts is fine: the handler was reached).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { inspectRoutes } from "hono/dev";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";

type Rule = "public" | "signed-in" | "editor" | "administrator";
type Role = "anonymous" | "editor" | "administrator";

const ROUTES: Record<string, Rule> = {
  // Site-wide
  "GET /": "public",
  "GET /healthz": "public",
  "GET /readyz": "public",
  "GET /assets/:name": "public",
  "GET /favicon.ico": "public",
  // The published index (src/index) and search (src/search)
  "GET /:lang": "public",
  "GET /:lang/frameworks": "public",
  "GET /:lang/frameworks/:slug": "public",
  "GET /:lang/frameworks/:slug/full": "public",
  "GET /:lang/frameworks/:slug/items/:key": "public",
  "GET /:lang/frameworks/:slug/items/:key/print": "public",
  "GET /:lang/search": "public",
  // Organisations' published job postings (src/profiles/jobs): public, 404 for what is not open
  "GET /:lang/jobs/:org": "public",
  "GET /:lang/jobs/:org/:posting": "public",
  // Read-only JSON API (src/api, src/search)
  "GET /api/v1/frameworks": "public",
  "GET /api/v1/frameworks/:id": "public",
  "GET /api/v1/openapi.json": "public",
  "GET /api/v1/search": "public",
  // Read-only CASE 1.1 API (src/interop/case); ALL is its JSON 404/405 catch-all, checked with a GET
  "GET /ims/case/v1p1/CFDocuments": "public",
  "GET /ims/case/v1p1/CFDocuments/:id": "public",
  "GET /ims/case/v1p1/CFPackages/:id": "public",
  "GET /ims/case/v1p1/CFItems/:id": "public",
  "GET /ims/case/v1p1/CFAssociations/:id": "public",
  "GET /ims/case/v1p1/CFItemAssociations/:id": "public",
  "GET /ims/case/v1p1/CFItemTypes/:id": "public",
  "GET /ims/case/v1p1/CFSubjects/:id": "public",
  "GET /ims/case/v1p1/CFConcepts/:id": "public",
  "GET /ims/case/v1p1/CFLicenses/:id": "public",
  "GET /ims/case/v1p1/CFAssociationGroupings/:id": "public",
  "GET /ims/case/v1p1/CFRubrics/:id": "public",
  "ALL /ims/case/v1p1/*": "public",
  // Writes to the read-only CASE API: 405 with the standard's payload, for everyone (src/interop/case/api.ts)
  "POST /ims/case/v1p1": "public",
  "PUT /ims/case/v1p1": "public",
  "PATCH /ims/case/v1p1": "public",
  "DELETE /ims/case/v1p1": "public",
  "POST /ims/case/v1p1/*": "public",
  "PUT /ims/case/v1p1/*": "public",
  "PATCH /ims/case/v1p1/*": "public",
  "DELETE /ims/case/v1p1/*": "public",
  // Accounts (src/auth): signing in and out, invitations
  "GET /:lang/sign-in": "public",
  "POST /:lang/sign-in": "public",
  "POST /:lang/sign-out": "public",
  // The sign-in's second step answers anyone (it needs the challenge cookie of a right password)
  "GET /:lang/sign-in/second-factor": "public",
  "POST /:lang/sign-in/second-factor": "public",
  "GET /:lang/invitation/:token": "public",
  "POST /:lang/invitation/:token": "public",
  // Organisations' single sign-on (src/people/sso): the entry and the providers' return, for anyone
  "GET /:lang/sign-in/sso": "public",
  "POST /:lang/sign-in/sso": "public",
  "GET /sso/callback": "public",
  // Accounts: one's own account
  "GET /:lang/account": "signed-in",
  "POST /:lang/account/sign-out-everywhere": "signed-in",
  "POST /:lang/account/sessions/:id/sign-out": "signed-in",
  "GET /:lang/account/password": "signed-in",
  "POST /:lang/account/password": "signed-in",
  "GET /:lang/account/two-step": "signed-in",
  "POST /:lang/account/two-step/enrol": "signed-in",
  "POST /:lang/account/two-step/confirm": "signed-in",
  "POST /:lang/account/two-step/disable": "signed-in",
  "POST /:lang/account/two-step/recovery-codes": "signed-in",
  // Accounts: administration
  "GET /:lang/admin/users": "administrator",
  "POST /:lang/admin/users": "administrator",
  "POST /:lang/admin/users/:id/disable": "administrator",
  "POST /:lang/admin/users/:id/enable": "administrator",
  "POST /:lang/admin/users/:id/invitation": "administrator",
  "POST /:lang/admin/users/:id/role": "administrator",
  "GET /:lang/admin/security-log": "administrator",
  // Organisations (src/people/organisations): the instance administrator creates them, appoints administrators.
  "GET /:lang/admin/organisations": "administrator",
  "POST /:lang/admin/organisations": "administrator",
  "POST /:lang/admin/organisations/administrators": "administrator",
  // "My organisations" (src/people/staff): any account; what it lists is the people matrix's concern.
  "GET /:lang/orgs": "signed-in",
  // Import wizard and draft exports (src/interop/wizard): framework.import / editor.use
  "GET /:lang/editor/import": "editor",
  "GET /:lang/editor/import/template.xlsx": "editor",
  "GET /:lang/editor/import/template.csv": "editor",
  "POST /:lang/editor/import/upload": "editor",
  "POST /:lang/editor/import/upload/confirm": "editor",
  "GET /:lang/editor/import/done/:slug": "editor",
  "POST /:lang/editor/import/paste": "editor",
  "POST /:lang/editor/import/paste/review": "editor",
  "POST /:lang/editor/import/paste/confirm": "editor",
  "GET /:lang/editor/frameworks/:slug/export.json": "editor",
  "GET /:lang/editor/frameworks/:slug/export.case.json": "editor",
  "GET /:lang/editor/frameworks/:slug/export.xlsx": "editor",
  "GET /:lang/editor/frameworks/:slug/export.csv": "editor",
  // Earlier editions for readers (src/editions)
  "GET /:lang/frameworks/:slug/editions": "public",
  "GET /:lang/frameworks/:slug/editions/:n": "public",
  "GET /:lang/frameworks/:slug/editions/:n/full": "public",
  "GET /:lang/frameworks/:slug/editions/:n/items/:key": "public",
  "GET /:lang/frameworks/:slug/editions/:n/items/:key/print": "public",
  // The default scale's per-competency descriptors (src/profiles/scales): framework.edit; 404 past the guard
  "GET /:lang/editor/scale/competencies/:framework/:item": "editor",
  "POST /:lang/editor/scale/competencies/:framework/:item": "editor",
  // The editor (src/editor): editor.use to read; framework.*, history.restore to change
  "GET /:lang/editor": "editor",
  "GET /:lang/editor/new": "editor",
  "POST /:lang/editor/frameworks": "editor",
  "GET /:lang/editor/adopt": "editor",
  "POST /:lang/editor/adopt": "editor",
  "GET /:lang/editor/frameworks/:slug": "editor",
  "GET /:lang/editor/frameworks/:slug/details": "editor",
  "POST /:lang/editor/frameworks/:slug/details": "editor",
  "GET /:lang/editor/frameworks/:slug/translations": "editor",
  "GET /:lang/editor/frameworks/:slug/find": "editor",
  "POST /:lang/editor/frameworks/:slug/translations/confirm": "editor",
  "GET /:lang/editor/frameworks/:slug/items/:id": "editor",
  "GET /:lang/editor/frameworks/:slug/new-item": "editor",
  "POST /:lang/editor/frameworks/:slug/items": "editor",
  "GET /:lang/editor/frameworks/:slug/items/:id/edit": "editor",
  "POST /:lang/editor/frameworks/:slug/items/:id/edit": "editor",
  "POST /:lang/editor/frameworks/:slug/items/:id/reorder": "editor",
  "GET /:lang/editor/frameworks/:slug/items/:id/move": "editor",
  "POST /:lang/editor/frameworks/:slug/items/:id/move": "editor",
  "POST /:lang/editor/frameworks/:slug/order": "editor",
  "GET /:lang/editor/frameworks/:slug/items/:id/delete": "editor",
  "POST /:lang/editor/frameworks/:slug/items/:id/delete": "editor",
  "GET /:lang/editor/frameworks/:slug/items/:id/history": "editor",
  "GET /:lang/editor/frameworks/:slug/changes": "editor",
  "GET /:lang/editor/frameworks/:slug/changes.csv": "editor",
  "POST /:lang/editor/frameworks/:slug/changes/:changeId/restore": "editor",
  "GET /:lang/editor/frameworks/:slug/publish": "editor",
  "POST /:lang/editor/frameworks/:slug/publish": "editor",
  "GET /:lang/editor/frameworks/:slug/upstream": "editor",
  "POST /:lang/editor/frameworks/:slug/upstream/:upstreamId": "editor",
  "GET /:lang/editor/frameworks/:slug/upstream/:upstreamId/merge": "editor",
  "POST /:lang/editor/frameworks/:slug/upstream/:upstreamId/merge": "editor",
};

/** Sample values for path parameters; "$slug" and "$key" are replaced by the starter framework's. */
const PARAMS: Record<string, string> = {
  name: "app.css",
  slug: "$slug",
  key: "$key",
  id: "00000000-0000-4000-8000-000000000000",
  token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  n: "1",
  changeId: "00000000-0000-4000-8000-000000000000",
  upstreamId: "00000000-0000-4000-8000-000000000000",
  org: "no-such-organisation",
  posting: "00000000-0000-4000-8000-000000000000",
  framework: "00000000-0000-4000-8000-000000000000",
  item: "no-such-item",
};

const ALLOWED: Record<Rule, Role[]> = {
  public: ["anonymous", "editor", "administrator"],
  "signed-in": ["editor", "administrator"],
  editor: ["editor", "administrator"],
  administrator: ["administrator"],
};

interface Route {
  method: string;
  /** As registered, e.g. /en/frameworks/:slug */
  path: string;
  /** The table's key, e.g. GET /:lang/frameworks/:slug */
  key: string;
  lang: "en" | "fr";
}

// biome-ignore lint/suspicious/noExplicitAny: inspectRoutes takes a Hono of the default Env.
function routesOf(app: any): Route[] {
  const seen = new Map<string, Route>();
  for (const route of inspectRoutes(app)) {
    if (route.isMiddleware) continue;
    // Organisation routes are decided by the organisation policy (decision 024), with roles this
    // table does not have: test/people/route-matrix.test.ts walks them.
    if (/^\/(?:en|fr)\/orgs\/|^\/api\/v1\/orgs\//.test(route.path)) continue;
    const lang = route.path.startsWith("/fr") ? "fr" : "en";
    const key = `${route.method} ${route.path.replace(/^\/(en|fr)(?=\/|$)/, "/:lang")}`;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path, key, lang });
  }
  return [...seen.values()];
}

function isRefusal(response: Response, role: Role, lang: string): boolean {
  if (role !== "anonymous") return response.status === 403;
  if (response.status === 401) return true;
  const location = response.headers.get("location") ?? "";
  return response.status === 303 && new RegExp(`^/${lang}/sign-in(\\?next=[^&]*)?$`).test(location);
}

for (const dialect of testDialects()) {
  describe(`route × role matrix (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let samples: Record<string, string>;
    const cookies = new Map<Role, string>();

    before(async () => {
      t = await makeTestApp({ dialect });
      const [framework] = await t.catalog.list();
      const view = framework ? await t.catalog.get(framework.slug) : undefined;
      samples = {
        ...PARAMS,
        $slug: framework?.slug ?? "starter",
        $key: view ? ([...view.keys.values()][0] ?? "x") : "x",
      };
      for (const role of ["editor", "administrator"] as const) cookies.set(role, await signInAs(t, role));
    });
    after(() => t?.close());

    /** A valid session for the role, signing in again if the last request ended it. */
    async function cookieFor(role: Role): Promise<string | undefined> {
      if (role === "anonymous") return undefined;
      const cookie = cookies.get(role) as string;
      const check = await t.app.request("/en/account", { headers: { cookie } });
      if (check.status === 200) return cookie;
      const fresh = await signInAs(t, role);
      cookies.set(role, fresh);
      return fresh;
    }

    function concretePath(path: string): string {
      return path.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, (_, name: string) => {
        const sample = PARAMS[name];
        assert.ok(
          sample !== undefined,
          `no sample value for :${name} in ${path}: add one to PARAMS in test/auth/route-matrix.test.ts`,
        );
        return encodeURIComponent(samples[sample] ?? sample);
      });
    }

    test("every route of the app has a rule in the table", () => {
      const missing = [...new Set(routesOf(t.app).map((r) => r.key))].filter((key) => !(key in ROUTES));
      assert.deepEqual(
        missing,
        [],
        `routes without a rule — add them to ROUTES in test/auth/route-matrix.test.ts:\n  ${missing.join("\n  ")}`,
      );
    });

    test("the table names no route the app does not have", () => {
      const keys = new Set(routesOf(t.app).map((r) => r.key));
      const stale = Object.keys(ROUTES).filter((key) => !keys.has(key));
      assert.deepEqual(stale, [], "rules for routes that no longer exist: remove them from ROUTES");
    });

    test("each role is let through or refused exactly as the table says", async () => {
      const wrong: string[] = [];
      for (const route of routesOf(t.app)) {
        const rule = ROUTES[route.key];
        if (!rule) continue;
        const path = concretePath(route.path);
        for (const role of ["anonymous", "editor", "administrator"] as const) {
          const cookie = await cookieFor(role);
          // A route for every method (ALL) is exercised with a GET.
          const method = route.method === "ALL" ? "GET" : route.method;
          const init: RequestInit =
            method === "GET" || method === "HEAD"
              ? { method, headers: cookie ? { cookie, accept: "text/html" } : { accept: "text/html" } }
              : { ...postForm(t, {}, cookie), method };
          const response = await t.app.request(path, init);
          await response.arrayBuffer();
          const expected = ALLOWED[rule].includes(role);
          const refused = isRefusal(response, role, route.lang);
          if (response.status >= 500) wrong.push(`${route.method} ${path} as ${role}: ${response.status}`);
          else if (expected === refused) {
            wrong.push(
              `${route.method} ${path} as ${role}: expected ${expected ? "let through" : "refused"}, got ${response.status} ${response.headers.get("location") ?? ""}`,
            );
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
}
