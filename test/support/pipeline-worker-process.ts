import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort } from '#libs/runtime/src/free-port.js';

// The repository root, whether this file runs from test/support (jest) or dist/test/support (bench).
const ROOT = new URL(import.meta.url.includes('/dist/test/') ? '../../../' : '../../', import.meta.url).pathname;
const WORKER_MAIN = `${ROOT}dist/apps/worker/src/main.js`;

/**
 * Compiles the apps to dist/ so a worker can run as a process of its own (node cannot run the
 * TypeScript sources). Type errors elsewhere in the tree do not stop the emit; a missing
 * worker entry point does.
 */
export async function buildWorker(): Promise<void> {
  await promisify(execFile)('node', [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.build.json`], { cwd: ROOT }).catch(
    (error: Error & { stdout?: string }) => {
      if (!existsSync(WORKER_MAIN)) throw new Error(`Build failed: ${error.stdout ?? error.message}`);
    },
  );
}


export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** `node dist/apps/worker/src/main.js` with the given environment; its output is kept for failures. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [WORKER_MAIN], {
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
