import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Prettier wraps code at 140 columns but cannot break a string or a template literal; this keeps
 * those within a width a person can scan too. Authored course content (courses/) and generated
 * files are left out: their authors and generators own their layout.
 */
const MAX_LINE = 160;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['functions', 'infra', 'tests', 'web/src', 'eslint.config.js', 'vitest.config.ts'];
const SKIPPED = new Set(['node_modules', 'generated', 'results', 'cdk.out', '.svelte-kit']);
const CODE = /\.(ts|js|mjs|cjs|svelte|css)$/;

function files(path: string): string[] {
  if (statSync(path).isFile()) return CODE.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => (SKIPPED.has(name) ? [] : files(join(path, name))));
}

describe('source line length', () => {
  const sources = SOURCES.flatMap((entry) => files(join(ROOT, entry)));

  it('has the source to check', () => {
    expect(sources.length).toBeGreaterThan(200);
  });

  it(`keeps every line of code within ${MAX_LINE} characters`, () => {
    const long = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => ([...line].length > MAX_LINE ? [`${relative(ROOT, file)}:${index + 1} (${[...line].length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});
