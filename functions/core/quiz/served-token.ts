import type { ServedQuestion } from './attempt-store';

/**
 * What an attempt served, as the client hands it back with its answers: the module, its content
 * version and the served questions with their option order. It lets a submission be scored and
 * stored in one conditional write, with no read first: the write only succeeds when the stored
 * attempt served exactly this, so a token altered by the client changes nothing. Not a secret.
 */
export interface ServedClaim {
  moduleId: string;
  contentVersion: string;
  served: ServedQuestion[];
}

const MAX_QUESTIONS = 100;
const PART = /^[A-Za-z0-9-]{1,80}$/;

/** One served question as `questionId|c,a,b`; storage keeps the same form. */
export const encodeServedQuestion = ({ questionId, optionOrder }: ServedQuestion) => `${questionId}|${optionOrder.join(',')}`;

export function decodeServedQuestion(encoded: string): ServedQuestion {
  const [questionId, order] = encoded.split('|');
  return { questionId, optionOrder: order ? order.split(',') : [] };
}

export const encodeServedToken = ({ moduleId, contentVersion, served }: ServedClaim) =>
  [moduleId, contentVersion, served.map(encodeServedQuestion).join(';')].join('~');

/** The claim in a token, or undefined when it is not one this API could have issued. */
export function decodeServedToken(token: string): ServedClaim | undefined {
  const [moduleId, contentVersion, questions, ...rest] = token.split('~');
  if (rest.length > 0 || !PART.test(moduleId ?? '') || !PART.test(contentVersion ?? '') || !questions) return undefined;
  const entries = questions.split(';');
  if (entries.length > MAX_QUESTIONS || entries.some((entry) => entry.split('|').length !== 2)) return undefined;
  const served = entries.map(decodeServedQuestion);
  const wellFormed = served.every(
    ({ questionId, optionOrder }) => PART.test(questionId) && optionOrder.every((optionId) => PART.test(optionId)),
  );
  return wellFormed && new Set(served.map((question) => question.questionId)).size === served.length ? { moduleId, contentVersion, served } : undefined;
}
