/**
 * The HTTP client of bench/search/cpu-per-request.ts, in a process of its own so its CPU time is not
 * counted as the server's: `node cpu-client-child.mjs ORIGIN CONNECTIONS`. Each line it reads on
 * stdin is a JSON list of paths and a number of passes; it sends them over CONNECTIONS keep-alive
 * connections (node:http, each answer read to its end) and writes one line back, `{"sent":…,
 * "failures":…}`, when every answer has come. Plain JavaScript: no loader in this process.
 */
import { Agent, request } from "node:http";
import { createInterface } from "node:readline";

const [origin, connectionsArgument] = process.argv.slice(2);
const { hostname, port } = new URL(origin);
const connections = Number(connectionsArgument);
const agent = new Agent({ keepAlive: true, maxSockets: connections });

const one = (path) =>
  new Promise((resolve) => {
    const req = request({ agent, hostname, port, path, method: "GET" }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode));
      res.on("error", () => resolve(0));
    });
    req.on("error", () => resolve(0));
    req.end();
  });

async function run(paths, passes) {
  const total = paths.length * passes;
  let next = 0;
  let failures = 0;
  const loop = async () => {
    for (let i = next++; i < total; i = next++) if ((await one(paths[i % paths.length])) !== 200) failures++;
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { sent: total, failures };
}

for await (const line of createInterface({ input: process.stdin })) {
  const { paths, passes } = JSON.parse(line);
  process.stdout.write(`${JSON.stringify(await run(paths, passes))}\n`);
}
agent.destroy();
