import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { PostgresBinaries } from './postgres-binaries.js';
import type { Runner } from './run-as.js';
import { startupFailure } from './startup-failure.js';
import type { ClusterDir } from './cluster-dir.js';

/** Only English messages are matched; nothing else of the caller's environment reaches PostgreSQL. */
const CHILD_ENV = { LC_ALL: 'C' };
/** Kept from a starting server's output, for the message when it fails. */
const KEPT_LINES = 50;
const STOP_GRACE_MS = 15_000;

interface Spawned {
  child: ChildProcess;
  /** The output so far (stderr), last lines only. */
  lines: string[];
  exited: Promise<number | null>;
  /** All its output has been read (it may come in after the exit). */
  drained: Promise<void>;
}

/** Runs a binary as the runner, from the cluster's folder (the caller's may be closed to the runner), its stderr to the log. */
function run(binary: string, args: string[], dir: ClusterDir, runner: Runner | null, detached: boolean, onLine = (_line: string) => {}): Spawned {
  const child = spawn(binary, args, {
    cwd: dir.root,
    env: CHILD_ENV,
    // Its own process group: a terminal's Ctrl-C reaches the control plane, which closes first and then stops PostgreSQL.
    detached,
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(runner ? { uid: runner.uid, gid: runner.gid } : {}),
  });
  const log = createWriteStream(dir.logFile, { flags: 'a' });
  // A log that cannot be written must not take the control plane down; the lines are kept here too.
  log.on('error', () => undefined);
  const lines: string[] = [];
  let markDrained = () => {};
  const drained = new Promise<void>((resolve) => (markDrained = resolve));
  createInterface({ input: child.stderr! })
    .on('line', (line) => {
      log.write(`${line}\n`);
      lines.push(line);
      if (lines.length > KEPT_LINES) lines.shift();
      onLine(line);
    })
    // The server's children share its stderr: the log ends when the last of them has.
    .on('close', () => {
      log.end();
      markDrained();
    });
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (error) => {
      lines.push(`FATAL: ${error.message}`);
      resolve(null);
    });
    child.on('exit', (code) => resolve(code));
  });
  return { child, lines, exited, drained };
}

/** Creates the cluster: UTF-8 with the built-in C.UTF-8 locale, so it behaves the same whatever locales the machine has. */
export async function initdb(binaries: PostgresBinaries, dir: ClusterDir, runner: Runner | null, options: { sync: boolean }): Promise<void> {
  const { lines, exited, drained } = run(
    binaries.initdb,
    [
      `--pgdata=${dir.pgdata}`,
      '--username=postgres',
      `--pwfile=${dir.passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-instructions',
      // A throwaway cluster need not wait for the disk; one that is kept does.
      ...(options.sync ? [] : ['--no-sync']),
    ],
    dir,
    runner,
    false,
  );
  const code = await exited;
  if (code !== 0) {
    await drained;
    throw startupFailure(lines, { port: 0, pgdata: dir.pgdata, logFile: dir.logFile });
  }
}

export interface PostgresServer {
  pid: number;
  /** Fast shutdown (SIGINT), then waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1 only (never the machine's other addresses), with no Unix socket
 * (its default folder may not exist or may be another server's), and resolves once it accepts
 * connections. If it stops or hangs instead, no process is left and the error says why.
 */
export async function startServer(
  binaries: PostgresBinaries,
  dir: ClusterDir,
  runner: Runner | null,
  options: { port: number; timeoutMs: number },
): Promise<PostgresServer> {
  const args = ['-D', dir.pgdata, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  // Dynamic shared memory in files under pgdata: /dev/shm is small in many containers.
  args.push('-c', 'dynamic_shared_memory_type=mmap');
  let announceReady = () => {};
  const { child, lines, exited, drained } = run(binaries.postgres, args, dir, runner, true, (line) => {
    if (line.includes('database system is ready to accept connections')) announceReady();
  });
  // Whatever way this process exits, the server is told to stop (an exit handler cannot wait for it).
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  const stop = async () => {
    process.removeListener('exit', stopOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      // A server that ignores the fast shutdown gets the immediate one, then no choice.
      const escalate = [setTimeout(() => child.kill('SIGQUIT'), STOP_GRACE_MS), setTimeout(() => child.kill('SIGKILL'), 2 * STOP_GRACE_MS)];
      await exited;
      escalate.forEach(clearTimeout);
    }
  };
  const ready = await new Promise<'ready' | 'exited' | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    announceReady = () => {
      clearTimeout(timer);
      resolve('ready');
    };
    void exited.then(() => {
      clearTimeout(timer);
      resolve('exited');
    });
  });
  if (ready !== 'ready') {
    await stop();
    await drained;
    if (ready === 'timeout') lines.push(`FATAL: not ready to accept connections after ${options.timeoutMs / 1000} s`);
    throw startupFailure(lines, { port: options.port, pgdata: dir.pgdata, logFile: dir.logFile });
  }
  return { pid: child.pid!, stop };
}
