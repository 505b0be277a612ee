/**
 * hono/jsx treats a prop called `children` as the element's children: passed as an attribute or
 * spread into a component, an array with one element is unwrapped to that element (and
 * `children.map` then fails). Data never travels in a prop of that name; this check keeps it so.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";

const root = new URL("../../", import.meta.url).pathname;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** JSX element children are typed as hono's `Child` (or left to `PropsWithChildren`). */
const ELEMENT_CHILDREN = /^\s*children\??:\s*(Child|JSX\.Element|HtmlEscapedString)\b/;

test("no component takes data in a prop called children", () => {
  const offences: string[] = [];
  for (const file of tsxFiles(join(root, "src"))) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, index) => {
      const where = `${relative(root, file)}:${index + 1}`;
      if (/\schildren=\{/.test(line)) offences.push(`${where}: children passed as an attribute`);
      if (/^\s*children\??:/.test(line) && !ELEMENT_CHILDREN.test(line)) {
        offences.push(`${where}: a props field called children that is not element children`);
      }
    });
  }
  assert.deepEqual(offences, []);
});
