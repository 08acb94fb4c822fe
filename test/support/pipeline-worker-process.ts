import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

// The repository root, whether this file runs from test/support (jest) or dist/test/support (bench).
const ROOT = new URL(import.meta.url.includes('/dist/test/') ? '../../../' : '../../', import.meta.url).pathname;
const WORKER_MAIN = `${ROOT}dist/apps/worker/src/main.js`;

/**
 * `npm test` builds dist/ before jest starts (pretest), so processes of other test files never load
 * a file a compile is rewriting. Compiles here only when the worker entry point is missing (jest
 * run on its own); type errors elsewhere in the tree do not stop the emit.
 */
export async function buildWorker(): Promise<void> {
  if (existsSync(WORKER_MAIN)) return;
  await promisify(execFile)('node', [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.build.json`], { cwd: ROOT }).catch(
    (error: Error & { stdout?: string }) => {
      if (!existsSync(WORKER_MAIN)) throw new Error(`Build failed: ${error.stdout ?? error.message}`);
    },
  );
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
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
