// A node:test reporter that records every skipped test or suite, with its reason, as JSON lines
// (one per skip) on its destination. scripts/test.mjs adds it beside the usual reporter, then
// lists the skips in its summary (and, under CI=true, fails the run on any).
export default async function* skipReporter(source) {
  for await (const event of source) {
    if ((event.type === "test:pass" || event.type === "test:fail") && event.data.skip !== undefined) {
      const { name, file, skip } = event.data;
      yield `${JSON.stringify({ name, file: file ?? "", reason: typeof skip === "string" ? skip : "no reason given" })}\n`;
    }
  }
}
