/**
 * Where the project's own files are, whether the code runs from its sources (src/…, through tsx) or
 * from the compiled bundles (dist/…, see scripts/build.mjs). Both folders sit directly under the
 * project's root, so "one level up from this module" is the root in either case: files read at run
 * time (stylesheets, scripts, the starter framework) are named from the root, never from the
 * module that reads them, because the bundler moves modules but not the files beside them.
 */
import { fileURLToPath } from "node:url";

/** The project's root folder, as a URL ending in "/". */
export const ROOT_URL = new URL("../", import.meta.url);

/** True in the compiled bundles, false when the TypeScript sources run directly. */
export const COMPILED = !/\.tsx?$/.test(new URL(import.meta.url).pathname);

/** The absolute path of a file or folder named from the project's root ("content/starter/"). */
export function projectPath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT_URL));
}
