/**
 * The assessment's printable page and PDF, and the own-data page (decision 054): instants (a
 * signature, the printing, a reminder sent) are dated on the organisation's clock; calendar days
 * (the cycle's period) are never shifted by a zone.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { docDate, docMoment, signOffFacts } from "../../src/assessments/documents/labels.ts";
import { reminderDataSection } from "../../src/assessments/own-data/section.tsx";
import { formatDateTime } from "../../src/i18n/format.ts";
import { sampleAssessmentDocument } from "../support/assessment-documents.ts";

test("a signature at 01:00 UTC is dated the day before in Vancouver, that day in UTC", () => {
  const base = sampleAssessmentDocument({ lang: "en" });
  const signed = { ...base, signOffs: { ...base.signOffs, person: { name: "Paul", at: "2027-03-21T01:00:00.000Z" } } };
  assert.match(signOffFacts(signed)[0]?.value ?? "", /March 21, 2027/, "no zone: UTC, as before");
  const local = { ...signed, timeZone: "America/Vancouver" };
  assert.match(signOffFacts(local)[0]?.value ?? "", /March 20, 2027/);
  assert.equal(docMoment(local, "2027-03-21T01:00:00.000Z"), "March 20, 2027");
  // A calendar day stays its own day whatever the zone.
  assert.equal(docDate(local, "2027-01-01"), "January 1, 2027");
});

test("the own-data page's reminders: when they were sent, on the organisation's clock", async () => {
  const at = "2027-01-10T02:00:00.000Z";
  const data = { mode: "weekly", modeChangedAt: at, sent: [{ key: "digest:2027-W01", assessmentId: null, at }] };
  const html = String(await (<div>{reminderDataSection.render(data, "en", "America/Toronto")}</div>).toString());
  const local = formatDateTime(at, "en", "America/Toronto");
  assert.match(local, /January 9, 2027/);
  assert.ok(html.includes(local), "in Toronto it was still the 9th");
  const utc = String(await (<div>{reminderDataSection.render(data, "en", "UTC")}</div>).toString());
  assert.ok(utc.includes(formatDateTime(at, "en", "UTC")) && !utc.includes("January 9"));
});
