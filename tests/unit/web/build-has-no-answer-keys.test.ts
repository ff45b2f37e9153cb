import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledBanks } from '../../../functions/core/course/bundled-banks';
import { SITE_BUILD_DIR } from '../../../infra/site';

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(html|js|json|css|txt)$/.test(entry.name)) yield path;
  }
}

/** Undo the escaping HTML and JS apply, so an explanation cannot hide behind &#39; or \\". */
const unescape = (text: string) =>
  text
    .replaceAll(/&#(\d+);/g, (_match, code) => String.fromCharCode(Number(code)))
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replaceAll('\\"', '"')
    .replaceAll("\\'", "'");

describe('built web output (web/build)', () => {
  it('exists: `npm test` builds it first', () => {
    expect(existsSync(join(SITE_BUILD_DIR, 'index.html')), 'run `npm run build` before the tests').toBe(true);
  });

  const questions = bundledBanks.all().flatMap((bank) => bank.questions);
  const output = [...(existsSync(SITE_BUILD_DIR) ? files(SITE_BUILD_DIR) : [])].map((path) => ({
    path,
    text: unescape(readFileSync(path, 'utf8')),
  }));

  it('contains no explanation text and no question prompt (both reach the browser only from the API)', () => {
    expect(output.length).toBeGreaterThan(5);
    expect(questions.length, 'the banks are read').toBeGreaterThan(50);
    const leaks = output.flatMap(({ path, text }) =>
      questions.flatMap((question) =>
        [question.explanation, question.prompt]
          .filter((secret) => text.includes(secret))
          .map((secret) => `${path}: ${secret.slice(0, 60)}`),
      ),
    );
    expect(leaks).toEqual([]);
  });

  it('contains no answer-key data (the feedback view may read result.correctOptionIds, but never ship values)', () => {
    const answerKeyData = /correctOptionIds"?\s*:\s*\[|"?\bcorrect"?\s*:\s*(true|!0)\b|questions\.yaml/;
    const leaks = output.filter(({ text }) => answerKeyData.test(text)).map(({ path }) => path);
    expect(leaks).toEqual([]);
  });
});
