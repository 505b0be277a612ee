/** The `skillshelf` process: runs the command named on the command line (src/cli/run.ts). */
import { runCli } from "./run.ts";

const code = await runCli(process.argv.slice(2));
// `serve` keeps running; every other command ends here with its exit code.
if (code !== -1) process.exit(code);
