import { fileURLToPath } from 'node:url';

export const COURSES_DIR = fileURLToPath(new URL('../../../courses', import.meta.url));
/** Written by `npm run build:courses`: every bank with its keys, readable, for tests and people. */
export const GENERATED_BANKS_FILE = fileURLToPath(new URL('./generated/question-banks.json', import.meta.url));
/**
 * Where bundled-banks.ts reads the banks the scoring function uses: one brotli file per module,
 * `<moduleId>.json.br`. The same path relative to the code in the source tree and in the Lambda
 * package (where the quiz function's bundle is `index.mjs` with `generated/question-banks/` beside it).
 */
export const QUESTION_BANKS_PATH = 'generated/question-banks';
export const QUESTION_BANKS_DIR = fileURLToPath(new URL(`./${QUESTION_BANKS_PATH}/`, import.meta.url));
/** Written alongside: the modules, treatment areas and certification rules, without any question. */
export const GENERATED_COURSE_FILE = fileURLToPath(new URL('./generated/course.ts', import.meta.url));
