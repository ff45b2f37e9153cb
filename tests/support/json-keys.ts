/** Every property name anywhere in a JSON value. */
export function jsonKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => jsonKeys(item, keys));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      keys.add(key);
      jsonKeys(child, keys);
    }
  }
  return keys;
}

/** Property names that carry answer keys or explanations; none may reach a browser before submission. */
export const ANSWER_KEY_FIELDS = ['correct', 'correctOptionIds', 'explanation', 'section'];
