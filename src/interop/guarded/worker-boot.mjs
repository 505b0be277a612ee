// Worker threads do not inherit the TypeScript loader the main thread was started with: register it,
// then run the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
