import { randomBytes } from 'node:crypto';
import { chown, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EmbeddedPostgresError } from '../infrastructure-error.js';
import type { Runner } from './run-as.js';

/**
 * The embedded PostgreSQL's folder: the cluster itself (pgdata, owned by the user PostgreSQL runs
 * as), the superuser's password (made at initialisation: the server listens on 127.0.0.1, where
 * any local user could connect), the connection URL for other commands, and the server's log.
 */
export interface ClusterDir {
  root: string;
  pgdata: string;
  passwordFile: string;
  urlFile: string;
  logFile: string;
}

export function clusterDir(root: string): ClusterDir {
  const absolute = resolve(root);
  return {
    root: absolute,
    pgdata: join(absolute, 'pgdata'),
    passwordFile: join(absolute, 'password'),
    urlFile: join(absolute, 'url'),
    logFile: join(absolute, 'postgres.log'),
  };
}

const unusable = (detail: string) => new EmbeddedPostgresError('data-dir', detail);

/** Whether the cluster must be initialised (nothing there yet) or is one to reuse; refuses anything else. */
export async function inspectCluster(dir: ClusterDir, majorVersion: string, owner: number | undefined): Promise<'empty' | 'cluster'> {
  try {
    await mkdir(dir.root, { recursive: true });
  } catch (error) {
    throw unusable(`${dir.root} cannot be created (${(error as Error).message}).`);
  }
  const entries = await readdir(dir.pgdata).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw unusable(`${dir.pgdata} cannot be read (${error.message}).`);
  });
  if (entries.length === 0) return 'empty';
  const version = await readFile(join(dir.pgdata, 'PG_VERSION'), 'utf8').catch(() => null);
  if (version === null) throw unusable(`${dir.pgdata} holds files but no PostgreSQL cluster; move it away, or remove ${dir.root} to start afresh.`);
  if (version.trim() !== majorVersion) {
    throw unusable(`${dir.pgdata} was made by PostgreSQL ${version.trim()}, and this is PostgreSQL ${majorVersion}; remove ${dir.root} to start afresh (its data is lost).`);
  }
  const stats = await stat(dir.pgdata);
  if (owner !== undefined && stats.uid !== owner) {
    throw unusable(`${dir.pgdata} belongs to uid ${stats.uid}, but PostgreSQL runs as uid ${owner} here; give it back (chown -R ${owner} ${dir.pgdata}) or remove ${dir.root}.`);
  }
  await stat(dir.passwordFile).catch(() => {
    throw unusable(`${dir.passwordFile} is gone, so the cluster beside it cannot be logged into; remove ${dir.root} to start afresh (its data is lost).`);
  });
  return 'cluster';
}

/** An empty pgdata owned by the runner, and a new password it can read (initdb reads it as the runner). */
export async function prepareNewCluster(dir: ClusterDir, runner: Runner | null): Promise<string> {
  const password = randomBytes(24).toString('base64url');
  try {
    await mkdir(dir.pgdata, { recursive: true, mode: 0o700 });
    await writeFile(dir.passwordFile, `${password}\n`, { mode: 0o600 });
    if (runner) {
      await chown(dir.pgdata, runner.uid, runner.gid);
      await chown(dir.passwordFile, runner.uid, runner.gid);
    }
  } catch (error) {
    throw unusable(`${dir.root} cannot be written (${(error as Error).message}).`);
  }
  return password;
}

export async function readPassword(dir: ClusterDir): Promise<string> {
  try {
    return (await readFile(dir.passwordFile, 'utf8')).trim();
  } catch (error) {
    throw unusable(`${dir.passwordFile} cannot be read (${(error as Error).message}).`);
  }
}
