import type { Context } from 'hono';
import { InvalidRequest } from '../errors';

/** The IETF draft's header; a UUID is the usual key, but any short token will do. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** The request's Idempotency-Key, if it sent one; a malformed one is a 400, not ignored. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    const message = 'Idempotency-Key must be 8 to 100 letters, digits or any of "_.:-" (a UUID, say).';
    throw new InvalidRequest(`The headers are invalid: ${message}`, [{ pointer: '/headers/idempotency-key', message }]);
  }
  return key;
}
