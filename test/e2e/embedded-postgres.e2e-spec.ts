import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { binariesFor } from '#libs/runtime/src/embedded-postgres/postgres-binaries.js';
import { type EmbeddedPostgresOptions, startEmbeddedPostgres } from '#libs/runtime/src/embedded-postgres/embedded-postgres.js';
import { lookupSystemUser } from '#libs/runtime/src/embedded-postgres/run-as.js';
import { freePort } from '#libs/runtime/src/free-port.js';
import { EmbeddedPostgresError } from '#libs/runtime/src/infrastructure-error.js';
import { postgresServersOn } from '../support/postgres-processes.js';

jest.setTimeout(120_000);

const asRoot = process.getuid?.() === 0;
let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'cp-embedded-test-'));
  // Started by root, PostgreSQL runs as another user, who must be able to enter the folders.
  await chmod(base, 0o755);
});
afterAll(() => rm(base, { recursive: true, force: true }));

const folder = (name: string) => join(base, name);
const options = async (name: string, more: Partial<EmbeddedPostgresOptions> = {}): Promise<EmbeddedPostgresOptions> => ({
  dataDir: folder(name),
  port: await freePort(),
  persistent: true,
  ...more,
});
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as EmbeddedPostgresError);

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', () => {
  it('initialises an empty folder, serves PostgreSQL 18, and reuses the cluster on the next start', async () => {
    const first = await startEmbeddedPostgres(await options('kept'));
    try {
      expect(first.initialised).toBe(true);
      expect(first.version).toMatch(/^18\./);
      expect(first.runsAs).toBe(asRoot ? 'postgres' : null);
      await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('from the first run')`);
    } finally {
      await first.stop();
    }
    expect(await postgresServersOn(join(folder('kept'), 'pgdata'))).toEqual([]);

    const second = await startEmbeddedPostgres(await options('kept'));
    try {
      expect(second.initialised).toBe(false);
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'from the first run' }]);
    } finally {
      await second.stop();
    }
  });

  it('removes a throwaway folder when it stops', async () => {
    const running = await startEmbeddedPostgres(await options('throwaway', { persistent: false }));
    await running.stop();
    expect(existsSync(folder('throwaway'))).toBe(false);
  });

  it('runs as nobody when root starts it on a system without a postgres user, creating no user', async () => {
    const noPostgresUser = (name: string) => (name === 'postgres' ? Promise.resolve(null) : lookupSystemUser(name));
    const running = await startEmbeddedPostgres(await options('as-nobody', { persistent: false, lookupUser: noPostgresUser }));
    try {
      expect(running.runsAs).toBe(asRoot ? 'nobody' : null);
      const nobody = await lookupSystemUser('nobody');
      if (asRoot) expect((await stat(join(folder('as-nobody'), 'pgdata'))).uid).toBe(nobody!.uid);
      expect(await query(running.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await running.stop();
    }
  });
});

describe('the embedded PostgreSQL failing to start', () => {
  let squatter: Server;
  let takenPort: number;
  beforeAll(async () => {
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    takenPort = (squatter.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => squatter.close(resolve)));

  it('on a port another program holds: one message naming it, no server left, the throwaway folder gone', async () => {
    const error = await failureOf(startEmbeddedPostgres({ dataDir: folder('port-taken'), port: takenPort, persistent: false }));
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect(error!.reason).toBe('port-taken');
    expect(error!.message).toBe(
      `Cannot start the embedded PostgreSQL: 127.0.0.1:${takenPort} is already in use (EMBEDDED_POSTGRES_PORT chooses another port).\n` +
        'Instead, run PostgreSQL and Redis from the compose file: docker compose -f docker/compose.yaml up -d postgres redis\n' +
        'and start with DATABASE_URL=postgres://control_plane:control_plane@127.0.0.1:5432/control_plane REDIS_URL=redis://127.0.0.1:6379',
    );
    expect(await postgresServersOn(join(folder('port-taken'), 'pgdata'))).toEqual([]);
    expect(existsSync(folder('port-taken'))).toBe(false);
  });

  it('without binaries for the platform: one message, nothing created', async () => {
    const error = await failureOf(startEmbeddedPostgres({ ...(await options('no-binary')), locateBinaries: () => binariesFor('linux-riscv64') }));
    expect(error!.reason).toBe('no-binary');
    expect(error!.message).toMatch(/no PostgreSQL binaries for linux-riscv64/);
    expect(existsSync(folder('no-binary'))).toBe(false);
  });

  it('on a folder that holds something else: refused, left as it was', async () => {
    await mkdir(join(folder('not-a-cluster'), 'pgdata'), { recursive: true });
    await writeFile(join(folder('not-a-cluster'), 'pgdata', 'notes.txt'), 'mine');
    const error = await failureOf(startEmbeddedPostgres(await options('not-a-cluster')));
    expect(error!.reason).toBe('data-dir');
    expect(error!.message).toMatch(/holds files but no PostgreSQL cluster/);
    expect(existsSync(join(folder('not-a-cluster'), 'pgdata', 'notes.txt'))).toBe(true);
  });

  it('on a cluster that belongs to another user than the one it would run as: refused before it starts', async () => {
    const first = await startEmbeddedPostgres(await options('owned'));
    await first.stop();
    const owner = (await stat(join(folder('owned'), 'pgdata'))).uid;
    // Started by root on a system without a postgres user, it would run as nobody: not the cluster's owner.
    const otherUser = (name: string) => (name === 'postgres' ? Promise.resolve(null) : lookupSystemUser(name));
    const error = await failureOf(startEmbeddedPostgres({ ...(await options('owned')), uid: 0, lookupUser: otherUser }));
    expect(error!.reason).toBe('data-dir');
    expect(error!.message).toContain(`belongs to uid ${owner}, but PostgreSQL runs as uid ${(await lookupSystemUser('nobody'))!.uid} here`);
    expect(await postgresServersOn(join(folder('owned'), 'pgdata'))).toEqual([]);
  });

  it('on a cluster another server already runs: its pid and how to stop it', async () => {
    const running = await startEmbeddedPostgres(await options('busy'));
    try {
      const error = await failureOf(startEmbeddedPostgres(await options('busy')));
      expect(error!.reason).toBe('data-dir');
      expect(error!.message).toMatch(/is in use by another PostgreSQL \(pid \d+\).*kill \d+/);
      // The first server is untouched, and the second left nothing.
      expect(await postgresServersOn(join(folder('busy'), 'pgdata'))).toHaveLength(1);
      expect(await query(running.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await running.stop();
    }
  });

  it('started by root in a folder its user may not enter: which folder, and for whom', async () => {
    await mkdir(join(folder('closed'), 'inside'), { recursive: true });
    await chmod(folder('closed'), 0o700);
    const error = await failureOf(startEmbeddedPostgres({ ...(await options('closed/inside/pg')), uid: 0 }));
    expect(error!.reason).toBe('not-traversable');
    expect(error!.message).toContain(`who may not enter ${folder('closed')}`);
  });
});
