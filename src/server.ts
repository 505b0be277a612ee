import { serve } from "@hono/node-server";
import { boot } from "./boot.ts";
import type { Config } from "./config.ts";

/** Starts the HTTP server; resolves once it listens. SIGINT/SIGTERM close it and the database cleanly. */
export async function startServer(config: Config): Promise<{ port: number; stop(): Promise<void> }> {
  const runtime = await boot(config);
  return new Promise((resolve) => {
    const server = serve({ fetch: runtime.app.fetch, port: config.port, hostname: process.env.HOST }, (info) => {
      runtime.logger.info({ url: `http://localhost:${info.port}`, database: runtime.database.dialect }, "Skillshelf is listening");
      const stop = async () => {
        await new Promise<void>((done) => server.close(() => done()));
        await runtime.close();
      };
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          runtime.logger.info({ signal }, "shutting down");
          stop().then(() => process.exit(0), () => process.exit(1));
        });
      }
      resolve({ port: info.port, stop });
    });
  });
}
