import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartnerSimAdminClient } from '#libs/partner-client/src/http/partner-sim-admin.client.js';
import { type AppConfig, loadConfig } from '#libs/core/src/config/app-config.js';
import { removeQueues } from '#libs/provisioning/src/execution/jobs/remove-queues.js';
import { DemoDirectory } from '../client/demo-directory.js';
import type { DemoOutput } from '../report/demo-output.js';
import { type DemoReport, seconds, summaryTable } from '../report/demo-report.js';
import type { Scenario } from '../scenarios/scenario.js';
import { createDemoDatabase } from './demo-database.js';
import { demoEnvironment, demoTiming } from './demo-timing.js';
import { runScenario } from './run-scenario.js';
import { type WorkerControl, startChildWorker } from './worker-control.js';

export interface DemoOptions {
  scenarios: Scenario[];
  seed: number;
  fast: boolean;
  keepRunning: boolean;
  jsonFile: string | null;
}

/** Ctrl-C (or SIGTERM) while the scenarios run: the demo stops and removes what it made. */
export class DemoInterruptedError extends Error {
  constructor() {
    super('Interrupted: the demo stopped and removed its database, queues and keys.');
  }
}

/** Where the demo's control plane keeps its data and queues, chosen before it starts. */
export interface DemoInfrastructure {
  /** Which database and queue backend, and why: the first line a person reads. */
  summary: string;
  /** DATABASE_URL (a server the demo may create its own database on), QUEUE_BACKEND, REDIS_URL. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** What the demo needs of the control plane it starts (apps/control-plane's startControlPlane). */
export interface DemoControlPlane {
  url: string;
  components: { name: string; url: string }[];
  worker: { stop(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

export type LaunchControlPlane = (config: AppConfig, ports: { port: number; partnerSimPort: number; workerPort: number }) => Promise<DemoControlPlane>;

export interface DemoDependencies {
  infrastructure: DemoInfrastructure;
  launch: LaunchControlPlane;
  /** The built worker app, for the workers the demo runs as child processes. */
  workerMainPath: string;
  output: DemoOutput;
  /** Resolves when the person watching asks to stop (Ctrl-C), for `--keep-running`. */
  stopRequested: Promise<unknown>;
}

/**
 * The whole demo: its own database and queues, the control plane in this process, the scenarios
 * one after another through the public API, the report, and everything removed at the end
 * (unless `--keep-running`, until Ctrl-C). Answers whether every scenario had its expected outcome.
 */
export async function runDemo(options: DemoOptions, deps: DemoDependencies): Promise<boolean> {
  const { output, infrastructure } = deps;
  const startedAt = new Date();
  const timing = demoTiming(options.fast);
  const workDir = await mkdtemp(join(tmpdir(), 'hcp-demo-'));
  const database = await createDemoDatabase(infrastructure.env.DATABASE_URL);
  const env: Record<string, string> = {
    ...infrastructure.env,
    ...demoEnvironment(timing),
    NODE_ENV: 'development',
    DATABASE_URL: database.url,
    DEMO_KEYS_DIR: join(workDir, 'keys'),
    QUEUE_PREFIX: `{demo-${randomBytes(4).toString('hex')}}`,
  };
  const cleanUps: (() => Promise<unknown>)[] = [() => rm(workDir, { recursive: true, force: true }), () => database.drop()];
  try {
    const config = loadConfig(env);
    cleanUps.unshift(() => removeQueues(config));
    const controlPlane = await deps.launch(config, { port: options.keepRunning ? config.port : 0, partnerSimPort: 0, workerPort: 0 });
    cleanUps.unshift(() => controlPlane.close());
    const simulatorUrl = controlPlane.components.find((c) => c.name === 'partner-sim')!.url;
    const childEnv = { ...env, PARTNER_SIM_URL: simulatorUrl };
    const worker: WorkerControl = {
      stopInProcess: () => controlPlane.worker.stop(),
      startInProcess: () => controlPlane.worker.start(),
      startChild: () => startChildWorker({ mainPath: deps.workerMainPath, env: childEnv }),
    };
    const directory = await DemoDirectory.load(controlPlane.url, env.DEMO_KEYS_DIR);
    const simulator = new PartnerSimAdminClient(simulatorUrl);
    output.line(
      `Control plane on ${controlPlane.url}: API, worker and partner simulator in one process, database ${database.name}. ` +
        `${options.scenarios.length} scenario(s), seed ${options.seed}${options.fast ? ', --fast' : ''}.`,
    );

    const results = [];
    for (const [index, scenario] of options.scenarios.entries()) {
      output.line();
      output.line(output.style('bold', `[${index + 1}/${options.scenarios.length}] ${scenario.name}: ${scenario.title}`));
      const stopped = deps.stopRequested.then(() => {
        throw new DemoInterruptedError();
      });
      results.push(await Promise.race([runScenario(scenario, { directory, simulator, worker, timing, output, seed: options.seed }), stopped]));
    }

    const report: DemoReport = {
      seed: options.seed,
      fast: options.fast,
      infrastructure: infrastructure.summary,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      passed: results.every((r) => r.passed),
      scenarios: results,
    };
    output.line();
    for (const row of summaryTable(results)) output.line(row);
    const failed = results.filter((r) => !r.passed);
    output.line();
    output.line(
      failed.length === 0
        ? output.style('green', `All ${results.length} scenario(s) had their expected outcome, in ${seconds(report.durationMs)}.`)
        : output.style('red', `${failed.length} of ${results.length} scenario(s) failed: ${failed.map((r) => `${r.name} (${r.failure})`).join('; ')}`),
    );
    if (options.jsonFile) {
      await writeFile(options.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
      output.line(`Report: ${options.jsonFile}`);
    }
    if (options.keepRunning) {
      output.line();
      output.line(`The control plane stays up: ${controlPlane.url} (Swagger UI: ${controlPlane.url}/docs).`);
      output.line(`Demo API keys: ${env.DEMO_KEYS_DIR}/api-keys.json, one <name>.key each; try:`);
      output.line(`  curl -s -H "Authorization: Bearer $(cat ${env.DEMO_KEYS_DIR}/platform-operator.key)" ${controlPlane.url}/v1/provisioning-requests`);
      output.line('Ctrl-C stops it and removes the demo database.');
      await deps.stopRequested;
    }
    return report.passed;
  } finally {
    for (const cleanUp of cleanUps) await cleanUp().catch((error: Error) => output.line(`Cleaning up: ${error.message}`));
  }
}
