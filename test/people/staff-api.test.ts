/**
 * People in the signed-in API, on every database: each documented response of /orgs/{org}/people
 * is produced here and held to the OpenAPI document; the same policy as the pages (a manager lists
 * their team only, nobody reaches another organisation's people), record views access-logged,
 * writes validated and recorded in the change history.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { OpenApiDocument } from "../../src/api/openapi-types.ts";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import type { Person } from "../../src/db/schema.ts";
import { linkAccount } from "../../src/people/staff/store.ts";
import { contractFor } from "../api/contract.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, signInAs } from "../support/auth.ts";
import { addPerson, grantAdministrator, insertOrganisation, TEST_CHANGE_ACTOR } from "../support/people.ts";

type Method = "get" | "post" | "patch";

for (const dialect of testDialects()) {
  describe(`people API (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let doc: OpenApiDocument;
    const people: Record<string, Person> = {};
    const cookies: Record<string, string> = {};
    const seen = new Set<string>();

    const call = async (who: string | null, method: Method, path: string, body?: unknown, lang = "en") => {
      const cookie = who ? cookies[who] : undefined;
      const headers: Record<string, string> = { "accept-language": lang };
      if (method !== "get") Object.assign(headers, csrfHeaders(t, cookie), { "content-type": "application/json" });
      else if (cookie) headers.cookie = cookie;
      const response = await t.app.request(path, {
        method: method.toUpperCase(),
        headers,
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      const json = text === "" ? null : JSON.parse(text);
      contractFor(doc).check(method, path, response.status, json);
      const template = path.includes("/people/") ? "/orgs/{org}/people/{person}" : "/orgs/{org}/people";
      seen.add(`${method} ${template} ${response.status}`);
      return { status: response.status, json, headers: response.headers, text };
    };

    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      doc = await (await t.app.request("/api/v1/openapi.json")).json();
      const north = await insertOrganisation(t.db, "north");
      const south = await insertOrganisation(t.db, "south");
      people.manager = await addPerson(t.db, north, { givenName: "Maud", familyName: "Manager", employeeNumber: "1" });
      people.report = await addPerson(t.db, north, {
        givenName: "Remy",
        familyName: "Report",
        employeeNumber: "2",
        managerId: people.manager.id,
      });
      people.staff = await addPerson(t.db, north, { givenName: "Stan", familyName: "Solo", employeeNumber: "3" });
      people.foreign = await addPerson(t.db, south, { givenName: "Xavier", familyName: "Xeno", employeeNumber: "1" });
      for (const [key, organisationId, person] of [
        ["hr", north, undefined],
        ["manager", north, people.manager],
        ["staff", north, people.staff],
        ["foreign", south, people.foreign],
      ] as const) {
        const email = `${key}@api.test`;
        cookies[key] = await signInAs(t, "editor", { email });
        const user = await findUserByEmail(t.db, email);
        if (key === "hr") await grantAdministrator(t.db, north, user?.id as string);
        if (person) await linkAccount(t.db, organisationId, person.id, user?.id as string, TEST_CHANGE_ACTOR);
      }
    });
    after(() => t.close());

    it("lists: administrators everyone, managers their team, others refused without data", async () => {
      const all = await call("hr", "get", "/api/v1/orgs/north/people?sort=employeeNumber");
      assert.equal(all.status, 200);
      assert.equal(all.headers.get("cache-control"), "private, no-store");
      assert.deepEqual(
        all.json.items.map((p: { employeeNumber: string }) => p.employeeNumber),
        ["1", "2", "3"],
      );
      assert.equal(all.json.total, 3);
      const team = await call("manager", "get", "/api/v1/orgs/north/people");
      assert.deepEqual(
        team.json.items.map((p: { id: string }) => p.id),
        [people.report.id],
      );
      assert.equal((await call("hr", "get", "/api/v1/orgs/north/people?size=500")).status, 400);
      assert.equal((await call("staff", "get", "/api/v1/orgs/north/people")).status, 403);
      for (const [who, status] of [
        ["foreign", 404],
        [null, 401],
      ] as const) {
        const refused = await call(who, "get", "/api/v1/orgs/north/people");
        assert.equal(refused.status, status);
        assert.ok(!refused.text.includes("Remy") && !refused.text.includes("Maud"));
      }
    });

    it("one record: access-logged for someone else's, refused as unknown for whoever may not see it", async () => {
      const count = async () => (await t.db.selectFrom("access_log").select("id").execute()).length;
      const before = await count();
      const record = await call("manager", "get", `/api/v1/orgs/north/people/${people.report.id}`);
      assert.equal(record.status, 200);
      assert.deepEqual(
        record.json.managerLine.map((m: { id: string }) => m.id),
        [people.manager.id],
      );
      assert.equal(await count(), before + 1);
      assert.equal((await call("staff", "get", `/api/v1/orgs/north/people/${people.staff.id}`)).status, 200);
      assert.equal(await count(), before + 1);
      for (const [who, path, status] of [
        ["staff", `/api/v1/orgs/north/people/${people.report.id}`, 404],
        ["hr", `/api/v1/orgs/north/people/${people.foreign.id}`, 404],
        ["foreign", `/api/v1/orgs/north/people/${people.report.id}`, 404],
        [null, `/api/v1/orgs/north/people/${people.report.id}`, 401],
      ] as const) {
        const refused = await call(who, "get", path);
        assert.equal(refused.status, status, `${who} ${path}`);
        assert.ok(!refused.text.includes("Remy") && !refused.text.includes("Xavier"));
      }
      assert.equal(await count(), before + 1);
    });

    it("creates and updates through the store's checks, in the caller's language", async () => {
      const created = await call("hr", "post", "/api/v1/orgs/north/people", {
        givenName: "Nina",
        familyName: "New",
        employeeNumber: "9",
        email: "Nina@North.Example",
        managerId: people.report.id,
        preferredLang: "fr",
      });
      assert.equal(created.status, 201);
      assert.equal(created.json.email, "nina@north.example");
      assert.equal(created.json.managerName, "Remy Report");

      const missing = await call("hr", "post", "/api/v1/orgs/north/people", { familyName: "X" }, "fr");
      assert.equal(missing.status, 400);
      assert.ok(missing.json.fields.givenName);
      assert.ok(missing.json.fields.employeeNumber);
      assert.equal((await call("hr", "post", "/api/v1/orgs/north/people", "{not json")).status, 400);
      const taken = await call("hr", "post", "/api/v1/orgs/north/people", {
        givenName: "A",
        familyName: "B",
        employeeNumber: "9",
        preferredLang: "en",
      });
      assert.equal(taken.status, 409);
      assert.match(taken.json.fields.employeeNumber, /employee number/);
      assert.equal((await call("manager", "post", "/api/v1/orgs/north/people", { givenName: "A" })).status, 403);
      assert.equal((await call("foreign", "post", "/api/v1/orgs/north/people", { givenName: "A" })).status, 404);
      assert.equal((await call(null, "post", "/api/v1/orgs/north/people", { givenName: "A" })).status, 401);

      const path = `/api/v1/orgs/north/people/${people.manager.id}`;
      const loop = await call("hr", "patch", path, { managerId: created.json.id }, "fr");
      assert.equal(loop.status, 409);
      assert.match(loop.json.fields.managerId, /relève de cette personne/);
      assert.equal((await call("hr", "patch", path, { statusSince: "2026-13-01" })).status, 400);
      const left = await call("hr", "patch", path, { status: "left", statusSince: "2026-06-30" });
      assert.equal(left.status, 200);
      assert.equal(left.json.status, "left");
      const history = await t.db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("subject_id", "=", people.manager.id)
        .orderBy("at", "desc")
        .executeTakeFirst();
      assert.match(history?.actor_label ?? "", /^Test editor <\w+@api\.test>$/);
      assert.equal(JSON.parse(history?.after as string).status_since, "2026-06-30");
      assert.equal(
        (await call("manager", "patch", `/api/v1/orgs/north/people/${people.report.id}`, { givenName: "Z" })).status,
        404,
      );
      assert.equal((await call(null, "patch", path, { givenName: "Z" })).status, 401);
    });

    it("every documented response of the people API was produced above", () => {
      const documented = Object.entries(doc.paths)
        .filter(([path]) => path.startsWith("/orgs/{org}/people"))
        .flatMap(([path, item]) =>
          (["get", "post", "patch"] as const).flatMap((method) =>
            Object.keys(item[method]?.responses ?? {}).map((status) => `${method} ${path} ${status}`),
          ),
        );
      assert.deepEqual([...seen].sort(), documented.sort());
    });
  });
}
