import { describe, expect, inject, it } from 'vitest';
import type { IssuedAttempt } from '../../functions/core/api/schemas';
import { API_CONTENT_SECURITY_POLICY } from '../../infra/site/security-headers';
import { submissionFor } from '../support/banks';
import { newTrainee } from '../support/new-trainee';

const stack = inject('stack');

/** The local origin stands in for CloudFront: what a browser receives from it is what it would receive in AWS. */
describe('local origin (CloudFront stand-in)', () => {
  it('passes compressed API responses through with the API security headers', async () => {
    const trainee = await newTrainee(stack);
    const headers = { authorization: trainee.authorization, 'accept-encoding': 'br, gzip' };
    const attempt = (await (
      await fetch(`${stack.webUrl}/api/modules/indications/attempts`, { method: 'POST', headers })
    ).json()) as IssuedAttempt;
    const response = await fetch(`${stack.webUrl}/api/attempts/${attempt.attemptId}/submission`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(submissionFor(attempt)),
    });
    expect(response.status).toBe(201);
    const review = await fetch(`${stack.webUrl}/api/attempts/${attempt.attemptId}`, { headers });
    expect(review.headers.get('content-encoding')).toBe('gzip');
    for (const answer of [response, review]) {
      expect(answer.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    expect(((await review.json()) as { passed: boolean }).passed).toBe(true);
  });

  it('marks API errors uncacheable too', async () => {
    const response = await fetch(`${stack.webUrl}/api/me/progress`);
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('gives pages the site security headers, not the API ones', async () => {
    const response = await fetch(`${stack.webUrl}/courses/indications`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
