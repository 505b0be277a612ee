// A node:test reporter that records how long each test file, and each top-level test or suite in
// it, took (JSON lines on its destination). scripts/test.mjs adds it beside the usual reporter and
// names the slowest in its summary, so a file that grows slow is noticed before the suite is.
export default async function* timingReporter(source) {
  for await (const event of source) {
    if (event.type !== "test:complete" || event.data.nesting !== 0) continue;
    const { name, file, details } = event.data;
    if (details?.duration_ms === undefined) continue;
    // Node reports each file's own run (start-up and hooks included) as a test named by its path.
    const kind = file && name === file ? "file" : "test";
    yield `${JSON.stringify({ kind, name, file: file ?? "", ms: Math.round(details.duration_ms) })}\n`;
  }
}
