import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/preflight';

/**
 * `npm start` runs the platform until Ctrl-C, and stops by itself, saying why in one line, when
 * a part it started dies: otherwise every request would answer 503 for ever.
 */
describe('npm start', () => {
  it('notices that DynamoDB Local exited, says so in one line and stops', async () => {
    const [port, idpPort, dynamoPort] = [await freePort(), await freePort(), await freePort()];
    const child = spawn('npx', ['tsx', 'infra/local/start.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        IDP_PORT: String(idpPort),
        DYNAMODB_PORT: String(dynamoPort),
        TABLE_NAME: 'cit-npm-start-test',
        // Its own state file, not the one a developer's npm start keeps for `npm run reminders`.
        NPM_START_STATE_FILE: join(tmpdir(), `npm-start-test-${process.pid}.json`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toContain('Press Ctrl-C to stop.');
      // The demo certificate's code as it is printed on certificates, and a link that verifies it.
      const code = /Demo certificate: (\S+)/.exec(output)?.[1];
      expect(code).toMatch(/^CIT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(output).toContain(`/verify?code=${code}`);
      const pid = Number(/DynamoDB Local pid (\d+)/.exec(output)?.[1]);
      expect(pid).toBeGreaterThan(0);
      process.kill(pid, 'SIGKILL');
      expect(await exited).toBe(1);
      const complaint = output.split('\n').filter((line) => line.startsWith('✖'));
      expect(complaint).toHaveLength(1);
      expect(complaint[0]).toMatch(new RegExp(`DynamoDB Local \\(pid ${pid}\\) exited \\(SIGKILL\\).*stopping`));
      // It stopped the rest too: nothing answers on its port any more.
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
    }
  }, 90_000);
});
