/** The editor's scripts, served locally like every asset: SortableJS from node_modules and our glue. */
import { createRequire } from "node:module";
import { projectPath } from "../paths.ts";
import { registerAsset } from "../ui/assets.ts";

const require = createRequire(import.meta.url);
let registered = false;

export function registerEditorAssets(): void {
  if (registered) return;
  registered = true;
  const js = "text/javascript; charset=utf-8";
  registerAsset("sortable.min.js", require.resolve("sortablejs/Sortable.min.js"), js);
  registerAsset("editor.js", projectPath("src/editor/assets/editor.js"), js);
  registerAsset("editor-slug.js", projectPath("src/editor/assets/slug.js"), js);
}
