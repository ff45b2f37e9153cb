import { describe, expect, it } from 'vitest';
import { decodeServedToken, encodeServedToken, type ServedClaim } from '../../../functions/core/quiz/served-token';

const claim: ServedClaim = {
  moduleId: 'technique',
  contentVersion: '0123456789abcdef',
  served: [
    { questionId: 'tech-depth', optionOrder: ['c', 'a', 'b'] },
    { questionId: 'tech-true-false', optionOrder: [] },
  ],
};

describe('served token', () => {
  it('round-trips what an attempt served, option order included', () => {
    const token = encodeServedToken(claim);
    expect(token).toBe('technique~0123456789abcdef~tech-depth|c,a,b;tech-true-false|');
    expect(decodeServedToken(token)).toEqual(claim);
  });

  it.each([
    ['empty', ''],
    ['no questions', 'technique~0123456789abcdef~'],
    ['an extra part', `${encodeServedToken(claim)}~more`],
    ['a module id with other characters', encodeServedToken({ ...claim, moduleId: 'tech nique' })],
    ['a question served twice', encodeServedToken({ ...claim, served: [claim.served[0], claim.served[0]] })],
    ['a question with two option lists', 'technique~0123456789abcdef~tech-depth|c,a|b'],
    ['a question without its option list', 'technique~0123456789abcdef~tech-depth'],
    [
      'more than 100 questions',
      encodeServedToken({ ...claim, served: Array.from({ length: 101 }, (_, index) => ({ questionId: `q${index}`, optionOrder: [] })) }),
    ],
  ])('rejects %s', (_case, token) => {
    expect(decodeServedToken(token)).toBeUndefined();
  });
});
