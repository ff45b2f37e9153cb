import { brotliDecompressSync } from 'node:zlib';
import { compressedBanks } from './generated/question-banks.compressed';
import type { QuestionBanks } from './types';

/**
 * The question banks with answer keys, bundled into the functions that score. They ship
 * brotli-compressed (a third of the size of the JSON) and are inflated once per cold start, which
 * takes well under a millisecond. `npm run build:courses` validated them with zod when it wrote
 * them, so they are typed here rather than parsed against the schema again.
 */
export const bundledBanks = JSON.parse(brotliDecompressSync(Buffer.from(compressedBanks, 'base64')).toString('utf8')) as QuestionBanks;
