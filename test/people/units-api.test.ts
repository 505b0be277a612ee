/**
 * Units in the signed-in API, on every database: administrators add, rename, move and delete units
 * (the same store, checks and history as the units page), everyone of the organisation reads them,
 * and each answer is held to the OpenAPI document.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { OpenApiDocument } from "../../src/api/openapi-types.ts";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import { linkAccount } from "../../src/people/staff/store.ts";
import { contractFor } from "../api/contract.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { csrfHeaders, signInAs } from "../support/auth.ts";
import { addPerson, grantAdministrator, insertOrganisation, insertUnit, TEST_CHANGE_ACTOR } from "../support/people.ts";

type Method = "get" | "post" | "patch" | "delete";

for (const dialect of testDialects()) {
  describe(`units API (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let doc: OpenApiDocument;
    let north: string;
    let top: string;
    let foreignUnit: string;
    const cookies: Record<string, string> = {};

    const call = async (who: string | null, method: Method, path: string, body?: unknown) => {
      const cookie = who ? cookies[who] : undefined;
      const headers: Record<string, string> = {};
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
      return { status: response.status, json, text };
    };

    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      doc = await (await t.app.request("/api/v1/openapi.json")).json();
      north = await insertOrganisation(t.db, "north");
      const south = await insertOrganisation(t.db, "south");
      top = await insertUnit(t.db, north, "North library");
      foreignUnit = await insertUnit(t.db, south, "South library");
      const clerk = await addPerson(t.db, north, { givenName: "Cleo", familyName: "Clerk", employeeNumber: "7" });
      for (const key of ["hr", "clerk", "foreign"]) {
        const email = `${key}@units-api.test`;
        cookies[key] = await signInAs(t, "editor", { email });
        const user = await findUserByEmail(t.db, email);
        if (key === "hr") await grantAdministrator(t.db, north, user?.id as string);
        if (key === "foreign") await grantAdministrator(t.db, south, user?.id as string);
        if (key === "clerk") await linkAccount(t.db, north, clerk.id, user?.id as string, TEST_CHANGE_ACTOR);
      }
    });
    after(() => t.close());

    it("an administrator adds, renames, moves and deletes; each change is in the history", async () => {
      const added = await call("hr", "post", "/api/v1/orgs/north/units", {
        name: { en: "Children's services", fr: "Services à l'enfance" },
        parentId: top,
      });
      assert.equal(added.status, 201);
      assert.equal(added.json.parentId, top);
      assert.equal(added.json.depth, 1);
      const id = added.json.id as string;

      const renamed = await call("hr", "patch", `/api/v1/orgs/north/units/${id}`, {
        name: { en: "Youth services", fr: "Services jeunesse" },
      });
      assert.equal(renamed.status, 200);
      assert.deepEqual(renamed.json.name, { en: "Youth services", fr: "Services jeunesse" });

      const moved = await call("hr", "patch", `/api/v1/orgs/north/units/${id}`, { parentId: null });
      assert.equal(moved.status, 200);
      assert.equal(moved.json.parentId, null);
      assert.equal(moved.json.depth, 0);

      // A unit cannot go under itself or one of its sub-units; an unknown parent is refused.
      const child = await call("hr", "post", "/api/v1/orgs/north/units", {
        name: { en: "Teens", fr: "Ados" },
        parentId: id,
      });
      assert.equal(
        (await call("hr", "patch", `/api/v1/orgs/north/units/${id}`, { parentId: child.json.id })).status,
        409,
      );
      assert.equal((await call("hr", "patch", `/api/v1/orgs/north/units/${id}`, { parentId: id })).status, 409);
      assert.equal(
        (await call("hr", "patch", `/api/v1/orgs/north/units/${id}`, { parentId: foreignUnit })).status,
        409,
      );
      assert.equal(
        (await call("hr", "post", "/api/v1/orgs/north/units", { name: { en: "X", fr: "X" }, parentId: foreignUnit }))
          .status,
        409,
      );

      assert.equal((await call("hr", "delete", `/api/v1/orgs/north/units/${id}`)).status, 204);
      const left = await call("hr", "get", "/api/v1/orgs/north/units");
      assert.deepEqual(
        left.json.units.map((u: { id: string }) => u.id),
        [top],
        "the unit and its sub-unit went",
      );
      const history = await t.db
        .selectFrom("organisation_changes")
        .select(["action", "subject_id"])
        .where("organisation_id", "=", north)
        .where("subject_kind", "=", "unit")
        .execute();
      const actions = history.filter((h) => h.subject_id === id).map((h) => h.action);
      assert.deepEqual(actions.sort(), ["create", "delete", "update", "update"]);
    });

    it("refuses bad input with the field named, in the reader's language", async () => {
      const empty = await call("hr", "post", "/api/v1/orgs/north/units", { name: { en: " ", fr: "Nom" } });
      assert.equal(empty.status, 400);
      assert.ok(Object.keys(empty.json.fields).some((f) => f.startsWith("name")));
      assert.equal((await call("hr", "post", "/api/v1/orgs/north/units", "not json")).status, 400);
      assert.equal((await call("hr", "patch", `/api/v1/orgs/north/units/${top}`, { colour: "red" })).status, 400);
      assert.equal(
        (await call("hr", "patch", "/api/v1/orgs/north/units/no-such-unit", { parentId: null })).status,
        404,
      );
      assert.equal((await call("hr", "delete", "/api/v1/orgs/north/units/no-such-unit")).status, 404);
    });

    it("staff read but do not write; another organisation's administrator and anonymous get nothing", async () => {
      assert.equal((await call("clerk", "get", "/api/v1/orgs/north/units")).status, 200);
      const body = { name: { en: "Mine", fr: "À moi" } };
      assert.equal((await call("clerk", "post", "/api/v1/orgs/north/units", body)).status, 403);
      assert.equal((await call("clerk", "patch", `/api/v1/orgs/north/units/${top}`, body)).status, 403);
      assert.equal((await call("clerk", "delete", `/api/v1/orgs/north/units/${top}`)).status, 403);
      for (const who of ["foreign", null]) {
        for (const [method, path] of [
          ["post", "/api/v1/orgs/north/units"],
          ["patch", `/api/v1/orgs/north/units/${top}`],
          ["delete", `/api/v1/orgs/north/units/${top}`],
        ] as const) {
          const refused = await call(who, method, path, method === "delete" ? undefined : body);
          assert.equal(refused.status, who ? 404 : 401, `${who} ${method}`);
          assert.ok(!refused.text.includes("North library"));
        }
        // Nor can an administrator reach another organisation's unit through their own address.
        assert.equal((await call("hr", "delete", `/api/v1/orgs/north/units/${foreignUnit}`)).status, 404);
      }
      const units = await call("hr", "get", "/api/v1/orgs/north/units");
      assert.ok(
        units.json.units.some((u: { id: string }) => u.id === top),
        "nothing was changed",
      );
    });
  });
}
