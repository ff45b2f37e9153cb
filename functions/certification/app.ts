import { Hono } from 'hono/tiny';
import { certificateView, certificationView, observedProcedureView, rosterView } from '../core/api/views/certification';
import type { VerifyToken } from '../core/auth/token-verifier';
import { reinstateCertificate, revokeCertificate, suspendCertificate } from '../core/certification/lifecycle';
import { rosterOf } from '../core/certification/roster';
import {
  acknowledgeFeedback,
  certificationOf,
  issueCertificate,
  recordObservedProcedure,
  renewCertificate,
  type CertificationDeps,
} from '../core/certification/use-cases';
import type { AuthEnv } from '../core/http/access';
import { sendJson } from '../core/http/compress';
import { mount } from '../core/http/mount';
import { noStore } from '../core/http/no-store';
import { notFound, onError } from '../core/http/problem-details';

export type CertificationAppDeps = CertificationDeps & { verifyToken: VerifyToken };

/**
 * Observed procedures and certificates: record and acknowledge, issue exactly once, renew,
 * suspend, reinstate, revoke; an organisation's roster.
 */
export function createCertificationApp(deps: CertificationAppDeps) {
  const app = new Hono<AuthEnv>().use(noStore);
  const certificate = (record: Parameters<typeof certificateView>[0]) => certificateView(record, deps.now());
  mount(app, 'getCertification', deps.verifyToken, async ({ principal, params, c }) =>
    sendJson(c, certificationView(await certificationOf(deps, principal, params.traineeId), deps.now())),
  );
  mount(app, 'recordObservedProcedure', deps.verifyToken, async ({ principal, params, body, idempotencyKey, c }) => {
    const { replayed, procedure } = await recordObservedProcedure(deps, principal, params.traineeId, body, idempotencyKey);
    // A retry under the same key is answered as the first request was (IETF idempotency draft).
    if (replayed) c.header('idempotent-replayed', 'true');
    return sendJson(c, observedProcedureView(procedure), 201);
  });
  mount(app, 'acknowledgeFeedback', deps.verifyToken, async ({ principal, params, body, c }) =>
    sendJson(c, observedProcedureView(await acknowledgeFeedback(deps, principal, params.procedureId, body))),
  );
  mount(app, 'issueCertificate', deps.verifyToken, async ({ principal, params, body, c }) =>
    sendJson(c, certificate(await issueCertificate(deps, principal, params.traineeId, body)), 201),
  );
  mount(app, 'renewCertificate', deps.verifyToken, async ({ principal, params, body, c }) =>
    sendJson(c, certificate(await renewCertificate(deps, principal, params.traineeId, body)), 201),
  );
  mount(app, 'suspendCertificate', deps.verifyToken, async ({ principal, params, body, c }) =>
    sendJson(c, certificate(await suspendCertificate(deps, principal, params.traineeId, body))),
  );
  mount(app, 'reinstateCertificate', deps.verifyToken, async ({ principal, params, body, c }) =>
    sendJson(c, certificate(await reinstateCertificate(deps, principal, params.traineeId, body))),
  );
  mount(app, 'revokeCertificate', deps.verifyToken, async ({ principal, params, body, c }) =>
    sendJson(c, certificate(await revokeCertificate(deps, principal, params.traineeId, body))),
  );
  mount(app, 'getRoster', deps.verifyToken, async ({ principal, params, c }) =>
    sendJson(c, rosterView(await rosterOf(deps, principal, params.orgId))),
  );
  return app.onError(onError).notFound(notFound);
}
