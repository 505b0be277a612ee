/**
 * schema.org JobPosting structured data (src/profiles/documents/json-ld.ts): the properties search
 * engines require, with the types they expect; a description built only from escaped text; and a
 * serialiser no text can break out of the <script> element with.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { jobPostingJsonLd, jsonLdScript, postingDescriptionHtml } from "../../src/profiles/documents/json-ld.ts";
import type { JobDocument } from "../../src/profiles/documents/model.ts";
import { HOSTILE_TEXTS, jobDocumentArbitrary, sampleJobDocument } from "../support/job-documents.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T.+)?$/;
const ALLOWED_TAGS = new Set(["p", "h3", "ul", "li", "strong"]);

/** What a search engine checks first: the required properties and their types. */
function assertRequiredProperties(ld: Record<string, unknown>) {
  assert.equal(ld["@context"], "https://schema.org/");
  assert.equal(ld["@type"], "JobPosting");
  assert.equal(typeof ld.title, "string");
  assert.equal(typeof ld.description, "string");
  assert.match(String(ld.datePosted), ISO_DATE);
  const organisation = ld.hiringOrganization as Record<string, unknown>;
  assert.equal(organisation["@type"], "Organization");
  assert.equal(typeof organisation.name, "string");
  const place = ld.jobLocation as Record<string, unknown>;
  assert.equal(place["@type"], "Place");
  assert.equal((place.address as Record<string, unknown>)["@type"], "PostalAddress");
  assert.equal(ld.directApply, false);
}

describe("JobPosting JSON-LD", () => {
  test("a posting has every property search engines require and recommend, with their types", () => {
    const doc = sampleJobDocument({ lang: "en", kind: "posting", requirements: 6 });
    const ld = jobPostingJsonLd(doc);
    assert.ok(ld);
    assertRequiredProperties(ld as unknown as Record<string, unknown>);
    assert.equal(ld.title, "Children's and Youth Services Librarian");
    assert.equal(ld.datePosted, "2026-05-04");
    assert.equal(ld.validThrough, "2026-06-01");
    assert.equal(ld.employmentType, "FULL_TIME");
    assert.deepEqual(ld.hiringOrganization, {
      "@type": "Organization",
      name: "Maple Valley Public Library",
      sameAs: "https://library.example.org/",
      url: "https://library.example.org/",
    });
    assert.deepEqual(ld.jobLocation.address, {
      "@type": "PostalAddress",
      streetAddress: "12 Main Street",
      addressLocality: "Maple Valley",
      addressRegion: "ON",
      postalCode: "K0A 1A0",
      addressCountry: "CA",
    });
    assert.deepEqual(ld.baseSalary, {
      "@type": "MonetaryAmount",
      currency: "CAD",
      value: { "@type": "QuantitativeValue", unitText: "HOUR", minValue: 31.5, maxValue: 38.25 },
    });
    assert.deepEqual(ld.identifier, {
      "@type": "PropertyValue",
      name: "Maple Valley Public Library",
      value: "LIB-204",
    });
    assert.deepEqual(
      ld.skills,
      doc.requirements.map((r) => r.competency),
    );
    for (const r of doc.requirements) assert.ok(ld.description.includes(r.competency), r.competency);
    assert.match(ld.description, /<h3>Duties and responsibilities<\/h3><ul><li>Lead story time<\/li>/);
  });

  test("French posting: the description's headings and levels in French", () => {
    const ld = jobPostingJsonLd(sampleJobDocument({ lang: "fr", kind: "posting", requirements: 4 }));
    assert.ok(ld);
    assert.match(ld.description, /<h3>Compétences requises<\/h3>/);
    assert.match(ld.description.replace(/\u00a0/g, " "), /Niveau 2 : En développement \(essentielle\)/);
  });

  test("a job description is not a posting: no structured data", () => {
    assert.equal(jobPostingJsonLd(sampleJobDocument({ kind: "description" })), undefined);
  });

  test("bad values are left out rather than sent wrong: dates, addresses, types, salary", () => {
    const base = sampleJobDocument({ kind: "posting" });
    const doc: JobDocument = {
      ...base,
      code: null,
      organisation: { name: "Library", url: "javascript:alert(1)", locality: "  " },
      posting: {
        ...(base.posting as NonNullable<JobDocument["posting"]>),
        datePosted: "next Tuesday",
        validThrough: "2026-13-45",
        employmentType: ["FULL_TIME", "FULL_TIME", "SOMETIMES", "PART_TIME"],
        salary: { min: Number.NaN, max: -3, currency: "CAD", unit: "YEAR" },
      },
    };
    const ld = jobPostingJsonLd(doc);
    assert.ok(ld);
    assertRequiredProperties(ld as unknown as Record<string, unknown>);
    assert.equal(ld.datePosted, "2026-05-04", "falls back on the day the document was prepared");
    assert.equal(ld.validThrough, undefined);
    assert.deepEqual(ld.employmentType, ["FULL_TIME", "PART_TIME"]);
    assert.deepEqual(ld.hiringOrganization, { "@type": "Organization", name: "Library" });
    assert.deepEqual(ld.jobLocation.address, { "@type": "PostalAddress" });
    assert.equal(ld.baseSalary, undefined);
    assert.equal(ld.identifier, undefined);
  });

  test("one salary figure is a value, not a range", () => {
    const base = sampleJobDocument({ kind: "posting" });
    const posting = base.posting as NonNullable<JobDocument["posting"]>;
    const ld = jobPostingJsonLd({
      ...base,
      posting: { ...posting, salary: { max: 72000, currency: "CAD", unit: "YEAR" } },
    });
    assert.deepEqual(ld?.baseSalary?.value, { "@type": "QuantitativeValue", unitText: "YEAR", value: 72000 });
  });

  test("the description is HTML made of escaped text: only its own tags, every hostile text as text", () => {
    fc.assert(
      fc.property(jobDocumentArbitrary(30), (doc) => {
        const html = postingDescriptionHtml(doc);
        for (const [, closing, name] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)/g)) {
          assert.ok(ALLOWED_TAGS.has(name), `unexpected <${closing}${name}> in ${html.slice(0, 300)}`);
        }
        assert.ok(!/<[a-z]+\s/.test(html), "no attributes at all");
      }),
      { numRuns: 60 },
    );
  });

  test("the script serialiser: no <, > or & and no line separators, and it reads back as the same data", () => {
    const hostile = fc.oneof(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ unit: "binary", maxLength: 60 }));
    fc.assert(
      fc.property(
        fc.dictionary(hostile, fc.oneof(hostile, fc.array(hostile, { maxLength: 3 })), { noNullPrototype: true }),
        (data) => {
          const script = jsonLdScript(data);
          assert.ok(!/[<>&\u2028\u2029]/.test(script), script);
          assert.deepEqual(JSON.parse(script), data);
          // Put in a page, the element ends where it should and nowhere else.
          const page = `<script type="application/ld+json">${script}</script><p>after</p>`;
          assert.equal(page.toLowerCase().indexOf("</script"), page.length - "</script><p>after</p>".length);
          assert.ok(!page.includes("<!--"));
        },
      ),
      { numRuns: 200 },
    );
  });

  test("every generated posting serialises safely and keeps its required properties", () => {
    fc.assert(
      fc.property(jobDocumentArbitrary(30), (doc) => {
        const ld = jobPostingJsonLd(doc);
        if (doc.kind !== "posting") return assert.equal(ld, undefined);
        assert.ok(ld);
        const back = JSON.parse(jsonLdScript(ld));
        assertRequiredProperties(back);
        assert.equal(back.title, doc.title);
      }),
      { numRuns: 60 },
    );
  });
});
