import { describe, expect, it } from 'vitest';
import { chromiumPath, javaMajor, pickPackage, planFor, SYSTEM_NEEDS, type SystemProbe } from '../../../infra/local/system-needs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

/** A made-up machine: which Java it has, which files exist, which packages apt knows. */
function machine({
  java,
  files = [],
  os = DEBIAN,
  root = true,
  known = ['openjdk-17-jre-headless', 'chromium', 'poppler-utils'],
  poppler = true,
}: {
  java?: string;
  files?: string[];
  os?: string;
  root?: boolean;
  known?: string[];
  poppler?: boolean;
}): SystemProbe {
  return {
    run(command, args) {
      if (command === 'java')
        return java ? { status: 0, stdout: '', stderr: `openjdk version "${java}" 2025-04-15\nOpenJDK Runtime Environment` } : undefined;
      if (command === 'pdftoppm' || command === 'pdftotext')
        return poppler ? { status: 0, stdout: '', stderr: `${command} version 22.12.0` } : undefined;
      if (command === 'apt-cache') return { status: known.includes(args[1]) ? 0 : 100, stdout: '', stderr: '' };
      return undefined;
    },
    exists: (path) => files.includes(path),
    osRelease: () => os,
    isRoot: () => root,
    env: {},
  };
}

describe('the system check of npm start and npm test', () => {
  it('reads the Java version as java -version prints it, old and new style', () => {
    expect(javaMajor(machine({ java: '17.0.15' }))).toBe(17);
    expect(javaMajor(machine({ java: '1.8.0_402' }))).toBe(8);
    expect(javaMajor(machine({}))).toBe(0);
  });

  it('finds Chromium where Debian or Ubuntu put it, or where CHROMIUM_PATH says', () => {
    expect(chromiumPath({ exists: (path) => path === '/usr/bin/chromium', env: {} })).toBe('/usr/bin/chromium');
    expect(chromiumPath({ exists: (path) => path === '/usr/bin/chromium-browser', env: {} })).toBe('/usr/bin/chromium-browser');
    expect(chromiumPath({ exists: (path) => path === '/opt/chrome/chrome', env: { CHROMIUM_PATH: '/opt/chrome/chrome' } })).toBe(
      '/opt/chrome/chrome',
    );
    expect(chromiumPath({ exists: () => false, env: {} })).toBeUndefined();
  });

  it('does nothing when everything is there', () => {
    expect(planFor('test', machine({ java: '17.0.15', files: ['/usr/bin/chromium'] }))).toEqual({ action: 'none' });
  });

  it('npm start needs Java only; npm test needs Chromium too', () => {
    const noChromium = machine({ java: '21.0.2' });
    expect(planFor('start', noChromium).action).toBe('none');
    expect(planFor('test', noChromium)).toMatchObject({ action: 'install', packages: ['chromium'] });
  });

  it('as root on Debian, installs what is missing and says what it installs', () => {
    const plan = planFor('test', machine({}));
    expect(plan).toMatchObject({ action: 'install', packages: ['openjdk-17-jre-headless', 'chromium'] });
    if (plan.action !== 'install') throw new Error('expected an install');
    expect(plan.announcement).toBe(
      'npm test: installing Java 17+ (DynamoDB Local runs on Java) and Chromium (the browser tests drive it): openjdk-17-jre-headless chromium (apt-get)…',
    );
  });

  it('counts a Java older than 17 as missing', () => {
    expect(planFor('start', machine({ java: '11.0.22' }))).toMatchObject({ action: 'install', packages: ['openjdk-17-jre-headless'] });
  });

  it('takes the first package the distribution has (Ubuntu names Chromium chromium-browser; newer Debian has no Java 17)', () => {
    const need = (name: string) => SYSTEM_NEEDS.find((candidate) => candidate.name === name)!;
    const ubuntu = machine({ os: UBUNTU, known: ['openjdk-17-jre-headless', 'chromium-browser'] });
    expect(pickPackage(need('Chromium'), ubuntu)).toBe('chromium-browser');
    expect(pickPackage(need('Java 17+'), machine({ known: ['default-jre-headless'] }))).toBe('default-jre-headless');
    expect(planFor('test', ubuntu, (candidate) => pickPackage(candidate, ubuntu))).toMatchObject({
      action: 'install',
      packages: ['openjdk-17-jre-headless', 'chromium-browser'],
    });
  });

  it('without root on Debian or Ubuntu, stops with the one command to run', () => {
    for (const os of [DEBIAN, UBUNTU]) {
      const plan = planFor('test', machine({ os, root: false }));
      expect(plan).toEqual({
        action: 'stop',
        missing: expect.any(Array),
        message:
          'npm test needs Java 17+ (DynamoDB Local runs on Java) and Chromium (the browser tests ' +
          "drive it). Install with:\n  sudo sh -c 'apt-get update && apt-get install -y " +
          "--no-install-recommends openjdk-17-jre-headless chromium'",
      });
    }
  });

  it('elsewhere, says what to install and how to point at a Chromium', () => {
    const plan = planFor('test', machine({ os: FEDORA, java: '17.0.1' }));
    expect(plan).toMatchObject({
      action: 'stop',
      message:
        "npm test needs Chromium (the browser tests drive it). Install Chromium with your system's " +
        'package manager, or set CHROMIUM_PATH to a Chromium binary, then retry.',
    });
  });
});

describe('the PDF tools npm test needs', () => {
  it('are Poppler’s pdftotext and pdftoppm, installed as poppler-utils', () => {
    expect(planFor('test', machine({ java: '17.0.15', files: ['/usr/bin/chromium'], poppler: false }))).toMatchObject({
      action: 'install',
      packages: ['poppler-utils'],
    });
    expect(planFor('start', machine({ java: '17.0.15', poppler: false })).action).toBe('none');
  });
});
