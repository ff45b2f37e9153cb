import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * What `npm start` and `npm test` need from the machine beyond Node and npm, found or installed
 * the way `playwright install --with-deps` does it: when something is missing on Debian or
 * Ubuntu and we run as root, install it with apt-get (saying what); otherwise stop and print the
 * one command that installs it.
 */
export type Purpose = 'start' | 'test';

export interface SystemNeed {
  name: string;
  /** What it is for, in the message. */
  why: string;
  purposes: Purpose[];
  /** Debian/Ubuntu packages, first choice first: the first one the archive has is installed. */
  packages: string[];
  present: (probe: SystemProbe) => boolean;
}

/** The machine as the check sees it; tests give it a made-up one. */
export interface SystemProbe {
  /** Runs a command, returning its exit status and output, or undefined if it cannot start. */
  run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } | undefined;
  exists(path: string): boolean;
  osRelease(): string | undefined;
  isRoot(): boolean;
  env: NodeJS.ProcessEnv;
}

export const machineProbe: SystemProbe = {
  run(command, args) {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    return result.error ? undefined : { status: result.status, stdout: result.stdout, stderr: result.stderr };
  },
  exists: existsSync,
  osRelease: () => (existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : undefined),
  isRoot: () => process.getuid?.() === 0,
  env: process.env,
};

/** Where Chromium may be: CHROMIUM_PATH, Debian's package, Ubuntu's. */
export function chromiumPath(probe: Pick<SystemProbe, 'exists' | 'env'> = machineProbe): string | undefined {
  const candidates = [probe.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((path): path is string =>
    Boolean(path),
  );
  return candidates.find((path) => probe.exists(path));
}

/** The major version `java -version` reports (on stderr), or 0 when there is no Java. */
export function javaMajor(probe: SystemProbe): number {
  const result = probe.run('java', ['-version']);
  if (!result || result.status !== 0) return 0;
  return Number(/version "(?:1\.)?(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1] ?? 0);
}

export const SYSTEM_NEEDS: SystemNeed[] = [
  {
    name: 'Java 17+',
    why: 'DynamoDB Local runs on Java',
    purposes: ['start', 'test'],
    packages: ['openjdk-17-jre-headless', 'default-jre-headless'],
    present: (probe) => javaMajor(probe) >= 17,
  },
  {
    name: 'Chromium',
    why: 'the browser tests drive it',
    purposes: ['test'],
    packages: ['chromium', 'chromium-browser'],
    present: (probe) => chromiumPath(probe) !== undefined,
  },
  {
    name: 'Poppler (pdftotext, pdftoppm)',
    why: 'the certificate PDF tests read and render the PDF',
    purposes: ['test'],
    packages: ['poppler-utils'],
    present: (probe) => probe.run('pdftoppm', ['-v'])?.status === 0 && probe.run('pdftotext', ['-v'])?.status === 0,
  },
];

export type Plan =
  | { action: 'none' }
  | { action: 'install'; missing: SystemNeed[]; packages: string[]; announcement: string }
  | { action: 'stop'; missing: SystemNeed[]; message: string };

const isDebianLike = (osRelease: string | undefined) => /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease ?? '');

/** The first of a need's packages the apt archive knows (after an update), else its first choice. */
export function pickPackage(need: SystemNeed, probe: SystemProbe): string {
  return need.packages.find((name) => probe.run('apt-cache', ['show', name])?.status === 0) ?? need.packages[0];
}

/** What to do about the needs of `purpose` on this machine: nothing, install these, or stop with this message. */
export function planFor(purpose: Purpose, probe: SystemProbe, choose: (need: SystemNeed) => string = (need) => need.packages[0]): Plan {
  const missing = SYSTEM_NEEDS.filter((need) => need.purposes.includes(purpose) && !need.present(probe));
  if (missing.length === 0) return { action: 'none' };
  const packages = missing.map(choose);
  const list = missing.map((need) => `${need.name} (${need.why})`).join(' and ');
  if (isDebianLike(probe.osRelease())) {
    const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
    if (probe.isRoot())
      return { action: 'install', missing, packages, announcement: `npm ${purpose}: installing ${list}: ${packages.join(' ')} (apt-get)…` };
    return { action: 'stop', missing, message: `npm ${purpose} needs ${list}. Install with:\n  sudo sh -c '${command}'` };
  }
  const names = missing.map((need) => need.name).join(' and ');
  const orChromiumPath = missing.some((need) => need.name === 'Chromium') ? ', or set CHROMIUM_PATH to a Chromium binary' : '';
  return {
    action: 'stop',
    missing,
    message: `npm ${purpose} needs ${list}. Install ${names} with your system's package manager${orChromiumPath}, then retry.`,
  };
}
