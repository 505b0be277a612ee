/**
 * The evidence pages in process, in English and French: the person adds a link and a file and
 * downloads it (type from the bytes, attachment, nosniff, sandbox, never cached); refusals name the
 * field (bad addresses, programs, web pages, empty and too large files, 413 before reading an
 * oversized body, no 500 for broken multipart); who may see (person, manager, manager's manager,
 * HR — each view but the person's in the access log) and who may change what, when.
 * Routes and policy, not SQL: SQLite only (the store is tested on every dialect).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { makeTestApp } from "../support/app.ts";
import { csrfHeaders, ensureAccount, postForm } from "../support/auth.ts";
import { concat, exeFile, gifFile, pngFile } from "../support/evidence-files.ts";
import { type SeededAssessment, seedAssessment } from "../support/evidence-world.ts";
import { buildPeopleWorld, insertPerson, type PeopleWorld, sessionCookieFor } from "../support/people-world.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

describe("evidence pages (sqlite)", () => {
  let t: TestApp;
  let world: PeopleWorld;
  let seeded: SeededAssessment;
  let person: string;
  let manager: string;
  let grandManager: string;
  let hr: string;
  let other: string;
  let otherHr: string;
  const base = (lang: string, assessment = seeded.assessment) =>
    `/${lang}/orgs/alpha/assessments/${assessment}/evidence`;

  before(async () => {
    t = await makeTestApp({ dialect: "sqlite", starter: false });
    world = await buildPeopleWorld(t);
    const a = world.a.ids;
    // The manager's own manager, with an account.
    const grandUser = await ensureAccount(t, "editor", "grand-manager@accounts.test");
    const grand = await insertPerson(t.db, a.organisationId, {
      given: "Grand",
      family: "Manager",
      email: "grand@alpha-people.test",
      number: "A-1900",
      userId: grandUser,
    });
    await t.db.updateTable("people").set({ manager_id: grand }).where("id", "=", a.manager).execute();
    seeded = await seedAssessment(t.db, { organisationId: a.organisationId, personId: a.person, managerId: a.manager });
    person = world.cookies.staffReport as string;
    manager = world.cookies.manager as string;
    hr = world.cookies.orgAdmin as string;
    other = world.cookies.staffOther as string;
    otherHr = world.cookies.otherMember as string;
    grandManager = await sessionCookieFor(t, grandUser);
  });
  after(() => t.close());

  const get = (url: string, cookie?: string) => t.app.request(url, { headers: cookie ? { cookie } : {} });
  const postLink = (lang: string, fields: Record<string, string>, cookie = person, assessment?: string) =>
    t.app.request(`${base(lang, assessment)}/links`, postForm(t, fields, cookie));
  const postFile = (lang: string, file: File | string | null, fields: Record<string, string> = {}, cookie = person) => {
    const form = new FormData();
    if (file !== null) form.set("file", file);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return t.app.request(`${base(lang)}/files`, { method: "POST", headers: csrfHeaders(t, cookie), body: form });
  };
  const fileOf = (bytes: Uint8Array, name: string) => new File([Buffer.from(bytes)], name);
  const evidenceRows = () =>
    t.db.selectFrom("assessment_evidence").selectAll().where("assessment_id", "=", seeded.assessment).execute();
  const setState = (state: string) =>
    t.db.updateTable("assessments").set({ state }).where("id", "=", seeded.assessment).execute();
  const accessLog = () =>
    t.db.selectFrom("access_log").select(["actor_id", "person_id", "what"]).orderBy("at").execute() as Promise<
      { actor_id: string | null; person_id: string; what: string }[]
    >;

  it("the person adds a link and a file and downloads the file, in English and in French", async () => {
    for (const lang of ["en", "fr"] as const) {
      const page = await get(base(lang), person);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get("cache-control"), "private, no-store");
      const html = await page.text();
      assert.match(html, new RegExp(`<html lang="${lang}-CA"`));
      assert.equal(html.match(/<h1/g)?.length, 1);
      assert.match(html, lang === "en" ? /Add a link/ : /Ajouter un lien/);
      assert.match(html, /type="file"[^>]*accept="[^"]*\.pdf/);

      const title = lang === "en" ? "Storytime program" : "Programme de l'heure du conte";
      const added = await postLink(lang, { title, url: "https://library.example/storytime", item: seeded.item });
      assert.equal(added.status, 303);
      assert.equal(added.headers.get("location"), `${base(lang)}?done=added`);

      // A PNG sent as "Rapport d'été.pdf" is kept as a PNG.
      const png = pngFile();
      const sent = await postFile(lang, fileOf(png, "Rapport d'été.pdf"), { title: "" });
      assert.equal(sent.status, 303);
      const listed = await (await get(base(lang), person)).text();
      assert.ok(listed.includes(title.replace(/'/g, "&#39;")) || listed.includes(title), "the link is listed");
      assert.match(listed, /href="https:\/\/library\.example\/storytime" rel="noopener noreferrer nofollow"/);
      assert.match(listed, /Rapport d&#39;été\.pdf\.png|Rapport d'été\.pdf\.png/);

      const file = (await evidenceRows()).filter((r) => r.kind === "file").at(-1);
      assert.ok(file);
      const download = await get(`${base(lang)}/${file.id}`, person);
      assert.equal(download.status, 200);
      assert.equal(download.headers.get("content-type"), "image/png");
      assert.equal(download.headers.get("x-content-type-options"), "nosniff");
      assert.match(download.headers.get("content-security-policy") ?? "", /^sandbox/);
      assert.equal(download.headers.get("cache-control"), "private, no-store");
      assert.equal(
        download.headers.get("content-disposition"),
        `attachment; filename="Rapport d'ete.pdf.png"; filename*=UTF-8''Rapport%20d%27%C3%A9t%C3%A9.pdf.png`,
      );
      assert.ok(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(png)), "the same bytes");
    }
    const history = await t.db
      .selectFrom("assessment_history")
      .select("event")
      .where("assessment_id", "=", seeded.assessment)
      .where("event", "=", "evidence")
      .execute();
    assert.equal(history.length, 4, "every addition is in the assessment's history");
  });

  it("refuses a link that is not a web address, naming the field, in both languages", async () => {
    const before = (await evidenceRows()).length;
    for (const [lang, message] of [
      ["en", "Enter a web address starting with https:// or http://."],
      ["fr", "Entrez une adresse Web commençant par https:// ou http://."],
    ] as const) {
      for (const url of [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "https://user:pw@x.example/",
        "library",
      ]) {
        const response = await postLink(lang, { title: "Bad", url });
        assert.equal(response.status, 400, url);
        const html = await response.text();
        assert.ok(html.includes(message), `${lang}: ${url}`);
        assert.match(
          html,
          /id="field-link-url"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-link-url"|<input id="field-link-url"[^>]*aria-invalid="true"/,
        );
        assert.match(html, /href="#field-link-url"/, "the summary links to the field");
      }
      const untitled = await postLink(lang, { title: " ", url: "https://x.example/" });
      assert.equal(untitled.status, 400);
      assert.match(await untitled.text(), /href="#field-link-title"/);
      const elsewhere = await postLink(lang, { title: "T", url: "https://x.example/", item: "not-assessed" });
      assert.equal(elsewhere.status, 400);
      assert.match(await elsewhere.text(), /href="#field-link-item"/);
    }
    assert.equal((await evidenceRows()).length, before, "nothing was added");
  });

  it("refuses files by their content, naming the file field, with the right status", async () => {
    const before = (await evidenceRows()).length;
    const cases: [string, File | null, number, RegExp][] = [
      ["a program named .pdf", fileOf(exeFile(), "cv.pdf"), 415, /This kind of file is not accepted/],
      [
        "a web page named .txt",
        fileOf(new TextEncoder().encode("<html><script>x()</script></html>"), "notes.txt"),
        415,
        /Web pages, SVG images/,
      ],
      [
        "an SVG",
        fileOf(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), "chart.svg"),
        415,
        /Web pages, SVG images/,
      ],
      [
        "a GIF with a script appended",
        fileOf(concat(gifFile(), "alert(1)"), "a.gif"),
        415,
        /This kind of file is not accepted/,
      ],
      ["an empty file", fileOf(new Uint8Array(), "empty.txt"), 422, /This file is empty/],
      ["no file at all", null, 422, /Choose a file/],
    ];
    for (const [what, file, status, message] of cases) {
      const response = await postFile("en", file);
      assert.equal(response.status, status, what);
      const html = await response.text();
      assert.match(html, message, what);
      assert.match(html, /href="#field-file-file"/, `${what}: the summary links to the file field`);
    }
    const french = await postFile("fr", fileOf(exeFile(), "cv.pdf"));
    assert.equal(french.status, 415);
    assert.match(await french.text(), /Ce type de fichier n&#39;est pas accepté|Ce type de fichier n'est pas accepté/);
    assert.equal((await evidenceRows()).length, before, "nothing was added");
  });

  it("refuses a file one byte over 10 MB on the page, and a far larger body before reading it (413)", async () => {
    const limit = 10 * 1024 * 1024;
    const over = new Uint8Array(limit + 1).fill(0x61);
    const response = await postFile("en", fileOf(over, "big.txt"));
    assert.equal(response.status, 413);
    const html = await response.text();
    assert.match(html, /This file is larger than 10 MB/);
    assert.match(html, /href="#field-file-file"/);
    const french = await postFile("fr", fileOf(over, "gros.txt"));
    assert.equal(french.status, 413);
    assert.match(await french.text(), /Ce fichier dépasse 10 Mo/);

    // Declared far over the limit: refused unread, with the translated page.
    const huge = await t.app.request(`${base("fr")}/files`, {
      method: "POST",
      headers: {
        ...csrfHeaders(t, person),
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(limit * 3),
      },
      body: "--x--",
    });
    assert.equal(huge.status, 413);
    assert.match(await huge.text(), /Ce fichier dépasse 10 Mo/);
  });

  it("answers broken multipart with 400, never 500", async () => {
    for (const body of [
      "not multipart at all",
      "--x\r\nContent-Disposition: form-data\r\n\r\nno end",
      "\u0000\u0001",
    ]) {
      const response = await t.app.request(`${base("en")}/files`, {
        method: "POST",
        headers: { ...csrfHeaders(t, person), "content-type": "multipart/form-data; boundary=x" },
        body,
      });
      assert.ok(response.status < 500, `${JSON.stringify(body)}: ${response.status}`);
      assert.ok([400, 422].includes(response.status), `${JSON.stringify(body)}: ${response.status}`);
    }
  });

  it("the person, their manager, the manager's manager and HR see it; each view but the person's is logged", async () => {
    const file = (await evidenceRows()).find((r) => r.kind === "file");
    assert.ok(file);
    const logBefore = (await accessLog()).length;
    for (const cookie of [person, manager, grandManager, hr]) {
      assert.equal((await get(base("en"), cookie)).status, 200);
      assert.equal((await get(`${base("en")}/${file.id}`, cookie)).status, 200);
    }
    const logged = (await accessLog()).slice(logBefore);
    assert.equal(logged.length, 6, "three readers, two views each; the person's own views are not logged");
    assert.ok(logged.every((l) => l.what === "assessment" && l.person_id === world.a.ids.person));
    assert.ok(!logged.some((l) => l.actor_id === world.accounts.staffReport));
    // Nobody else: a colleague, another organisation's HR, anonymous.
    for (const cookie of [other, otherHr]) {
      assert.equal((await get(base("en"), cookie)).status, 404);
      assert.equal((await get(`${base("en")}/${file.id}`, cookie)).status, 404);
    }
    const anonymous = await get(base("fr"));
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get("location") ?? "", /^\/fr\/sign-in/);
  });

  it("the person changes evidence while assessing themself, the reviewer during the review; nobody else", async () => {
    assert.equal((await postLink("en", { title: "M", url: "https://m.example/" }, manager)).status, 403);
    assert.equal((await postLink("en", { title: "G", url: "https://g.example/" }, grandManager)).status, 403);
    assert.equal((await postLink("en", { title: "H", url: "https://h.example/" }, hr)).status, 403);
    assert.equal((await postLink("en", { title: "O", url: "https://o.example/" }, other)).status, 404);

    await setState("submitted");
    try {
      const closed = await postLink("fr", { title: "Late", url: "https://late.example/" });
      assert.equal(closed.status, 403);
      assert.match(await closed.text(), /on ne peut plus ajouter ni retirer de pièces/);
      assert.equal((await postLink("en", { title: "Review notes", url: "https://r.example/" }, manager)).status, 303);
      const page = await (await get(base("en"), person)).text();
      assert.doesNotMatch(page, /Add a link/, "no forms once it is submitted");
    } finally {
      await setState("in_progress");
    }
  });

  it("comes back to the assessment's own page when the form says so, never elsewhere", async () => {
    const own = `/en/orgs/alpha/assessments/${seeded.assessment}#evidence`;
    const back = await postLink("en", { title: "Back", url: "https://b.example/", back: own });
    assert.equal(back.headers.get("location"), own);
    for (const elsewhere of [
      "https://evil.example/",
      "//evil.example/",
      "/en/orgs/alpha/people",
      `/en/orgs/alpha/assessments/${seeded.assessment}x`,
    ]) {
      const response = await postLink("en", { title: "Back", url: "https://b.example/", back: elsewhere });
      assert.equal(response.headers.get("location"), `${base("en")}?done=added`, elsewhere);
    }
  });

  it("removes after asking, only what one added, and only for this assessment", async () => {
    await postLink("en", { title: "To remove", url: "https://remove.example/" });
    const row = (await evidenceRows()).find((r) => r.title === "To remove");
    assert.ok(row);
    const managersOwn = (await evidenceRows()).find((r) => r.title === "Review notes");
    assert.ok(managersOwn);

    const ask = await t.app.request(`${base("en")}/${row.id}/remove`, postForm(t, {}, person));
    assert.equal(ask.status, 200);
    assert.match(await ask.text(), /Remove this evidence\?/);
    assert.ok(
      (await evidenceRows()).some((r) => r.id === row.id),
      "asking removes nothing",
    );

    assert.equal(
      (await t.app.request(`${base("en")}/${managersOwn.id}/remove`, postForm(t, { confirm: "yes" }, person))).status,
      403,
    );
    assert.equal(
      (await t.app.request(`${base("en")}/${row.id}/remove`, postForm(t, { confirm: "yes" }, manager))).status,
      403,
    );

    const removed = await t.app.request(`${base("fr")}/${row.id}/remove`, postForm(t, { confirm: "yes" }, person));
    assert.equal(removed.status, 303);
    assert.ok(!(await evidenceRows()).some((r) => r.id === row.id));
    assert.match(await (await get(`${base("fr")}?done=removed`, person)).text(), /Pièce retirée/);

    // Another assessment's evidence is unknown through this one.
    const second = await seedAssessment(t.db, {
      organisationId: world.a.ids.organisationId,
      personId: world.a.ids.person,
    });
    await postLink("en", { title: "Elsewhere", url: "https://e.example/" }, person, second.assessment);
    const elsewhere = await t.db
      .selectFrom("assessment_evidence")
      .select("id")
      .where("assessment_id", "=", second.assessment)
      .executeTakeFirstOrThrow();
    assert.equal((await get(`${base("en")}/${elsewhere.id}`, person)).status, 404);
    assert.equal(
      (await t.app.request(`${base("en")}/${elsewhere.id}/remove`, postForm(t, { confirm: "yes" }, person))).status,
      404,
    );
  });
});

describe("evidence pages with a small total per assessment (sqlite)", () => {
  let t: TestApp;
  let world: PeopleWorld;
  before(async () => {
    // 0.5 MB (524,288 bytes) for all of one assessment's files together.
    t = await makeTestApp({ dialect: "sqlite", starter: false, env: { EVIDENCE_TOTAL_MAX_MB: "0.5" } });
    world = await buildPeopleWorld(t);
  });
  after(() => t.close());

  it("refuses the file that would take the assessment past its total, saying how much is held (413, en and fr)", async () => {
    const a = world.a.ids;
    const seeded = await seedAssessment(t.db, {
      organisationId: a.organisationId,
      personId: a.person,
      managerId: a.manager,
    });
    const person = world.cookies.staffReport as string;
    const send = (lang: string, size: number) => {
      const form = new FormData();
      form.set("file", new File([Buffer.alloc(size, 0x61)], "notes.txt"));
      return t.app.request(`/${lang}/orgs/alpha/assessments/${seeded.assessment}/evidence/files`, {
        method: "POST",
        headers: csrfHeaders(t, person),
        body: form,
      });
    };
    assert.equal((await send("en", 300_000)).status, 303);
    const refused = await send("en", 250_000);
    assert.equal(refused.status, 413);
    assert.match(await refused.text(), /may hold 0\.5 MB in all, and 0\.3 MB are already attached/);
    const french = await send("fr", 250_000);
    assert.equal(french.status, 413);
    assert.match(await french.text(), /peuvent totaliser 0,5 Mo, et 0,3 Mo y sont déjà joints/);
    const files = await t.db
      .selectFrom("assessment_evidence")
      .select("size")
      .where("assessment_id", "=", seeded.assessment)
      .execute();
    assert.deepEqual(
      files.map((file) => Number(file.size)),
      [300_000],
    );
  });
});
