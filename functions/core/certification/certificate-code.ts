/**
 * Certificate codes are printed and typed by people, so they use Crockford's base32 (no I, L, O
 * or U: nothing to confuse with 1 or 0) in three groups of four: 60 random bits, far too many to
 * guess one by trying codes against a rate-limited API.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;
const PREFIX = 'CIT';

export const CERTIFICATE_CODE_RANDOM_BYTES = LENGTH;

/**
 * A code in its canonical form (12 characters, no prefix or hyphens) from 12 random bytes. Pure,
 * so the web app can share this file: the caller supplies the randomness.
 */
export function certificateCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length !== LENGTH) throw new Error(`A certificate code needs ${LENGTH} random bytes`);
  // 32 divides 256, so taking each byte modulo 32 keeps every character equally likely.
  return [...randomBytes].map((byte) => ALPHABET[byte % 32]).join('');
}

/** How people see a code: CIT-7K3M-Q9XD-2PWA. */
export const formatCertificateCode = (code: string) => `${PREFIX}-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;

/**
 * A code as people type it, as a pattern: an optional CIT prefix, then 12 characters of the
 * alphabet with the letters read as digits (I, L, O), any case, hyphens and spaces anywhere. The
 * OpenAPI document publishes it; canonicalCertificateCode accepts exactly what it matches.
 */
export const TYPED_CERTIFICATE_CODE = /^[\s-]*(?:[Cc][Ii][Tt][\s-]*)?(?:[0-9A-TV-Za-tv-z][\s-]*){12}$/;

/** Accepts a code as typed (any case, with or without prefix, hyphens or spaces); undefined if it cannot be one. */
export function canonicalCertificateCode(input: string): string | undefined {
  const letters = input.toUpperCase().replace(/[\s-]/g, '');
  // The prefix only when there is one besides the 12 characters: a code may itself begin "CIT" as typed (C1T…).
  const compact = letters.length === LENGTH + PREFIX.length && letters.startsWith(PREFIX) ? letters.slice(PREFIX.length) : letters;
  // Crockford: read the letters people confuse with digits as those digits.
  const code = compact.replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === LENGTH && [...code].every((char) => ALPHABET.includes(char)) ? code : undefined;
}
