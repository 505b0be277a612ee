/**
 * A PostgreSQL schema of its own for one bench measurement: the URL that uses it (search_path), and
 * how to drop it afterwards. Benches on a shared database never meet each other's tables.
 */
export async function freshSchema(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import("pg");
  const schema = `bench_${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema "${schema}"`);
  const separator = url.includes("?") ? "&" : "?";
  return {
    url: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => run(`drop schema "${schema}" cascade`),
  };
}
