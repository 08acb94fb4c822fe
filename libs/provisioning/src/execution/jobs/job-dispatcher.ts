import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { UnrecoverableError } from 'bullmq';
import { JOBS, type JobName } from './job-registry.js';
import { HandlesJob, type JobHandler } from './job-handler.js';

export class JobRegistryError extends Error {}

/**
 * Finds the handler of every job at start-up, and refuses to start when a job of the registry has
 * none or two, or a handler claims a job the registry does not know.
 */
@Injectable()
export class JobDispatcher implements OnModuleInit {
  private handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: HandlesJob.KEY })
      .map((wrapper) => ({ job: this.discovery.getMetadataByDecorator(HandlesJob, wrapper)!, instance: wrapper.instance as JobHandler<JobName> }));
    this.handlers = bindHandlers(found);
  }

  /** Parses the payload against the registry and runs the job's handler. */
  async dispatch(name: string, data: unknown): Promise<void> {
    const handler = this.handlers.get(name as JobName);
    // Neither is worth retrying: the same job would fail the same way.
    if (!handler) throw new UnrecoverableError(`No handler for job '${name}'.`);
    const parsed = JOBS[name as JobName].payload.safeParse(data);
    if (!parsed.success) throw new UnrecoverableError(`Malformed payload for job '${name}': ${parsed.error.message}`);
    await handler.handle(parsed.data);
  }
}

/** Pure, for the unit test: one handler per job of the registry, or an error naming what is wrong. */
export function bindHandlers(found: { job: string; instance: JobHandler<JobName> }[]): Map<JobName, JobHandler<JobName>> {
  const problems: string[] = [];
  const handlers = new Map<JobName, JobHandler<JobName>>();
  for (const name of Object.keys(JOBS) as JobName[]) {
    const mine = found.filter((handler) => handler.job === name);
    if (mine.length === 0) problems.push(`job '${name}' has no handler`);
    if (mine.length > 1) problems.push(`job '${name}' has ${mine.length} handlers (${mine.map((h) => h.instance.constructor.name).join(', ')})`);
    if (mine.length === 1) handlers.set(name, mine[0].instance);
  }
  for (const stray of found.filter((handler) => !(handler.job in JOBS))) {
    problems.push(`${stray.instance.constructor.name} handles '${stray.job}', which is not in the job registry`);
  }
  if (problems.length > 0) throw new JobRegistryError(`The job registry does not match its handlers: ${problems.join('; ')}.`);
  return handlers;
}
