import { describe, expect, it } from '@jest/globals';
import { startupFailure } from './startup-failure.js';

const context = { port: 54329, pgdata: '/srv/cp/.data/postgres/pgdata', logFile: '/srv/cp/.data/postgres/postgres.log' };
const at = (line: string) => `2026-12-04 21:45:26.269 UTC [9006] ${line}`;

// PostgreSQL's own words for each way a start fails, as it logs them.
describe('what a failed start says', () => {
  it('port taken: the address, and the variable that picks another', () => {
    const error = startupFailure(
      [
        at('LOG:  could not bind IPv4 address "127.0.0.1": Address already in use'),
        at('HINT:  Is another postmaster already running on port 54329? If not, wait a few seconds and retry.'),
        at('WARNING:  could not create listen socket for "127.0.0.1"'),
        at('FATAL:  could not create any TCP/IP sockets'),
      ],
      context,
    );
    expect(error.reason).toBe('port-taken');
    expect(error.failure).toBe('Cannot start the embedded PostgreSQL: 127.0.0.1:54329 is already in use (EMBEDDED_POSTGRES_PORT chooses another port).');
  });

  it('data folder held by another server: its pid, and how to stop it', () => {
    const error = startupFailure(
      [at('FATAL:  lock file "postmaster.pid" already exists'), at('HINT:  Is another postmaster (PID 4242) running in data directory "/srv/cp/.data/postgres/pgdata"?')],
      context,
    );
    expect(error.reason).toBe('data-dir');
    expect(error.failure).toContain('is in use by another PostgreSQL (pid 4242)');
    expect(error.failure).toContain('kill 4242');
  });

  it('not enough shared memory', () => {
    const error = startupFailure(
      [at('FATAL:  could not map anonymous shared memory: Cannot allocate memory'), at('HINT:  This error usually means that PostgreSQL\'s request for a shared memory segment exceeded available memory.')],
      context,
    );
    expect(error.reason).toBe('shared-memory');
    expect(error.failure).toBe('Cannot start the embedded PostgreSQL: not enough shared memory (could not map anonymous shared memory: Cannot allocate memory).');
  });

  it('a data directory PostgreSQL will not use', () => {
    const error = startupFailure([at('FATAL:  data directory "/srv/cp/.data/postgres/pgdata" has wrong ownership')], context);
    expect(error.reason).toBe('data-dir');
    expect(error.failure).toContain('data directory "/srv/cp/.data/postgres/pgdata" has wrong ownership');
  });

  it('anything else: its last error line and where the log is', () => {
    const error = startupFailure([at('LOG:  starting PostgreSQL 18.4'), at('FATAL:  invalid value for parameter "max_connections": "lots"')], context);
    expect(error.reason).toBe('failed');
    expect(error.failure).toBe(
      'Cannot start the embedded PostgreSQL: PostgreSQL stopped as it started: invalid value for parameter "max_connections": "lots" (log: /srv/cp/.data/postgres/postgres.log).',
    );
  });
});
