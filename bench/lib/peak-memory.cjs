// Preloaded into a child (`node -r bench/lib/peak-memory.cjs …`): as it exits, it writes its own
// peak resident memory (VmHWM) to stderr as one line, `peak-memory-mb: N`. The peak of the process
// itself, parse workers included (threads share it), nothing of its parent's.
const { readFileSync } = require("node:fs");
process.on("exit", () => {
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
  if (match) process.stderr.write(`\npeak-memory-mb: ${Number(match[1]) / 1024}\n`);
});
