import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { invitePersonSchema, suspendCertificateSchema, traineeIdParamsSchema } from '../../../functions/core/api/requests';

/** The words a 400 says for what the schemas do not word themselves (functions/core/api/validation-messages.ts). */
const messages = (schema: z.ZodMiniType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('/')}: ${issue.message}`);
};

describe('validation messages', () => {
  it('say what is missing, unknown, of the wrong type or not one of the choices', () => {
    expect(messages(invitePersonSchema, { name: 'Jo Smith', extra: 1 })).toEqual(['email: Required.', ': Unknown field: extra.']);
    expect(messages(invitePersonSchema, { name: 7, email: 'jo@clinic.example' })).toEqual(['name: Expected string.']);
    expect(messages(suspendCertificateSchema, { category: 'whim', note: 'A note long enough.' })).toEqual([
      expect.stringMatching(/^category: Expected one of: "practice-concern", "complaint", /),
    ]);
  });

  it('name the format expected', () => {
    expect(messages(traineeIdParamsSchema, { traineeId: 'not-a-uuid' })).toEqual(['traineeId: Expected a UUID.']);
    expect(messages(invitePersonSchema, { name: 'Jo', email: 'jo@' })).toEqual(['email: Email: a full address, like name@clinic.co.uk.']);
  });
});
