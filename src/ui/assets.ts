/**
 * Static assets served from memory with a content hash in their URL, so browsers may cache them
 * forever. htmx comes from node_modules: no CDN, works offline on a branch network.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Env, Hono } from "hono";
import { projectPath } from "../paths.ts";

interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

const require = createRequire(import.meta.url);
const local = (name: string) => projectPath(`src/ui/assets/${name}`);

// A Map, not an object: a name like "constructor" or "__proto__" must find nothing, not Object's own.
const sources = new Map<string, { path: string; type: string }>([
  ["app.css", { path: local("app.css"), type: "text/css; charset=utf-8" }],
  ["app.js", { path: local("app.js"), type: "text/javascript; charset=utf-8" }],
  ["favicon.svg", { path: local("favicon.svg"), type: "image/svg+xml" }],
  ["htmx.min.js", { path: require.resolve("htmx.org/dist/htmx.min.js"), type: "text/javascript; charset=utf-8" }],
]);

const assets = new Map<string, Asset>();

/** Registers an extra asset (a capability's own script or stylesheet). */
export function registerAsset(name: string, path: string, type: string): void {
  sources.set(name, { path, type });
  assets.delete(name);
}

function load(name: string): Asset | undefined {
  let asset = assets.get(name);
  if (!asset) {
    const source = sources.get(name);
    if (!source) return undefined;
    const body = readFileSync(source.path);
    asset = { body, type: source.type, hash: createHash("sha256").update(body).digest("hex").slice(0, 12) };
    assets.set(name, asset);
  }
  return asset;
}

export function assetUrl(name: string): string {
  const asset = load(name);
  return asset ? `/assets/${name}?v=${asset.hash}` : `/assets/${name}`;
}

export function mountAssets<E extends Env>(app: Hono<E>): void {
  // Browsers ask for /favicon.ico whatever the page links to: the same icon, never a 404.
  app.get("/favicon.ico", (c) => {
    const icon = load("favicon.svg") as Asset;
    return c.body(new Uint8Array(icon.body), 200, {
      "content-type": icon.type,
      "cache-control": "public, max-age=86400",
    });
  });
  app.get("/assets/:name", (c) => {
    const asset = load(c.req.param("name"));
    if (!asset) return c.notFound();
    const versioned = c.req.query("v") === asset.hash;
    return c.body(new Uint8Array(asset.body), 200, {
      "content-type": asset.type,
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    });
  });
}
