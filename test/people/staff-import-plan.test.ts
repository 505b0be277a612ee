/**
 * The staff import's pure part, without a database: reading CSV and XLSX as HR systems write them,
 * guessing the column mapping, validating by row and column, and planning creates, updates, the
 * unchanged, people marked as left, managers and cycles.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { managerCycles } from "../../src/people/manager-lines.ts";
import { guessMapping, headerKey } from "../../src/people/staff-import/columns.ts";
import {
  type ExistingPerson,
  type ImportPlan,
  type Organisation,
  type PlanOptions,
  planImport,
} from "../../src/people/staff-import/plan.ts";
import { readStaffFile, tableFromRows, UnreadableStaffFile } from "../../src/people/staff-import/read.ts";
import { validateRows } from "../../src/people/staff-import/validate.ts";
import { parseDate } from "../../src/people/staff-import/values.ts";
import { checkXlsxArchive } from "../../src/people/staff-import/zip-check.ts";
import { runs } from "../support/fast-check-seed.ts";
import {
  csvBytes,
  type FileStyle,
  fileStyle,
  type GeneratedPerson,
  HEADERS,
  staffList,
  xlsxBytes,
} from "./staff-import-files.ts";

const OPTIONS: PlanOptions = { markMissingAsLeft: false, createUnits: true, today: "2026-11-30" };
const EMPTY: Organisation = { people: [], units: [], defaultLang: "en" };

async function planFile(bytes: Uint8Array, organisation = EMPTY, options = OPTIONS): Promise<ImportPlan> {
  const table = await readStaffFile(bytes);
  return planImport(validateRows(table, guessMapping(table.headers)), organisation, options);
}

/** What a generated file says about a person, as the plan's values should hold it. */
const expectedValues = (p: GeneratedPerson) => ({
  givenName: p.givenName,
  familyName: p.familyName,
  email: p.email,
  managerNumber: p.managerNumber,
  status: p.status,
  statusSince: p.statusSince,
  preferredLang: p.preferredLang,
});
const plannedValues = (plan: ImportPlan) =>
  plan.creates.map(({ values: v }) => ({
    givenName: v.givenName,
    familyName: v.familyName,
    email: v.email,
    managerNumber: v.managerNumber,
    status: v.status,
    statusSince: v.statusSince,
    preferredLang: v.preferredLang,
  }));

/** Windows-1252 cannot write every name: the test expects what such a file really holds. */
const asWritten = (people: GeneratedPerson[], style: FileStyle) =>
  style.latin1
    ? people.map((p) => ({
        ...p,
        givenName: p.givenName.replace(/[^\u0020-\u00ff]/g, "?"),
        familyName: p.familyName.replace(/[^\u0020-\u00ff]/g, "?"),
      }))
    : people;

/** The organisation as it would be after creating these people (ids = employee numbers). */
function organisationOf(people: GeneratedPerson[], units: string[] = []): Organisation {
  return {
    defaultLang: "en",
    units: units.map((name, i) => ({ id: `u${i}`, nameEn: name, nameFr: `${name} (fr)` })),
    people: people.map(
      (p): ExistingPerson => ({
        id: `id-${p.employeeNumber}`,
        employeeNumber: p.employeeNumber,
        givenName: p.givenName,
        familyName: p.familyName,
        preferredName: null,
        email: p.email,
        unitId: p.unit ? `u${units.indexOf(p.unit)}` : null,
        managerId: p.managerNumber ? `id-${p.managerNumber}` : null,
        status: p.status,
        statusSince: p.statusSince,
        preferredLang: p.preferredLang,
      }),
    ),
  };
}

describe("staff import: reading files", () => {
  it("any CSV an HR system writes (separator, BOM, encoding, title line, EN/FR headers, column order, date style) plans exactly its people", async () => {
    await fc.assert(
      fc.asyncProperty(staffList(), fileStyle, async (people, style) => {
        const plan = await planFile(csvBytes(people, style));
        assert.deepEqual(plan.errors, []);
        assert.deepEqual(plannedValues(plan), asWritten(people, style).map(expectedValues));
        assert.deepEqual(
          plan.creates.map((c) => c.employeeNumber),
          people.map((p) => p.employeeNumber),
        );
        // Rows are numbered as the file's rows: the header is row 1, or row 2 under a title line.
        assert.deepEqual(
          plan.creates.map((c) => c.line),
          people.map((_, i) => i + (style.titleLine ? 3 : 2)),
        );
        const units = new Set(people.map((p) => p.unit).filter((u) => u !== null));
        assert.equal(plan.counts.newUnits, units.size);
      }),
      { numRuns: runs(60) },
    );
  });

  it("an XLSX workbook with real dates plans exactly its people", async () => {
    await fc.assert(
      fc.asyncProperty(staffList({ max: 12 }), fileStyle, async (people, style) => {
        const plan = await planFile(await xlsxBytes(people, { ...style, latin1: false }));
        assert.deepEqual(plan.errors, []);
        assert.deepEqual(plannedValues(plan), people.map(expectedValues));
      }),
      { numRuns: runs(10) },
    );
  });

  it("headers in English or French are mapped to the same fields", () => {
    for (const lang of ["en", "fr"] as const) {
      const headers = Object.values(HEADERS[lang]);
      const mapping = guessMapping(headers);
      for (const [i, field] of Object.keys(HEADERS[lang]).entries())
        assert.equal(mapping[field as "email"], i, `${lang} ${field}`);
    }
    // Not every header is a field; a header is used once.
    assert.deepEqual(guessMapping(["Notes", "Employee ID", "Employee No"]), { employeeNumber: 1 });
    assert.equal(headerKey("N° d'employé"), "n d employe");
  });

  it("bytes that are not a table, or a file with no rows, are refused by name", async () => {
    await assert.rejects(readStaffFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), UnreadableStaffFile);
    await assert.rejects(readStaffFile(new Uint8Array([0x41, 0, 0x42])), UnreadableStaffFile);
    await assert.rejects(
      readStaffFile(new TextEncoder().encode("\n\n  \n")),
      (e: UnreadableStaffFile) => e.code === "empty",
    );
  });
});

describe("staff import: dates", () => {
  it("every style of the same day reads as that day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1950-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split("-").map(Number);
          for (const text of [
            iso,
            `${iso}T08:30:00`,
            `${y}/${m}/${d}`,
            `${d}/${m}/${y}`,
            `${d}.${m}.${y}`,
            `${new Intl.DateTimeFormat("en-CA", { month: "long", timeZone: "UTC" }).format(date)} ${d}, ${y}`,
            `${d} ${new Intl.DateTimeFormat("fr-CA", { month: "long", timeZone: "UTC" }).format(date)} ${y}`,
          ])
            assert.equal(parseDate(text), iso, text);
          // Month first when the file says so (or when the day is above 12).
          assert.equal(parseDate(`${m}/${d}/${y}`, "mdy"), iso);
          if (d > 12) assert.equal(parseDate(`${m}/${d}/${y}`, "dmy"), iso);
        },
      ),
      { numRuns: runs(200) },
    );
    assert.equal(parseDate("1er mars 2024"), "2024-03-01");
    assert.equal(parseDate("45366"), "2024-03-15");
    for (const bad of ["31/02/2024", "2024-13-01", "tomorrow", "15/15/2024", "0/0/0"])
      assert.equal(parseDate(bad), undefined);
  });
});

const table = (headers: string[], rows: string[][]) => tableFromRows("csv", [headers, ...rows]);
const plan = (headers: string[], rows: string[][], organisation = EMPTY, options = OPTIONS) => {
  const t = table(headers, rows);
  return planImport(validateRows(t, guessMapping(t.headers)), organisation, options);
};
const errorsOf = (p: ImportPlan) => p.errors.map((e) => [e.line, e.column, e.code, e.value]);

describe("staff import: errors by row and column", () => {
  it("a bad cell anywhere is reported on its row and under its column, and nothing is planned past it", () => {
    const badCells = fc.constantFrom(
      ["Work Email", "not-an-address", "email"],
      ["Employment Status", "sort of", "status"],
      ["Status Date", "31/02/2024", "date"],
      ["Preferred Language", "klingon", "lang"],
      ["First Name", "", "required"],
      ["Manager Employee #", "NOBODY", "manager_unknown"],
    );
    fc.assert(
      fc.property(
        staffList({ min: 2, max: 20 }),
        fc.nat(),
        badCells,
        fileStyle,
        (people, at, [header, value, code], style) => {
          const en = { ...style, lang: "en" as const };
          const order = en.order;
          const headers = order.map((c) => HEADERS.en[c]);
          const rows = people.map((p) => csvCells(p, en));
          const row = at % rows.length;
          const column = headers.indexOf(header);
          rows[row][column] = value;
          const result = plan(headers, rows);
          assert.deepEqual(
            result.errors.map((e) => [e.line, e.column, e.code]),
            [[row + 2, header, code]],
          );
        },
      ),
      { numRuns: runs(60) },
    );
  });

  it("a repeated employee number names the row it first appeared on", () => {
    const result = plan(
      ["Employee ID", "First name", "Last name"],
      [
        ["7", "Ada", "Byron"],
        ["8", "Alan", "Turing"],
        ["7", "Grace", "Hopper"],
      ],
    );
    assert.deepEqual(errorsOf(result), [[4, "Employee ID", "duplicate", "2"]]);
  });

  it("a file without a required column is refused as a whole, naming the field", () => {
    const result = plan(["Employee ID", "First name", "Courriel"], [["7", "Ada", "ada@example.org"]]);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.field, e.code]),
      [[null, "familyName", "missing_column"]],
    );
    assert.equal(result.creates.length, 0);
  });

  it("unknown units are errors unless the import may create them; a name two units share is ambiguous", () => {
    const org: Organisation = {
      defaultLang: "fr",
      people: [],
      units: [
        { id: "u1", nameEn: "Central Library", nameFr: "Bibliothèque centrale" },
        { id: "u2", nameEn: "Branch", nameFr: "Succursale" },
        { id: "u3", nameEn: "Branch", nameFr: "Succursale Nord" },
      ],
    };
    const headers = ["Matricule", "Prénom", "Nom", "Unité"];
    const rows = [
      ["1", "Ada", "Byron", "BIBLIOTHEQUE CENTRALE"],
      ["2", "Alan", "Turing", "Archives"],
      ["3", "Grace", "Hopper", "Branch"],
    ];
    const strict = plan(headers, rows, org, { ...OPTIONS, createUnits: false });
    assert.deepEqual(errorsOf(strict), [
      [3, "Unité", "unit_unknown", "Archives"],
      [4, "Unité", "unit_ambiguous", "Branch"],
    ]);
    const lenient = plan(headers, rows.slice(0, 2), org);
    assert.deepEqual(lenient.errors, []);
    assert.deepEqual(lenient.newUnits, [{ key: "archives", name: "Archives" }]);
    assert.deepEqual(
      lenient.creates.map((c) => [c.values.unit, c.values.preferredLang]),
      [
        [{ kind: "existing", id: "u1" }, "fr"],
        [{ kind: "new", key: "archives" }, "fr"],
      ],
    );
  });
});

/** A person's cells as text, in the style's order (English words). */
function csvCells(p: GeneratedPerson, style: FileStyle): string[] {
  const text: Record<string, string> = {
    employeeNumber: p.employeeNumber,
    givenName: p.givenName,
    familyName: p.familyName,
    email: p.email ?? "",
    unit: p.unit ?? "",
    managerNumber: p.managerNumber ?? "",
    status: { active: "Active", on_leave: "On leave", left: "Left" }[p.status],
    statusSince: p.statusSince ?? "",
    preferredLang: p.preferredLang,
  };
  return style.order.map((c) => text[c]);
}

describe("staff import: the plan against the organisation", () => {
  it("importing the organisation's own staff again changes nothing; changing one field updates just that field", () => {
    fc.assert(
      fc.property(staffList({ min: 2 }), fileStyle, fc.nat(), (people, style, at) => {
        const en = { ...style, lang: "en" as const };
        const headers = en.order.map((c) => HEADERS.en[c]);
        const units = [...new Set(people.map((p) => p.unit).filter((u): u is string => u !== null))];
        const org = organisationOf(people, units);
        const same = plan(
          headers,
          people.map((p) => csvCells(p, en)),
          org,
        );
        assert.deepEqual(same.errors, []);
        assert.equal(same.counts.unchanged, people.length);
        assert.equal(same.creates.length + same.updates.length, 0);

        const i = at % people.length;
        const changed = people.map((p, j) => (j === i ? { ...p, givenName: `${p.givenName}x` } : p));
        const once = plan(
          headers,
          changed.map((p) => csvCells(p, en)),
          org,
        );
        assert.deepEqual(
          once.updates.map((u) => [u.personId, u.changes]),
          [
            [
              `id-${people[i].employeeNumber}`,
              [{ field: "givenName", before: people[i].givenName, after: `${people[i].givenName}x` }],
            ],
          ],
        );
        assert.equal(once.counts.unchanged, people.length - 1);
      }),
      { numRuns: runs(60) },
    );
  });

  it("people missing from the file are marked as left only when asked, and those already left stay as they are", () => {
    fc.assert(
      fc.property(staffList({ min: 2 }), fc.nat(), (people, cut) => {
        const style: FileStyle = {
          lang: "en",
          separator: ",",
          bom: false,
          latin1: false,
          titleLine: false,
          order: ["employeeNumber", "givenName", "familyName"],
          dateStyle: "iso",
        };
        const org = organisationOf(people);
        const listed = people.slice(0, 1 + (cut % people.length));
        const headers = style.order.map((c) => HEADERS.en[c]);
        const rows = listed.map((p) => csvCells(p, style));
        assert.deepEqual(plan(headers, rows, org).leaving, []);
        const marked = plan(headers, rows, org, { ...OPTIONS, markMissingAsLeft: true });
        assert.deepEqual(
          marked.leaving.map((l) => l.employeeNumber),
          people
            .slice(listed.length)
            .filter((p) => p.status !== "left")
            .map((p) => p.employeeNumber),
        );
      }),
      { numRuns: runs(60) },
    );
  });

  it("manager lines that would loop are refused on every row of the loop, whatever the file says", () => {
    // Random lines over the file's people and the organisation's: cycles happen.
    const lines = fc.integer({ min: 1, max: 15 }).chain((n) =>
      fc.record({
        inFile: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        managers: fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), {
          minLength: n,
          maxLength: n,
        }),
      }),
    );
    fc.assert(
      fc.property(lines, ({ inFile, managers }) => {
        const number = (i: number) => `E${i}`;
        // The organisation holds the people not in the file, with lines that never loop among themselves.
        const org: Organisation = {
          defaultLang: "en",
          units: [],
          people: inFile.flatMap((listed, i) =>
            listed
              ? []
              : [
                  {
                    id: `id${i}`,
                    employeeNumber: number(i),
                    givenName: "G",
                    familyName: "F",
                    preferredName: null,
                    email: null,
                    unitId: null,
                    managerId: null,
                    status: "active" as const,
                    statusSince: null,
                    preferredLang: "en" as const,
                  },
                ],
          ),
        };
        const rows = inFile.flatMap((listed, i) =>
          listed ? [[number(i), "G", "F", managers[i] === null ? "" : number(managers[i] as number)]] : [],
        );
        const result = plan(["Employee Number", "First Name", "Last Name", "Manager"], rows, org);
        const finalLines = new Map(
          inFile.map((listed, i) => [number(i), listed && managers[i] !== null ? number(managers[i] as number) : null]),
        );
        const inCycles = new Set(managerCycles(finalLines).flat());
        const refused = new Set(
          result.errors
            .filter((e) => e.code === "cycle" || e.code === "manager_self")
            .map((e) => rows[(e.line as number) - 2][0]),
        );
        assert.deepEqual(refused, inCycles);
        assert.ok(result.errors.every((e) => e.code === "cycle" || e.code === "manager_self"));
      }),
      { numRuns: runs(200) },
    );
  });

  it("a manager may be someone already in the organisation, or someone later in the file", () => {
    const org = organisationOf([
      {
        employeeNumber: "100",
        givenName: "Boss",
        familyName: "B",
        email: null,
        unit: null,
        managerNumber: null,
        status: "active",
        statusSince: null,
        preferredLang: "en",
      },
    ]);
    const result = plan(
      ["Employee Number", "First Name", "Last Name", "Supervisor"],
      [
        ["1", "Ada", "Byron", "2"],
        ["2", "Alan", "Turing", "100"],
      ],
      org,
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.creates.map((c) => c.values.managerNumber),
      ["2", "100"],
    );
  });
});

describe("staff import: hostile workbooks", () => {
  /** The offsets of each central-directory entry of a zip archive. */
  function directoryEntries(bytes: Uint8Array): number[] {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const offsets: number[] = [];
    for (let at = 0; at + 4 <= bytes.length; at++) if (view.getUint32(at, true) === 0x02014b50) offsets.push(at);
    return offsets;
  }

  it("a workbook whose entries claim to unpack beyond the limit is refused before it is unpacked", async () => {
    const style: FileStyle = {
      lang: "en",
      separator: ",",
      bom: false,
      latin1: false,
      titleLine: false,
      order: ["employeeNumber", "givenName", "familyName"],
      dateStyle: "iso",
    };
    const people: GeneratedPerson[] = [
      {
        employeeNumber: "1",
        givenName: "Ada",
        familyName: "Byron",
        email: null,
        unit: null,
        managerNumber: null,
        status: "active",
        statusSince: null,
        preferredLang: "en",
      },
    ];
    const good = await xlsxBytes(people, style);
    assert.equal(checkXlsxArchive(good), "ok");
    const bomb = new Uint8Array(good);
    const [first] = directoryEntries(bomb);
    new DataView(bomb.buffer).setUint32(first + 24, 0x7fff_0000, true);
    assert.equal(checkXlsxArchive(bomb), "too_large");
    await assert.rejects(readStaffFile(bomb), (e: UnreadableStaffFile) => e.code === "unpacks_too_large");
    // Cut short: no directory to read.
    await assert.rejects(
      readStaffFile(good.subarray(0, good.length - 30)),
      (e: UnreadableStaffFile) => e.code === "not_a_table",
    );
  });
});
