import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { DemoReport } from '#libs/demo/src/report/demo-report.js';
import { appMain, buildApps, ROOT } from './built-apps.js';

export interface DemoRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface DemoProcessOptions {
  /** The environment, exactly (nothing is inherited but PATH). */
  env?: Record<string, string>;
  /** In a network namespace of its own, loopback only: no PostgreSQL or Redis answers there (needs root). */
  ownNetwork?: boolean;
}

/** `npm run demo -- …args` as a user runs it: the built demo app as a process of its own. */
export async function runDemoProcess(args: string[], options: DemoProcessOptions = {}): Promise<DemoRun> {
  await buildApps();
  const demo = [process.execPath, appMain('demo'), ...args];
  const quoted = demo.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const [command, ...rest] = options.ownNetwork ? ['unshare', '-n', 'sh', '-c', `ip link set lo up && exec ${quoted}`] : demo;
  try {
    const { stdout, stderr } = await promisify(execFile)(command, rest, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
      timeout: 280_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export const readReport = async (file: string): Promise<DemoReport> => JSON.parse(await readFile(file, 'utf8')) as DemoReport;
