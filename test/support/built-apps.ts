import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { TEMPLATE_DATABASE_ENV, withAdvisoryLock } from './test-database.js';

// The repository root, whether this file runs from test/support (jest) or dist/test/support (bench).
export const ROOT = new URL(import.meta.url.includes('/dist/test/') ? '../../../' : '../../', import.meta.url).pathname;

/** An app's compiled entry point, for running it as a process of its own. */
export const appMain = (app: 'worker' | 'control-plane' | 'demo'): string => `${ROOT}dist/apps/${app}/src/main.js`;

/**
 * Compiles the apps to dist/ so they can run as processes of their own (node cannot run the
 * TypeScript sources). Once per test run: test files that ask at the same time take turns (one
 * writing dist/ while another starts a process from it would run half-written files), and the
 * later ones find it done. Type errors elsewhere in the tree do not stop the emit; a missing
 * entry point does.
 */
export async function buildApps(): Promise<void> {
  const run = process.env[TEMPLATE_DATABASE_ENV] ?? String(process.pid);
  // Names the run that built dist/ last.
  const marker = `${ROOT}dist/.built-by-test-run`;
  await withAdvisoryLock('build dist/', async () => {
    if ((await readFile(marker, 'utf8').catch(() => '')) === run) return;
    await promisify(execFile)(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.build.json`], { cwd: ROOT }).catch(
      (error: Error & { stdout?: string }) => {
        if (!(['worker', 'control-plane', 'demo'] as const).every((app) => existsSync(appMain(app)))) throw new Error(`Build failed: ${error.stdout ?? error.message}`);
      },
    );
    await writeFile(marker, run);
  });
}
