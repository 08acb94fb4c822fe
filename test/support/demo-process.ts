import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { DemoReport } from '#libs/demo/src/report/demo-report.js';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Built by `npm test` before jest starts (package.json's pretest), like every app run as a process here. */
export const DEMO_MAIN = `${ROOT}dist/apps/demo/src/main.js`;

export interface DemoRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run demo -- …args` as a user runs it, with exactly the environment given (nothing inherited but PATH). */
export async function runDemoProcess(args: string[], env: Record<string, string> = {}, wrapper: string[] = []): Promise<DemoRun> {
  if (!existsSync(DEMO_MAIN)) throw new Error(`${DEMO_MAIN} is missing: run the tests with npm test, which builds dist/ first.`);
  const [command, ...rest] = [...wrapper, process.execPath, DEMO_MAIN, ...args];
  try {
    const { stdout, stderr } = await promisify(execFile)(command, rest, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
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
