/**
 * The job description / posting as a page body (src/profiles/documents/page.tsx): no h1 of its own,
 * sections under the route's h1, requirements grouped by area with the essential ones first, each
 * with its level and descriptor, in the document's language; any text shown as text.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  JobDocumentArticle,
  JobPostingStructuredData,
  jobDocumentHeading,
} from "../../src/profiles/documents/page.tsx";
import { countTags, shows } from "../support/html.ts";
import { HOSTILE_TEXTS, jobDocumentArbitrary, sampleJobDocument } from "../support/job-documents.ts";

const render = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());
const headings = (html: string, level: number) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>([\\s\\S]*?)</h${level}>`, "g"))].map((m) =>
    m[1].replace(/[\u00a0\u202f]/g, " "),
  );

describe("job document page body", () => {
  test("English: the sections under h2, areas under h3, no h1, the article in Canadian English", async () => {
    const doc = sampleJobDocument({ lang: "en", kind: "posting", requirements: 10 });
    const html = await render(<JobDocumentArticle doc={doc} />);
    assert.equal(countTags(html, "h1"), 0, "the route's page gives the h1");
    assert.match(html, /^<article class="job-document" lang="en-CA">/);
    assert.deepEqual(headings(html, 2), [
      "Summary",
      "Duties and responsibilities",
      "Qualifications",
      "Competency requirements",
      "Working conditions",
      "Proficiency scale",
      "How to apply",
    ]);
    assert.deepEqual(headings(html, 3), [
      "Community engagement",
      "Service to the public",
      "Collections",
      "Leadership",
      "Digital services",
    ]);
    assert.deepEqual(jobDocumentHeading(doc), { title: doc.title, kind: "Job posting" });
    assert.ok(shows(html, "$31.50 to $38.25 an hour"));
    assert.ok(shows(html, "May 4, 2026"));
    for (const r of doc.requirements) {
      assert.ok(shows(html, r.competency), r.competency);
      assert.ok(shows(html, `Level ${r.targetLevel}: ${r.levelLabel}`));
      assert.ok(shows(html, r.levelDescriptor));
    }
  });

  test("French: French headings and labels, the article in Canadian French", async () => {
    const doc = sampleJobDocument({ lang: "fr", kind: "posting", requirements: 8 });
    const html = await render(<JobDocumentArticle doc={doc} />);
    assert.match(html, /^<article class="job-document" lang="fr-CA">/);
    assert.deepEqual(headings(html, 2), [
      "Sommaire",
      "Tâches et responsabilités",
      "Exigences",
      "Compétences requises",
      "Conditions de travail",
      "Échelle de maîtrise",
      "Pour postuler",
    ]);
    assert.ok(shows(html, "Niveau 3 : Autonome"));
    assert.ok(shows(html, "Essentielle"));
    assert.ok(shows(html, "Atout"));
    assert.ok(shows(html, "de 31,50 $ à 38,25 $ l'heure"), "pay in French conventions");
    assert.ok(shows(html, "1er juin 2026"), "the deadline as French writes it");
    assert.equal(jobDocumentHeading(doc).kind, "Offre d'emploi");
  });

  test("a job description has no posting section; a preview can start its sections at h3", async () => {
    const doc = sampleJobDocument({ lang: "en", kind: "description", requirements: 3 });
    const html = await render(<JobDocumentArticle doc={doc} headingLevel={3} />);
    assert.equal(countTags(html, "h2"), 0);
    assert.ok(headings(html, 3).includes("Competency requirements"));
    assert.ok(headings(html, 4).includes("Community engagement"));
    assert.ok(!headings(html, 3).includes("How to apply"));
    assert.ok(!shows(html, "Apply by"));
  });

  test("within an area the essential requirements come before the assets, each group in the author's order", async () => {
    const base = sampleJobDocument({ requirements: 0 });
    const requirement = (name: string, area: string, importance: "essential" | "asset") => ({
      ...sampleJobDocument({ requirements: 1 }).requirements[0],
      competency: name,
      area,
      importance,
    });
    const doc = {
      ...base,
      requirements: [
        requirement("A-asset-1", "Area A", "asset"),
        requirement("B-essential-1", "Area B", "essential"),
        requirement("A-essential-1", "Area A", "essential"),
        requirement("A-asset-2", "Area A", "asset"),
        requirement("A-essential-2", "Area A", "essential"),
      ],
    };
    const html = await render(<JobDocumentArticle doc={doc} />);
    const order = [...html.matchAll(/job-requirement__name">([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(order, ["A-essential-1", "A-essential-2", "A-asset-1", "A-asset-2", "B-essential-1"]);
    assert.deepEqual(headings(html, 3), ["Area A", "Area B"]);
  });

  test("no requirements and empty lists say so instead of showing empty sections", async () => {
    const doc = {
      ...sampleJobDocument({ lang: "fr", requirements: 0 }),
      duties: [],
      qualifications: [" "],
      summary: "",
    };
    const html = await render(<JobDocumentArticle doc={doc} />);
    assert.ok(shows(html, "Aucune compétence n'a encore été choisie pour ce poste."));
    assert.equal(countTags(html, "ol"), 0);
    assert.ok((html.match(/job-document__none/g) ?? []).length >= 3);
  });

  test("any text, hostile or long, is shown as text: never markup", async () => {
    await fc.assert(
      fc.asyncProperty(jobDocumentArbitrary(20), async (doc) => {
        const html = await render(<JobDocumentArticle doc={doc} />);
        assert.equal(countTags(html, "script"), 0);
        assert.equal(countTags(html, "h1"), 0);
        assert.ok(shows(html, doc.organisation.name));
        for (const r of doc.requirements) assert.ok(shows(html, r.competency));
      }),
      { numRuns: 40 },
    );
  });
});

describe("posting structured data on the page", () => {
  test("a posting carries one JSON-LD block that reads back as the JobPosting; a description none", async () => {
    const posting = { ...sampleJobDocument({ kind: "posting" }), title: HOSTILE_TEXTS[0] };
    const html = await render(<JobPostingStructuredData doc={posting} />);
    const match = /^<script type="application\/ld\+json">([\s\S]*)<\/script>$/.exec(html);
    assert.ok(match, html.slice(0, 200));
    assert.ok(!match[1].includes("<"), "nothing in the data can close the element");
    const data = JSON.parse(match[1]);
    assert.equal(data["@type"], "JobPosting");
    assert.equal(data.title, HOSTILE_TEXTS[0]);
    assert.equal(await render(<JobPostingStructuredData doc={sampleJobDocument({ kind: "description" })} />), "");
  });
});
