import { EmbeddedPostgresError } from '../infrastructure-error.js';

/** What PostgreSQL's own log says when it could not start, turned into the one message a person gets. */
export function startupFailure(log: readonly string[], context: { port: number; pgdata: string; logFile: string }): EmbeddedPostgresError {
  const text = log.join('\n');
  const lastError = [...log].reverse().find((line) => /\b(FATAL|PANIC|ERROR)\b/.test(line)) ?? log.at(-1) ?? 'no output';
  const clean = lastError.replace(/^.*?\b(FATAL|PANIC|ERROR|LOG):\s+/, '');
  if (/could not bind IPv4 address .*Address already in use/.test(text)) {
    return new EmbeddedPostgresError('port-taken', `127.0.0.1:${context.port} is already in use (EMBEDDED_POSTGRES_PORT chooses another port).`);
  }
  const other = /Is another postmaster \(PID (\d+)\) running/.exec(text);
  if (other) {
    return new EmbeddedPostgresError(
      'data-dir',
      `${context.pgdata} is in use by another PostgreSQL (pid ${other[1]}), perhaps one an earlier run left behind: stop it with kill ${other[1]}.`,
    );
  }
  if (/shared memory|shmget|shm_open/i.test(text)) {
    return new EmbeddedPostgresError('shared-memory', `not enough shared memory (${clean}).`);
  }
  if (/data directory/i.test(clean)) return new EmbeddedPostgresError('data-dir', `${clean} (log: ${context.logFile}).`);
  return new EmbeddedPostgresError('failed', `PostgreSQL stopped as it started: ${clean} (log: ${context.logFile}).`);
}
