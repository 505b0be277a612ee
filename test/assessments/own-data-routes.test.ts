/**
 * "Everything held about me" with assessments, through the app, in English and French, on each
 * database: a person with two review cycles (one withdrawn), a link and a file as evidence, a
 * sign-off and history. The JSON download holds it all (files as pointers that do download); the
 * readable page shows it in the reader's language with nothing hostile left unescaped; only the
 * person and HR may read it.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { HeldAssessment } from "../../src/assessments/own-data/read.ts";
import { formatDate, messages } from "../../src/i18n/index.ts";
import { buildWorld } from "../people/privacy-world.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { type HeldSeed, seedHeld } from "../support/held-assessments.ts";
import { countTags, hrefs, htmlLang, shows } from "../support/html.ts";

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

for (const dialect of testDialects()) {
  describe(`own data with assessments, through the app (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    let signed: HeldSeed;
    let withdrawn: HeldSeed;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      w = await buildWorld(t);
      const { report, manager, colleague } = w.people;
      signed = await seedHeld(t.db, {
        organisationId: w.riverside,
        personId: report.id,
        managerId: manager.id,
        cycle: {
          nameEn: "Review 2026",
          nameFr: "Bilan 2026",
          state: "closed",
          periodStart: "2026-01-01",
          periodEnd: "2026-12-31",
        },
        state: "signed_off",
        notes: HOSTILE,
        conversationDate: "2026-11-20",
        items: [{ self: 2, selfComment: HOSTILE, manager: 3, managerComment: "Steady progress", agreed: 3 }],
        links: [{ title: "Workshop page", url: "https://example.test/workshop", onItem: true }],
        files: [{ name: "reflection.txt", text: "my year in a few lines" }],
        signedBy: "Rita Singh <report@riverside.test>",
        author: { id: report.userId, label: "Rita Singh <report@riverside.test>" },
      });
      withdrawn = await seedHeld(t.db, {
        organisationId: w.riverside,
        personId: report.id,
        managerId: manager.id,
        cycle: { nameEn: "Review 2027", nameFr: "Bilan 2027", periodStart: "2027-01-01" },
        state: "withdrawn",
        items: [{ self: 1, selfComment: "a start", manager: null, managerComment: null, agreed: null }],
      });
      await seedHeld(t.db, {
        organisationId: w.riverside,
        personId: colleague.id,
        items: [{ self: 4, selfComment: "Colin's own words", manager: null, managerComment: null, agreed: null }],
      });
    });
    after(() => t?.close());

    const get = async (path: string, who: Parameters<typeof w.cookieOf>[0]) =>
      t.app.request(path, { headers: { cookie: await w.cookieOf(who) } });

    for (const lang of ["en", "fr"] as const) {
      test(`${lang}: the JSON download holds every assessment, its evidence as pointers that download`, async () => {
        const { report } = w.people;
        const response = await get(`/${lang}/orgs/riverside/people/${report.id}/data.json`, "report");
        assert.equal(response.status, 200);
        assert.match(response.headers.get("content-disposition") ?? "", /attachment/);
        const document = (await response.json()) as { sections: Record<string, unknown> };
        for (const key of [
          "record",
          "placement",
          "invitations",
          "position",
          "assessments",
          "reminders",
          "developmentPlans",
        ])
          assert.ok(key in document.sections, key);
        const assessments = document.sections.assessments as HeldAssessment[];
        assert.deepEqual(
          assessments.map((a) => [a.id, a.withdrawn]),
          [
            [withdrawn.assessmentId, true],
            [signed.assessmentId, false],
          ],
        );
        const held = assessments[1] as HeldAssessment;
        assert.deepEqual(held.cycle.name, { en: "Review 2026", fr: "Bilan 2026" });
        assert.equal(held.conversation.notes, HOSTILE, "kept exactly as written");
        assert.equal(held.competencies[0]?.self.comment, HOSTILE);
        assert.equal(held.competencies[0]?.manager.comment, "Steady progress");
        assert.equal(held.signOffs.person?.by, "Rita Singh <report@riverside.test>");
        const link = held.evidence.find((e) => e.kind === "link");
        const file = held.evidence.find((e) => e.kind === "file");
        assert.equal(link?.url, "https://example.test/workshop");
        assert.equal(file?.file?.name, "reflection.txt");
        assert.ok(held.history.length >= 3);
        assert.ok(!JSON.stringify(document).includes("Colin's own words"));

        // The pointer is where the file downloads, for the person themself.
        const download = file?.file?.download ?? "";
        assert.ok(download.startsWith(`/${lang}/orgs/riverside/assessments/${signed.assessmentId}/evidence/`));
        const bytes = await get(download, "report");
        assert.equal(bytes.status, 200);
        assert.equal(await bytes.text(), "my year in a few lines");
      });

      test(`${lang}: the readable page shows it in the reader's language, every comment escaped`, async () => {
        const m = messages(lang);
        const { report } = w.people;
        const response = await get(`/${lang}/orgs/riverside/people/${report.id}/data`, "report");
        assert.equal(response.status, 200);
        const html = await response.text();
        assert.equal(htmlLang(html), lang === "fr" ? "fr-CA" : "en-CA");
        assert.equal(countTags(html, "h1"), 1);
        for (const heading of [m.awDataTitle, m.awDataRemindersTitle, m.profileDataTitle, m.privacySectionInvitations])
          assert.ok(shows(html, heading), heading);
        assert.ok(shows(html, lang === "fr" ? "Bilan 2026" : "Review 2026"));
        assert.ok(shows(html, "Review 2027") && shows(html, "Bilan 2027"), "both names of each cycle");
        assert.ok(shows(html, m.awDataWithdrawn));
        assert.ok(shows(html, m.awStateName("signed_off")));
        assert.ok(shows(html, formatDate("2026-11-20T12:00:00Z", lang)), "dates written as the language writes them");
        assert.ok(shows(html, m.awDataTarget) && shows(html, m.awDataAgreed) && shows(html, m.awHistoryHeading));
        assert.ok(shows(html, "Steady progress"));
        // The hostile text is there, as text: never as markup.
        assert.ok(shows(html, HOSTILE));
        assert.ok(!html.includes("<script>alert"), "no script from a comment");
        assert.ok(!html.includes("<img src=x"), "no element from a comment");
        assert.ok(hrefs(html).includes("https://example.test/workshop"));
        assert.ok(
          hrefs(html).some((href) =>
            href.startsWith(`/${lang}/orgs/riverside/assessments/${signed.assessmentId}/evidence/`),
          ),
          "the file's download is linked",
        );
        assert.ok(!shows(html, "Colin's own words"));
      });
    }

    test("who may read it: the person and HR; not their manager, a colleague or another organisation", async () => {
      const { report } = w.people;
      const path = `/en/orgs/riverside/people/${report.id}/data.json`;
      assert.equal((await get(path, "hr")).status, 200);
      for (const who of ["manager", "colleague", "outsider"] as const) {
        const refused = await get(path, who);
        assert.ok([403, 404].includes(refused.status), `${who}: ${refused.status}`);
        const body = await refused.text();
        assert.ok(!body.includes("Review 2026") && !body.includes("Steady progress"));
      }
    });
  });
}
