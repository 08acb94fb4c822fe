import 'reflect-metadata';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '#libs/core/src/config/app-config.js';
import { createOutput } from '#libs/demo/src/report/demo-output.js';
import { DemoInterruptedError, runDemo } from '#libs/demo/src/runner/run-demo.js';
import { loadScenarios, selectScenarios, UnknownScenarioError } from '#libs/demo/src/runner/scenario-catalogue.js';
import { startControlPlane } from '../../control-plane/src/start-control-plane.js';
import { InfrastructureError } from '#libs/runtime/src/infrastructure-error.js';
import { resolveInfrastructure } from '#libs/runtime/src/resolve-infrastructure.js';

const DEFAULT_SEED = 2013;

const seedOf = (value: string): number => {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('a whole number from 0 to 999999999');
  return Number(value);
};

const program = new Command('demo')
  .description('Runs the demo scenarios through the public API of a control plane started for the purpose, and reports each outcome.')
  .option('--list', 'list the scenarios and stop')
  .option('--scenario <name>', 'run this scenario (repeatable); all by default', (name: string, names: string[]) => [...names, name], [] as string[])
  .option('--seed <n>', 'the same seed gives the same partner outcomes', seedOf, DEFAULT_SEED)
  .option('--fast', "partner latencies and the control plane's waits scaled down (what CI runs)", false)
  .option('--keep-running', 'leave the control plane up afterwards, for exploring by hand (Ctrl-C stops it)', false)
  .option('--json <file>', 'write the full report to this file')
  .option('--scenarios-dir <dir>', 'also load scenarios from this folder of built *.scenario.js files (repeatable)', (dir: string, dirs: string[]) => [...dirs, dir], [] as string[])
  .showHelpAfterError();

const options = program.parse().opts<{
  list?: boolean;
  scenario: string[];
  seed: number;
  fast: boolean;
  keepRunning: boolean;
  json?: string;
  scenariosDir: string[];
}>();
const output = createOutput(process.stdout, process.env);

try {
  const ownScenarios = fileURLToPath(new URL('../../../libs/demo/src/scenarios/', import.meta.url));
  const all = await loadScenarios([ownScenarios, ...options.scenariosDir]);
  if (options.list) {
    const width = Math.max(...all.map((s) => s.name.length));
    for (const scenario of all) output.line(`${scenario.name.padEnd(width)}  ${scenario.title}`);
    process.exit(0);
  }
  const scenarios = selectScenarios(all, options.scenario);
  const stopRequested = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  // A second Ctrl-C while the first one cleans up: stop at once.
  void stopRequested.then(() => process.once('SIGINT', () => process.exit(130)));
  const infrastructure = await resolveInfrastructure({ env: process.env, purpose: 'demo' });
  // The first line: which database and queue backend the demo runs on, and why.
  output.line(infrastructure.summary);
  const passed = await runDemo(
    { scenarios, seed: options.seed, fast: options.fast, keepRunning: options.keepRunning, jsonFile: options.json ?? null },
    {
      infrastructure,
      launch: startControlPlane,
      workerMainPath: fileURLToPath(new URL('../../worker/src/main.js', import.meta.url)),
      output,
      stopRequested,
    },
  ).finally(() => infrastructure.close());
  process.exit(passed ? 0 : 1);
} catch (error) {
  const forPeople = [UnknownScenarioError, ConfigError, InfrastructureError, DemoInterruptedError].some((type) => error instanceof type);
  console.error(forPeople ? (error as Error).message : error);
  process.exit(error instanceof DemoInterruptedError ? 130 : 2);
}
