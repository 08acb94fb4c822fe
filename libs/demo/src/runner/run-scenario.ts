import type { PartnerSimAdminClient } from '#libs/partner-client/src/http/partner-sim-admin.client.js';
import type { DemoDirectory } from '../client/demo-directory.js';
import type { DemoOutput } from '../report/demo-output.js';
import { type ScenarioResult, seconds } from '../report/demo-report.js';
import { type Scenario, ScenarioFailure } from '../scenarios/scenario.js';
import type { DemoTiming } from './demo-timing.js';
import { ScenarioContext } from './scenario-context.js';
import type { WorkerControl } from './worker-control.js';

export interface ScenarioWorld {
  directory: DemoDirectory;
  simulator: PartnerSimAdminClient;
  worker: WorkerControl;
  timing: DemoTiming;
  output: DemoOutput;
  seed: number;
}

/**
 * One scenario, from partners at their demo pace with no fault pending: its story, its requests'
 * progress, and its outcome with the reason when it is not the expected one. An error the
 * scenario did not foresee fails it too, and the demo goes on to the next.
 */
export async function runScenario(scenario: Scenario, world: ScenarioWorld): Promise<ScenarioResult> {
  const { output } = world;
  const context = new ScenarioContext(world.directory, world.simulator, world.worker, world.timing, output, world.seed);
  output.line(`  ${output.style('dim', scenario.story)}`);
  const started = Date.now();
  let actual: string;
  let failure: string | null = null;
  try {
    await context.resetPartners();
    actual = await scenario.run(context);
  } catch (error) {
    failure = error instanceof ScenarioFailure ? error.message : `unexpected error: ${(error as Error).message}`;
    actual = error instanceof ScenarioFailure ? 'not as expected' : 'error';
  }
  const durationMs = Date.now() - started;
  const line =
    failure === null
      ? output.style('green', `  ✔ ${actual} (${seconds(durationMs)})`)
      : output.style('red', `  ✘ expected ${scenario.expected}, but ${failure} (${seconds(durationMs)})`);
  output.line(line);
  return {
    name: scenario.name,
    title: scenario.title,
    expected: scenario.expected,
    actual,
    passed: failure === null,
    failure,
    durationMs,
    requests: context.records(),
  };
}
