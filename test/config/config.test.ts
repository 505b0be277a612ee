import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readConfig } from "../../src/config.ts";

describe("readConfig", () => {
  test("defaults: port 3000, SQLite file, info logs, localhost base URL", () => {
    const config = readConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, "./data/skillshelf.db");
    assert.equal(config.logLevel, "info");
    assert.equal(config.baseUrl, "http://localhost:3000");
    assert.equal(config.production, false);
  });

  test("reads every setting from the environment", () => {
    const config = readConfig({
      PORT: "8080",
      DATABASE_URL: "postgres://u:p@db.example:5432/skillshelf",
      LOG_LEVEL: "warn",
      BASE_URL: "https://competencies.example.ca/",
      NODE_ENV: "production",
    });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, "postgres://u:p@db.example:5432/skillshelf");
    assert.equal(config.logLevel, "warn");
    assert.equal(config.baseUrl, "https://competencies.example.ca", "trailing slash is dropped");
    assert.equal(config.production, true);
  });

  test("the pool size and the evidence total: defaults, values, and refusals naming the setting", () => {
    const defaults = readConfig({});
    assert.equal(defaults.databasePoolMax, 10);
    assert.equal(defaults.evidence.totalMaxBytes, 100 * 1024 * 1024);
    const set = readConfig({ DATABASE_POOL_MAX: "4", EVIDENCE_TOTAL_MAX_MB: "250" });
    assert.equal(set.databasePoolMax, 4);
    assert.equal(set.evidence.totalMaxBytes, 250 * 1024 * 1024);
    for (const [name, value] of [
      ["DATABASE_POOL_MAX", "0"],
      ["DATABASE_POOL_MAX", "ten"],
      ["EVIDENCE_TOTAL_MAX_MB", "-1"],
    ] as const)
      assert.throws(
        () => readConfig({ [name]: value }),
        (error: Error) => error.message.includes(name),
      );
  });

  test("TIME_ZONE: UTC by default, a known zone kept, an unknown one refused naming the setting", () => {
    assert.equal(readConfig({}).timeZone, "UTC");
    assert.equal(readConfig({ TIME_ZONE: "" }).timeZone, "UTC");
    assert.equal(readConfig({ TIME_ZONE: "UTC" }).timeZone, "UTC");
    assert.equal(readConfig({ TIME_ZONE: " America/Toronto " }).timeZone, "America/Toronto");
    for (const wrong of ["Mars/Olympus_Mons", "EST5EDT; drop", "america/toronto"])
      assert.throws(
        () => readConfig({ TIME_ZONE: wrong }),
        (error: Error) => error.message.includes("TIME_ZONE") && error.message.includes("time zone"),
        wrong,
      );
  });

  test("a blank PORT means the default, not a random port", () => {
    assert.equal(readConfig({ PORT: "" }).port, 3000);
    assert.equal(readConfig({ PORT: "  " }).port, 3000);
  });

  test("the default base URL follows PORT", () => {
    assert.equal(readConfig({ PORT: "4321" }).baseUrl, "http://localhost:4321");
  });

  for (const port of ["abc", "70000", "-1", "3.5", "80x"]) {
    test(`PORT=${port} is refused with a message naming PORT`, () => {
      assert.throws(
        () => readConfig({ PORT: port }),
        (error: Error) => {
          assert.match(error.message, /invalid configuration/);
          assert.match(error.message, /PORT/);
          return true;
        },
      );
    });
  }

  test("a bad LOG_LEVEL and a bad BASE_URL are both reported at once", () => {
    assert.throws(
      () => readConfig({ LOG_LEVEL: "loud", BASE_URL: "not a url" }),
      (error: Error) => /LOG_LEVEL/.test(error.message) && /BASE_URL/.test(error.message),
    );
  });

  test("a blank DATABASE_URL is refused rather than opening a file named ''", () => {
    assert.throws(() => readConfig({ DATABASE_URL: "   " }), /DATABASE_URL/);
  });
});
