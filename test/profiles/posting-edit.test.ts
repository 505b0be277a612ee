/**
 * Editing and deleting a posting: the store on every database (the change history keeps what each
 * save replaced and what a delete removed; another profile's posting is untouched), and the pages
 * in both languages without script (the form shows the saved values, a bad save keeps the input and
 * names the field, a delete takes the public page with it, a member without the right changes nothing).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { findUserByEmail } from "../../src/auth/accounts.ts";
import {
  createPosting,
  deletePosting,
  findPosting,
  postingForm,
  StalePostingError,
  setPublished,
  updatePosting,
} from "../../src/profiles/jobs/postings.ts";
import { createProfile } from "../../src/profiles/jobs/store.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { countTags, htmlLang, shows } from "../support/html.ts";
import { grantAdministrator, insertOrganisation, TEST_CHANGE_ACTOR } from "../support/people.ts";
import { technician } from "../support/profiles.ts";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const fields = (over: Record<string, string> = {}) => ({
  date_posted: day(-1),
  valid_through: day(20),
  employment_type: "FULL_TIME",
  salary_min: "50000",
  salary_currency: "CAD",
  salary_unit: "YEAR",
  locality: "Northville",
  how_to_apply_en: "Write to hr@north.example.",
  how_to_apply_fr: "Écrivez à rh@north.example.",
  ...over,
});

const changesOf = (db: Awaited<ReturnType<typeof makeTestApp>>["db"], postingId: string) =>
  db
    .selectFrom("organisation_changes")
    .select(["action", "before", "after"])
    .where("subject_kind", "=", "posting")
    .where("subject_id", "=", postingId)
    .orderBy("at")
    .orderBy("id")
    .execute();

for (const dialect of testDialects()) {
  describe(`posting store: edit and delete (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let org: string;
    let profile: string;
    let other: string;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      org = await insertOrganisation(t.db, "north");
      profile = (await createProfile(t.db, org, technician({ code: "A" }), TEST_CHANGE_ACTOR)).id;
      other = (await createProfile(t.db, org, technician({ code: "B" }), TEST_CHANGE_ACTOR)).id;
    });
    after(() => t.close());

    it("replaces the fields, keeps the published state, and records before and after", async () => {
      const posting = await createPosting(t.db, org, profile, postingForm.parse(fields()), TEST_CHANGE_ACTOR);
      await setPublished(t.db, org, posting.id, true, TEST_CHANGE_ACTOR);
      const input = postingForm.parse(fields({ employment_type: "PART_TIME", locality: "Southville", salary_min: "" }));
      const saved = await updatePosting(t.db, org, profile, posting.id, input, TEST_CHANGE_ACTOR);
      assert.ok(saved);
      assert.deepEqual(saved.employment_type, ["PART_TIME"]);
      assert.equal(saved.locality, "Southville");
      assert.equal(saved.salary_min, null);
      assert.equal(saved.published, true);
      const changes = await changesOf(t.db, posting.id);
      assert.deepEqual(
        changes.map((c) => c.action),
        ["create", "update", "update"],
      );
      const last = changes[2] as { before: string; after: string };
      assert.equal(JSON.parse(last.before).locality, "Northville");
      assert.equal(JSON.parse(last.after).locality, "Southville");
    });

    it("refuses a save from a form loaded before someone else's save, and changes nothing", async () => {
      const posting = await createPosting(t.db, org, profile, postingForm.parse(fields()), TEST_CHANGE_ACTOR);
      const loadedAt = posting.updated_at;
      const first = postingForm.parse(fields({ locality: "First" }));
      // Both authors loaded the same form; the first save lands (even within the same millisecond).
      const at = new Date(loadedAt);
      const saved = await updatePosting(t.db, org, profile, posting.id, first, TEST_CHANGE_ACTOR, at, loadedAt);
      assert.ok(saved && saved.updated_at !== loadedAt);
      const second = postingForm.parse(fields({ locality: "Second" }));
      await assert.rejects(
        updatePosting(t.db, org, profile, posting.id, second, TEST_CHANGE_ACTOR, new Date(), loadedAt),
        (error) => error instanceof StalePostingError && error.current === saved.updated_at,
      );
      assert.equal((await findPosting(t.db, org, posting.id))?.locality, "First");
      // Saving again from the newer state wins knowingly.
      const again = await updatePosting(
        t.db,
        org,
        profile,
        posting.id,
        second,
        TEST_CHANGE_ACTOR,
        new Date(),
        saved.updated_at,
      );
      assert.equal(again?.locality, "Second");
    });

    it("refuses another profile's posting, and deletes with a record of what it held", async () => {
      const posting = await createPosting(t.db, org, profile, postingForm.parse(fields()), TEST_CHANGE_ACTOR);
      const input = postingForm.parse(fields({ locality: "Elsewhere" }));
      assert.equal(await updatePosting(t.db, org, other, posting.id, input, TEST_CHANGE_ACTOR), undefined);
      assert.equal(await deletePosting(t.db, org, other, posting.id, TEST_CHANGE_ACTOR), false);
      assert.equal((await findPosting(t.db, org, posting.id))?.locality, "Northville");
      assert.equal(await deletePosting(t.db, org, profile, posting.id, TEST_CHANGE_ACTOR), true);
      assert.equal(await findPosting(t.db, org, posting.id), undefined);
      const deleted = (await changesOf(t.db, posting.id)).at(-1);
      assert.equal(deleted?.action, "delete");
      assert.equal(JSON.parse(deleted?.before as string).how_to_apply_fr, "Écrivez à rh@north.example.");
      assert.equal(await deletePosting(t.db, org, profile, posting.id, TEST_CHANGE_ACTOR), false);
    });
  });
}

for (const dialect of testDialects().slice(0, 1)) {
  describe(`posting pages: edit and delete (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let org: string;
    let profile: string;
    const cookies: Record<string, string> = {};
    const get = (key: string, path: string) => t.app.request(path, { headers: { cookie: cookies[key] as string } });
    const post = (key: string, path: string, form: Record<string, string>) =>
      t.app.request(path, postForm(t, form, cookies[key]));
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      org = await insertOrganisation(t.db, "north", { en: "North Library", fr: "Bibliothèque du Nord" });
      profile = (await createProfile(t.db, org, technician({ code: "A" }), TEST_CHANGE_ACTOR)).id;
      cookies.hr = await signInAs(t, "editor", { email: "hr@north.test" });
      await grantAdministrator(t.db, org, (await findUserByEmail(t.db, "hr@north.test"))?.id as string);
      cookies.outsider = await signInAs(t, "editor", { email: "someone@else.test" });
    });
    after(() => t.close());

    it("shows the saved values, keeps a bad save's input with the field named, and saves a good one", async () => {
      const posting = await createPosting(t.db, org, profile, postingForm.parse(fields()), TEST_CHANGE_ACTOR);
      const base = `/orgs/north/profiles/${profile}/postings/${posting.id}`;
      for (const lang of ["en", "fr"] as const) {
        const page = await get("hr", `/${lang}${base}/edit`);
        assert.equal(page.status, 200);
        const html = await page.text();
        assert.equal(htmlLang(html)?.slice(0, 2), lang);
        assert.equal(countTags(html, "h1"), 1);
        assert.match(html, /value="Northville"/);
        assert.ok(shows(html, lang === "fr" ? "Enregistrer l'offre" : "Save the posting"));
      }
      const bad = await post("hr", `/fr${base}/edit`, fields({ valid_through: day(-30), locality: "Kept here" }));
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.ok(shows(badHtml, "La date de clôture ne peut pas précéder la date de publication."));
      assert.match(badHtml, /value="Kept here"/);
      assert.equal((await findPosting(t.db, org, posting.id))?.locality, "Northville");

      const good = await post("hr", `/en${base}/edit`, fields({ locality: "Southville" }));
      assert.equal(good.status, 303);
      assert.match(good.headers.get("location") ?? "", /done=posting-saved/);
      assert.equal((await findPosting(t.db, org, posting.id))?.locality, "Southville");
      const after = await (await get("hr", good.headers.get("location") as string)).text();
      assert.ok(shows(after, "Posting saved."));
    });

    it("a save from a stale form answers 409 with the author's input kept, and a second save wins", async () => {
      const posting = await createPosting(t.db, org, profile, postingForm.parse(fields()), TEST_CHANGE_ACTOR);
      const base = `/orgs/north/profiles/${profile}/postings/${posting.id}`;
      const form = await (await get("hr", `/en${base}/edit`)).text();
      const loadedAt = /name="loaded_at" value="([^"]+)"/.exec(form)?.[1];
      assert.equal(loadedAt, posting.updated_at);
      await updatePosting(
        t.db,
        org,
        profile,
        posting.id,
        postingForm.parse(fields({ locality: "Theirs" })),
        TEST_CHANGE_ACTOR,
      );
      for (const lang of ["en", "fr"] as const) {
        const stale = await post(
          "hr",
          `/${lang}${base}/edit`,
          fields({ locality: "Mine", loaded_at: loadedAt as string }),
        );
        assert.equal(stale.status, 409);
        const html = await stale.text();
        assert.ok(
          shows(html, lang === "en" ? "Someone else saved this posting" : "Quelqu'un d'autre a enregistré cette offre"),
        );
        assert.match(html, /value="Mine"/);
        assert.equal((await findPosting(t.db, org, posting.id))?.locality, "Theirs");
      }
      const current = (await findPosting(t.db, org, posting.id))?.updated_at as string;
      const wins = await post("hr", `/en${base}/edit`, fields({ locality: "Mine", loaded_at: current }));
      assert.equal(wins.status, 303);
      assert.equal((await findPosting(t.db, org, posting.id))?.locality, "Mine");
    });

    it("asks before deleting, then removes the posting and its public page", async () => {
      const posting = await createPosting(t.db, org, profile, postingForm.parse(fields()), TEST_CHANGE_ACTOR);
      await setPublished(t.db, org, posting.id, true, TEST_CHANGE_ACTOR);
      assert.equal((await t.app.request(`/en/jobs/north/${posting.id}`)).status, 200);
      const base = `/orgs/north/profiles/${profile}/postings/${posting.id}`;
      const confirm = await get("hr", `/fr${base}/delete`);
      assert.equal(confirm.status, 200);
      assert.ok(shows(await confirm.text(), "Supprimer l'offre"));
      assert.equal((await findPosting(t.db, org, posting.id))?.id, posting.id, "asking deletes nothing");
      const deleted = await post("hr", `/fr${base}/delete`, {});
      assert.equal(deleted.status, 303);
      assert.match(deleted.headers.get("location") ?? "", /done=posting-deleted/);
      assert.equal(await findPosting(t.db, org, posting.id), undefined);
      assert.equal((await t.app.request(`/en/jobs/north/${posting.id}`)).status, 404);
      const again = await post("hr", `/fr${base}/delete`, {});
      assert.equal(again.status, 404, await again.text());
    });

    it("changes nothing for someone outside the organisation", async () => {
      const posting = await createPosting(t.db, org, profile, postingForm.parse(fields()), TEST_CHANGE_ACTOR);
      const base = `/en/orgs/north/profiles/${profile}/postings/${posting.id}`;
      for (const response of [
        await get("outsider", `${base}/edit`),
        await post("outsider", `${base}/edit`, fields({ locality: "Hijacked" })),
        await post("outsider", `${base}/delete`, {}),
      ])
        assert.ok(response.status === 403 || response.status === 404, String(response.status));
      assert.equal((await findPosting(t.db, org, posting.id))?.locality, "Northville");
    });
  });
}
