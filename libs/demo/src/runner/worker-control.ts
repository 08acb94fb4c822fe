import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A worker in a process of its own, which the demo may kill as a crash would. */
export interface ChildWorker {
  pid: number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The demo's workers: the one inside the control plane's process, and workers in child processes
 * started from the built worker app with the same configuration, as a deployment would run them.
 */
export interface WorkerControl {
  stopInProcess(): Promise<void>;
  startInProcess(): Promise<void>;
  startChild(): Promise<ChildWorker>;
}

export interface ChildWorkerSpec {
  /** The built worker app, `dist/apps/worker/src/main.js`. */
  mainPath: string;
  /** The control plane's configuration, as environment variables. */
  env: Record<string, string>;
  readyTimeoutMs?: number;
}

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('No free port.');
  return address.port;
};

/** Starts a worker process and waits until it answers ready; its last output names why it did not. */
export async function startChildWorker(spec: ChildWorkerSpec): Promise<ChildWorker> {
  const port = await freePort();
  const child = spawn(process.execPath, [spec.mainPath], {
    env: { ...spec.env, WORKER_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = once(child, 'exit');
  const deadline = Date.now() + (spec.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The worker process exited before it was ready: ${stderr.trim()}`);
    if (await answersReady(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The worker process did not answer ready within ${spec.readyTimeoutMs ?? 30_000} ms: ${stderr.trim()}`);
    }
    await sleep(100);
  }
  return {
    pid: child.pid!,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

async function answersReady(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
