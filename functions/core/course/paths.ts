import { fileURLToPath } from 'node:url';

export const COURSES_DIR = fileURLToPath(new URL('../../../courses', import.meta.url));
/** Written by `npm run build:courses`; imported by the scoring function and nothing the browser loads. */
export const GENERATED_BANKS_FILE = fileURLToPath(new URL('./generated/question-banks.json', import.meta.url));
