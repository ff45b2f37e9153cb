import type { ServedQuestion } from './types';

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
  /** Drawn after the module was passed: a retake, whose review never shows the answer key. */
  retakeAfterPass?: boolean;
}

const MAX_QUESTIONS = 100;
const ID = '[A-Za-z0-9-]{1,80}';
const QUESTION = `${ID}\\|(?:${ID}(?:,${ID})*)?`;
/**
 * module~version~question;question;…[~retake] where a question is `id|option,option,…`: checked in
 * one pass. The retake mark is part of what the stored attempt must equal, so dropping it to get a
 * full review only makes the submission be refused.
 */
const RETAKE = 'retake';
const TOKEN = new RegExp(`^(${ID})~(${ID})~(${QUESTION}(?:;${QUESTION})*)(~${RETAKE})?$`);

/** One served question as `questionId|c,a,b`. */
const encodeServedQuestion = ({ questionId, optionOrder }: ServedQuestion) => `${questionId}|${optionOrder.join(',')}`;

function decodeServedQuestion(encoded: string): ServedQuestion {
  const [questionId, order] = encoded.split('|');
  return { questionId, optionOrder: order ? order.split(',') : [] };
}

/** The served questions in order, as one string (`a|c,b;d|`): storage compares it with one equality. */
const encodeServedList = (served: ServedQuestion[]) => served.map(encodeServedQuestion).join(';');
const decodeServedList = (encoded: string) => encoded.split(';').map(decodeServedQuestion);

export const encodeServedToken = ({ moduleId, contentVersion, served, retakeAfterPass }: ServedClaim) =>
  [moduleId, contentVersion, encodeServedList(served), ...(retakeAfterPass ? [RETAKE] : [])].join('~');

/** The served questions of a token this API wrote itself (stored), without checking it again. */
export const servedInToken = (token: string) => decodeServedList(token.split('~')[2]);

/** Whether a token this API wrote itself (stored) marks a retake after a pass. */
export const isRetakeToken = (token: string) => token.endsWith(`~${RETAKE}`);

/** The claim in a token, or undefined when it is not one this API could have issued. */
export function decodeServedToken(token: string): ServedClaim | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const served = decodeServedList(match[3]);
  if (served.length > MAX_QUESTIONS || new Set(served.map((question) => question.questionId)).size !== served.length) return undefined;
  return { moduleId: match[1], contentVersion: match[2], served, ...(match[4] ? { retakeAfterPass: true } : {}) };
}
