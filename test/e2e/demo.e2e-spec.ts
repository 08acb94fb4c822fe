import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DemoReport } from '#libs/demo/src/report/demo-report.js';
import { readReport, runDemoProcess } from '../support/demo-process.js';
import { postgresServersOn } from '../support/postgres-processes.js';
import { ADMIN_DATABASE_URL } from '../support/test-database.js';

jest.setTimeout(300_000);

const SERVERS = { DATABASE_URL: ADMIN_DATABASE_URL, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };

/** A scenario that expects what the policy forbids: the demo must say it failed, and why. */
const MADE_TO_FAIL = `
export const scenario = {
  name: 'made-to-fail',
  title: 'A scenario whose expectation is wrong on purpose',
  story: 'Expects a Beijing bank to be placed in us-east-1, which residency forbids.',
  expected: 'placed in us-east-1',
  async run(demo) {
    const bank = demo.tenant('Beijing Commercial Bank');
    const spec = { vms: [{ size: 'm1.small', image: demo.image('Ubuntu Server 14.04 LTS'), count: 1 }], storageGib: 0,
      networkCidr: '10.99.0.0/16', preference: { dataCentre: 'us-east-1' } };
    const { request } = await demo.submit('wrong-hope', bank, { tenant: bank.id, service: 'iaas', spec });
    demo.check(request?.dataCentre === 'us-east-1', 'it was placed in ' + request?.dataCentre + ', not us-east-1');
    return 'placed in us-east-1';
  },
};
`;

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'demo-e2e-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const databaseExists = async (name: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
};

/** Partner resource and operation ids, e.g. prov-vm-4f48ce8d2c566a46. */
const PARTNER_ID = /\b[a-z]+-(org|network|volume|vm|vpn-link|op)-[0-9a-f]{16}\b/g;

/** The report without what differs by design from run to run: ids (the partners' too) and times. */
const withoutIdsAndTimes = (report: DemoReport) => ({
  ...report,
  startedAt: null,
  durationMs: null,
  scenarios: report.scenarios.map((scenario) => ({
    ...scenario,
    durationMs: null,
    requests: scenario.requests.map((request) => ({
      ...request,
      id: null,
      reason: request.reason?.replace(PARTNER_ID, '<partner id>') ?? null,
      submittedAt: null,
      settledAt: null,
      durationMs: null,
    })),
  })),
});

const demoDatabaseOf = (stdout: string): string => {
  const name = /database (hcp_demo_[a-z0-9_]+)/.exec(stdout)?.[1];
  if (!name) throw new Error(`The demo did not name its database:\n${stdout}`);
  return name;
};

describe('npm run demo', () => {
  it('lists its scenarios without starting anything', async () => {
    const run = await runDemoProcess(['--list']);
    expect(run.code).toBe(0);
    const names = run.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(names).toHaveLength(12);
    expect(names).toContain('worker-killed-mid-flight');
  });

  it('refuses an unknown scenario, naming the known ones, before starting anything', async () => {
    const run = await runDemoProcess(['--scenario', 'no-such-thing'], { env: SERVERS });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("No scenario 'no-such-thing'. Known: beijing-bank-stays-in-china");
    expect(run.stdout).toBe('');
  });

  it('on PostgreSQL and Redis: every scenario has its expected outcome, the report says so, and nothing is left behind', async () => {
    const reportFile = join(workDir, 'servers.json');
    const run = await runDemoProcess(['--fast', '--json', reportFile], { env: SERVERS });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toMatch(/PostgreSQL.*Redis/);
    const report = await readReport(reportFile);
    expect(report.passed).toBe(true);
    expect(report.scenarios.map((s) => [s.name, s.passed, s.failure])).toEqual(report.scenarios.map((s) => [s.name, true, null]));
    expect(report.scenarios).toHaveLength(12);
    for (const scenario of report.scenarios) expect(scenario.requests.length).toBeGreaterThan(0);
    // Every request the demo made is in the report with its final state and steps.
    const bank = report.scenarios[0].requests[0];
    expect(bank).toMatchObject({ label: 'bank-servers', finalStatus: 'ACTIVE', partner: 'china-telecom', id: expect.any(String) });
    expect(bank.steps.map((s) => s.name)).toContain('power-on');
    expect(run.stdout).toMatch(/^#\s+scenario\s+expected outcome\s+actual outcome\s+time\s+result$/m);
    expect(run.stdout).toContain('All 12 scenario(s) had their expected outcome');
    // Plain lines off a terminal: no colour, no cursor movement.
    expect(run.stdout).not.toContain('\x1b[');
    expect(await databaseExists(demoDatabaseOf(run.stdout))).toBe(false);
  });

  it('gives the same report for the same seed, apart from ids and times: the same partner failures, retries and outcomes', async () => {
    // Partners failing at random, failing for good, and a cancel mid-flight. (Which request wins a
    // race is not the partners' doing and differs from run to run; only the race's counts do not.)
    const scenarios = ['softbank-flaky-then-recovers', 'partner-fails-for-good-rolls-back', 'cancel-mid-flight'];
    const runOnce = async (name: string, seed: string, only = scenarios) => {
      const file = join(workDir, `${name}.json`);
      const run = await runDemoProcess(['--fast', '--seed', seed, ...only.flatMap((s) => ['--scenario', s]), '--json', file], { env: SERVERS });
      expect(run.code).toBe(0);
      return readReport(file);
    };
    const first = await runOnce('seed-first', '7');
    const second = await runOnce('seed-second', '7');
    expect(withoutIdsAndTimes(second)).toEqual(withoutIdsAndTimes(first));
    const retries = (report: DemoReport) => report.scenarios[0].requests.flatMap((r) => r.steps.map((step) => step.attempts));
    expect(retries(first).some((attempts) => attempts > 1)).toBe(true);
    // Another seed, other failures: the seed is what decides them.
    const other = await runOnce('seed-other', '8', scenarios.slice(0, 1));
    expect(retries(other)).not.toEqual(retries(first));
  });

  it('on the embedded default, with nothing configured or answering: PostgreSQL from npm, queues on it, every scenario as expected', async () => {
    const reportFile = join(workDir, 'embedded.json');
    const run = await runDemoProcess(['--fast', '--json', reportFile], { ownNetwork: true });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toMatch(
      /^embedded PostgreSQL 18\.\d+ on 127\.0\.0\.1:\d+ .*removed at exit.*: nothing answers on 127\.0\.0\.1:5432 and DATABASE_URL is unset; queues on BullMQ's PostgreSQL backend: nothing answers on 127\.0\.0\.1:6379 and REDIS_URL is unset$/,
    );
    const report = await readReport(reportFile);
    expect(report.scenarios.filter((s) => !s.passed).map((s) => `${s.name}: ${s.failure}`)).toEqual([]);
    expect(report.scenarios).toHaveLength(12);
    // The temporary cluster is gone, and no PostgreSQL is left running on it.
    const dataDir = /\(data in (\S+),/.exec(run.stdout)?.[1];
    expect(dataDir).toMatch(/control-plane-postgres-/);
    expect(existsSync(dataDir!)).toBe(false);
    expect([...(await postgresServersOn(dataDir!)), ...(await postgresServersOn(join(dataDir!, 'pgdata')))]).toEqual([]);
  });

  it('exits non-zero when a scenario does not have its expected outcome, and says which and why', async () => {
    const extra = join(workDir, 'extra-scenarios');
    await mkdir(extra);
    await writeFile(join(extra, '01-made-to-fail.scenario.js'), MADE_TO_FAIL);
    const reportFile = join(workDir, 'failing.json');
    const args = ['--fast', '--scenarios-dir', extra, '--scenario', 'made-to-fail', '--scenario', 'beijing-bank-stays-in-china', '--json', reportFile];
    const run = await runDemoProcess(args, { env: SERVERS });
    expect(run.code).toBe(1);
    const report = await readReport(reportFile);
    expect(report.passed).toBe(false);
    expect(report.scenarios.map((s) => [s.name, s.passed])).toEqual([
      ['made-to-fail', false],
      ['beijing-bank-stays-in-china', true],
    ]);
    expect(report.scenarios[0].failure).toMatch(/^it was placed in cn-beijing-1, not us-east-1$/);
    expect(run.stdout).toMatch(/^1\s+made-to-fail\s+placed in us-east-1\s+not as expected\s+\S+ s\s+FAIL$/m);
    expect(run.stdout).toContain('1 of 2 scenario(s) failed: made-to-fail (it was placed in cn-beijing-1, not us-east-1)');
    expect(await databaseExists(demoDatabaseOf(run.stdout))).toBe(false);
  });
});
