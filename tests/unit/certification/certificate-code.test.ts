import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalCertificateCode,
  certificateCodeFrom,
  formatCertificateCode,
  TYPED_CERTIFICATE_CODE,
} from '../../../functions/core/certification/certificate-code';

describe('certificate codes', () => {
  it('map each random byte to one of 32 unambiguous characters', () => {
    const code = certificateCodeFrom(Uint8Array.from([0, 1, 31, 32, 63, 255, 18, 19, 20, 21, 26, 27]));
    expect(code).toBe('01Z0ZZJKMNTV');
    expect(formatCertificateCode(code)).toBe('CIT-01Z0-ZZJK-MNTV');
    expect(() => certificateCodeFrom(new Uint8Array(11))).toThrow();
  });

  it.each([
    ['CIT-7K3M-Q9XD-2PWA', '7K3MQ9XD2PWA'],
    ['cit-7k3m-q9xd-2pwa', '7K3MQ9XD2PWA'],
    ['7K3M Q9XD 2PWA', '7K3MQ9XD2PWA'],
    ['CIT7K3MQ9XD2PWA', '7K3MQ9XD2PWA'],
    // Read as a person would mean them: O is 0, I and L are 1.
    ['CIT-OOOO-IIII-LLLL', '000011111111'],
    // Twelve characters that happen to start C, I, T are a code, not a prefix and nine.
    ['CIT0-ABCD-1234', 'C1T0ABCD1234'],
  ])('reads %s as %s', (typed, canonical) => {
    expect(canonicalCertificateCode(typed)).toBe(canonical);
  });

  it.each(['', 'CIT-7K3M-Q9XD', 'CIT-7K3M-Q9XD-2PWAA', 'CIT-UUUU-0000-0000', 'CIT-7K3M-Q9XD-2PW!'])('rejects %j', (typed) => {
    expect(canonicalCertificateCode(typed)).toBeUndefined();
  });

  it('accepts exactly what the published pattern says (the OpenAPI document and the server agree)', () => {
    const typedChar = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -!'.split(''));
    const typed = fc.oneof(
      fc.array(typedChar, { maxLength: 22 }).map((chars) => chars.join('')),
      fc
        .tuple(fc.constantFrom('', 'CIT-', 'cit ', 'CIT'), fc.array(typedChar, { minLength: 12, maxLength: 14 }))
        .map(([prefix, chars]) => prefix + chars.join('')),
    );
    fc.assert(
      fc.property(typed, (value) => TYPED_CERTIFICATE_CODE.test(value) === (canonicalCertificateCode(value) !== undefined)),
      { numRuns: 5000 },
    );
  });
});
