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
}

const MAX_QUESTIONS = 100;
const ID = '[A-Za-z0-9-]{1,80}';
const QUESTION = `${ID}\\|(?:${ID}(?:,${ID})*)?`;
/** module~version~question;question;… where a question is `id|option,option,…`: checked in one pass. */
const TOKEN = new RegExp(`^(${ID})~(${ID})~(${QUESTION}(?:;${QUESTION})*)$`);

/** One served question as `questionId|c,a,b`. */
const encodeServedQuestion = ({ questionId, optionOrder }: ServedQuestion) => `${questionId}|${optionOrder.join(',')}`;

function decodeServedQuestion(encoded: string): ServedQuestion {
  const [questionId, order] = encoded.split('|');
  return { questionId, optionOrder: order ? order.split(',') : [] };
}

/** The served questions in order, as one string (`a|c,b;d|`): storage compares it with one equality. */
const encodeServedList = (served: ServedQuestion[]) => served.map(encodeServedQuestion).join(';');
const decodeServedList = (encoded: string) => encoded.split(';').map(decodeServedQuestion);

export const encodeServedToken = ({ moduleId, contentVersion, served }: ServedClaim) =>
  [moduleId, contentVersion, encodeServedList(served)].join('~');

/** The served questions of a token this API wrote itself (stored), without checking it again. */
export const servedInToken = (token: string) => decodeServedList(token.slice(token.lastIndexOf('~') + 1));

/** The claim in a token, or undefined when it is not one this API could have issued. */
export function decodeServedToken(token: string): ServedClaim | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const served = decodeServedList(match[3]);
  if (served.length > MAX_QUESTIONS || new Set(served.map((question) => question.questionId)).size !== served.length) return undefined;
  return { moduleId: match[1], contentVersion: match[2], served };
}
