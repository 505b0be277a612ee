/**
 * A calendar day (a due date, a period's bounds, a plan's target, a status's start) is not an
 * instant: whatever zone the server runs in, it is written as the day it is. This process runs in
 * UTC+14, where noon UTC is already the next day and midnight UTC is still the same one, so a day
 * read at noon but written in the server's zone shows the day after.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { formatDay } from "../../src/i18n/index.ts";
import { dayInWords } from "../support/day-in-words.ts";

process.env.TZ = "Pacific/Kiritimati"; // UTC+14, set before anything in this process formats a date

const calendarDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const lang = fc.constantFrom("en", "fr") as fc.Arbitrary<"en" | "fr">;

describe("formatDay", () => {
  test("writes the day it is given in both languages, on a server east of UTC", () => {
    assert.equal(new Date("2026-03-01T12:00:00Z").getDate(), 2, "the process runs east of UTC");
    fc.assert(
      fc.property(calendarDay, lang, fc.constantFrom("", "T00:00:00.000Z", "T23:59:59Z"), (day, l, time) => {
        // A stored timestamp's first ten characters are its day (a date column read back by a driver).
        assert.equal(formatDay(`${day}${time}`, l).replace(/\u00a0/g, " "), dayInWords(day, l));
      }),
      { numRuns: 500 },
    );
  });

  test("shows anything that is not a day as it was given", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}/.test(s)),
        lang,
        (text, l) => {
          assert.equal(formatDay(text, l), text);
        },
      ),
    );
    assert.equal(formatDay("", "en"), "");
  });
});
