import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';

/** A port another process holds: said in one line that names the variable to change. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
  ) {
    super(`Port ${port} is in use (${variable}): another control plane may be running here. Stop it, or set ${variable} to a free port.`);
    this.name = 'PortInUseError';
  }
}

/**
 * Listens on `port`, answering a port in use with a PortInUseError. `variable` says which setting
 * chose the port, for instance `WORKER_PORT (unset: PORT + 1)`.
 */
export async function listenOn(app: INestApplication, port: number, variable: string): Promise<void> {
  // Nest logs a failed listen as a raw error line before rethrowing: a probe on the same address
  // lets the usual case say its one line alone. The catch covers a port taken between the two.
  await probe(port, variable);
  try {
    await app.listen(port);
  } catch (error) {
    throw isPortInUse(error) ? new PortInUseError(port, variable) : error;
  }
}

const isPortInUse = (error: unknown): boolean => (error as { code?: string } | null)?.code === 'EADDRINUSE';

function probe(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => reject(isPortInUse(error) ? new PortInUseError(port, variable) : error));
    server.listen(port, () => server.close(() => resolve()));
  });
}

/** The variables that choose each process's port, as its error names them. */
export const PORT_VARIABLES = {
  api: 'PORT',
  worker: 'WORKER_PORT (unset: PORT + 1)',
  partnerSim: 'PARTNER_SIM_PORT (unset: PORT + 2)',
} as const;
