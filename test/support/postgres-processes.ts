import { readdir, readFile } from 'node:fs/promises';

/** Pids of the PostgreSQL servers running on a data directory, from /proc: what a failed start must not leave. */
export async function postgresServersOn(pgdata: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = await readFile(`/proc/${entry}/cmdline`, 'utf8').then((text) => text.split('\0'), (): string[] => []);
    if (/(^|\/)postgres$/.test(argv[0] ?? '') && argv.includes(pgdata)) pids.push(Number(entry));
  }
  return pids;
}
