/**
 * The head's per-page tags (title, description, alternate link) are written as strings, not through
 * hono's document-metadata elements: they must be the bytes hono's JSX gives for the same elements
 * in a head, for any text (markup, quotes, ampersands, non-ASCII, empty).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { raw } from "hono/html";
import { alternateLink, pageMetadata } from "../../src/ui/layout.tsx";
import { runs } from "../support/fast-check-seed.ts";
import { ODD_TEXTS } from "../support/generated-tree.ts";

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(...ODD_TEXTS),
);

const render = async (element: unknown) => String(await (element as { toString(): Promise<string> }).toString());

describe("the head's per-page tags (pure)", () => {
  test("are hono's own rendering of <title>, <meta name=description> and <link rel=alternate>", async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.option(text),
        text,
        fc.constantFrom("en" as const, "fr" as const),
        async (title, description, href, lang) => {
          const byHono = await render(
            <html lang="en">
              <head>
                <meta charset="utf-8" />
                <title>{title}</title>
                {description && <meta name="description" content={description} />}
                <link rel="stylesheet" href="/a.css" />
                <link rel="alternate" hreflang={lang} href={href} />
              </head>
              <body>x</body>
            </html>,
          );
          const written = await render(
            <html lang="en">
              <head>
                <meta charset="utf-8" />
                {raw(pageMetadata(title, description ?? undefined))}
                <link rel="stylesheet" href="/a.css" />
                {raw(alternateLink(lang, href))}
              </head>
              <body>x</body>
            </html>,
          );
          assert.equal(written, byHono);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
