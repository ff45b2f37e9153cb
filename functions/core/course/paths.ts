import { fileURLToPath } from 'node:url';

export const COURSES_DIR = fileURLToPath(new URL('../../../courses', import.meta.url));
/** Written by `npm run build:courses`; imported by the scoring function and nothing the browser loads. */
export const GENERATED_BANKS_FILE = fileURLToPath(new URL('./generated/question-banks.json', import.meta.url));
/** Written alongside: the module list for functions that must not carry the answer keys. */
export const GENERATED_CATALOGUE_FILE = fileURLToPath(new URL('./generated/catalogue.ts', import.meta.url));
