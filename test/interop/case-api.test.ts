/**
 * The CASE 1.1 REST API: every endpoint's answers hold to the official OpenAPI binding (200s and the
 * imsx_StatusInfo payloads of 400 and 404), and only published frameworks are ever served.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { syntheticCasePackage } from "../../bench/case/synthetic.ts";
import { uuidV5 } from "../../src/db/uuid.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importFramework } from "../../src/interop/import.ts";
import { hasErrors } from "../../src/interop/model.ts";
import { makeTestApp } from "../support/app.ts";
import { caseSkip, openApiValidator, readSample, validatePackage } from "./case-support.ts";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read freely
type Json = Record<string, any>;
const BASE = "/ims/case/v1p1";
const v4 = (name: string) => {
  // Version-4-looking identifiers (the binding's pattern wants a version digit 1-5).
  const u = uuidV5(name);
  return `${u.slice(0, 14)}4${u.slice(15)}`;
};
const date = "2024-03-04T05:06:07Z";

/** A small published package with one definition of every kind, including a rubric. */
function definitionsPackage() {
  const doc = v4("api-doc");
  const item = v4("api-item");
  const link = (kind: string, id: string, title: string) => ({
    title,
    identifier: id,
    uri: `https://case.example.org/${kind}/${id}`,
  });
  const ids = {
    subject: v4("subject"),
    concept: v4("concept"),
    license: v4("license"),
    grouping: v4("grouping"),
    rubric: v4("rubric"),
    criterion: v4("criterion"),
    level: v4("level"),
  };
  return {
    ids: { ...ids, doc, item },
    json: {
      CFDocument: {
        identifier: doc,
        uri: `https://case.example.org/CFDocuments/${doc}`,
        creator: "API tests",
        title: "Definitions",
        lastChangeDateTime: date,
        subjectURI: [link("CFSubjects", ids.subject, "Reading")],
        licenseURI: link("CFLicenses", ids.license, "CC0"),
      },
      CFItems: [
        {
          identifier: item,
          uri: `https://case.example.org/CFItems/${item}`,
          fullStatement: "Reads closely.",
          lastChangeDateTime: date,
          conceptKeywordsURI: link("CFConcepts", ids.concept, "Close reading"),
        },
      ],
      CFAssociations: [
        {
          identifier: v4("api-assoc"),
          uri: "https://case.example.org/CFAssociations/a",
          associationType: "isChildOf",
          lastChangeDateTime: date,
          originNodeURI: link("CFItems", item, "Reads closely."),
          destinationNodeURI: link("CFDocuments", doc, "Definitions"),
          CFAssociationGroupingURI: link("CFAssociationGroupings", ids.grouping, "Main"),
        },
      ],
      CFDefinitions: {
        CFSubjects: [
          {
            identifier: ids.subject,
            uri: "https://case.example.org/s",
            title: "Reading",
            hierarchyCode: "1",
            lastChangeDateTime: date,
          },
        ],
        CFConcepts: [
          {
            identifier: ids.concept,
            uri: "https://case.example.org/c",
            title: "Close reading",
            hierarchyCode: "1",
            keywords: "close|read",
            lastChangeDateTime: date,
          },
        ],
        CFLicenses: [
          {
            identifier: ids.license,
            uri: "https://case.example.org/l",
            title: "CC0",
            licenseText: "No rights reserved.",
            lastChangeDateTime: date,
          },
        ],
        CFItemTypes: [],
        CFAssociationGroupings: [
          { identifier: ids.grouping, uri: "https://case.example.org/g", title: "Main", lastChangeDateTime: date },
        ],
      },
      CFRubrics: [
        {
          identifier: ids.rubric,
          uri: "https://case.example.org/r",
          title: "Reading rubric",
          lastChangeDateTime: date,
          CFRubricCriteria: [
            {
              identifier: ids.criterion,
              uri: "https://case.example.org/rc",
              lastChangeDateTime: date,
              position: 1,
              CFRubricCriterionLevels: [
                {
                  identifier: ids.level,
                  uri: "https://case.example.org/rl",
                  lastChangeDateTime: date,
                  quality: "Good",
                  score: 3,
                },
              ],
            },
          ],
        },
      ],
    },
  };
}

describe("CASE 1.1 REST API", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let check: ReturnType<typeof openApiValidator> | undefined;
  const fixture = definitionsPackage();
  let starterId: string;
  let starterItem: string;
  let starterType: string;
  let draftId: string;
  let draftItem: string;

  before(async () => {
    t = await makeTestApp({ dialect: "sqlite", env: { BASE_URL: "https://skills.example.org" } });
    if (!caseSkip) check = openApiValidator();
    const imported = await importFramework(t.db, parseCasePackage(fixture.json).value as never, {
      publish: { en: "API fixture", fr: "Données de test de l'API" },
    });
    assert.ok(imported.ok);
    const starter = await t.db
      .selectFrom("frameworks")
      .select("id")
      .where("slug", "=", "public-library-staff")
      .executeTakeFirstOrThrow();
    starterId = starter.id;
    starterItem = (
      await t.db
        .selectFrom("items")
        .select("id")
        .where("framework_id", "=", starterId)
        .where("parent_id", "is not", null)
        .executeTakeFirstOrThrow()
    ).id;
    starterType = (
      await t.db.selectFrom("item_types").select("id").where("framework_id", "=", starterId).executeTakeFirstOrThrow()
    ).id;
    // A framework imported but never published: invisible to the API.
    const draft = parseCasePackage(syntheticCasePackage(12, { seed: "api-draft:" }));
    assert.ok(draft.value && !hasErrors(draft.problems));
    const outcome = await importFramework(t.db, draft.value);
    assert.ok(outcome.ok);
    draftId = outcome.report.frameworkId;
    draftItem = draft.value.framework.children[0].id;
    t.catalog.invalidate();
  });
  after(() => t.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await t.app.request(`${BASE}${path}`, { headers });
    const body = response.headers.get("content-type")?.includes("json") ? ((await response.json()) as Json) : null;
    return { status: response.status, body: body as Json, headers: response.headers };
  };
  const conforms = (template: string, status: number, body: unknown) => {
    if (!check) return;
    const result = check(template, status, body);
    assert.ok(result.ok, `${template} ${status}: ${result.errors}`);
  };

  it("lists published CFDocuments with X-Total-Count, limit, offset, sort and orderBy", async () => {
    const all = await get("/CFDocuments");
    assert.equal(all.status, 200);
    conforms("/CFDocuments", 200, all.body);
    assert.equal(all.headers.get("x-total-count"), "2");
    assert.deepEqual(all.body.CFDocuments.map((d: Json) => d.identifier).sort(), [starterId, fixture.ids.doc].sort());
    assert.ok(!all.body.CFDocuments.some((d: Json) => d.identifier === draftId), "drafts are not listed");

    const byTitle = await get("/CFDocuments?sort=title&orderBy=desc");
    const titles = byTitle.body.CFDocuments.map((d: Json) => d.title);
    assert.deepEqual(
      titles,
      [...titles].sort((a: string, b: string) => b.localeCompare(a)),
    );
    const page = await get("/CFDocuments?sort=title&limit=1&offset=1");
    assert.equal(page.body.CFDocuments.length, 1);
    assert.equal(page.body.CFDocuments[0].title, [...titles].reverse()[1]);
    assert.equal(page.headers.get("x-total-count"), "2");
    conforms("/CFDocuments", 200, page.body);
    assert.equal(all.headers.get("access-control-allow-origin"), "*");
  });

  it("answers bad list parameters with a 400 status payload", async () => {
    for (const [query, field, minor] of [
      ["limit=0", "limit", "invalid_selection_field"],
      ["limit=abc", "limit", "invalid_selection_field"],
      ["offset=-1", "offset", "invalid_selection_field"],
      ["sort=shoeSize", "sort", "invalid_sort_field"],
      ["orderBy=sideways", "orderBy", "invalid_selection_field"],
      ["filter=title%3D'x'", "filter", "invalid_selection_field"],
    ]) {
      const { status, body } = await get(`/CFDocuments?${query}`);
      assert.equal(status, 400, query);
      conforms("/CFDocuments", 400, body);
      assert.equal(body.imsx_codeMajor, "failure");
      assert.equal(body.imsx_severity, "error");
      assert.deepEqual(body.imsx_codeMinor.imsx_codeMinorField[0], {
        imsx_codeMinorFieldName: field,
        imsx_codeMinorFieldValue: minor,
      });
    }
    const french = await get("/CFDocuments?limit=0", { "accept-language": "fr-CA" });
    assert.match(french.body.imsx_description, /nombre entier/);
  });

  it("serves a document, its package, items, associations and definitions, each as the binding says", async () => {
    const doc = await get(`/CFDocuments/${starterId}`);
    assert.equal(doc.status, 200);
    conforms("/CFDocuments/{sourcedId}", 200, doc.body);
    assert.equal(doc.body.CFPackageURI.uri, `https://skills.example.org${BASE}/CFPackages/${starterId}`);

    const pkg = await get(`/CFPackages/${starterId}`);
    assert.equal(pkg.status, 200);
    conforms("/CFPackages/{sourcedId}", 200, pkg.body);
    if (!caseSkip) assert.ok(validatePackage(pkg.body).ok, validatePackage(pkg.body).errors);
    assert.ok(pkg.body.CFItems.length > 100);

    const item = await get(`/CFItems/${starterItem}`);
    assert.equal(item.status, 200);
    conforms("/CFItems/{sourcedId}", 200, item.body);
    assert.equal(item.body.CFDocumentURI.identifier, starterId);
    assert.ok(item.body.extensions.skillshelf.translations.fr.fullStatement, "the French travels too");

    const withAssociations = await get(`/CFItemAssociations/${starterItem}`);
    assert.equal(withAssociations.status, 200);
    conforms("/CFItemAssociations/{sourcedId}", 200, withAssociations.body);
    const association = withAssociations.body.CFAssociations[0];
    const one = await get(`/CFAssociations/${association.identifier}`);
    assert.equal(one.status, 200);
    conforms("/CFAssociations/{sourcedId}", 200, one.body);

    const type = await get(`/CFItemTypes/${starterType}`);
    assert.equal(type.status, 200);
    conforms("/CFItemTypes/{sourcedId}", 200, type.body);
    const licence = pkg.body.CFDocument.licenseURI.identifier;
    const licenceBody = await get(`/CFLicenses/${licence}`);
    assert.equal(licenceBody.status, 200);
    conforms("/CFLicenses/{sourcedId}", 200, licenceBody.body);
  });

  it("serves subjects, concepts, licences, association groupings and rubrics kept from an import", async () => {
    const { ids } = fixture;
    for (const [path, id, template, key] of [
      ["CFSubjects", ids.subject, "/CFSubjects/{sourcedId}", "CFSubjects"],
      ["CFConcepts", ids.concept, "/CFConcepts/{sourcedId}", "CFConcepts"],
      ["CFLicenses", ids.license, "/CFLicenses/{sourcedId}", null],
      ["CFAssociationGroupings", ids.grouping, "/CFAssociationGroupings/{sourcedId}", null],
      ["CFRubrics", ids.rubric, "/CFRubrics/{sourcedId}", null],
    ] as const) {
      const { status, body } = await get(`/${path}/${id}`);
      assert.equal(status, 200, path);
      conforms(template, 200, body);
      assert.equal(key ? body[key][0].identifier : body.identifier, id);
    }
    const pkg = await get(`/CFPackages/${ids.doc}`);
    conforms("/CFPackages/{sourcedId}", 200, pkg.body);
    assert.equal(pkg.body.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels[0].quality, "Good");
  });

  it("serves a real imported package that validates against the binding", { skip: caseSkip }, async () => {
    const parsed = parseCasePackage(readSample("sbac__math_hs_claim2_itemspec.json"));
    assert.ok(parsed.value);
    assert.ok((await importFramework(t.db, parsed.value, { publish: { en: "SBAC", fr: "SBAC" } })).ok);
    t.catalog.invalidate();
    const id = parsed.value.framework.id;
    const pkg = await get(`/CFPackages/${id}`);
    conforms("/CFPackages/{sourcedId}", 200, pkg.body);
    const doc = await get(`/CFDocuments/${id}`);
    conforms("/CFDocuments/{sourcedId}", 200, doc.body);
    assert.equal(doc.body.CFPackageURI.identifier, id);
    assert.match(doc.body.CFPackageURI.uri, /^https:\/\/case\.smarterbalanced\.org\//, "the source's own link is kept");
    const item = parsed.value.framework.children[0].id;
    const outside = pkg.body.CFAssociations.find((a: Json) => a.associationType === "exactMatchOf");
    const associations = await get(`/CFAssociations/${outside.identifier}`);
    conforms("/CFAssociations/{sourcedId}", 200, associations.body);
    const itemBody = await get(`/CFItems/${item}`);
    conforms("/CFItems/{sourcedId}", 200, itemBody.body);
  });

  it("answers unknown and invalid identifiers with a 404 status payload", async () => {
    const unknown = "9a9a9a9a-9a9a-4a9a-8a9a-9a9a9a9a9a9a";
    for (const path of [
      "CFDocuments",
      "CFPackages",
      "CFItems",
      "CFAssociations",
      "CFItemAssociations",
      "CFItemTypes",
      "CFSubjects",
      "CFConcepts",
      "CFLicenses",
      "CFAssociationGroupings",
      "CFRubrics",
    ]) {
      const missing = await get(`/${path}/${unknown}`);
      assert.equal(missing.status, 404, path);
      conforms(`/${path}/{sourcedId}`, 404, missing.body);
      assert.equal(missing.body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, "unknownobject");
      const invalid = await get(`/${path}/not-a-uuid`);
      assert.equal(invalid.status, 404, path);
      conforms(`/${path}/{sourcedId}`, 404, invalid.body);
      assert.equal(invalid.body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, "invalid_uuid");
    }
    const nowhere = await get("/CFNothing");
    assert.equal(nowhere.status, 404);
    assert.equal(nowhere.body.imsx_codeMajor, "failure");
  });

  it("never serves a framework that is not published", async () => {
    assert.equal((await get(`/CFDocuments/${draftId}`)).status, 404);
    assert.equal((await get(`/CFPackages/${draftId}`)).status, 404);
    assert.equal((await get(`/CFItems/${draftItem}`)).status, 404);
    assert.equal((await get(`/CFItemAssociations/${draftItem}`)).status, 404);
    const status = await t.db
      .selectFrom("frameworks")
      .select("status")
      .where("id", "=", draftId)
      .executeTakeFirstOrThrow();
    assert.equal(status.status, "draft");
  });

  it("serves the published edition's associations and CASE fields, not an unpublished re-import", async () => {
    const doc = v4("edition-doc");
    const [first, second] = [v4("edition-item-1"), v4("edition-item-2")];
    const relation = v4("edition-assoc");
    const node = (id: string, title: string) => ({
      title,
      identifier: id,
      uri: `https://case.example.org/CFItems/${id}`,
    });
    const version = (label: string, type: string) => ({
      CFDocument: {
        identifier: doc,
        uri: `https://case.example.org/CFDocuments/${doc}`,
        creator: "API tests",
        title: "Editions",
        lastChangeDateTime: date,
      },
      CFItems: [first, second].map((id, i) => ({
        identifier: id,
        uri: `https://case.example.org/CFItems/${id}`,
        fullStatement: `Statement ${i + 1}.`,
        alternativeLabel: i === 0 ? label : undefined,
        lastChangeDateTime: date,
      })),
      CFAssociations: [
        {
          identifier: relation,
          uri: `https://case.example.org/CFAssociations/${relation}`,
          associationType: type,
          lastChangeDateTime: date,
          originNodeURI: node(first, "Statement 1."),
          destinationNodeURI: node(second, "Statement 2."),
        },
      ],
    });
    const load = async (json: Json, publish?: { en: string; fr: string }) => {
      const parsed = parseCasePackage(json);
      assert.ok(parsed.value && !hasErrors(parsed.problems), JSON.stringify(parsed.problems));
      assert.ok((await importFramework(t.db, parsed.value, publish ? { publish } : {})).ok);
      t.catalog.invalidate();
    };
    const served = async () => {
      const item = await get(`/CFItems/${first}`);
      const association = await get(`/CFAssociations/${relation}`);
      assert.equal(item.status, 200);
      assert.equal(association.status, 200);
      return { label: item.body.alternativeLabel, type: association.body.associationType };
    };

    await load(version("Old label", "isRelatedTo"), { en: "First edition", fr: "Première édition" });
    assert.deepEqual(await served(), { label: "Old label", type: "isRelatedTo" });

    await load(version("New label", "exactMatchOf"));
    assert.deepEqual(await served(), { label: "Old label", type: "isRelatedTo" }, "the draft is not served");
    const pkg = await get(`/CFPackages/${doc}`);
    assert.equal(pkg.body.CFAssociations.find((a: Json) => a.identifier === relation).associationType, "isRelatedTo");

    // The framework keeps the CFDocument's identifier.
    await publishEdition(t.db, doc, null, { en: "Second edition", fr: "Deuxième édition" });
    t.catalog.invalidate();
    assert.deepEqual(await served(), { label: "New label", type: "exactMatchOf" });
  });

  it("answers 304 to a client whose copy is current", async () => {
    const first = await t.app.request(`${BASE}/CFItems/${starterItem}`);
    const etag = first.headers.get("etag");
    assert.ok(etag);
    const again = await t.app.request(`${BASE}/CFItems/${starterItem}`, { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304);
  });
});
