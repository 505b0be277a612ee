/**
 * A person's "status since" is a calendar day (a date column, no time): the own-data page shows that
 * day whatever the server's zone and the organisation's. It was read as midnight UTC and shown in the
 * server's zone, so a server west of UTC showed the day before. Pure render, no database.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { OWN_DATA_SECTIONS } from "../../src/people/privacy/own-data.tsx";
import { dayInWords } from "../support/day-in-words.ts";

// The server's own zone: far west of UTC, set before anything in this process formats a date.
process.env.TZ = "Pacific/Pago_Pago"; // UTC−11

const record = OWN_DATA_SECTIONS.find((section) => section.key === "record");
const textOf = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");

const calendarDay = fc
  .date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("own data: the status's day", () => {
  test("is the stored day in both languages, on a server west of UTC, for an organisation in any zone", async () => {
    assert.ok(record, "the record section exists");
    assert.equal(new Date("2026-03-01T00:00:00Z").getDate(), 28, "the process runs west of UTC");
    await fc.assert(
      fc.asyncProperty(
        calendarDay,
        fc.constantFrom("en", "fr") as fc.Arbitrary<"en" | "fr">,
        fc.constantFrom("UTC", "America/Vancouver", "America/St_Johns", "Pacific/Kiritimati"),
        async (day, lang, organisationZone) => {
          const data = {
            givenName: "Léa",
            familyName: "Tremblay",
            preferredName: null,
            email: null,
            employeeNumber: "R-005",
            status: "left",
            statusSince: day,
            preferredLang: "fr",
            hasAccount: false,
            organisationAdministrator: false,
            createdAt: "2025-01-01T09:00:00.000Z",
            updatedAt: "2025-01-31T09:00:00.000Z",
          };
          const html = String(await record.render(data, lang, organisationZone));
          const text = textOf(html).replace(/\u00a0/g, " ");
          assert.ok(text.includes(dayInWords(day, lang)), `${day} (${lang}, ${organisationZone}) in: ${text}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
