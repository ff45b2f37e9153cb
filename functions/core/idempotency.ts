import { createHash } from 'node:crypto';

/**
 * A client's promise that a create request is the same one it may send again (the
 * `Idempotency-Key` header): after a timeout it cannot tell whether the first one was stored, so
 * it retries with the same key, and the store hands back what the first one made instead of
 * making a second. The key is scoped to who sent it; the fingerprint is of what they sent, so
 * the same key with a different request is refused rather than answered with the wrong record.
 */
export interface IdempotencyClaim {
  /** Who made the request and the key they chose: together, the claim's identity. */
  scope: string;
  key: string;
  /** A hash of the validated request, to tell a retry from a different request under the same key. */
  fingerprint: string;
  /** Claims are kept a day: retries come within seconds or minutes. */
  expiresAtEpochSeconds: number;
}

const KEPT_SECONDS = 24 * 60 * 60;

export function idempotencyClaim(scope: string, key: string | undefined, request: unknown, now: Date): IdempotencyClaim | undefined {
  if (!key) return undefined;
  const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('base64url');
  return { scope, key, fingerprint, expiresAtEpochSeconds: Math.floor(now.getTime() / 1000) + KEPT_SECONDS };
}

/** What a store answers to a create under a claim: made now, a replay of the first, or a key reused for something else. */
export type Claimed<T> = { outcome: 'created'; value: T } | { outcome: 'replayed'; value: T } | { outcome: 'key-reused' };
