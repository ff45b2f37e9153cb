/**
 * An Idempotency-Key per request a form makes: the same key while the same body is retried (after
 * a timeout or a 503, the server then stores it once), a new one as soon as the body changes or
 * the last one succeeded. A changed body under an old key would be refused (422) by design.
 */
export function idempotencyKeys() {
  let current: { body: string; key: string } | undefined;
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (current?.body !== text) current = { body: text, key: crypto.randomUUID() };
      return current.key;
    },
    /** The request succeeded: the next one is a new request. */
    succeeded() {
      current = undefined;
    },
  };
}
