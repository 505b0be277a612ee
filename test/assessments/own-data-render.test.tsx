/**
 * The assessments' section of the readable own-data page, drawn from generated assessments whose
 * every written field (comments, notes, titles, addresses, file names, history labels) may be
 * hostile markup: in both languages, each one is shown as text and none becomes markup; an address
 * is a link only when it is http(s). Pure: no database.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import type { HeldAssessment } from "../../src/assessments/own-data/read.ts";
import { assessmentDataSection } from "../../src/assessments/own-data/section.tsx";
import { runs } from "../support/fast-check-seed.ts";
import { escapeHtml, hrefs } from "../support/html.ts";

const MARKUP = fc.constantFrom(
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "<a href='javascript:alert(1)'>x</a>",
  "</td></tr></table><h1>hi</h1>",
);
/** Written text: plain, or with markup around or inside it. */
const written = fc.oneof(
  MARKUP,
  fc.tuple(fc.string({ maxLength: 12 }), MARKUP, fc.string({ maxLength: 12 })).map((parts) => parts.join("")),
);
const level = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
const at = fc.constantFrom("2027-01-05T09:00:00.000Z", "2027-03-01T15:30:00.000Z");

const assessmentArb: fc.Arbitrary<HeldAssessment> = fc.record({
  id: fc.uuid(),
  page: fc.constant("/en/orgs/riverside/assessments/a"),
  cycle: fc.record({
    id: fc.uuid(),
    name: fc.record({ en: written, fr: written }),
    periodStart: fc.constant("2027-01-01"),
    periodEnd: fc.constant("2027-12-31"),
    state: fc.constantFrom("open", "closed"),
    openedAt: fc.constant(null),
    closedAt: fc.constant(null),
  }),
  scale: fc.constant({ id: "s", name: { en: "Scale", fr: "Échelle" }, levels: [] }),
  state: fc.constantFrom("in_progress", "signed_off", "withdrawn"),
  withdrawn: fc.boolean(),
  reopenedReason: fc.option(written, { nil: null }),
  dueOn: fc.option(fc.constant("2027-03-31"), { nil: null }),
  version: fc.nat(9),
  reviewer: fc.option(fc.record({ id: fc.uuid(), name: written }), { nil: null }),
  conversation: fc.record({ date: fc.constant(null), notes: fc.option(written, { nil: null }) }),
  signOffs: fc.record({
    person: fc.option(fc.record({ at, by: fc.option(written, { nil: null }) }), { nil: null }),
    manager: fc.constant(null),
  }),
  createdAt: at,
  updatedAt: at,
  competencies: fc.array(
    fc.record({
      framework: fc.record({ id: fc.uuid(), slug: fc.constant("f"), title: fc.record({ en: written, fr: written }) }),
      edition: fc.record({ id: fc.uuid(), number: fc.constant(1) }),
      itemId: fc.uuid(),
      code: fc.option(fc.constant("P1.1"), { nil: null }),
      statement: fc.record({ en: written, fr: written }),
      origin: fc.constant("profile"),
      targetLevel: level,
      importance: fc.constant(null),
      self: fc.record({ level, comment: fc.option(written, { nil: null }) }),
      manager: fc.record({ level, comment: fc.option(written, { nil: null }) }),
      agreedLevel: level,
    }),
    { maxLength: 3 },
  ),
  evidence: fc.array(
    fc.oneof(
      fc.record({
        id: fc.uuid(),
        kind: fc.constant("link" as const),
        title: written,
        itemId: fc.constant(null),
        addedAt: at,
        addedBy: fc.option(written, { nil: null }),
        url: fc.oneof(fc.webUrl(), written),
        file: fc.constant(null),
      }),
      fc.record({
        id: fc.uuid(),
        kind: fc.constant("file" as const),
        title: written,
        itemId: fc.constant(null),
        addedAt: at,
        addedBy: fc.option(written, { nil: null }),
        url: fc.constant(null),
        file: fc.record({
          name: written,
          mediaType: fc.constant("text/plain; charset=utf-8"),
          size: fc.nat(10_000_000),
          download: fc.constant("/en/orgs/riverside/assessments/a/evidence/e"),
        }),
      }),
    ),
    { maxLength: 3 },
  ),
  history: fc.array(
    fc.record({
      at,
      actor: written,
      event: fc.constantFrom("state", "rating", "signed", "evidence"),
      fromState: fc.constant(null),
      toState: fc.constant(null),
      detail: fc.oneof(fc.constant(null), written, fc.record({ reason: written })),
    }),
    { maxLength: 3 },
  ),
});

/** Every text people wrote into the assessment. */
function writtenTexts(a: HeldAssessment): string[] {
  return [
    a.cycle.name.en,
    a.cycle.name.fr,
    a.reopenedReason,
    a.reviewer?.name,
    a.conversation.notes,
    a.signOffs.person?.by,
    ...a.competencies.flatMap((c) => [c.self.comment, c.manager.comment]),
    ...a.evidence.flatMap((e) => [e.title, e.addedBy, e.url, e.file?.name]),
    ...a.history.map((h) => h.actor),
  ].filter((text): text is string => typeof text === "string");
}

describe("own data: the assessments' readable section", () => {
  test("whatever people wrote is shown as text, never as markup, in both languages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(assessmentArb, { minLength: 1, maxLength: 2 }),
        fc.constantFrom("en", "fr"),
        async (list, lang) => {
          const html = String(
            await (<div>{assessmentDataSection.render(list, lang, "America/Toronto")}</div>).toString(),
          );
          assert.ok(!/<script|<img|<h1/i.test(html), "no element from written text");
          // Compared without spaces: French messages space out « ! ? : ; » around what they quote.
          const bare = (text: string) => text.replace(/[\s\u00a0\u202f]/g, "");
          const page = bare(html);
          for (const a of list)
            for (const text of writtenTexts(a))
              for (const line of text.split("\n")) {
                const shown = [escapeHtml(line), escapeHtml(line).replace(/&#39;/g, "'")].map(bare);
                assert.ok(
                  shown.some((form) => page.includes(form)),
                  `shown as text: ${line}`,
                );
              }
          // Links: only the assessment pages, file downloads and http(s) addresses.
          for (const href of hrefs(html)) assert.match(href, /^(\/en\/orgs\/|https?:\/\/)/);
        },
      ),
      { numRuns: runs(60) },
    );
  });
});
