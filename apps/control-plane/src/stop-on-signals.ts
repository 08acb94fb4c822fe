import { Logger } from '@nestjs/common';
import type { ResolvedInfrastructure } from '#libs/runtime/src/infrastructure.js';
import type { ControlPlane } from './start-control-plane.js';

/** The signals that ask a process to stop (each app's own shutdown hooks listen to them too). */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];

/**
 * Stops in order: the control plane (its apps drain and close), then the infrastructure it ran
 * on (the embedded PostgreSQL). The apps' own hooks re-raise the signal once they have closed;
 * this listener stays, so that cannot end the process before PostgreSQL is stopped.
 */
export function stopOnSignals(controlPlane: ControlPlane, infrastructure: ResolvedInfrastructure): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const logger = new Logger('control-plane');
    logger.log(`${signal}: stopping the control plane, then what it runs on.`);
    let code = 0;
    try {
      await controlPlane.close();
    } catch (error) {
      logger.error(`Stopping the control plane failed: ${String(error)}`);
      code = 1;
    }
    await infrastructure.close().catch((error: unknown) => {
      logger.error(`Stopping the embedded PostgreSQL failed: ${String(error)}`);
      code = 1;
    });
    process.exit(code);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, (received: NodeJS.Signals) => void stop(received));
}
