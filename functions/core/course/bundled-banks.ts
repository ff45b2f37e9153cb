import { readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { QuestionBanks } from './question-banks';
import type { QuestionBank } from './types';

/**
 * The question banks with answer keys, for the function that scores. They are data, not code:
 * each module's bank is a brotli file beside the function's code (`npm run build:courses` writes
 * them; the Lambda package carries them in the same place relative to its bundle), read and
 * inflated the first time a request needs that module. So a growing course adds nothing to the
 * code a cold start parses. The build validated them with zod, so they are typed here, not parsed again.
 * `<module>.json.br` is the current bank; `<module>@<version>.json.br` an archived earlier one.
 * Keep this URL literal in step with QUESTION_BANKS_PATH (paths.ts): bundling resolves it from here.
 */
const BANKS_DIR = new URL('./generated/question-banks/', import.meta.url);
const SUFFIX = '.json.br';

function loader(file: string): () => QuestionBank {
  let bank: QuestionBank | undefined;
  return () => (bank ??= JSON.parse(brotliDecompressSync(readFileSync(new URL(file, BANKS_DIR))).toString('utf8')) as QuestionBank);
}

const files = readdirSync(BANKS_DIR).filter((file) => file.endsWith(SUFFIX));
const nameOf = (file: string) => file.slice(0, -SUFFIX.length);

export const bundledBanks = new QuestionBanks(
  files.filter((file) => !file.includes('@')).map((file) => [nameOf(file), loader(file)] as const),
  files.filter((file) => file.includes('@')).map((file) => [nameOf(file), loader(file)] as const),
);
