/**
 * The job description and posting files through the app, read back with real parsers (PDF text
 * through pdf.js, Word through mammoth), in English and French: the profile's title, every
 * competency with its target level's number and label, the document's language; the posting's own
 * how-to-apply text in the posting and not in the description. A posting is found only under its
 * own profile.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import { createPosting, type PostingInput, postingForm } from "../../src/profiles/jobs/postings.ts";
import { type PinnedRequirement, requirementsOf } from "../../src/profiles/jobs/requirements.ts";
import { createProfile, findProfile, type Profile } from "../../src/profiles/jobs/store.ts";
import { organisationScale, type Scale } from "../../src/profiles/scales/read.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { compact, readDocx, readPdf } from "../support/document-text.ts";
import { grantAdministrator, insertOrganisation, TEST_CHANGE_ACTOR } from "../support/people.ts";
import { technician } from "../support/profiles.ts";

type App = Awaited<ReturnType<typeof makeTestApp>>;
const TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
const APPLY = {
  en: "Write to the branch head before Friday.",
  fr: "Écrivez à la cheffe de succursale avant vendredi.",
};

// Files, not SQL: one dialect (the stores that fill the document are tested on every database).
for (const dialect of testDialects().slice(0, 1)) {
  describe(`job document files (${dialect})`, () => {
    let t: App;
    let cookie: string;
    let profile: Profile;
    let requirements: PinnedRequirement[];
    let scale: Scale;
    let postingId: string;
    let otherProfileId: string;
    const get = (path: string) => t.app.request(path, { headers: { cookie } });

    before(async () => {
      t = await makeTestApp({ dialect, starter: true });
      const org = await insertOrganisation(t.db, "north", { en: "North Library", fr: "Bibliothèque du Nord" });
      cookie = await signInAs(t, "editor", { email: "hr@north.test" });
      await grantAdministrator(t.db, org, (await findUserByEmail(t.db, "hr@north.test"))?.id as string);
      const copied = await t.app.request("/en/orgs/north/profiles/starters/LIBTECH/copy", postForm(t, {}, cookie));
      assert.equal(copied.status, 303);
      const id = /profiles\/([0-9a-f-]{36})/.exec(copied.headers.get("location") ?? "")?.[1] as string;
      profile = (await findProfile(t.db, org, id)) as Profile;
      requirements = await requirementsOf(t.db, id);
      assert.ok(requirements.length >= 6, "the starter brings its requirements");
      scale = await organisationScale(t.db, org);
      const form = {
        date_posted: "2026-01-05",
        valid_through: "2026-02-05",
        employment_type: "PART_TIME",
        how_to_apply_en: APPLY.en,
        how_to_apply_fr: APPLY.fr,
        locality: "Lakeside",
        country: "CA",
      };
      const posting = await createPosting(t.db, org, id, postingForm.parse(form) as PostingInput, TEST_CHANGE_ACTOR);
      postingId = posting.id;
      otherProfileId = (await createProfile(t.db, org, technician({ code: "OTHER" }), TEST_CHANGE_ACTOR)).id;
    });
    after(() => t.close());

    /** Title, every competency with its level's number and label, in the document's language. */
    const assertContents = (lang: "en" | "fr", text: string) => {
      const flat = compact(text);
      assert.ok(flat.includes(compact(lang === "fr" ? profile.title_fr : profile.title_en)), "the title");
      const word = lang === "fr" ? "Niveau" : "Level";
      for (const r of requirements) {
        assert.ok(flat.includes(compact(r.competency[lang])), `competency ${r.competency[lang]}`);
        const label = scale.levels.find((l) => l.number === r.targetLevel)?.label[lang] as string;
        assert.ok(flat.includes(compact(`${word} ${r.targetLevel}`)), `level ${r.targetLevel}`);
        assert.ok(flat.includes(compact(label)), `level label ${label}`);
      }
      const other = lang === "fr" ? requirements[0]?.competency.en : requirements[0]?.competency.fr;
      if (other && other !== requirements[0]?.competency[lang])
        assert.ok(!flat.includes(compact(other)), "no competency in the other language");
    };

    const read = async (path: string, extension: "pdf" | "docx", lang: "en" | "fr") => {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get("content-type"), TYPES[extension]);
      assert.match(response.headers.get("cache-control") ?? "", /private, no-store/);
      assert.match(
        response.headers.get("content-disposition") ?? "",
        new RegExp(`attachment; filename="[A-Za-z0-9-]+-${lang}\\.${extension}"`),
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (extension === "pdf") {
        const pdf = await readPdf(bytes);
        assert.equal(pdf.title, lang === "fr" ? profile.title_fr : profile.title_en);
        assert.equal(pdf.language, `${lang}-CA`);
        return pdf.text;
      }
      const docx = await readDocx(bytes);
      assert.equal(docx.language, `${lang}-CA`);
      return docx.text;
    };

    for (const lang of ["en", "fr"] as const)
      for (const extension of ["pdf", "docx"] as const) {
        it(`the description ${extension.toUpperCase()} in ${lang} holds every competency and its level`, async () => {
          const base = `/${lang}/orgs/north/profiles/${profile.id}`;
          const text = await read(`${base}/description.${extension}`, extension, lang);
          assertContents(lang, text);
          assert.ok(!compact(text).includes(compact(APPLY[lang])), "a description says nothing of applying");
        });

        it(`the posting ${extension.toUpperCase()} in ${lang} holds them and how to apply`, async () => {
          const base = `/${lang}/orgs/north/profiles/${profile.id}`;
          const text = await read(`${base}/postings/${postingId}/posting.${extension}`, extension, lang);
          assertContents(lang, text);
          assert.ok(compact(text).includes(compact(APPLY[lang])), "how to apply");
        });
      }

    it("finds a posting only under its own profile", async () => {
      const other = await get(`/en/orgs/north/profiles/${otherProfileId}/postings/${postingId}/posting.pdf`);
      assert.equal(other.status, 404);
      const unknown = await get(`/en/orgs/north/profiles/${profile.id}/postings/no-such-posting/posting.docx`);
      assert.equal(unknown.status, 404);
      const anonymous = await t.app.request(`/en/orgs/north/profiles/${profile.id}/postings/${postingId}/posting.pdf`);
      assert.notEqual(anonymous.status, 200);
    });
  });
}
