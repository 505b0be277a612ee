/**
 * The assessment's printable page and PDF (decision 054): instants (a signature, the printing) are
 * dated on the organisation's day; calendar days (the cycle's period) are never shifted by a zone.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { docDate, docMoment, signOffFacts } from "../../src/assessments/documents/labels.ts";
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
