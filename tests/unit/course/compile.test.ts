import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCourse, CourseFileError } from '../../../functions/core/course/compile';
import { COURSES_DIR } from '../../../functions/core/course/paths';

const MODULE_DIR = '01-mechanism-of-action';
const temporaryDirs: string[] = [];

/** A copy of the real course with one file edited. */
function courseWith(file: 'index.md' | 'questions.yaml', edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'course-'));
  temporaryDirs.push(dir);
  cpSync(COURSES_DIR, dir, { recursive: true });
  const path = join(dir, MODULE_DIR, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function compileError(dir: string): CourseFileError {
  try {
    compileCourse(dir);
  } catch (error) {
    if (error instanceof CourseFileError) return error;
    throw error;
  }
  throw new Error('expected the course to be rejected');
}

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('compileCourse', () => {
  it('compiles the real course: lesson HTML with linkable headings and a bank with answer keys', () => {
    const [first] = compileCourse(COURSES_DIR);
    expect(first.page.id).toBe('mechanism-of-action');
    expect(first.page.html).toContain('id="micro-channels-and-transdermal-delivery"');
    expect(first.bank.questions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(first.bank.questions.map((question) => question.type))).toEqual(new Set(['single', 'multiple']));
    expect(first.bank.questions.every((question) => question.correctOptionIds.length > 0 && question.explanation.length > 0)).toBe(true);
    expect(first.page.contentVersion).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives a new content version when a file changes', () => {
    const before = compileCourse(COURSES_DIR)[0].page.contentVersion;
    const after = compileCourse(courseWith('index.md', (text) => `${text}\nOne more line.\n`))[0].page.contentVersion;
    expect(after).not.toBe(before);
  });

  it.each([
    ['a question with no correct option', 'questions.yaml', (text: string) => text.replaceAll('correct: true', 'correct: false'), 'has no correct option'],
    ['a single-answer question with two correct options', 'questions.yaml', (text: string) => text.replace(/(- id: b\n\s+text: .*\n)/, '$1        correct: true\n'), 'single-answer'],
    ['a link to a section that does not exist', 'questions.yaml', (text: string) => text.replace('section: why-results-take-time', 'section: no-such-heading'), 'no-such-heading'],
    ['a duplicate question id', 'questions.yaml', (text: string) => text.replace('id: moa-vertical-needling', 'id: moa-controlled-injury'), 'used twice'],
    ['an unknown question type', 'questions.yaml', (text: string) => text.replace('type: single', 'type: essay'), 'type'],
    ['frontmatter without a title', 'index.md', (text: string) => text.replace(/^title: .*$/m, ''), 'title'],
    ['a pass mark above 100%', 'index.md', (text: string) => text.replace('passMark: 0.8', 'passMark: 80'), 'passMark'],
    ['broken YAML', 'questions.yaml', (text: string) => `${text}\n  - [unclosed`, 'not valid YAML'],
  ] as const)('rejects %s, naming the file and the reason', (_case, file, edit, reason) => {
    const error = compileError(courseWith(file, edit));
    expect(error.file).toBe(join(MODULE_DIR, file));
    expect(error.reason).toContain(reason);
  });

  it('fails `npm run build:courses` with the file name and reason', () => {
    const dir = courseWith('questions.yaml', (text) => text.replaceAll('correct: true', 'correct: false'));
    const run = spawnSync('npx', ['tsx', 'functions/core/course/build.ts'], {
      encoding: 'utf8',
      env: { ...process.env, COURSES_DIR: dir, GENERATED_BANKS_FILE: join(dir, 'out.json') },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`courses/${MODULE_DIR}/questions.yaml: questions.0.options has no correct option`);
  });
});
