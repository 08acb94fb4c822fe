import type { ScenarioContext } from '../runner/scenario-context.js';

/**
 * A demo scenario: a story told through the public API, and the outcome it must have. A file in
 * this folder named `<nn>-<name>.scenario.ts` that exports `scenario` is all it takes to add one;
 * the runner finds it, and runs them in file-name order.
 */
export interface Scenario {
  /** What `--scenario` takes: lower-case words joined by hyphens. */
  name: string;
  title: string;
  /** One line of story: what is tried and why it matters. */
  story: string;
  /** The outcome it must have, in a few words (the summary table's column). */
  expected: string;
  /**
   * Acts through the context and returns the actual outcome in a few words; a `check` that
   * fails ends it with the reason instead.
   */
  run(context: ScenarioContext): Promise<string>;
}

/** A check of a scenario that did not hold: the reason is the scenario's failure line. */
export class ScenarioFailure extends Error {}
