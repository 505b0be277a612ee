/**
 * Downloads of an editor's draft, under /{lang}/editor/frameworks/:slug/export.{json,case.json,xlsx,csv}:
 * the framework as it stands in the editor (published or not), in each format an import reads back.
 * Readers' exports of published editions are the API's and the CASE API's business.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { buildFrameworkView } from "../../editions/catalog.ts";
import { frameworkJson } from "../../frameworks/json.ts";
import { requirePermission } from "../../policy/guard.ts";
import { caseExportChunks } from "../case/export.ts";
import { caseExportInput } from "../case/load.ts";
import { findDraftFramework } from "../draft-store.ts";
import { exportSpreadsheet } from "../sheets/index.ts";

const TYPES = {
  json: "application/json; charset=utf-8",
  "case.json": "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;
type ExportFormat = keyof typeof TYPES;

function download(slug: string, format: ExportFormat) {
  return {
    "content-type": TYPES[format],
    "content-disposition": `attachment; filename="${slug}.${format}"`,
    "cache-control": "no-store",
  };
}

export function draftExportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = requirePermission("editor.use");

  for (const format of Object.keys(TYPES) as ExportFormat[]) {
    app.get(`/frameworks/:slug/export.${format}`, guard, async (c) => {
      const framework = await findDraftFramework(c.var.db, c.req.param("slug"));
      if (!framework) return c.notFound();
      const view = await buildFrameworkView(c.var.db, framework);
      const headers = download(framework.slug, format);
      if (format === "json") return c.body(JSON.stringify(frameworkJson(view), null, 2), 200, headers);
      if (format === "xlsx" || format === "csv")
        return c.body(new Uint8Array(await exportSpreadsheet(frameworkJson(view), format)), 200, headers);
      // CASE packages can be large: stream the text in ~64 KB pieces rather than build one string.
      const input = await caseExportInput(c.var.db, view, c.var.config.baseUrl);
      const chunks = caseExportChunks(input);
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          let buffer = "";
          for (let next = chunks.next(); ; next = chunks.next()) {
            if (next.done) {
              if (buffer !== "") controller.enqueue(encoder.encode(buffer));
              controller.close();
              return;
            }
            buffer += next.value;
            if (buffer.length >= 65_536) break;
          }
          controller.enqueue(encoder.encode(buffer));
        },
      });
      return c.body(stream, 200, headers);
    });
  }
  return app;
}
