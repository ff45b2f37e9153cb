import { describe, expect, it } from 'vitest';
import { publicKeySet } from '../../../functions/issuer-keys/public-key-set';

describe('publicKeySet', () => {
  it('keeps the public members of each key and drops anything private', () => {
    const rsa = { kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig', n: 'modulus', e: 'AQAB', d: 'PRIVATE', p: 'PRIVATE', q: 'PRIVATE' };
    expect(publicKeySet({ keys: [rsa] })).toEqual({ keys: [{ kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig', n: 'modulus', e: 'AQAB' }] });
  });

  it.each([
    ['not an object', 'keys'],
    ['no keys member', { key: [] }],
    ['an empty set', { keys: [] }],
    ['a key without a key id', { keys: [{ kty: 'RSA', n: 'modulus', e: 'AQAB' }] }],
  ])('refuses %s, so a deploy fails rather than pinning nothing', (_case, document) => {
    expect(() => publicKeySet(document)).toThrow();
  });
});
