import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

type Holder = { pid: number; host: string; startedAt: string; command: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: Holder,
  ) {
    super(
      `The data directory ${dir} is in use by kamap process ${holder.pid} on ${holder.host} ` +
        `(\`${holder.command}\`, started ${holder.startedAt}). Stop that process first, or use another KAMAP_DATA_DIR.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded store's exclusive lock: a lock file created with O_EXCL. A lock left by a
 * process that died on this host is taken over; a live holder makes this throw, naming it.
 */
export function lockDataDir(dir: string, command: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kamap.lock');
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: Holder;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
      } catch {
        holder = { pid: 0, host: me.host, startedAt: 'unknown', command: 'unknown' };
      }
      if (holder.host === me.host && !isAlive(holder.pid)) {
        rmSync(file, { force: true });
        continue;
      }
      throw new DataDirLockedError(dir, holder);
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
