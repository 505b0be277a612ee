import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { markdownToPlain, renderMarkdown, renderMarkdownInline } from "../../src/ui/markdown.ts";

/** Tags the renderer may ever produce. */
const ALLOWED_TAGS = new Set(["p", "em", "strong", "ul", "ol", "li", "a", "br"]);

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z0-9-]+)/g)].map((m) => m[1].toLowerCase());
}

describe("the Markdown subset", () => {
  test("emphasis, lists and links render", () => {
    assert.equal(renderMarkdownInline("*Plans* **budgets**"), "<em>Plans</em> <strong>budgets</strong>");
    assert.match(renderMarkdown("- one\n- two"), /<ul>\n<li>one<\/li>\n<li>two<\/li>\n<\/ul>/);
    assert.match(renderMarkdown("1. first\n2. second"), /<ol>/);
    assert.equal(
      renderMarkdownInline("[guide](https://example.org/a?b=1&c=2)"),
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">guide</a>',
    );
    assert.match(renderMarkdownInline("[write](mailto:help@example.org)"), /href="mailto:help@example.org"/);
  });

  test("raw HTML and scripts are shown as text, never as markup", () => {
    for (const hostile of [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      "<iframe src=//evil.example></iframe>",
      '<div onclick="alert(1)">click</div>',
      "<svg/onload=alert(1)>",
    ]) {
      for (const html of [renderMarkdown(hostile), renderMarkdownInline(hostile)]) {
        assert.deepEqual(
          tagsOf(html).filter((t) => !ALLOWED_TAGS.has(t)),
          [],
          html,
        );
        assert.ok(!/<[a-z][^>]*\son\w+=/i.test(html), html);
        assert.match(html, /&lt;/);
      }
    }
  });

  test("links other than http, https and mailto stay literal text", () => {
    for (const link of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<b>x</b>",
      "vbscript:x",
      "/relative",
      "//evil.example",
      "file:///etc/passwd",
    ]) {
      const html = renderMarkdownInline(`[x](${link})`);
      assert.ok(!html.includes("<a"), `${link} → ${html}`);
    }
    const quoted = renderMarkdownInline('[a](http://x" onmouseover="alert(1))');
    assert.ok(!/<a /.test(quoted) || !/onmouseover=/.test(quoted.replace(/&quot;/g, "")), quoted);
    assert.ok(!quoted.includes('" onmouseover="'));
  });

  test("other Markdown (headings, images, code, quotes, tables) stays as typed", () => {
    assert.equal(renderMarkdownInline("# Not a heading"), "# Not a heading");
    assert.ok(!renderMarkdown("![img](http://x/y.png)").includes("<img"));
    assert.ok(!renderMarkdown("`code`").includes("<code"));
    assert.ok(!renderMarkdown("> quote").includes("<blockquote"));
    assert.ok(!renderMarkdown("    indented").includes("<pre"));
  });

  test("property: whatever is typed, only the allowed tags come out and no handler attribute", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            "<",
            ">",
            "a",
            "[",
            "]",
            "(",
            ")",
            "*",
            "_",
            "-",
            " ",
            "\n",
            '"',
            "'",
            "=",
            "on",
            "script",
            "javascript:",
            "http://x",
            "1.",
            "&",
            "img",
            "/",
          ),
          maxLength: 60,
        }),
        (text) => {
          for (const html of [renderMarkdown(text), renderMarkdownInline(text)]) {
            assert.deepEqual(
              tagsOf(html).filter((t) => !ALLOWED_TAGS.has(t)),
              [],
            );
            assert.ok(!/<[a-z][^>]*\s(on\w+|style|src)=/i.test(html), html);
            for (const href of html.matchAll(/href="([^"]*)"/g)) assert.match(href[1], /^(https?:\/\/|mailto:)/i);
          }
        },
      ),
    );
  });

  test("plain text drops the marks, for titles and link text", () => {
    assert.equal(markdownToPlain("*Plans* and [tracks](https://x.org) budgets"), "Plans and tracks budgets");
    assert.equal(markdownToPlain("No marks at all"), "No marks at all");
  });
});
