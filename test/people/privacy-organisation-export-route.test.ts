/**
 * The organisation's export and deletion pages as its administrator meets them, in both languages:
 * the download holds every capability's section (as the application composes them), the deletion's
 * confirmation counts every one of them, names and comments full of markup stay text, and another
 * organisation's administrator is refused. A large organisation's export is streamed: the body comes
 * in many pieces, and rows are still being read after the first piece has been received.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { ASSESSMENT_EXPORT_SECTIONS } from "../../src/assessments/organisation-export.ts";
import { INSIGHT_EXPORT_SECTIONS } from "../../src/insights/organisation-export.ts";
import { ORGANISATION_EXPORT_SECTIONS } from "../../src/people/privacy/organisation-data.ts";
import { PROFILE_EXPORT_SECTIONS } from "../../src/profiles/organisation-export.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { countTags, shows } from "../support/html.ts";
import { type Everything, hostile, seedEverything } from "./organisation-everything.ts";
import { OWNED, ownedRows } from "./organisation-tables.ts";
import { buildWorld, sessionCookieFor } from "./privacy-world.ts";

const SECTIONS = [
  ...ORGANISATION_EXPORT_SECTIONS,
  ...PROFILE_EXPORT_SECTIONS,
  ...ASSESSMENT_EXPORT_SECTIONS,
  ...INSIGHT_EXPORT_SECTIONS,
];

for (const dialect of testDialects()) {
  describe(`the organisation's export and deletion pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    let riverside: Everything;
    let lakeshore: Everything;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      w = await buildWorld(t);
      await t.db
        .updateTable("organisations")
        .set({ name_fr: hostile("NOM") })
        .where("id", "=", w.riverside)
        .execute();
      riverside = await seedEverything(t.db, w.riverside, "RIVERSIDE");
      lakeshore = await seedEverything(t.db, w.lakeshore, "LAKESHORE");
    });
    after(() => t?.close());

    const get = async (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { cookie } : {} });

    for (const lang of ["en", "fr"] as const)
      test(`${lang}: the download holds every section with the organisation's rows`, async () => {
        const response = await get(`/${lang}/orgs/riverside/export.json`, await w.cookieOf("hr"));
        assert.equal(response.status, 200);
        assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
        assert.match(response.headers.get("content-disposition") ?? "", /filename="riverside-organisation\.json"/);
        assert.match(response.headers.get("cache-control") ?? "", /no-store/);
        const text = await response.text();
        const document = JSON.parse(text) as Record<string, unknown[]>;
        const expected = await ownedRows(t.db, w.riverside);
        for (const [table, owned] of OWNED)
          assert.equal(document[owned.section]?.length, expected[table]?.length, owned.section);
        for (const other of ["LAKESHORE", w.lakeshore, ...lakeshore.personIds, w.people.outsider.employeeNumber])
          assert.ok(!text.includes(other), `nothing of the other organisation (${other})`);
        for (const secret of [riverside.fileText, ...riverside.secrets]) assert.ok(!text.includes(secret));
        const files = (document.evidence as { download: string | null }[]).filter((row) => row.download);
        assert.ok(files.length > 0 && files.every((row) => row.download?.startsWith(`/${lang}/orgs/riverside/`)));
      });

    for (const lang of ["en", "fr"] as const)
      test(`${lang}: the deletion's confirmation counts every section, names staying text`, async () => {
        const response = await get(`/${lang}/orgs/riverside/delete`, await w.cookieOf("hr"));
        assert.equal(response.status, 200);
        const html = await response.text();
        assert.equal(countTags(html, "h1"), 1);
        assert.match(html, new RegExp(`<html[^>]*lang="${lang}`));
        assert.ok(!html.includes("<script>alert("), "markup in a name is shown as text");
        const expected = await ownedRows(t.db, w.riverside);
        for (const [table, owned] of OWNED) {
          const section = SECTIONS.find((s) => s.key === owned.section);
          const n = expected[table]?.length ?? 0;
          assert.ok(section && shows(html, section.countLabel(lang, n)), `${owned.section}: ${n}`);
        }
        // The world's branch and the seeded branch and desk; the seeded assessment.
        for (const line of lang === "fr" ? ["3 unités", "1 évaluation"] : ["3 units", "1 assessment"])
          assert.ok(shows(html, line), line);
      });

    test("another organisation's administrator can neither download nor delete it", async () => {
      const theirs = await sessionCookieFor(t, lakeshore.adminUserId);
      assert.equal((await get("/en/orgs/lakeshore/export.json", theirs)).status, 200, "their own, yes");
      for (const path of ["/fr/orgs/riverside/export.json", "/fr/orgs/riverside/delete"]) {
        const response = await get(path, theirs);
        assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`);
        assert.ok(!(await response.text()).includes("RIVERSIDE"));
      }
    });
  });

  describe(`a large organisation's export is streamed (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    const PEOPLE = 1_200;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      w = await buildWorld(t);
      const rows = Array.from({ length: PEOPLE }, (_, i) => ({
        id: randomUUID(),
        organisation_id: w.riverside,
        given_name: `Given ${i}`,
        family_name: "Many",
        preferred_name: null,
        email: null,
        employee_number: `M-${i}`,
        unit_id: null,
        manager_id: null,
        status: "active",
        status_since: null,
        preferred_lang: "en",
        user_id: null,
        created_at: "2026-01-05T10:00:00.000Z",
        updated_at: "2026-01-05T10:00:00.000Z",
      }));
      for (let i = 0; i < rows.length; i += 200)
        await t.db
          .insertInto("people")
          .values(rows.slice(i, i + 200))
          .execute();
    });
    after(() => t?.close());

    test("the body arrives in pieces, and rows are read after the first piece is out", async () => {
      const response = await t.app.request("/en/orgs/riverside/export.json", {
        headers: { cookie: await w.cookieOf("hr") },
      });
      assert.equal(response.status, 200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      const first = await reader.read();
      assert.equal(first.done, false);
      let text = decoder.decode(first.value, { stream: true });
      // Someone joins once the first piece has been received; their id sorts after everyone's, so the
      // people section's last page holds them only if it is read after that piece went out.
      const late = "ffffffff-ffff-4fff-bfff-ffffffffffff";
      await t.db
        .insertInto("people")
        .values({
          id: late,
          organisation_id: w.riverside,
          given_name: "Late",
          family_name: "Joiner",
          preferred_name: null,
          email: null,
          employee_number: "M-LATE",
          unit_id: null,
          manager_id: null,
          status: "active",
          status_since: null,
          preferred_lang: "en",
          user_id: null,
          created_at: "2026-01-05T10:00:00.000Z",
          updated_at: "2026-01-05T10:00:00.000Z",
        })
        .execute();
      let pieces = 1;
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        pieces += 1;
        text += decoder.decode(next.value, { stream: true });
      }
      text += decoder.decode();
      assert.ok(pieces > 10, `${pieces} pieces`);
      const document = JSON.parse(text) as { people: { id: string }[]; accessLog: unknown[] };
      assert.equal(document.people.length, PEOPLE + 5 + 1, "everyone, the late joiner too");
      assert.equal(document.people.at(-1)?.id, late);
      assert.equal(new Set(document.people.map((p) => p.id)).size, document.people.length, "no one twice");
    });
  });
}
