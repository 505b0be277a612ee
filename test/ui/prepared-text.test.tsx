/**
 * Text is prepared (typography, Markdown) once per text object and page language, then reused by
 * every later render: the output must be exactly what rendering afresh gives, for any text the
 * editor or an import can bring, in both languages and every mode; a text object changed in place
 * must not show its old value. And whole pages rendered again (page cache off, so every request
 * renders) are byte for byte the first rendering.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { raw } from "hono/html";
import { loadStarterContent } from "../../src/content/starter.ts";
import { type Bilingual, pick } from "../../src/i18n/bilingual.ts";
import { formatDateUncached } from "../../src/i18n/format.ts";
import { formatDate, type Lang, messages, typeset } from "../../src/i18n/index.ts";
import { markdownToPlain, renderMarkdown, renderMarkdownInline } from "../../src/ui/markdown.ts";
import { Text } from "../../src/ui/text.tsx";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { ODD_TEXTS } from "../support/generated-tree.ts";

type Mode = "inline" | "block" | undefined;

/** What Text rendered before it kept anything: every step on every render, the string escaped by JSX. */
function FreshText(props: { text: Bilingual; lang: Lang; marker?: boolean; markdown?: Mode }) {
  const picked = pick(props.text, props.lang);
  if (!picked) return null;
  const value = typeset(picked.value, picked.lang);
  const content =
    props.markdown === "block"
      ? raw(renderMarkdown(value))
      : props.markdown === "inline"
        ? raw(renderMarkdownInline(value))
        : markdownToPlain(value);
  if (picked.lang === props.lang) return <>{content}</>;
  const Wrapper = props.markdown === "block" ? "div" : "span";
  return (
    <>
      <Wrapper lang={picked.lang}>{content}</Wrapper>
      {props.marker && <span class="fallback-lang"> ({messages(props.lang).inOtherLanguage})</span>}
    </>
  );
}

const html = (node: unknown) => String(node);
const side = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...ODD_TEXTS),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("**gras** « citation » : oui ; non !", "1er juillet", "- item\n- other", "a_b_c *x* [l](mailto:a@b)"),
);
const bilingual = fc.record({ en: side, fr: side });
const lang = fc.constantFrom<Lang>("en", "fr");
const mode = fc.constantFrom<Mode>("inline", "block", undefined);

describe("prepared text (component)", () => {
  test("first and repeated renders equal a fresh rendering, any text, language and mode", () => {
    fc.assert(
      fc.property(bilingual, lang, mode, fc.boolean(), (text, l, m, marker) => {
        const expected = html(<FreshText text={{ ...text }} lang={l} markdown={m} marker={marker} />);
        assert.equal(html(<Text text={text} lang={l} markdown={m} marker={marker} />), expected, "first render");
        assert.equal(html(<Text text={text} lang={l} markdown={m} marker={marker} />), expected, "repeated render");
      }),
      { numRuns: runs(300) },
    );
  });

  test("a text object changed in place shows its new value", () => {
    fc.assert(
      fc.property(bilingual, bilingual, lang, mode, (before, changed, l, m) => {
        const text: Bilingual = { ...before };
        html(<Text text={text} lang={l} markdown={m} />);
        text.en = changed.en;
        text.fr = changed.fr;
        assert.equal(
          html(<Text text={text} lang={l} markdown={m} />),
          html(<FreshText text={changed} lang={l} markdown={m} />),
        );
      }),
      { numRuns: runs(200) },
    );
  });

  test("equal texts in fresh objects render alike, before and after the bounded cache starts again", () => {
    const texts = Array.from({ length: 25_000 }, (_, i) => ({
      en: `Item **${i}**`,
      fr: i % 3 ? null : `Élément ${i} : oui`,
    }));
    const expected = (i: number, l: Lang) =>
      html(<FreshText text={{ ...(texts[i] as Bilingual) }} lang={l} markdown="inline" />);
    for (const l of ["en", "fr"] as const)
      for (let i = 0; i < texts.length; i += 1) {
        const got = html(<Text text={{ ...(texts[i] as Bilingual) }} lang={l} markdown="inline" />);
        if (i % 997 === 0) assert.equal(got, expected(i, l), `text ${i} (${l})`);
      }
    // The first ones again, in new objects, after the cache has filled and started again.
    for (const i of [0, 1, 2, 3])
      assert.equal(html(<Text text={{ ...(texts[i] as Bilingual) }} lang="fr" markdown="inline" />), expected(i, "fr"));
  });
});

describe("pages rendered again are byte-identical (page cache off)", () => {
  const content = loadStarterContent();
  const slug = content.framework.slug;
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  before(async () => {
    t = await makeTestApp({ env: { PAGE_CACHE: "off" } });
  });
  after(() => t.close());

  const stable = (body: string) => body.replace(/ nonce="[^"]*"/g, "");

  test("home, whole framework and every category and area page, in English and French", async () => {
    const paths: string[] = [];
    for (const l of ["en", "fr"] as const) {
      paths.push(urls.framework(l, slug), urls.full(l, slug));
      for (const category of content.categories) {
        paths.push(urls.item(l, slug, category.code));
        for (const area of category.children ?? []) paths.push(urls.item(l, slug, area.code));
      }
    }
    assert.ok(paths.length > 20, `${paths.length} pages`);
    for (const path of paths) {
      const first = await t.app.request(path);
      assert.equal(first.status, 200, path);
      const body = stable(await first.text());
      const second = stable(await (await t.app.request(path)).text());
      assert.equal(second, body, path);
    }
  });
});

describe("remembered dates", () => {
  test("formatDate equals a fresh formatting for any instant, zone and language, first time and again", () => {
    const zones = fc.constantFrom(
      undefined,
      "UTC",
      "America/Toronto",
      "Africa/Monrovia",
      "Asia/Kathmandu",
      "Pacific/Chatham",
    );
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1800-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom<Lang>("en", "fr"),
        zones,
        (date, l, zone) => {
          const iso = date.toISOString();
          const fresh = formatDateUncached(iso, l, zone);
          assert.equal(formatDate(iso, l, zone), fresh);
          assert.equal(formatDate(iso, l, zone), fresh);
          // Another instant of the same second (the memory's key) formats as it would afresh.
          const second = Math.floor(date.getTime() / 1000) * 1000;
          const other = new Date(second + ((date.getTime() - second + 499) % 1000)).toISOString();
          assert.equal(formatDate(other, l, zone), formatDateUncached(other, l, zone));
        },
      ),
      { numRuns: runs(300) },
    );
    assert.equal(formatDate("not a date", "en"), "not a date");
  });
});
