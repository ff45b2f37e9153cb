import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCoverage, compileCourse, CourseFileError } from '../../../functions/scripts/course/compile';
import { COURSES_DIR } from '../../../functions/core/course/paths';

const MODULE_DIR = '01-mechanism-of-action';
const temporaryDirs: string[] = [];

/** A copy of the real course with one file edited (a path relative to the first module, or to courses/). */
function courseWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'course-'));
  temporaryDirs.push(dir);
  cpSync(COURSES_DIR, dir, { recursive: true });
  const path = file.includes('/') || file === 'coverage.yaml' ? join(dir, file) : join(dir, MODULE_DIR, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function compileError(dir: string): CourseFileError {
  try {
    checkCoverage(dir, compileCourse(dir));
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
  it('compiles the full course: five modules in order, each with at least 12 items tied to objectives and sections', () => {
    const modules = compileCourse(COURSES_DIR);
    expect(modules.map(({ page }) => page.id)).toEqual([
      'mechanism-of-action',
      'indications',
      'technique',
      'complications',
      'contraindications',
    ]);
    for (const { page, bank } of modules) {
      expect(bank.questions.length, page.id).toBeGreaterThanOrEqual(12);
      expect(page.html, `${page.id} has a figure`).toContain('<figure class="figure"><svg');
      expect(page.html, `${page.id} ends with key points`).toContain('id="key-points"');
      expect(bank.questions.every((question) => question.correctOptionIds.length > 0 && question.explanation.length > 0)).toBe(true);
      expect(page.contentVersion).toMatch(/^[0-9a-f]{16}$/);
    }
    const all = modules.flatMap(({ bank }) => bank.questions);
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((question) => question.type))).toEqual(new Set(['single', 'multiple', 'true-false', 'case']));
    expect(all.filter((question) => question.safetyCritical).length).toBeGreaterThan(10);
    expect(modules[0].page.html).toContain('id="micro-channels-and-transdermal-delivery"');
  });

  it('inlines figures as accessible SVG with a caption', () => {
    const technique = compileCourse(COURSES_DIR).find(({ page }) => page.id === 'technique')!;
    expect(technique.page.html).toMatch(/<figure class="figure"><svg[^>]*role="img"[\s\S]*<title id="depths-title">[\s\S]*<figcaption>/);
  });

  it('maps every source statement in coverage.yaml to real sections and questions', () => {
    expect(checkCoverage(COURSES_DIR, compileCourse(COURSES_DIR))).toBeGreaterThanOrEqual(30);
  });

  it('carries a vignette on a single-answer item, so any item can be set in a realistic case', () => {
    const vignette = 'A 35-year-old woman asks why her skin looks red and feels warm an hour after her first session.';
    const dir = courseWith('questions.yaml', (text) => text.replace(/( {4}type: single\n)/, `$1    vignette: ${vignette}\n`));
    const [first] = compileCourse(dir)[0].bank.questions;
    expect(first).toMatchObject({ type: 'single', vignette });
  });

  it('gives a new content version when a file changes', () => {
    const before = compileCourse(COURSES_DIR)[0].page.contentVersion;
    const after = compileCourse(courseWith('index.md', (text) => `${text}\nOne more line.\n`))[0].page.contentVersion;
    expect(after).not.toBe(before);
  });

  it.each([
    [
      'a question with no correct option',
      'questions.yaml',
      (text: string) => text.replaceAll('correct: true', 'correct: false'),
      'has no correct option',
    ],
    [
      'a single-answer question with two correct options',
      'questions.yaml',
      (text: string) => text.replace(/(- id: b\n\s+text: .*\n)/, '$1        correct: true\n'),
      'takes one answer',
    ],
    [
      'a link to a section that does not exist',
      'questions.yaml',
      (text: string) => text.replace('section: why-results-take-time', 'section: no-such-heading'),
      'no-such-heading',
    ],
    [
      'a duplicate question id',
      'questions.yaml',
      (text: string) => text.replace('id: moa-vertical-needling', 'id: moa-controlled-injury'),
      'used twice',
    ],
    ['an unknown question type', 'questions.yaml', (text: string) => text.replace('type: single', 'type: essay'), 'type'],
    ['frontmatter without a title', 'index.md', (text: string) => text.replace(/^title: .*$/m, ''), 'title'],
    ['a pass mark above 100%', 'index.md', (text: string) => text.replace('passMark: 0.8', 'passMark: 80'), 'quiz.passMark'],
    [
      'a question naming an unknown objective',
      'questions.yaml',
      (text: string) => text.replace('objective: moa-injury', 'objective: moa-nothing'),
      'moa-nothing',
    ],
    [
      'an objective no question tests',
      'index.md',
      (text: string) => text.replace('quiz:', '  - id: moa-untested\n    text: An objective that nothing in the bank tests.\nquiz:'),
      'moa-untested',
    ],
    ['a draw larger than the bank', 'index.md', (text: string) => text.replace(/drawSize: \d+/, 'drawSize: 40'), 'drawSize'],
    [
      'a review policy that shows less once passed than before',
      'index.md',
      (text: string) => text.replace('quiz:', 'quiz:\n  review: { untilPassed: full, oncePassed: missed }'),
      'oncePassed must show at least as much as untilPassed',
    ],
    [
      'an unknown review level',
      'index.md',
      (text: string) => text.replace('quiz:', 'quiz:\n  review: { untilPassed: answers }'),
      'quiz.review.untilPassed',
    ],
    ['broken YAML', 'questions.yaml', (text: string) => `${text}\n  - [unclosed`, 'not valid YAML'],
  ] as const)('rejects %s, naming the file and the reason', (_case, file, edit, reason) => {
    const error = compileError(courseWith(file, edit));
    expect(error.file).toBe(join(MODULE_DIR, file));
    expect(error.reason).toContain(reason);
  });

  it.each([
    [
      'a figure without a title',
      '03-technique/needle-depths.svg',
      (text: string) => text.replace(/<title[^>]*>[^<]*<\/title>/, ''),
      '03-technique/needle-depths.svg',
      'descriptive <title>',
    ],
    [
      'coverage naming a section that does not exist',
      'coverage.yaml',
      (text: string) => text.replace('taughtIn: contraindications#pregnancy', 'taughtIn: contraindications#no-such-section'),
      'coverage.yaml',
      'no-such-section',
    ],
    [
      'a clinical topic taught in a section that does not exist',
      'coverage.yaml',
      (text: string) => text.replace('taughtIn: [contraindications#pregnancy-and-breastfeeding]', 'taughtIn: [contraindications#nowhere]'),
      'coverage.yaml',
      'taughtIn "contraindications#nowhere" is not a lesson section',
    ],
    [
      'coverage naming a question that does not exist',
      'coverage.yaml',
      (text: string) => text.replace('testedBy: [ci-pregnancy-case]', 'testedBy: [ci-invented]'),
      'coverage.yaml',
      'ci-invented',
    ],
  ])('rejects %s', (_case, file, edit, expectedFile, reason) => {
    const error = compileError(courseWith(file, edit));
    expect(error.file).toBe(expectedFile);
    expect(error.reason).toContain(reason);
  });

  it('applies the item rules to every bank, naming the file and the rule broken', () => {
    const error = compileError(courseWith('questions.yaml', (text) => text.replaceAll('safetyCritical: true', 'safetyCritical: false')));
    expect(error.file).toBe(join(MODULE_DIR, 'questions.yaml'));
    expect(error.reason).toContain('no item is safety-critical');
  });

  it('keeps an archived version as it was published: the item rules are not applied to it', () => {
    const archived = compileCourse(COURSES_DIR, { itemRules: false });
    expect(archived.map(({ page }) => page.id)).toEqual(compileCourse(COURSES_DIR).map(({ page }) => page.id));
  });

  it('fails `npm run build:courses` with the file name and reason', () => {
    const dir = courseWith('questions.yaml', (text) => text.replaceAll('correct: true', 'correct: false'));
    const run = spawnSync('npx', ['tsx', 'functions/scripts/build-courses.ts'], {
      encoding: 'utf8',
      env: { ...process.env, COURSES_DIR: dir, GENERATED_BANKS_FILE: join(dir, 'out.json') },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`courses/${MODULE_DIR}/questions.yaml: questions.0.options has no correct option`);
  });
});
