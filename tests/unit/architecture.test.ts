import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layers, as imports may cross them: the domain (accounts, auth, certification, course, quiz,
 * reminders, and the shared errors) owns its model and knows nothing of the API, HTTP, Lambda or
 * the AWS SDK; the API layer (api/, http/) and the adapters (store/, identity/, mail/) import the
 * domain, never the reverse. ESLint's no-restricted-imports says the same while you type; this
 * holds it in npm test.
 */
const CORE = fileURLToPath(new URL('../../functions/core/', import.meta.url));
const DOMAIN = ['accounts', 'auth', 'certification', 'course', 'quiz', 'reminders', 'errors.ts', 'idempotency.ts'];
const OUTER = [/(^|\/)api\//, /(^|\/)http\//, /(^|\/)store\//, /(^|\/)identity\//, /(^|\/)mail\//];
const INFRASTRUCTURE = [/^hono/, /^@aws-sdk\//, /^aws-lambda$/, /^@hono\//];

function files(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => (name === 'generated' ? [] : files(join(path, name))));
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((match) => match[1]);

describe('the layers of functions/core', () => {
  const domainFiles = DOMAIN.flatMap((entry) => files(join(CORE, entry)));

  it('has domain code to check', () => {
    expect(domainFiles.length).toBeGreaterThan(20);
  });

  it('keeps the domain free of the API layer and the adapters', () => {
    const crossings = domainFiles.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('.'))
        .map((target) => relative(CORE, join(file, '..', target)))
        .filter((target) => OUTER.some((pattern) => pattern.test(target)))
        .map((target) => `${relative(CORE, file)} imports ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it('keeps the domain free of HTTP, Lambda and the AWS SDK', () => {
    const crossings = domainFiles.flatMap((file) =>
      importsOf(file)
        .filter((target) => INFRASTRUCTURE.some((pattern) => pattern.test(target)))
        .map((target) => `${relative(CORE, file)} imports ${target}`),
    );
    expect(crossings).toEqual([]);
  });
});
