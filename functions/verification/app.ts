import { Hono } from 'hono/tiny';
import { verificationView } from '../core/api/views/certification';
import { verifyCertificate, type VerificationDeps } from '../core/certification/verification';
import type { AuthEnv } from '../core/http/access';
import { sendJson } from '../core/http/compress';
import { mount } from '../core/http/mount';
import { noStore } from '../core/http/no-store';
import { notFound, onError } from '../core/http/problem-details';

/**
 * Public certificate verification: no sign-in, one read (two when superseded). Not cached: a revocation must show the
 * moment it is made.
 */
export function createVerificationApp(deps: VerificationDeps) {
  const app = new Hono<AuthEnv>().use(noStore);
  mount(app, 'verifyCertificate', undefined, async ({ params, c }) =>
    sendJson(c, verificationView(await verifyCertificate(deps, params.code), deps.now())),
  );
  return app.onError(onError).notFound(notFound);
}
