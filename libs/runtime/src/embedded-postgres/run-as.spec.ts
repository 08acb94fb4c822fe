import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgresError } from '../infrastructure-error.js';
import { assertReachable, chooseRunner, closedDirectory, type LookupUser } from './run-as.js';

const users = (known: Record<string, { uid: number; gid: number }>): LookupUser => (name) => Promise.resolve(known[name] ?? null);
const POSTGRES = { uid: 101, gid: 104 };
const NOBODY = { uid: 65534, gid: 65534 };

describe('who runs PostgreSQL', () => {
  it('is whoever started it, when that is not root', async () => {
    expect(await chooseRunner(1000, users({ postgres: POSTGRES }))).toBeNull();
  });

  it('is the postgres user when root started it and the system has one', async () => {
    expect(await chooseRunner(0, users({ postgres: POSTGRES, nobody: NOBODY }))).toEqual({ name: 'postgres', ...POSTGRES });
  });

  it('is nobody when root started it and there is no postgres user (none is created)', async () => {
    expect(await chooseRunner(0, users({ nobody: NOBODY }))).toEqual({ name: 'nobody', ...NOBODY });
  });

  it('is never root, even when a user of that name maps to uid 0', async () => {
    expect(await chooseRunner(0, users({ postgres: { uid: 0, gid: 0 }, nobody: NOBODY }))).toEqual({ name: 'nobody', ...NOBODY });
  });

  it('cannot be found when root started it and neither user exists: one message says so', async () => {
    const error = await chooseRunner(0, users({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect((error as EmbeddedPostgresError).reason).toBe('no-user');
    expect((error as Error).message).toMatch(/refuses to run as root, and this system has no postgres or nobody user/);
  });
});

describe('whether that user can reach the binaries and the data', () => {
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'cp-run-as-'));
    await chmod(base, 0o755);
    await mkdir(join(base, 'closed', 'inside'), { recursive: true });
    await chmod(join(base, 'closed'), 0o700);
    await mkdir(join(base, 'open', 'inside'), { recursive: true });
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  const stranger = { name: 'stranger', uid: 54321, gid: 54321 };

  it('finds the first directory on the way that others may not enter', async () => {
    expect(await closedDirectory(join(base, 'closed', 'inside'), stranger)).toBe(join(base, 'closed'));
    expect(await closedDirectory(join(base, 'open', 'inside'), stranger)).toBeNull();
  });

  it('lets the owner through its own closed directory', async () => {
    const owner = { name: 'me', uid: process.getuid!(), gid: process.getgid!() };
    expect(await closedDirectory(join(base, 'closed', 'inside'), owner)).toBeNull();
  });

  it('says which directory, for whom, and what to do', async () => {
    const error = await assertReachable([join(base, 'open'), join(base, 'closed', 'inside')], stranger).catch((e: unknown) => e);
    expect((error as EmbeddedPostgresError).reason).toBe('not-traversable');
    expect((error as Error).message).toContain(`user stranger (uid 54321), who may not enter ${join(base, 'closed')} on the way to ${join(base, 'closed', 'inside')}`);
  });
});
