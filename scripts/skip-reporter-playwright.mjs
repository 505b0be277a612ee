// A Playwright reporter that records every skipped browser test, with its reason, as JSON lines in
// the file named by SKILLSHELF_SKIP_LOG (scripts/test.mjs reads them for its summary).
import { appendFileSync } from "node:fs";

export default class SkipReporter {
  onTestEnd(test, result) {
    const log = process.env.SKILLSHELF_SKIP_LOG;
    if (!log || result.status !== "skipped") return;
    const reason = test.annotations.find((a) => a.type === "skip" || a.type === "fixme")?.description;
    appendFileSync(
      log,
      `${JSON.stringify({ name: test.titlePath().filter(Boolean).join(" › "), file: test.location.file, reason: reason || "no reason given" })}\n`,
    );
  }
}
