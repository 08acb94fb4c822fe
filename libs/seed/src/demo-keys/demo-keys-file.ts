import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoKeySpec } from './demo-keys.js';

export interface DemoKeyEntry extends DemoKeySpec {
  key: string;
}

export const KEYS_FILE = 'api-keys.json';
export const keyFileName = (name: string): string => `${name}.key`;

/** The entries of `<dir>/api-keys.json` by name; empty when the file is missing or unreadable. */
export async function readDemoKeys(dir: string): Promise<Map<string, DemoKeyEntry>> {
  try {
    const entries: unknown = JSON.parse(await readFile(join(dir, KEYS_FILE), 'utf8'));
    if (!Array.isArray(entries)) return new Map();
    return new Map(
      entries
        .filter((entry): entry is DemoKeyEntry => typeof entry?.name === 'string' && typeof entry?.key === 'string')
        .map((entry) => [entry.name, entry]),
    );
  } catch {
    // Missing or hand-mangled: every key in it counts as invalid and is made again.
    return new Map();
  }
}

/**
 * Writes `api-keys.json` and one `<name>.key` per entry (for `$(cat …)` in a shell), readable by
 * the owner only. A file that already holds the same text is left alone, so a run that changes
 * nothing does not even touch the files. Returns the names of the files written.
 */
export async function writeDemoKeys(dir: string, entries: DemoKeyEntry[]): Promise<string[]> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const files: [string, string][] = [
    [KEYS_FILE, `${JSON.stringify(entries, null, 2)}\n`],
    ...entries.map((entry): [string, string] => [keyFileName(entry.name), `${entry.key}\n`]),
  ];
  const written: string[] = [];
  for (const [name, text] of files) {
    const path = join(dir, name);
    if ((await readFile(path, 'utf8').catch(() => null)) === text) continue;
    await writeFile(path, text, { mode: 0o600 });
    // The mode above applies only to a new file; an old one may have been created looser.
    await chmod(path, 0o600);
    written.push(name);
  }
  return written;
}
