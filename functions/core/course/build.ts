/**
 * `npm run build:courses`: validates every file under courses/ and writes the question banks
 * (with answer keys) for the scoring function. A bad file fails the build with its name and reason.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { compileCourse, CourseFileError } from './compile';
import { COURSES_DIR, GENERATED_BANKS_FILE } from './paths';
import type { QuestionBanks } from './types';

// Overridable so the tests can build a deliberately broken copy of the course.
const coursesDir = process.env.COURSES_DIR ?? COURSES_DIR;
const banksFile = process.env.GENERATED_BANKS_FILE ?? GENERATED_BANKS_FILE;

try {
  const modules = compileCourse(coursesDir);
  const banks: QuestionBanks = Object.fromEntries(modules.map(({ bank }) => [bank.moduleId, bank]));
  mkdirSync(dirname(banksFile), { recursive: true });
  writeFileSync(banksFile, `${JSON.stringify(banks, null, 2)}\n`);
  for (const { page } of modules) {
    console.log(`courses: ${page.id} ok (${page.questionCount} questions, ${page.sections.length} sections, version ${page.contentVersion})`);
  }
} catch (error) {
  if (error instanceof CourseFileError) {
    console.error(`courses/${error.file}: ${error.reason}`);
    process.exit(1);
  }
  throw error;
}
