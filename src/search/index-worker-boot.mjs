// Worker threads do not inherit the TypeScript loader the main thread was started with: register it,
// then run the worker itself (from the sources only; compiled, dist/index-worker.js is started).
import { register } from "tsx/esm/api";

register();
await import("./index-worker.ts");
