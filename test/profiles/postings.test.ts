/**
 * Postings: the form's rules, the public pages (only a published posting whose dates include today,
 * no sign-in) and their schema.org JobPosting JSON-LD, which no text can break out of.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { jobPostingJsonLd, jsonLdScript } from "../../src/profiles/documents/json-ld.ts";
import type { JobDocument } from "../../src/profiles/documents/model.ts";
import { withPosting } from "../../src/profiles/jobs/posting-document.ts";
import {
  createPosting,
  isOpen,
  type PostingInput,
  postingForm,
  setPublished,
} from "../../src/profiles/jobs/postings.ts";
import { createProfile } from "../../src/profiles/jobs/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { insertOrganisation, TEST_CHANGE_ACTOR } from "../support/people.ts";
import { technician } from "../support/profiles.ts";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const form = (over: Record<string, string> = {}) => ({
  date_posted: day(-1),
  valid_through: day(10),
  employment_type: "PART_TIME",
  hours_per_week: "21",
  salary_min: "24.5",
  salary_max: "28",
  salary_currency: "CAD",
  salary_unit: "HOUR",
  street_address: "1 Main Street",
  locality: "Lakeside",
  region: "ON",
  postal_code: "K0K 1A0",
  country: "CA",
  how_to_apply_en: "Send a letter to hr@lakeside.example.",
  how_to_apply_fr: "Écrivez à rh@lakeside.example.",
  ...over,
});

const ldOf = (html: string) => {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, "a JSON-LD script");
  return JSON.parse(match[1] as string) as Record<string, unknown>;
};

describe("posting rules", () => {
  it("refuses a closing date before the posting date and a maximum pay below the minimum", () => {
    const parsed = postingForm.safeParse(form({ valid_through: day(-5), salary_max: "10" }));
    assert.equal(parsed.success, false);
    const paths = parsed.error?.issues.map((i) => i.path.join(".")).sort();
    assert.deepEqual(paths, ["salary_max", "valid_through"]);
  });

  it("a posting's JSON-LD carries its facts and no text can break out of the script", () => {
    const input = postingForm.parse(form()) as PostingInput;
    const base: JobDocument = {
      lang: "en",
      kind: "description",
      organisation: { name: "Lakeside" },
      title: "Page",
      code: null,
      units: [],
      grade: null,
      summary: "",
      duties: [],
      qualifications: [],
      workingConditions: "",
      scale: { name: "Scale", levels: [] },
      requirements: [],
      generatedAt: "2026-01-01T00:00:00.000Z",
    } as unknown as JobDocument;
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom("</script><script>alert(1)</script>", "<!--", "\u2028", "&amp;", "</SCRIPT >"),
        (a, b) => {
          const text = `${a}${b}`;
          const posting = {
            ...input,
            locality: text,
            how_to_apply_en: text,
            id: "p",
            organisation_id: "o",
            profile_id: "j",
            published: true,
            employment_type: ["PART_TIME"],
            created_at: "",
            updated_at: "",
          };
          const ld = jobPostingJsonLd(withPosting({ ...base, title: text }, posting, "en", "https://x.example/"));
          assert.ok(ld);
          assert.equal(ld.title, text);
          assert.equal(ld.datePosted, input.date_posted);
          assert.equal(ld.validThrough, input.valid_through);
          assert.equal(ld.employmentType, "PART_TIME");
          const script = jsonLdScript(ld);
          assert.doesNotMatch(script, /[<>&\u2028\u2029]/);
          assert.deepEqual(JSON.parse(script), ld);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

for (const dialect of testDialects().slice(0, 1)) {
  describe(`public posting pages (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let open: string;
    let unpublished: string;
    let closed: string;
    let make: (over: Record<string, string>, publish: boolean) => Promise<string>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      const org = await insertOrganisation(t.db, "lakeside", { en: "Lakeside Library", fr: "Bibliothèque Lakeside" });
      const profile = await createProfile(
        t.db,
        org,
        technician({ title_en: "Page </script><script>alert(1)</script>", summary_en: "Shelves & <b>sorts</b>." }),
        TEST_CHANGE_ACTOR,
      );
      make = async (over: Record<string, string>, publish: boolean) => {
        const posting = await createPosting(t.db, org, profile.id, postingForm.parse(form(over)), TEST_CHANGE_ACTOR);
        if (publish) await setPublished(t.db, org, posting.id, true, TEST_CHANGE_ACTOR);
        return posting.id;
      };
      open = await make({}, true);
      unpublished = await make({}, false);
      closed = await make({ date_posted: day(-20), valid_through: day(-2) }, true);
    });
    after(() => t.close());

    it("shows an open posting to anyone, with the JobPosting properties search engines require", async () => {
      for (const lang of ["en", "fr"] as const) {
        const response = await t.app.request(`/${lang}/jobs/lakeside/${open}`);
        assert.equal(response.status, 200);
        const html = await response.text();
        assert.equal((html.match(/<script/g) ?? []).length - (html.match(/<script[^>]*src=/g) ?? []).length, 1);
        const ld = ldOf(html);
        for (const key of [
          "title",
          "description",
          "datePosted",
          "validThrough",
          "hiringOrganization",
          "jobLocation",
          "employmentType",
        ])
          assert.ok(ld[key], key);
        assert.equal(ld["@type"], "JobPosting");
        assert.equal(ld.datePosted, day(-1));
        assert.equal(ld.validThrough, day(10));
        assert.equal(ld.employmentType, "PART_TIME");
        assert.match(ld.description as string, lang === "fr" ? /rh@lakeside/ : /hr@lakeside/);
        assert.equal(
          (ld.hiringOrganization as { name: string }).name,
          lang === "fr" ? "Bibliothèque Lakeside" : "Lakeside Library",
        );
        assert.equal((ld.jobLocation as { address: { addressLocality: string } }).address.addressLocality, "Lakeside");
      }
      const html = await (await t.app.request(`/en/jobs/lakeside/${open}`)).text();
      const en = ldOf(html);
      assert.equal(en.title, "Page </script><script>alert(1)</script>");
      assert.ok(!html.includes("<script>alert(1)"), "hostile text never becomes an element");
      assert.ok(!(en.description as string).includes("<b>"), "the author's markup stays text in the description");
      assert.match(en.description as string, /Shelves &amp; &lt;b&gt;sorts&lt;\/b&gt;\./);
    });

    it("keeps the JSON-LD one script that reads back as written, whatever the how-to-apply text", async () => {
      const hostile = ["</script><script>alert(2)</script>", "<!-- ", "\u2028x\u2029", "&amp; </SCRIPT >"];
      for (const text of hostile) {
        const id = await make({ how_to_apply_en: `Apply: ${text}`, locality: text.slice(0, 100) }, true);
        const html = await (await t.app.request(`/en/jobs/lakeside/${id}`)).text();
        assert.equal((html.match(/<script/gi) ?? []).length - (html.match(/<script[^>]*src=/g) ?? []).length, 1);
        const ld = ldOf(html);
        assert.equal(
          (ld.jobLocation as { address: { addressLocality: string } }).address.addressLocality,
          text.slice(0, 100).trim(),
        );
      }
    });

    it("answers 404 for an unpublished or closed posting, and lists only the open one", async () => {
      assert.equal((await t.app.request(`/en/jobs/lakeside/${unpublished}`)).status, 404);
      assert.equal((await t.app.request(`/en/jobs/lakeside/${closed}`)).status, 404);
      assert.equal((await t.app.request(`/en/jobs/nowhere/${open}`)).status, 404);
      const list = await (await t.app.request("/fr/jobs/lakeside")).text();
      assert.ok(list.includes(open));
      assert.ok(!list.includes(unpublished) && !list.includes(closed));
      assert.equal(
        isOpen({ published: true, date_posted: "2026-01-01", valid_through: "2026-01-31" }, "2026-01-31"),
        true,
      );
      assert.equal(
        isOpen({ published: true, date_posted: "2026-01-01", valid_through: "2026-01-31" }, "2026-02-01"),
        false,
      );
    });
  });
}
