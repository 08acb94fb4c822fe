import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

/** CPU seconds of each given process, from /proc; a process gone meanwhile is left out. */
export function cpuOf(pids: number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // gone
    }
  }
  return seconds;
}

/** CPU spent since `before`; a process started meanwhile counts from zero. */
export function spentSince(before: Map<number, number>, pids: number[]): number {
  let total = 0;
  for (const [pid, seconds] of cpuOf(pids)) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** PostgreSQL is counted for one run's own backends only: the server is shared with whatever else runs. */
export async function backendsOf(db: pg.Pool): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  return rows.map((row) => row.pid);
}

/** Every process of that name (Redis: shared with whatever else runs). */
export function pidsNamed(comm: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === comm;
      } catch {
        return false;
      }
    })
    .map(Number);
}
