/**
 * One way to build a form (decision 016): outside the form kit (src/ui/forms), no source file writes
 * a form, a form control, a label, a fieldset, an error summary or a field's error markup of its own.
 * A form built elsewhere would miss what the kit guarantees (labels, ids, described-by, translated
 * errors, the summary's links), so this check names every such line.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";

const root = new URL("../../", import.meta.url).pathname;
const KIT = "src/ui/forms/";

/** Markup that belongs to the kit alone. */
const KIT_ONLY: { what: string; pattern: RegExp }[] = [
  { what: "a <form> element", pattern: /<form\b/ },
  { what: "a <label>", pattern: /<label\b/ },
  { what: "an <input>", pattern: /<input\b/ },
  { what: "a <select>", pattern: /<select\b/ },
  { what: "a <textarea>", pattern: /<textarea\b/ },
  { what: "a <fieldset> or <legend>", pattern: /<(fieldset|legend)\b/ },
  // Buttons that only run a script (print) are not form controls.
  { what: "a submit button", pattern: /<button\b(?![^>]*type="button")/ },
  { what: "aria-invalid", pattern: /aria-invalid/ },
  { what: 'role="alert" (the error summary)', pattern: /role="alert"/ },
  { what: "an error summary's or field error's class", pattern: /\b(form-errors|field-error)\b/ },
];

/**
 * Files allowed a pattern, and why. The CSRF renderer adds its hidden field to every POST form in
 * the page's HTML (so it names <form> and <input> in a regular expression and a string).
 */
const ALLOWED: Record<string, string[]> = {
  "src/security/csrf.ts": ["a <form> element", "an <input>"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(tsx?|html)$/.test(entry.name) ? [full] : [];
  });
}

test("forms, fields, labels and error markup are written only by the form kit", () => {
  const offences: string[] = [];
  let scanned = 0;
  for (const file of sourceFiles(join(root, "src"))) {
    const path = relative(root, file);
    if (path.startsWith(KIT)) continue;
    scanned++;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, index) => {
        for (const { what, pattern } of KIT_ONLY) {
          if (pattern.test(line) && !ALLOWED[path]?.includes(what)) offences.push(`${path}:${index + 1}: ${what}`);
        }
      });
  }
  assert.ok(scanned > 50, "the scan reads the source tree");
  assert.deepEqual(offences, []);
});

test("the check finds what it looks for", () => {
  // The kit's own files hold every kind of markup the check forbids elsewhere.
  const kit = sourceFiles(join(root, KIT))
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  for (const { what, pattern } of KIT_ONLY) {
    if (what === "an error summary's or field error's class" || what === "a submit button" || what === "aria-invalid")
      assert.match(kit, pattern, what);
  }
  assert.match('<form method="get">', KIT_ONLY[0].pattern);
  assert.match('<label for="x">', KIT_ONLY[1].pattern);
  assert.doesNotMatch('<button type="button" data-print>', KIT_ONLY[6].pattern);
  assert.match('<button type="submit">', KIT_ONLY[6].pattern);
});
