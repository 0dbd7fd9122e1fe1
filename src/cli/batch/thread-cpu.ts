/**
 * The CPU time of one thread, from Linux's /proc: a worker's time limit counts the work it does,
 * not the time it waits for a core on a busy machine (eight test runs on two cores make wall
 * time worthless as a limit). Elsewhere there is no such file, and the pool falls back to wall time.
 */
import { readFileSync, realpathSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks on every common architecture. */
const TICKS_PER_SECOND = 100;

/** The calling thread's stat file (`/proc/<pid>/task/<tid>/stat`), or null where there is none. */
export function threadStatPath(): string | null {
  try {
    return `${realpathSync('/proc/thread-self')}/stat`;
  } catch {
    return null;
  }
}

/** User and system CPU seconds of the thread whose stat file this is, or null once it is gone. */
export function threadCpuSeconds(statPath: string): number | null {
  try {
    const stat = readFileSync(statPath, 'latin1');
    // Fields after the command name (which may hold spaces, in parentheses): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
