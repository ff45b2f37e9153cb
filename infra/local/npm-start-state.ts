/**
 * What `npm start` leaves for `npm run reminders` (and any other command that acts on the running
 * stack): its process id and the function environment, in a gitignored file that only this user
 * can read (it holds the local provider's per-run admin secret). Removed when npm start stops.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NpmStartState {
  pid: number;
  webUrl: string;
  /** The function environment, SITE_URL included. */
  env: Record<string, string>;
}

const DEFAULT_FILE = fileURLToPath(new URL('../../.local/npm-start.json', import.meta.url));

/** `NPM_START_STATE_FILE` moves it (the tests that start their own npm start do). */
export const npmStateFile = (env: NodeJS.ProcessEnv = process.env) => resolve(env.NPM_START_STATE_FILE || DEFAULT_FILE);

export function writeNpmStartState(state: NpmStartState, file = npmStateFile()): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function readNpmStartState(file = npmStateFile()): NpmStartState | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as NpmStartState;
  } catch {
    return undefined;
  }
}

/** Removes the file if it is still this process's (a later npm start may have replaced it). */
export function removeNpmStartState(file = npmStateFile()): void {
  if (readNpmStartState(file)?.pid === process.pid) rmSync(file, { force: true });
}

/** Whether a process with this id is running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
