/**
 * The form kit (src/ui/forms) rendered to HTML: every field has a label pointing at it, ids derived
 * from names and unique, hints and errors read with the control, an error summary linking to each
 * field, and zod's issues turned into the dictionaries' messages in both languages.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { z } from "zod";
import { messages } from "../../src/i18n/index.ts";
import { withCsrfFields } from "../../src/security/csrf.ts";
import {
  BilingualFields,
  ButtonForm,
  Checkbox,
  CheckboxGroup,
  customIssue,
  ErrorSummary,
  type FieldErrors,
  Fieldset,
  FileField,
  Form,
  fieldErrors,
  fieldId,
  Hidden,
  Notice,
  parseForm,
  RadioGroup,
  SelectField,
  Submit,
  says,
  TextArea,
  TextField,
  translateErrors,
  withoutHidden,
} from "../../src/ui/forms/index.ts";

const render = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const match = html.match(new RegExp(`<[a-z]+\\b[^>]*\\bid="${id}"[^>]*>`));
  assert.ok(match, `an element with id ${id}`);
  return match[0];
}
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
/** Text as the renderer escapes it in HTML. */
const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");
const allIds = (html: string) => [...html.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]);

describe("fields", () => {
  test("a text field: a label for its id, the id from its name, a hint read with the control", async () => {
    const html = await render(
      <Form lang="en" action="/en/x">
        <TextField name="title" label="Title" hint="As readers see it." maxlength={300} />
      </Form>,
    );
    assert.match(html, /<label for="field-title">Title<\/label>/);
    const input = tagWithId(html, "field-title");
    assert.equal(attr(input, "name"), "title");
    assert.equal(attr(input, "maxlength"), "300");
    assert.equal(attr(input, "aria-describedby"), "field-title-hint");
    assert.equal(attr(input, "aria-invalid"), undefined);
    assert.match(tagWithId(html, "field-title-hint"), /class="field-hint"/);
  });

  for (const lang of ["en", "fr"] as const) {
    test(`${lang}: a field's error is shown in the page's language, marked invalid and read after the hint`, async () => {
      const errors: FieldErrors = { title: "formRequired", summary: { key: "formTooLong", args: [1500] } };
      const html = await render(
        <Form lang={lang} action={`/${lang}/x`} errors={errors} values={{ title: "", summary: "kept" }}>
          <TextField name="title" label="Title" hint="A hint." />
          <TextArea name="summary" label="Summary" />
        </Form>,
      );
      const t = messages(lang);
      const title = tagWithId(html, "field-title");
      assert.equal(attr(title, "aria-invalid"), "true");
      assert.equal(attr(title, "aria-describedby"), "field-title-hint field-title-error");
      assert.ok(html.includes(`<p class="field-error" id="field-title-error">${escaped(t.formRequired)}</p>`));
      const summary = tagWithId(html, "field-summary");
      assert.equal(attr(summary, "aria-invalid"), "true");
      assert.equal(attr(summary, "aria-describedby"), "field-summary-error");
      assert.ok(html.includes(escaped(t.formTooLong(1500))));
      assert.match(
        html,
        /<textarea[^>]*id="field-summary"[^>]*>kept<\/textarea>/,
        "the submitted value is shown again",
      );
    });
  }

  test("a password is never sent back, even after a refusal", async () => {
    const html = await render(
      <Form lang="en" action="/en/sign-in" values={{ password: "hunter2" }} errors={{ password: "formRequired" }}>
        <TextField name="password" type="password" label="Password" />
      </Form>,
    );
    assert.doesNotMatch(html, /hunter2/);
    assert.equal(attr(tagWithId(html, "field-password"), "spellcheck"), "false");
  });

  test("a failed submission marks fields invalid and points them at the summary", async () => {
    const html = await render(
      <Form lang="en" action="/en/sign-in">
        <TextField name="email" label="Email" invalid />
      </Form>,
    );
    const input = tagWithId(html, "field-email");
    assert.equal(attr(input, "aria-invalid"), "true");
    assert.equal(attr(input, "aria-describedby"), "form-error");
  });

  test("a select shows the chosen option, groups and each option's language", async () => {
    const html = await render(
      <Form lang="en" action="/en/x" values={{ target: "b" }}>
        <SelectField
          name="target"
          label="Where"
          options={[
            { value: "a", label: "A" },
            { label: "Group", choices: [{ value: "b", label: "Bé", lang: "fr" }] },
          ]}
        />
      </Form>,
    );
    assert.match(html, /<label for="field-target">Where<\/label>/);
    assert.match(html, /<optgroup label="Group"><option value="b" selected="" lang="fr">Bé<\/option><\/optgroup>/);
    assert.doesNotMatch(html, /<option value="a" selected/);
  });

  test("radio buttons: a fieldset whose legend is the question; the first takes the field's id", async () => {
    const html = await render(
      <Form lang="fr" action="/fr/x" errors={{ format: "formChoose" }}>
        <RadioGroup
          name="format"
          label="Format"
          hint="Un indice."
          value="csv"
          options={[
            { value: "auto", label: "Auto" },
            { value: "csv", label: "CSV" },
          ]}
        />
      </Form>,
    );
    assert.match(
      html,
      /<fieldset class="field field--invalid" aria-describedby="field-format-hint field-format-error"><legend>Format<\/legend>/,
    );
    assert.match(
      html,
      /<label class="choice" for="field-format"><input type="radio" id="field-format" name="format" value="auto"/,
    );
    assert.match(html, /<input type="radio" id="field-format--csv" name="format" value="csv" checked=""/);
    assert.ok(html.includes(escaped(messages("fr").formChoose)));
    assert.deepEqual(allIds(html).length, new Set(allIds(html)).size, "ids are unique");
  });

  test("a choice with a description: the description is read with the choice, not as its name", async () => {
    const html = await render(
      <Form lang="en" action="/en/x">
        <RadioGroup
          name="level"
          label="Lending"
          options={[
            { value: "1", label: "Aware", description: "Knows where the desk is." },
            { value: "2", label: "Working" },
          ]}
        />
      </Form>,
    );
    const first = tagWithId(html, "field-level");
    assert.equal(attr(first, "aria-describedby"), "field-level-description");
    assert.match(html, /<div class="choice-description" id="field-level-description">Knows where the desk is.<\/div>/);
    assert.match(html, /<label class="choice" for="field-level"><input[^>]*> <span>Aware<\/span><\/label>/);
    assert.equal(attr(tagWithId(html, "field-level--2"), "aria-describedby"), undefined);
    assert.deepEqual(allIds(html).length, new Set(allIds(html)).size, "ids are unique");
  });

  test("checkbox group and single checkbox: labelled, ticked from what was sent", async () => {
    const html = await render(
      <Form lang="en" action="/en/x" values={{ confirm: "fr" }}>
        <CheckboxGroup
          name="kinds"
          label="Kinds"
          values={["b"]}
          options={[
            { value: "a", label: "A" },
            { value: "b", label: "B" },
          ]}
        />
        <Checkbox name="confirm" value="fr" label="The French is up to date" hint="Only if you checked it." />
      </Form>,
    );
    assert.match(html, /<input type="checkbox" id="field-kinds--b" name="kinds" value="b" checked=""/);
    assert.doesNotMatch(html, /id="field-kinds" name="kinds" value="a" checked/);
    assert.match(
      html,
      /<input type="checkbox" id="field-confirm" name="confirm" value="fr" checked="" aria-describedby="field-confirm-hint"/,
    );
    assert.match(html, /<label for="field-confirm">The French is up to date<\/label>/);
  });

  test("a file field and a hidden field; an upload form is multipart", async () => {
    const html = await render(
      <Form lang="en" action="/en/import" upload>
        <Hidden name="token" value="abc" />
        <FileField name="file" label="File" accept=".csv" required />
        <Submit>Preview</Submit>
      </Form>,
    );
    assert.match(html, /<form method="post" action="\/en\/import" enctype="multipart\/form-data">/);
    assert.match(html, /<input type="hidden" name="token" value="abc"\/?>/);
    assert.match(html, /<label for="field-file">File<\/label>/);
    assert.match(html, /<input id="field-file" name="file" type="file" accept=".csv" required=""/);
    assert.match(html, /<button type="submit">Preview<\/button>/);
  });

  test("bilingual pairs: each language's field named and marked with its language, labelled in it", async () => {
    const html = await render(
      <Form lang="fr" action="/fr/x" values={{ statement_en: "Plans", statement_fr: "Planifie" }}>
        <BilingualFields
          fields={[
            {
              base: "statement",
              label: { en: "Statement (English)", fr: "Énoncé (français)" },
              maxlength: 10,
              multiline: true,
            },
          ]}
          notes={{ statement_fr: { note: "Peut-être dépassé." } }}
        />
      </Form>,
    );
    assert.match(html, /<label for="field-statement_en">Statement \(English\)<\/label>/);
    assert.match(html, /<label for="field-statement_fr">Énoncé \(français\)<\/label>/);
    assert.match(html, /<textarea id="field-statement_en" name="statement_en"[^>]*lang="en"[^>]*>Plans<\/textarea>/);
    assert.match(
      html,
      /<textarea id="field-statement_fr" name="statement_fr"[^>]*lang="fr" aria-describedby="field-statement_fr-note"[^>]*>Planifie<\/textarea>/,
    );
  });

  test("a fieldset's hint is read with the group", async () => {
    const html = await render(
      <Fieldset legend="Summary" id="summary" hint="Both languages.">
        <span>…</span>
      </Fieldset>,
    );
    assert.match(
      html,
      /<fieldset id="summary" aria-describedby="summary-hint"><legend>Summary<\/legend><p class="field-hint" id="summary-hint">Both languages.<\/p>/,
    );
  });

  test("two forms on one page keep their ids apart with a scope", async () => {
    const html = await render(
      <>
        <ErrorSummary lang="en" errors={{ title: "formRequired" }} scope="a" />
        <Form lang="en" action="/en/a" scope="a" errors={{ title: "formRequired" }}>
          <TextField name="title" label="Title" />
        </Form>
        <Form lang="en" action="/en/b" scope="b">
          <TextField name="title" label="Title" />
        </Form>
      </>,
    );
    assert.match(html, /<a href="#field-a-title">/);
    assert.match(html, /<label for="field-b-title">/);
    assert.equal(allIds(html).length, new Set(allIds(html)).size);
  });

  test("ids: stable, and different names give different ids", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/), fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/), (a, b) => {
        assert.equal(fieldId(a), fieldId(a));
        if (a !== b) assert.notEqual(fieldId(a), fieldId(b));
        assert.match(fieldId(a), /^[A-Za-z][A-Za-z0-9_-]*$/);
      }),
      { numRuns: 200 },
    );
    assert.match(fieldId('a b"<>'), /^field-[A-Za-z0-9_-]+$/, "any name gives an id safe in an attribute");
  });
});

describe("error summary and notices", () => {
  for (const lang of ["en", "fr"] as const) {
    test(`${lang}: the summary is an alert, focused first, linking to each field with its label`, async () => {
      const t = messages(lang);
      const html = await render(
        <ErrorSummary
          lang={lang}
          errors={{ title: "formRequired", form: "formOutdated" }}
          labels={{ title: "Titre" }}
        />,
      );
      assert.match(html, /<div class="form-errors" role="alert" id="form-error" tabindex="-1" autofocus="">/);
      assert.ok(html.includes(`<p>${escaped(t.formErrorSummary)}</p>`));
      assert.ok(html.includes(`<a href="#field-title">Titre: ${escaped(t.formRequired)}</a>`));
      assert.ok(html.includes(`<li>${escaped(t.formOutdated)}</li>`), "a problem with the whole form has no link");
    });
  }

  test("nothing to say: no summary at all", async () => {
    assert.equal(await render(<ErrorSummary lang="en" errors={{}} />), "");
  });

  test("a message about the whole submission stands alone", async () => {
    const html = await render(<ErrorSummary lang="en" message="Wrong email or password." />);
    assert.match(html, /role="alert"/);
    assert.match(html, /<p>Wrong email or password.<\/p>/);
    assert.doesNotMatch(html, /<ul>/);
  });

  test("a notice is a status; a warning is not announced", async () => {
    assert.match(await render(<Notice>Saved.</Notice>), /<p class="notice" role="status">Saved.<\/p>/);
    assert.match(
      await render(<Notice kind="warning">Careful.</Notice>),
      /<p class="notice notice--warning">Careful.<\/p>/,
    );
  });
});

describe("CSRF and methods", () => {
  test("the renderer adds its token to every POST form of the kit, and to no GET form", async () => {
    const html = await render(
      <>
        <Form lang="en" action="/en/x">
          <Submit>Save</Submit>
        </Form>
        <ButtonForm lang="en" action="/en/sign-out" hidden={{ id: "1" }}>
          Sign out
        </ButtonForm>
        <Form lang="en" action="/en/search" method="get" role="search" label="Search">
          <TextField name="q" label="Search" />
        </Form>
      </>,
    );
    const out = withCsrfFields(html, "TOKEN");
    assert.equal(out.match(/value="TOKEN"/g)?.length, 2);
    assert.match(
      out,
      /<form method="get" action="\/en\/search" role="search" aria-label="Search">(?!<input type="hidden")/,
    );
  });
});

describe("zod issues to translated field errors", () => {
  const schema = z
    .object({
      email: z.email(says("formEmail")),
      title: z.string().min(1).max(5),
      kind: z.enum(["a", "b"]),
      count: z.string().regex(/^\d+$/, says("formWholeNumber")),
      from: z.string(),
      to: z.string(),
    })
    .superRefine((form, ctx) => {
      if (form.from > form.to) ctx.addIssue(customIssue("formOutdated"));
      if (form.to === "x") ctx.addIssue(customIssue({ key: "formTooLong", args: [7] }, ["to"]));
    });

  test("each field's first problem, named by the schema or mapped by issue code", () => {
    const result = parseForm(schema, { email: "nope", title: "too long", kind: "c", count: "1.5" });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.errors, {
      email: "formEmail",
      title: { key: "formTooLong", args: [5] },
      kind: "formChoose",
      count: "formWholeNumber",
      from: "formRequired",
      to: "formRequired",
    });
    assert.deepEqual(parseForm(z.object({ title: z.string().min(1) }), { title: "" }), {
      ok: false,
      errors: { title: "formRequired" },
    });
  });

  test("refinements: of the whole form (no path), or of one field with arguments", () => {
    const base = { email: "a@b.org", title: "ok", kind: "a", count: "3" };
    assert.deepEqual(parseForm(schema, { ...base, from: "b", to: "a" }), {
      ok: false,
      errors: { form: "formOutdated" },
    });
    assert.deepEqual(parseForm(schema, { ...base, from: "a", to: "x" }), {
      ok: false,
      errors: { to: { key: "formTooLong", args: [7] } },
    });
    assert.deepEqual(parseForm(schema, { ...base, from: "a", to: "b" }).ok, true);
  });

  test("hidden fields' problems say the form is out of date", () => {
    assert.deepEqual(withoutHidden({ version: "formInvalid", title: "formRequired" }, ["version"]), {
      errors: { title: "formRequired" },
      outdated: true,
    });
  });

  test("whatever is sent, every message exists in both languages and none is zod's own English", () => {
    const anything = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(undefined), fc.integer(), fc.constant(["a"]));
    fc.assert(
      fc.property(
        fc.record({ email: anything, title: anything, kind: anything, count: anything, from: anything, to: anything }),
        (body) => {
          const result = schema.safeParse(body);
          if (result.success) return;
          const errors = fieldErrors(result.error);
          for (const lang of ["en", "fr"] as const) {
            const { fields, summary } = translateErrors(lang, errors);
            assert.equal(summary.length, Object.keys(errors).length);
            for (const text of Object.values(fields)) {
              assert.ok(text.length > 0);
              assert.doesNotMatch(text, /^(Invalid|Too (big|small)|Expected)/);
            }
          }
          const en = translateErrors("en", errors).fields;
          const fr = translateErrors("fr", errors).fields;
          for (const field of Object.keys(en)) assert.notEqual(en[field], fr[field], `${field} is translated`);
        },
      ),
      { numRuns: 150 },
    );
  });
});
