import pg from 'pg';

export interface DemoDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of the demo's own on the server `serverUrl` points at, dropped at the end: the demo
 * migrates and seeds a world of its own and never touches the database a user's `npm start` keeps.
 */
export async function createDemoDatabase(serverUrl: string): Promise<DemoDatabase> {
  const name = `hcp_demo_${Date.now().toString(36)}_${process.pid}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
