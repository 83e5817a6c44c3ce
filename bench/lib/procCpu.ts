import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of the `/proc/<pid>/stat` times (USER_HZ; 100 on every common Linux). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  pid: number;
  ppid: number;
  /** user + system time, in seconds. */
  cpu: number;
}

/** Parses `/proc/<pid>/stat`; the command name may hold spaces and parentheses, so fields count from the last ')'. */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  const pid = Number(text.slice(0, text.indexOf(' ')));
  // Fields after the name: state(3) ppid(4) ... utime(14) stime(15), so utime is the 12th after the name.
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const ppid = Number(rest[1]);
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return { pid, ppid, cpu: (utime + stime) / TICKS_PER_SECOND };
}

function readStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // gone, or not ours to read
  }
}

/** CPU time (user + system, seconds) a process has used so far, all its threads included; 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  return readStat(pid)?.cpu ?? 0;
}

/**
 * CPU time of a process and every process below it (a browser and its renderer, GPU and utility processes).
 * Children that exited before the call are not counted, so read it while the tree is alive.
 */
export function treeCpuSeconds(rootPid: number): number {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let total = 0;
  const queue = stats.filter((s) => s.pid === rootPid);
  for (let s = queue.pop(); s; s = queue.pop()) {
    total += s.cpu;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return total;
}

/** Resident memory now and at its peak, in MB, from the text of `/proc/<pid>/status` (`VmRSS`, `VmHWM`, in kB). */
export function parseProcMemory(status: string): { rssMb: number; peakMb: number } {
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s*(\\d+)\\s*kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** A process's resident memory (see parseProcMemory); NaN once it is gone. */
export function processMemoryMb(pid: number): { rssMb: number; peakMb: number } {
  try {
    return parseProcMemory(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return { rssMb: Number.NaN, peakMb: Number.NaN };
  }
}
