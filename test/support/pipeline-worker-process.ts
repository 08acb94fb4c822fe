import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '#libs/runtime/src/free-port.js';
import { appMain, ROOT } from './built-apps.js';


export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** `node dist/apps/worker/src/main.js` with the given environment; its output is kept for failures. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [appMain('worker')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', WORKER_PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}
