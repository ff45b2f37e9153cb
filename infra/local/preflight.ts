import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A problem the developer can fix, reported as one actionable line instead of a stack trace. */
export class PreflightError extends Error {
  readonly name = 'PreflightError';
}

/** DynamoDB Local is a Java program; it needs Java 17 or newer on PATH. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new PreflightError(
      'Java 17+ is needed for DynamoDB Local but `java` was not found: install it (Debian: apt-get install -y openjdk-17-jre-headless) and retry.',
    );
  }
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major > 0 && major < 17) {
    throw new PreflightError(`DynamoDB Local needs Java 17+, but \`java -version\` reports ${major}: install a newer JRE and retry.`);
  }
}

/** Resolves when nothing listens on the port; otherwise explains how to pick another one. */
export function assertPortFree(port: number, envVar: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new PreflightError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use (an earlier run still going?): stop that process or set ${envVar} to a free port.`
            : `Cannot listen on port ${port}: ${error.message}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** Asks the OS for a free port (tests and the benchmark run side by side with `npm start`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
