/**
 * An assessment's printable page and PDF through the app (src/assessments/documents): who may see
 * them (the person, the managers up the chain, HR; nobody else, no other organisation), the access
 * log for every view or download by someone other than the person, EN and FR, the file's name and
 * headers, the PDF read back. The loader is tested on every database in document-loader.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { makeTestApp, testDialects } from "../support/app.ts";
import {
  type AssessmentDocumentWorld,
  buildAssessmentDocumentWorld,
  type DocumentRole,
} from "../support/assessment-document-world.ts";
import { compact, readPdf } from "../support/document-text.ts";

type App = Awaited<ReturnType<typeof makeTestApp>>;

// Routes and the policy, not SQL (the loader above runs on every database): SQLite only.
for (const dialect of testDialects().slice(0, 1)) {
  describe(`assessment printable page and PDF (${dialect})`, () => {
    let t: App;
    let world: AssessmentDocumentWorld;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      world = await buildAssessmentDocumentWorld(t.db, t);
    });
    after(() => t.close());

    const get = (path: string, role?: DocumentRole) =>
      t.app.request(path, { headers: role ? { cookie: world.cookies[role] } : {} });
    const base = (lang: string, id = world.assessmentId, org = "north") => `/${lang}/orgs/${org}/assessments/${id}`;
    const logged = () =>
      t.db.selectFrom("access_log").selectAll().where("what", "=", "assessment").orderBy("at").orderBy("id").execute();

    it("the person reads their own page in English and French, and it is not logged", async () => {
      const before = (await logged()).length;
      for (const lang of ["en", "fr"] as const) {
        const response = await get(`${base(lang)}/print`, "person");
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("cache-control"), "private, no-store");
        // French typography puts narrow no-break spaces before colons: compared as plain spaces.
        const html = (await response.text()).replace(/[\u00a0\u202f]/g, " ");
        assert.match(html, new RegExp(`<html lang="${lang}`));
        assert.equal(html.match(/<h1[ >]/g)?.length, 1, "one h1");
        assert.equal(html.match(/<table class="assessment-table"/g)?.length, 2, "a table per area");
        const words =
          lang === "fr"
            ? [
                "Évaluation des compétences — Héloïse Lefèbvre",
                "Bilan annuel 2027",
                "Pratique du prêt P1.2",
                "Domaine du prêt 2",
                "Écart : 2 niveaux sous le niveau visé (niveau convenu)",
                "Aucun niveau visé auquel comparer",
                "Fichier : class-visits.pdf",
                "À l&#39;appui de : Pratique du prêt P1.1",
                "Pas encore signé",
              ]
            : [
                "Competency assessment — Héloïse Lefèbvre",
                "Annual review 2027",
                "Lending practice P1.2",
                "Lending area 2",
                "Gap: 2 levels below the target (agreed level)",
                "Meets the target (agreed level)",
                "No target to compare with",
                "Not rated yet",
                "File: class-visits.pdf",
                "Link: https://library.example.org/news/42",
                "Signed on March 20, 2027",
              ];
        for (const text of words) assert.ok(html.includes(text), `${lang}: ${text}`);
        assert.ok(!html.includes("<script>alert"), "a comment's markup stays text");
        assert.ok(html.includes("&lt;/td&gt;&lt;script&gt;"), "the comment is shown, escaped");
        assert.ok(!html.includes("SECRET"), "no evidence bytes");
        assert.ok(html.includes(`${base(lang)}/pdf`), "a link to the PDF");
      }
      assert.equal((await logged()).length, before, "the person's own views are not logged");
    });

    it("the manager, the manager's manager and HR read it too, and each view and download is logged", async () => {
      for (const role of ["manager", "head", "hr"] as const)
        for (const [lang, what] of [
          ["en", "print"],
          ["fr", "pdf"],
        ] as const) {
          const before = (await logged()).length;
          const path = `${base(lang)}/${what}`;
          const response = await get(path, role);
          assert.equal(response.status, 200, `${role} ${path}`);
          await response.arrayBuffer();
          const rows = await logged();
          assert.equal(rows.length, before + 1, `${role} ${path} is logged`);
          const row = rows.at(-1);
          assert.equal(row?.actor_id, world.accounts[role]);
          assert.equal(row?.person_id, world.people.person);
          assert.equal(row?.organisation_id, world.organisationId);
          assert.equal(row?.path, path);
        }
    });

    it("the PDF: an attachment named after the person and the cycle, in the page's language, every competency and level", async () => {
      for (const lang of ["en", "fr"] as const) {
        const response = await get(`${base(lang)}/pdf`, "person");
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("content-type"), "application/pdf");
        assert.equal(response.headers.get("cache-control"), "private, no-store");
        assert.equal(
          response.headers.get("content-disposition"),
          `attachment; filename="assessment-Heloise-Lefebvre-${lang === "fr" ? "Bilan-annuel-2027" : "Annual-review-2027"}.pdf"`,
        );
        const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
        assert.equal(pdf.language, `${lang}-CA`);
        assert.equal(
          pdf.title,
          lang === "fr" ? "Évaluation des compétences — Héloïse Lefèbvre" : "Competency assessment — Héloïse Lefèbvre",
        );
        const flat = compact(pdf.text);
        for (const code of ["P1.1", "P1.2", "P2.1", "P2.2"])
          assert.ok(
            flat.includes(compact(lang === "fr" ? `Pratique du prêt ${code}` : `Lending practice ${code}`)),
            code,
          );
        assert.ok(flat.includes(compact(lang === "fr" ? "Niveau 4 :" : "Level 4:")), "the self level");
        assert.ok(!flat.includes("SECRET"));
      }
    });

    it("nobody else: a colleague, the site's administrator and another organisation's HR get 404; anonymous signs in", async () => {
      const before = (await logged()).length;
      for (const what of ["print", "pdf"])
        for (const role of ["colleague", "siteAdmin", "otherHr"] as const) {
          const response = await get(`${base("en")}/${what}`, role);
          assert.equal(response.status, 404, `${role} ${what}`);
          const body = await response.text();
          assert.ok(!body.includes("Lefèbvre") && !body.includes("Lending practice"), "nothing shown");
        }
      const anonymous = await get(`${base("fr")}/print`);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get("location") ?? "", /^\/fr\/sign-in/);
      assert.equal((await logged()).length, before, "refusals are not views");
    });

    it("a reviewer outside the chain (the cycle kept the old manager after a move) reads it, logged", async () => {
      const reviewer = () => t.db.updateTable("assessments").where("id", "=", world.assessmentId);
      await reviewer().set({ manager_id: world.people.colleague }).execute();
      try {
        const before = (await logged()).length;
        const response = await get(`${base("fr")}/print`, "colleague");
        assert.equal(response.status, 200);
        assert.ok((await response.text()).includes("Casimir Colleague"), "named as the manager");
        const rows = await logged();
        assert.equal(rows.length, before + 1);
        assert.equal(rows.at(-1)?.actor_id, world.accounts.colleague);
      } finally {
        await reviewer().set({ manager_id: world.people.manager }).execute();
      }
      assert.equal((await get(`${base("en")}/print`, "colleague")).status, 404, "no longer once it is back");
    });

    it("another organisation's assessment through this organisation's address is unknown, even to HR", async () => {
      for (const what of ["print", "pdf"]) {
        assert.equal((await get(`${base("en", world.otherAssessmentId)}/${what}`, "hr")).status, 404);
        assert.equal((await get(`${base("en", world.assessmentId, "south")}/${what}`, "otherHr")).status, 404);
        assert.equal((await get(`${base("en", "no-such-assessment")}/${what}`, "hr")).status, 404);
      }
    });
  });
}
