import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { problemSchema } from '../../functions/core/api/schemas';
import { routes, type Route } from '../../functions/core/api/routes';
import { demoOrganisations, demoPeople } from '../../infra/local/demo-data';
import { satisfactoryProcedure } from '../support/certification';
import { newTrainee } from '../support/new-trainee';

const stack = inject('stack');

/**
 * Every route of the contract, fuzzed through the local origin (the routing CloudFront and API
 * Gateway do) with the real handlers behind it: odd path parameters, bodies that are not JSON, not
 * objects or almost valid, odd content types and tokens. Whatever arrives, the answer is never a
 * 5xx, and every error is an RFC 9457 problem whose status matches the response's.
 */
const RUNS_PER_ROUTE = 40;

/** Path parameter values: real ones, plausible ones, and hostile ones (encoded, raw, huge). */
const paramValue = fc.oneof(
  fc.constantFrom(
    demoPeople.traineeA.sub,
    demoOrganisations.harbour.orgId,
    'mechanism-of-action',
    'CIT-0000-0000-0000',
    '00000000-0000-4000-8000-000000000000',
  ),
  fc.uuid(),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  // Names every plain object inherits: a lookup keyed by a parameter must not reach Object.prototype.
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'),
  fc.constantFrom('..', '%2e%2e', '%', '%E0%A4%A', '%00', ' ', 'a/b', '?x=1', '#', 'x'.repeat(5000), 'CIT-UUUU-0000-0000', '<script>'),
);

/** What goes in a path: usually encoded as a client would, sometimes raw. */
const encodedParam = fc
  .tuple(paramValue, fc.boolean())
  .map(([value, raw]) => (raw && !/[/?#]/.test(value) ? value : encodeURIComponent(value)));

/** A body the route's schema expects, to mutate: valid, so mutations stay close to the edge. */
const validBodies: Record<string, unknown> = {
  submitAnswers: { servedToken: 'mechanism-of-action~abc~q1|a,b', answers: [{ questionId: 'q1', selected: ['a'] }] },
  inviteTrainee: { name: 'Fuzz Invitee', email: 'fuzz@example.test' },
  createOrganisation: { name: 'Fuzz Clinic', kind: 'clinic' },
  inviteSupervisor: { name: 'Fuzz Supervisor', email: 'fuzz-supervisor@example.test' },
  recordObservedProcedure: satisfactoryProcedure(),
  revokeCertificate: { reason: 'A reason long enough to pass.' },
};

/** Replaces one field of an object with an arbitrary JSON value, or drops it. */
const mutated = (valid: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(valid)), fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined })).map(([key, value]) => {
    const copy: Record<string, unknown> = { ...valid };
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return JSON.stringify(copy);
  });

const bodyFor = (route: Route) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('', '{', '{"a":', 'null', '[]', '{"__proto__":{"x":1}}', '"\\ud800"', '{"a":1,"a":2}'),
    validBodies[route.operationId] ? mutated(validBodies[route.operationId] as Record<string, unknown>) : fc.constant('{}'),
  );

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  undefined,
);

describe('fuzzing every route', () => {
  // Trainee routes act as a fresh trainee, so attempt limits of other test files are untouched.
  let traineeToken: string;
  beforeAll(async () => {
    traineeToken = (await newTrainee(stack, 'Fuzz Trainee')).token;
  });

  /** A token the route accepts (so requests reach validation and the domain), sometimes none or garbage. */
  const tokenFor = (route: Route) => {
    const allowed = route.access === 'public' || route.access === 'signed-in' ? undefined : route.access;
    const best =
      !allowed || allowed.includes('trainee')
        ? traineeToken
        : allowed.includes('supervisor')
          ? stack.tokens.supervisorA
          : stack.tokens.platformAdmin;
    return fc.constantFrom(best, best, best, undefined, 'not.a.token', `${best.slice(0, -4)}AAAA`);
  };

  it.each(routes.map((route) => [route.operationId, route] as const))(
    '%s never answers 5xx, and errors are problem+json',
    async (_id, route) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(encodedParam, { minLength: 1, maxLength: 1 }),
          bodyFor(route),
          contentType,
          tokenFor(route),
          async ([param], body, type, token) => {
            const path = route.path.replace(/\{\w+\}/g, param);
            const headers: Record<string, string> = {};
            if (type) headers['content-type'] = type;
            if (token) headers.authorization = `Bearer ${token}`;
            const response = await fetch(`${stack.webUrl}${path}`, {
              method: route.method.toUpperCase(),
              headers,
              body: route.method === 'post' ? body : undefined,
            });
            const text = await response.text();
            expect(response.status, `${route.method.toUpperCase()} ${path} → ${text.slice(0, 300)}`).toBeLessThan(500);
            if (response.status >= 400 && path.startsWith('/api/')) {
              expect(response.headers.get('content-type')).toBe('application/problem+json');
              const problem = problemSchema.parse(JSON.parse(text));
              expect(problem.status).toBe(response.status);
            }
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    },
  );
});
