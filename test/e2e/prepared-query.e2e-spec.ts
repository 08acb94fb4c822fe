import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { nodesOf, planOf } from '../support/query-plan.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Named prepared statements through TypeORM's connections: planned once per connection. */
describe('preparedQuery', () => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    dataSource = t.app.get(DataSource);
  }, 30_000);
  afterAll(() => t.close());

  const text = `SELECT $1::int + 1 AS n, (SELECT count(*)::int FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + 1%') AS prepared`;

  it('runs in the transaction of the manager, and prepares each statement once per connection', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE probe (n int) ON COMMIT DROP`);
      await preparedQuery(manager, `INSERT INTO probe VALUES ($1)`, [41]);
      expect((await preparedQuery<{ n: number }>(manager, `SELECT n + 1 AS n FROM probe WHERE n = $1`, [41])).rows).toEqual([{ n: 42 }]);
      const first = await preparedQuery<{ n: number; prepared: number }>(manager, text, [1]);
      const second = await preparedQuery<{ n: number; prepared: number }>(manager, text, [2]);
      // The first run prepared it on this connection (and sees itself there), the second reused it.
      expect([first.rows[0], second.rows[0]]).toEqual([
        { n: 2, prepared: 1 },
        { n: 3, prepared: 1 },
      ]);
    });
    expect((await preparedQuery<{ n: number }>(dataSource.manager, `SELECT $1::int AS n`, [7])).rows).toEqual([{ n: 7 }]);
  });

  it('plans a statement again once its tables may have grown, though nothing analysed them', async () => {
    const join = `SELECT p.id, length(p.pad) AS pad FROM probe_growth p JOIN unnest($1::int[]) AS i(id) ON p.id = i.id`;
    const scansOf = async (manager: EntityManager) => {
      const [{ name }] = (await manager.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1 ORDER BY prepare_time DESC LIMIT 1`, [join])) as { name: string }[];
      const plan = planOf(await manager.query(`EXPLAIN (FORMAT JSON) EXECUTE ${name}('{1,2,3}')`));
      return nodesOf(plan).filter((node) => node['Relation Name'] === 'probe_growth').map((node) => node['Node Type']);
    };
    await dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE probe_growth (id int PRIMARY KEY, pad text) ON COMMIT DROP`);
      await manager.query(`INSERT INTO probe_growth VALUES (1, 'x')`);
      for (let run = 0; run < 10; run += 1) await preparedQuery(manager, join, [[1, 2, 3]]);
      // Planned while the table had one row: a scan of all of it is the cheapest way.
      expect(await scansOf(manager)).toEqual(['Seq Scan']);
      await manager.query(`INSERT INTO probe_growth SELECT n, repeat('x', 200) FROM generate_series(2, 50000) AS n`);
      for (let run = 10; run < 600; run += 1) await preparedQuery(manager, join, [[1, 2, 3]]);
      expect(await scansOf(manager)).toEqual(['Index Scan']);
      expect((await preparedQuery(manager, join, [[2, 3, 60000]])).rows).toEqual([{ id: 2, pad: 200 }, { id: 3, pad: 200 }]);
    });
  });

  it('counts the rows a change touched, and fails as manager.query does', async () => {
    const { rowCount } = await preparedQuery(dataSource.manager, `UPDATE data_centres SET updated_at = updated_at WHERE code = $1`, ['nowhere']);
    expect(rowCount).toBe(0);
    await expect(preparedQuery(dataSource.manager, `SELECT * FROM no_such_table WHERE id = $1`, [1])).rejects.toBeInstanceOf(QueryFailedError);
  });
});
