import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { lookupSystemUser } from '#libs/runtime/src/embedded-postgres/run-as.js';
import { buildApps } from '../support/built-apps.js';
import { installShims, type NamespacedProcess, startInOwnNetwork } from '../support/namespaced-start.js';
import { postgresServersOn } from '../support/postgres-processes.js';

jest.setTimeout(240_000);

/** How many packages dpkg knows, or null without dpkg: the same before and after means nothing was installed. */
const installedPackages = () =>
  promisify(execFile)('dpkg-query', ['-f', '.\n', '-W']).then(
    ({ stdout }) => stdout.split('\n').filter(Boolean).length,
    () => null,
  );

const asRoot = process.getuid?.() === 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EMBEDDED_LINE =
  /^embedded PostgreSQL 18\.\d+ on 127\.0\.0\.1:54329 \(data in \.data\/postgres, (created now|kept from an earlier run)(, running as user postgres)?\): nothing answers on 127\.0\.0\.1:5432 and DATABASE_URL is unset; queues on BullMQ's PostgreSQL backend: nothing answers on 127\.0\.0\.1:6379 and REDIS_URL is unset$/;

/**
 * Issue 11's test: `npm start` (its built entry point) with DATABASE_URL and REDIS_URL unset and
 * nothing on the default ports (a network namespace of its own), in a scratch working copy, with
 * every installing command on PATH replaced by one that only notes it was called.
 */
describe('npm start with nothing configured and nothing answering', () => {
  let work: string;
  let pgdata: string;
  let shims: Awaited<ReturnType<typeof installShims>>;
  let packagesBefore: number | null;
  let env: Record<string, string>;
  const started: NamespacedProcess[] = [];
  const start = (more: Record<string, string> = {}, prelude?: string) => {
    const running = startInOwnNetwork({ cwd: work, env: { ...env, ...more }, prelude });
    started.push(running);
    return running;
  };
  const firstLine = (running: NamespacedProcess) => running.stdout().split('\n')[0];

  beforeAll(async () => {
    await buildApps();
    work = await mkdtemp(join(tmpdir(), 'cp-npm-start-'));
    // Started by root, PostgreSQL runs as another user, who must be able to enter the working copy.
    await chmod(work, 0o755);
    pgdata = join(work, '.data', 'postgres', 'pgdata');
    shims = await installShims(join(work, 'shims'));
    packagesBefore = await installedPackages();
    // Only PATH, shims first: DATABASE_URL, REDIS_URL and the rest unset, as on a fresh machine.
    env = { PATH: `${join(work, 'shims')}:${process.env.PATH ?? '/usr/bin:/bin'}` };
  });
  afterAll(async () => {
    for (const running of started) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });

  it('serves /health/ready on the embedded default, says so first, and stops PostgreSQL after itself on SIGTERM', async () => {
    const running = start();
    let ready: { status: number; body: unknown } = { status: 0, body: null };
    while (ready.status !== 200) {
      if (running.child.exitCode !== null) throw new Error(`npm start exited:\n${running.stdout()}\n${running.stderr()}`);
      await sleep(250);
      ready = await running.call(3000, '/health/ready');
    }
    expect(firstLine(running)).toMatch(EMBEDDED_LINE);
    expect(firstLine(running)).toContain('created now');
    expect(ready.body).toMatchObject({ status: 'ok', details: { postgresql: { status: 'up' } } });
    expect(Object.keys((ready.body as { details: object }).details)).toEqual(['postgresql']);

    // The seeded world, through the API, with the demo key it wrote into the working copy.
    const key = (await readFile(join(work, '.demo', 'platform-operator.key'), 'utf8')).trim();
    const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> =>
      (await running.call(3000, path, { ...init, headers: { authorization: `Bearer ${key}` } })).body as T;
    const partners = await api<{ items: { code: string }[] }>('/v1/partners');
    expect(partners.items.map((p) => p.code).sort()).toEqual(['china-telecom', 'provider', 'softbank']);

    // And it provisions: the queues and the steps run on the embedded PostgreSQL 18.
    const tenants = await api<{ items: { id: string }[] }>('/v1/tenants?homeCountry=CN&limit=100');
    const images = await api<{ items: { id: string }[] }>('/v1/catalogue/images?limit=100');
    const submitted = await api<{ id: string }>('/v1/provisioning-requests', {
      method: 'POST',
      body: {
        tenant: tenants.items[0].id,
        service: 'iaas',
        spec: { vms: [{ size: 'm1.small', image: images.items[0].id, count: 1 }], storageGib: 0, networkCidr: '10.30.0.0/16', preference: { dataCentre: 'cn-beijing-1' } },
      },
    });
    let status = '';
    while (!['ACTIVE', 'ROLLED_BACK', 'FAILED', 'REJECTED'].includes(status)) {
      await sleep(200);
      status = (await api<{ status: string }>(`/v1/provisioning-requests/${submitted.id}`)).status;
    }
    expect(status).toBe('ACTIVE');

    // Its data is in the working copy's .data/, owned by the user it runs as (never root).
    expect(existsSync(join(pgdata, 'PG_VERSION'))).toBe(true);
    if (asRoot) expect((await stat(pgdata)).uid).toBe((await lookupSystemUser('postgres'))?.uid ?? (await lookupSystemUser('nobody'))!.uid);

    expect(await postgresServersOn(pgdata)).toHaveLength(1);
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(await postgresServersOn(pgdata)).toEqual([]);
    expect(running.stderr()).not.toMatch(/^\s+at /m);
  });

  it('reuses the cluster on the next start, and leaves no PostgreSQL behind when the start fails after it', async () => {
    // The API's port is the simulator's: the start fails once PostgreSQL is up and migrated.
    const running = start({ PORT: '3002', PARTNER_SIM_PORT: '3002' });
    expect((await running.exited).code).toBe(1);
    expect(firstLine(running)).toMatch(EMBEDDED_LINE);
    expect(firstLine(running)).toContain('kept from an earlier run');
    expect(running.stderr().trim()).toBe('Port 3002 is in use (PORT): another control plane may be running here. Stop it, or set PORT to a free port.');
    expect(await postgresServersOn(pgdata)).toEqual([]);
  });

  it('stops at once with one message, no stack trace, when the embedded port is taken', async () => {
    // Something else holds 127.0.0.1:54329 in the namespace before the control plane starts.
    const holder = `"${process.execPath}" -e "require('net').createServer().listen(54329, '127.0.0.1', () => require('fs').writeFileSync('held', String(process.pid)))" & while [ ! -e held ]; do sleep 0.05; done;`;
    const running = start({}, holder);
    const exit = await running.exited;
    process.kill(Number(await readFile(join(work, 'held'), 'utf8')), 'SIGKILL');
    await rm(join(work, 'held'));
    expect(exit.code).toBe(1);
    expect(running.stdout()).toBe('');
    expect(running.stderr().trim()).toBe(
      'Cannot start the embedded PostgreSQL: 127.0.0.1:54329 is already in use (EMBEDDED_POSTGRES_PORT chooses another port).\n' +
        'Instead, run PostgreSQL and Redis from the compose file: docker compose -f docker/compose.yaml up -d postgres redis\n' +
        'and start with DATABASE_URL=postgres://control_plane:control_plane@127.0.0.1:5432/control_plane REDIS_URL=redis://127.0.0.1:6379',
    );
    expect(await postgresServersOn(pgdata)).toEqual([]);
  });

  it('refuses the embedded default with NODE_ENV=production, before starting anything', async () => {
    const running = start({ NODE_ENV: 'production' });
    expect((await running.exited).code).toBe(1);
    expect(running.stdout()).toBe('');
    expect(running.stderr()).toMatch(/^NODE_ENV=production never runs on the embedded default .*: nothing answers on 127\.0\.0\.1:5432 and DATABASE_URL is unset; nothing answers on 127\.0\.0\.1:6379 and REDIS_URL is unset\.\n/);
    expect(await postgresServersOn(pgdata)).toEqual([]);
  });

  it('installed nothing: no installing command was called, and dpkg knows as many packages as before', async () => {
    expect(await shims.calls()).toEqual([]);
    expect(await installedPackages()).toBe(packagesBefore);
  });
});
