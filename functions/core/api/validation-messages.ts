import type * as z from 'zod/mini';

const SIZED: Record<string, string> = { string: 'characters', array: 'items', set: 'items' };
const FORMATS: Record<string, string> = {
  email: 'an email address',
  uuid: 'a UUID',
  datetime: 'an ISO 8601 date and time',
  date: 'a date (YYYY-MM-DD)',
};

/**
 * The message for each kind of problem zod finds, for the 400s the API sends. Zod ships its
 * messages as locales; the English one is 2.7 KB of every Lambda for words our own schemas mostly
 * replace with their own ("Name: at most 120 characters."), so this says the few generic ones.
 */
export function validationMessage(issue: z.core.$ZodRawIssue): string {
  const bound = (word: string, value: unknown, inclusive = true) => {
    const unit = SIZED[String(issue.origin)];
    return unit
      ? `${word} ${String(value)} ${unit}.`
      : `${inclusive ? word : word === 'At most' ? 'Less than' : 'More than'} ${String(value)}.`;
  };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Required.' : `Expected ${issue.expected}.`;
    case 'too_small':
      return bound('At least', issue.minimum, issue.inclusive);
    case 'too_big':
      return bound('At most', issue.maximum, issue.inclusive);
    case 'invalid_format':
      return FORMATS[issue.format] ? `Expected ${FORMATS[issue.format]}.` : 'Not in the expected format.';
    case 'invalid_value':
      return `Expected one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    case 'not_multiple_of':
      return `Expected a multiple of ${String(issue.divisor)}.`;
    default:
      return 'Invalid value.';
  }
}
