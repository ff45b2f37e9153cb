import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpmStartState } from '../../infra/local/npm-start-state';
import { freePort } from '../../infra/local/preflight';

/** Runs `npm run reminders` (its script) with this state file; its exit code and everything it printed. */
function runReminders(stateFile: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'infra/local/run-reminders.ts', ...args], {
      env: { ...process.env, NPM_START_STATE_FILE: stateFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('npm start and npm run reminders', () => {
  it('says clearly that npm start is not running, and exits 1', async () => {
    const { code, output } = await runReminders(join(await mkdtemp(join(tmpdir(), 'reminders-')), 'npm-start.json'));
    expect(code).toBe(1);
    expect(output).toMatch(/✖ npm start is not running \(no .*npm-start\.json\)\. Start it in another terminal with `npm start`/);
  }, 30_000);

  it(
    'npm start sends the demo reminder at start; npm run reminders then runs the job again now (nothing new) or as at a later day; ' +
      'the connection file goes when npm start stops',
    async () => {
      const stateFile = join(await mkdtemp(join(tmpdir(), 'reminders-')), 'npm-start.json');
      const [port, idpPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
      const child = spawn('npx', ['tsx', 'infra/local/start.ts'], {
        env: {
          ...process.env,
          PORT: String(port),
          IDP_PORT: String(idpPort),
          DYNAMODB_PORT: String(dynamoPort),
          TABLE_NAME: 'cit-npm-run-reminders-test',
          NPM_START_STATE_FILE: stateFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toContain('Press Ctrl-C to stop.');
        expect(output).toMatch(/✉ 90-day reminder for Jordan Ellis's certificate CIT-[0-9A-Z-]{14} \(expires \d+ \w+ \d{4}\): sent/);
        expect(output).toContain('✓ Sam Okafor <sam.supervisor@harbour.example> (supervisor)');
        expect(output).toContain('▸ expiry reminders: 1 due, 1 claimed, 3 sent, 0 failed');
        // Only this user may read it: it holds the local provider's admin secret.
        expect(statSync(stateFile).mode & 0o777).toBe(0o600);

        const now = await runReminders(stateFile);
        expect(now.code).toBe(0);
        expect(now.output).toContain('▸ expiry reminders: 0 due, 0 claimed, 0 sent, 0 failed');
        expect(now.output).toContain(`Outbox: http://127.0.0.1:${idpPort}/outbox`);

        const later = await runReminders(stateFile, '--at', new Date(Date.now() + 65 * 86_400_000).toISOString());
        expect(later.code).toBe(0);
        expect(later.output).toMatch(/✉ 30-day reminder for Jordan Ellis's certificate/);
        const outbox = await (await fetch(`http://127.0.0.1:${idpPort}/outbox`)).text();
        expect(outbox).toContain('Jordan Ellis&#39;s CIT Academy certificate expires in 90 days');
        expect(outbox).toMatch(/Your CIT Academy certificate expires in 2\d days/);

        // Ctrl-C reaches npm start itself (npx does not pass signals on): it is the pid it recorded.
        process.kill(readNpmStartState(stateFile)!.pid, 'SIGINT');
        expect(await exited).toBe(0);
        expect(existsSync(stateFile)).toBe(false);
        const stopped = await runReminders(stateFile);
        expect(stopped.code).toBe(1);
        expect(stopped.output).toContain('✖ npm start is not running');
      } finally {
        // Stopped the way Ctrl-C stops it, so it stops DynamoDB Local too, if the test failed before.
        const pid = readNpmStartState(stateFile)?.pid;
        if (pid) process.kill(pid, 'SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        child.kill('SIGKILL');
      }
    },
    120_000,
  );
});
