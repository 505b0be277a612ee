/**
 * "Today" in a zone (decision 054), without HTTP or a database: dayOf agrees with Intl's own
 * year/month/day parts for any zone and instant, is UTC's date without a zone, and is the previous
 * day in a negative-offset zone shortly after UTC's midnight.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { dayOf } from "../../src/assessments/due.ts";
import {
  CANADIAN_ZONES,
  effectiveTimeZone,
  isTimeZone,
  startOfDayIn,
  supportedTimeZones,
  timeZoneChoices,
} from "../../src/i18n/zones.ts";

const zones = [...supportedTimeZones()];
// 1900 to 2200: past and future offset rules, leap years and the turn of a century.
const instants = fc.date({
  min: new Date("1900-01-01T00:00:00Z"),
  max: new Date("2200-12-31T23:59:59Z"),
  noInvalidDate: true,
});

/** The day by Intl's parts, through a formatter built afresh (no memo), another locale than dayOf's. */
function intlDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("fr-CA", { timeZone, year: "numeric", month: "numeric", day: "numeric" })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, p) => Object.assign(all, { [p.type]: p.value }), {});
  return `${parts.year.padStart(4, "0")}-${parts.month.padStart(2, "0")}-${parts.day.padStart(2, "0")}`;
}

describe("dayOf in a zone", () => {
  test("agrees with Intl's year, month and day for any zone and instant", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (at, zone) => {
        const day = dayOf(at, zone);
        assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(day, intlDay(at, zone));
      }),
      { numRuns: 2000 },
    );
  });

  test("without a zone, and in UTC, it is the ISO date", () => {
    fc.assert(
      fc.property(instants, (at) => {
        assert.equal(dayOf(at), at.toISOString().slice(0, 10));
        assert.equal(dayOf(at, "UTC"), at.toISOString().slice(0, 10));
      }),
    );
  });

  test("within hours after UTC's midnight, a zone west of UTC is still on the previous day", () => {
    const west = ["America/Toronto", "America/Halifax", "America/Vancouver", "America/St_Johns", "America/Winnipeg"];
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...west),
        // Newfoundland is UTC−2:30 in summer: under that, every Canadian zone is still on the previous day.
        fc.integer({ min: 0, max: 2 * 60 + 29 }),
        (day, zone, minutes) => {
          const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
          const at = new Date(midnight + minutes * 60_000);
          const previous = new Date(midnight - 86_400_000).toISOString().slice(0, 10);
          assert.equal(dayOf(at, zone), previous, `${at.toISOString()} in ${zone}`);
        },
      ),
    );
  });

  test("the example of the brief: 03:30 UTC on 11 March 2027 is still the 10th in Toronto; 05:30 is the 11th", () => {
    assert.equal(dayOf(new Date("2027-03-11T03:30:00Z"), "America/Toronto"), "2027-03-10");
    assert.equal(dayOf(new Date("2027-03-11T05:30:00Z"), "America/Toronto"), "2027-03-11");
    // East of UTC the day turns first.
    assert.equal(dayOf(new Date("2027-03-10T23:30:00Z"), "Europe/Paris"), "2027-03-11");
  });
});

describe("the start of a day in a zone", () => {
  test("is the first instant that is that day there: the second before is the day before", () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (at, zone) => {
        const day = intlDay(at, zone);
        const start = Date.parse(startOfDayIn(day, zone));
        assert.equal(intlDay(new Date(start), zone), day, `${day} in ${zone}`);
        assert.ok(intlDay(new Date(start - 1000), zone) < day, `${day} in ${zone}: a second before`);
        assert.ok(start <= at.getTime(), `${day} in ${zone} starts after ${at.toISOString()}`);
      }),
      { numRuns: 1000 },
    );
  });

  test("examples: Toronto in winter and summer, Newfoundland, a midnight skipped (Santiago), UTC", () => {
    assert.equal(startOfDayIn("2026-12-01", "America/Toronto"), "2026-12-01T05:00:00.000Z");
    assert.equal(startOfDayIn("2026-07-01", "America/Toronto"), "2026-07-01T04:00:00.000Z");
    assert.equal(startOfDayIn("2026-12-01", "America/St_Johns"), "2026-12-01T03:30:00.000Z");
    // Chile moves its clocks from midnight to 01:00: that day starts at 01:00 local (04:00 UTC).
    assert.equal(startOfDayIn("2026-09-06", "America/Santiago"), "2026-09-06T04:00:00.000Z");
    assert.equal(startOfDayIn("2026-12-01", "UTC"), "2026-12-01T00:00:00.000Z");
  });
});

describe("zones offered and accepted", () => {
  test("UTC and the Canadian zones are known; names not in the list are not", () => {
    assert.ok(isTimeZone("UTC"));
    for (const zone of ["America/Toronto", "America/Halifax", "America/Vancouver", "America/St_Johns"])
      assert.ok(isTimeZone(zone), zone);
    for (const wrong of ["", "america/toronto", "Mars/Olympus_Mons", "+05:00", "America/Toronto "])
      assert.equal(isTimeZone(wrong), false, wrong);
    const { canadian, all } = timeZoneChoices();
    assert.ok(canadian.length >= 15 && canadian.every((zone) => CANADIAN_ZONES.includes(zone as never)));
    assert.ok(canadian.every((zone) => all.includes(zone)));
  });

  test("the effective zone: the organisation's own, else the instance's; one the runtime does not know falls back", () => {
    assert.equal(effectiveTimeZone({ time_zone: "America/Halifax" }, "UTC"), "America/Halifax");
    assert.equal(effectiveTimeZone({ time_zone: null }, "America/Toronto"), "America/Toronto");
    assert.equal(effectiveTimeZone({}, "UTC"), "UTC");
    assert.equal(effectiveTimeZone({ time_zone: "Atlantis/Capital" }, "America/Toronto"), "America/Toronto");
  });
});
