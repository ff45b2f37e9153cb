import generated from './generated/question-banks.json';
import type { QuestionBanks } from './types';

/**
 * The question banks with answer keys, bundled into the functions that score. The JSON was
 * validated by zod when `npm run build:courses` wrote it, so it is typed here rather than parsed
 * again on every cold start.
 */
export const bundledBanks = generated as QuestionBanks;
