/**
 * Browser tests (test/e2e): Debian's Chromium against the real app on a fresh SQLite database.
 * `npx playwright install` cannot download browsers here, so the system Chromium is used. Whether
 * the tests may be skipped (no Chromium, CI not "true") is decided by scripts/test.mjs and, for a
 * direct `npx playwright test`, by test/e2e/fixtures.ts.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

const CI = process.env.CI === "true";
/** A fixed port away from the default 3000, so a developer's own server does not get in the way. */
const PORT = Number(process.env.E2E_PORT ?? 3977);
const BASE_URL = `http://localhost:${PORT}`;

// Chromium writes profile and cache folders under XDG_CONFIG_HOME / XDG_CACHE_HOME (~ by default).
const chromiumHome = join(tmpdir(), "skillshelf-e2e", "chromium");
mkdirSync(chromiumHome, { recursive: true });

export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results",
  // Two cores, shared with the server under test: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The skip reporter lets scripts/test.mjs list skipped browser tests with their reasons.
  reporter: [
    ["list"],
    ["./scripts/skip-reporter-playwright.mjs"],
    ...(CI ? [["html", { open: "never", outputFolder: "playwright-report" }] as const] : []),
  ],
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    headless: true,
    locale: "en-CA",
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    // Traces cost time on every test; record one only when CI retries a failure.
    trace: "on-first-retry",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(chromiumHome, "config"),
        XDG_CACHE_HOME: join(chromiumHome, "cache"),
      },
    },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${BASE_URL}/en`,
    reuseExistingServer: false,
    // First start creates, migrates and loads the starter framework; slow on a busy machine.
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      PORT: String(PORT),
      BASE_URL,
      LOG_LEVEL: "warn",
      E2E_DATABASE: join(tmpdir(), "skillshelf-e2e", `e2e-${PORT}.db`),
    },
  },
});
