import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Highlight, hasMatch, highlightSegments, snippet } from "../../src/search/highlight.tsx";

const render = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());
const marked = (text: string, terms: string[]) =>
  highlightSegments(text, terms)
    .filter((s) => s.match)
    .map((s) => s.text);

describe("highlightSegments", () => {
  test("matches accent- and case-insensitively, keeping the text's own characters", () => {
    assert.deepEqual(marked("Développe les COMPÉTENCES du personnel", ["competences"]), ["COMPÉTENCES"]);
    assert.deepEqual(marked("Établit des partenariats", ["etablit"]), ["Établit"]);
  });

  test("a plural in the text matches its singular among the terms", () => {
    assert.deepEqual(marked("Établit des partenariats stratégiques", ["partenariat"]), ["partenariats"]);
  });

  test("decomposed accents stay attached to their letter", () => {
    const text = "e\u0301quipe";
    assert.deepEqual(marked(text, ["equipe"]), [text]);
  });

  test("elided articles are not part of the mark", () => {
    assert.deepEqual(marked("Orientation vers l'usager", ["usager"]), ["usager"]);
  });

  test("ligatures match their spelled-out form", () => {
    assert.deepEqual(marked("un coup d'œil", ["oeil"]), ["œil"]);
  });

  test("only whole words are marked, never parts of other words", () => {
    assert.deepEqual(marked("media and social multimedia", ["media"]), ["media"]);
  });

  test("joined back together, the segments give the text unchanged", () => {
    const text = "  Écoute <b>la</b> collectivité & l’usager — 😀 ";
    assert.equal(
      highlightSegments(text, ["ecoute", "usager"])
        .map((s) => s.text)
        .join(""),
      text,
    );
  });

  test("no terms, no marks", () => {
    assert.deepEqual(highlightSegments("Community Relations", []), [{ text: "Community Relations", match: false }]);
  });
});

describe("Highlight (rendered)", () => {
  test("wraps matches in <mark> and escapes everything else", async () => {
    const html = await render(
      <Highlight text={`<script>alert("x")</script> social & media`} terms={["social", "script"]} />,
    );
    assert.equal(
      html,
      `&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; <mark>social</mark> &amp; media`,
    );
    assert.doesNotMatch(html, /<script/i);
  });

  test("a matched word that looks like markup is escaped inside the mark", async () => {
    const html = await render(<Highlight text={"l'usager's <img src=x onerror=alert(1)>"} terms={["img", "usager"]} />);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /<mark>img<\/mark>/);
    assert.match(html, /<mark>usager<\/mark>/);
  });
});

describe("hasMatch and snippet", () => {
  test("hasMatch tells whether a text holds any matched word", () => {
    assert.equal(hasMatch("Relations avec la communauté", ["communaute"]), true);
    assert.equal(hasMatch("Community Relations", ["partenariat"]), false);
    assert.equal(hasMatch(null, ["x"]), false);
  });

  test("a short text is returned whole", () => {
    assert.equal(snippet("A short description.", ["short"]), "A short description.");
  });

  test("a long text is cut around the first match, at word boundaries, with ellipses", () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
    words[80] = "partnerships";
    const cut = snippet(words.join(" "), ["partnerships"], 120);
    assert.match(cut, /^… /);
    assert.match(cut, / …$/);
    assert.match(cut, /partnerships/);
    assert.ok(cut.length <= 130);
    for (const piece of cut.replace(/^… | …$/g, "").split(" ")) assert.match(piece, /^(word\d+|partnerships)$/);
  });
});
