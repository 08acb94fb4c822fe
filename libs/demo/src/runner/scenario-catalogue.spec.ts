import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarios, selectScenarios, UnknownScenarioError } from './scenario-catalogue.js';

const OWN = fileURLToPath(new URL('../scenarios/', import.meta.url));

const folderWith = async (files: Record<string, string>): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'scenarios-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
};

const scenarioFile = (name: string) =>
  `export const scenario = { name: '${name}', title: 't', story: 's', expected: 'e', run: async () => 'ok' };\n`;

describe('the scenario catalogue', () => {
  it('finds the demo scenarios in file-name order, each with a unique name', async () => {
    const scenarios = await loadScenarios([OWN]);
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    expect(scenarios[0].name).toBe('beijing-bank-stays-in-china');
    expect(scenarios.at(-1)?.name).toBe('idempotent-retry');
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it('adds the scenarios of another folder after its own, and ignores files that are not scenarios', async () => {
    const extra = await folderWith({ '01-extra-one.scenario.js': scenarioFile('extra-one'), 'helper.js': 'export const x = 1;\n' });
    const names = (await loadScenarios([OWN, extra])).map((s) => s.name);
    expect(names.at(-1)).toBe('extra-one');
    expect(names.filter((n) => n === 'extra-one')).toHaveLength(1);
  });

  it('refuses a file that exports no scenario, a bad name, and a name used twice', async () => {
    await expect(loadScenarios([await folderWith({ '01-none.scenario.js': 'export const other = 1;\n' })])).rejects.toThrow('does not export a scenario');
    await expect(loadScenarios([await folderWith({ '01-bad.scenario.js': scenarioFile('Bad Name') })])).rejects.toThrow("'Bad Name' is not a scenario name");
    const twice = await folderWith({ '01-a.scenario.js': scenarioFile('same'), '02-b.scenario.js': scenarioFile('same') });
    await expect(loadScenarios([twice])).rejects.toThrow('Two scenarios are named same');
  });

  it('selects by name in the order asked, all when none is named, and names the known ones for an unknown name', async () => {
    const all = await loadScenarios([OWN]);
    expect(selectScenarios(all, [])).toHaveLength(all.length);
    expect(selectScenarios(all, ['idempotent-retry', 'beijing-bank-stays-in-china']).map((s) => s.name)).toEqual([
      'idempotent-retry',
      'beijing-bank-stays-in-china',
    ]);
    expect(() => selectScenarios(all, ['nope'])).toThrow(UnknownScenarioError);
    expect(() => selectScenarios(all, ['nope'])).toThrow(/No scenario 'nope'\. Known: beijing-bank-stays-in-china, /);
  });
});
