import pg from 'pg';

// Loaded by jest outside its module mapper: import only packages here, nothing relative.
export default async function globalTeardown(): Promise<void> {
  const name = process.env.TEST_TEMPLATE_DATABASE;
  if (!name || !/^cp_test_template_[a-z0-9_]+$/.test(name)) return;
  const client = new pg.Client({
    connectionString: process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
