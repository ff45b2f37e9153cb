/** The public members of an RSA or EC JSON Web Key; anything else (a private part) is dropped. */
const PUBLIC_MEMBERS = ['kty', 'kid', 'alg', 'use', 'n', 'e', 'crv', 'x', 'y'] as const;

type Jwk = Partial<Record<(typeof PUBLIC_MEMBERS)[number], string>>;

/**
 * The key set an issuer publishes, reduced to what verifying needs. Throws when the document is
 * not a key set, so a deploy fails rather than pinning nothing.
 */
export function publicKeySet(document: unknown): { keys: Jwk[] } {
  const keys = (document as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error('The issuer published no JSON Web Key Set ({"keys": [...]})');
  return {
    keys: keys.map((key: Record<string, unknown>) => {
      if (typeof key?.kty !== 'string' || typeof key.kid !== 'string') throw new Error('A published key lacks kty or kid');
      return Object.fromEntries(
        PUBLIC_MEMBERS.filter((member) => typeof key[member] === 'string').map((member) => [member, key[member]]),
      ) as Jwk;
    }),
  };
}
