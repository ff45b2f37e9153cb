import { brotliDecompressSync } from 'node:zlib';
import { compressedBanks } from './generated/question-banks.compressed';
import { QuestionBanks } from './question-banks';
import type { QuestionBank } from './types';

/**
 * The question banks with answer keys, bundled into the functions that score. Each module's bank
 * ships brotli-compressed (a third of the size of the JSON) and is inflated the first time it is
 * used, so a cold start pays only for the module its request needs. `npm run build:courses`
 * validated them with zod when it wrote them, so they are typed here rather than parsed again.
 */
export const bundledBanks = new QuestionBanks(
  Object.entries(compressedBanks).map(([moduleId, compressed]) => {
    let bank: QuestionBank | undefined;
    return [moduleId, () => (bank ??= JSON.parse(brotliDecompressSync(Buffer.from(compressed, 'base64')).toString('utf8')) as QuestionBank)] as const;
  }),
);
