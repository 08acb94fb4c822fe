import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appMain } from './built-apps.js';

/** Commands that install software or change the system; none may run on npm start's behalf. */
export const SHIMMED_COMMANDS = [
  'apt-get', 'apt', 'aptitude', 'dpkg', 'snap', 'yum', 'dnf', 'apk', 'brew', 'pip', 'pip3',
  'npm', 'npx', 'pnpm', 'yarn', 'sudo', 'su', 'useradd', 'groupadd', 'adduser', 'addgroup', 'usermod',
];

/** A folder of commands that only note that they were called (and fail), to put first on PATH. */
export async function installShims(folder: string): Promise<{ calls(): Promise<string[]> }> {
  await mkdir(folder, { recursive: true });
  const log = join(folder, 'calls.log');
  await writeFile(log, '');
  for (const name of SHIMMED_COMMANDS) {
    await writeFile(join(folder, name), `#!/bin/sh\necho "${name} $*" >> '${log}'\nexit 1\n`);
    await chmod(join(folder, name), 0o755);
  }
  return { calls: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
}

export interface NamespacedProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** An HTTP call to 127.0.0.1 from inside the process's own network namespace (nothing outside can reach it). */
  call(port: number, path: string, init?: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<{ status: number; body: unknown }>;
}

/**
 * `node dist/apps/control-plane/src/main.js` in a network namespace of its own, loopback up and
 * nothing listening: neither the machine's PostgreSQL nor its Redis answers there. `prelude` runs
 * in that namespace first (a shell snippet). Needs root (unshare -n).
 */
export function startInOwnNetwork(options: { cwd: string; env: Record<string, string>; prelude?: string }): NamespacedProcess {
  const script = `ip link set lo up && ${options.prelude ?? ''} exec "${process.execPath}" "${appMain('control-plane')}"`;
  const child = spawn('unshare', ['-n', 'sh', '-c', script], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const call: NamespacedProcess['call'] = async (port, path, init = {}) => {
    const request = {
      method: init.method ?? 'GET',
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    };
    // unshare and sh exec in place, so the child's pid is the control plane's, inside the namespace.
    const fetchThere = `fetch('http://127.0.0.1:${port}${path}', ${JSON.stringify(request)})
      .then(async (res) => console.log(JSON.stringify({ status: res.status, body: await res.json().catch(() => null) })),
            () => console.log(JSON.stringify({ status: 0, body: null })))`;
    const { stdout: answer } = await promisify(execFile)('nsenter', ['-t', String(child.pid), '-n', process.execPath, '-e', fetchThere]);
    return JSON.parse(answer) as { status: number; body: unknown };
  };
  return { child, stdout: () => stdout, stderr: () => stderr, exited, call };
}
