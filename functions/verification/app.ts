import { Hono } from 'hono/tiny';
import { honoPath, route } from '../core/api/routes';
import { certificateCodeParamsSchema } from '../core/api/requests';
import { verifyCertificate, type VerificationDeps } from '../core/certification/verification';
import { sendJson } from '../core/http/compress';
import { noStore } from '../core/http/no-store';
import { notFound, onError } from '../core/http/problem-details';
import { pathParams } from '../core/http/validate';

/**
 * Public certificate verification: no sign-in, one read. Not cached: a revocation must show the
 * moment it is made.
 */
export function createVerificationApp(deps: VerificationDeps) {
  return new Hono()
    .use(noStore)
    .get(honoPath(route('verifyCertificate').path), pathParams(certificateCodeParamsSchema), async (c) => sendJson(c, await verifyCertificate(deps, c.req.valid('param').code)))
    .onError(onError)
    .notFound(notFound);
}
