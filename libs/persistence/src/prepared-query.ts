import { createHash } from 'node:crypto';
import { type EntityManager, QueryFailedError } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

const names = new Map<string, string>();

/** One name per statement text: a connection that has prepared it runs it again by name. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement as a named prepared statement, which PostgreSQL parses and plans once per
 * connection instead of on every call. For the data-modifying CTEs every provisioning step runs,
 * planning costs more than executing: measured here, PostgreSQL's CPU per step nearly halved.
 * Runs in the manager's transaction when it has one; errors are TypeORM's QueryFailedError, as
 * from manager.query. Needs session state to last: not behind a pooler in transaction mode that
 * drops prepared statements.
 */
export async function preparedQuery<T>(manager: EntityManager, text: string, values: unknown[]): Promise<{ rows: T[]; rowCount: number }> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    const result = await client.query({ name: nameOf(text), text, values });
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  } catch (error) {
    throw error instanceof Error && !(error instanceof QueryFailedError) ? new QueryFailedError(text, values, error) : error;
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
