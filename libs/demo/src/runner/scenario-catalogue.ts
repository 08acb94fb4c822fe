import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from '../scenarios/scenario.js';

const SCENARIO_FILE = /^\d+-[a-z0-9-]+\.scenario\.(js|ts)$/;
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Every scenario in the folders given, in file-name order: the demo's own folder first, then any
 * a developer adds with `--scenarios-dir`. A file must export `scenario`; two with one name is a
 * mistake said at once, not a scenario silently shadowed.
 */
export async function loadScenarios(folders: readonly string[]): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  for (const folder of folders) {
    const files = (await readdir(folder)).filter((file) => SCENARIO_FILE.test(file) && !file.endsWith('.d.ts')).sort();
    // A built folder has .js files only; a source folder (under ts-jest) .ts ones.
    const extension = files.some((file) => extname(file) === '.js') ? '.js' : '.ts';
    for (const file of files.filter((f) => extname(f) === extension)) {
      const module = (await import(pathToFileURL(join(folder, file)).href)) as { scenario?: Scenario };
      scenarios.push(checked(module.scenario, join(folder, file)));
    }
  }
  const names = scenarios.map((s) => s.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`Two scenarios are named ${twice.join(', ')}: each name must be unique.`);
  return scenarios;
}

function checked(scenario: Scenario | undefined, file: string): Scenario {
  if (!scenario || typeof scenario.run !== 'function') throw new Error(`${file} does not export a scenario (export const scenario = { name, title, story, expected, run }).`);
  for (const field of ['name', 'title', 'story', 'expected'] as const) {
    if (typeof scenario[field] !== 'string' || scenario[field] === '') throw new Error(`${file}: the scenario has no ${field}.`);
  }
  if (!NAME.test(scenario.name)) throw new Error(`${file}: '${scenario.name}' is not a scenario name (lower-case words joined by hyphens).`);
  return scenario;
}

/** The scenarios named, in the order given; an unknown name is an error that lists the known ones. */
export function selectScenarios(all: readonly Scenario[], names: readonly string[]): Scenario[] {
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const found = all.find((s) => s.name === name);
    if (!found) throw new UnknownScenarioError(name, all.map((s) => s.name));
    return found;
  });
}

export class UnknownScenarioError extends Error {
  constructor(name: string, known: string[]) {
    super(`No scenario '${name}'. Known: ${known.join(', ')} (npm run demo -- --list).`);
  }
}
