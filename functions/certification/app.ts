import { Hono } from 'hono/tiny';
import { honoPath, route, type OperationId } from '../core/api/routes';
import { orgIdParamsSchema, recordAssessmentSchema, revokeCertificateSchema, traineeIdParamsSchema } from '../core/api/requests';
import type { VerifyToken } from '../core/auth/token-verifier';
import { rosterOf } from '../core/certification/roster';
import { certificationOf, issueCertificate, recordAssessment, renewCertificate, revokeCertificate, type CertificationDeps } from '../core/certification/use-cases';
import { requireAccess, type AuthEnv } from '../core/http/access';
import { maxBodySize } from '../core/http/body-size';
import { sendJson } from '../core/http/compress';
import { noStore } from '../core/http/no-store';
import { notFound, onError } from '../core/http/problem-details';
import { idempotencyKeyOf } from '../core/http/idempotency-key';
import { jsonBody, pathParams } from '../core/http/validate';

/** An assessment with the longest feedback allowed is under 3 KB. */
const MAX_BODY_BYTES = 8 * 1024;

export type CertificationAppDeps = CertificationDeps & { verifyToken: VerifyToken };

/** Observed practical assessments and certificates: record, issue exactly once, revoke; an organisation's roster. */
export function createCertificationApp(deps: CertificationAppDeps) {
  const guard = (operationId: OperationId) => requireAccess(route(operationId), deps.verifyToken);
  const path = (operationId: OperationId) => honoPath(route(operationId).path);
  const trainee = pathParams(traineeIdParamsSchema);
  const body = maxBodySize(MAX_BODY_BYTES);

  return new Hono<AuthEnv>()
    .use(noStore)
    .get(path('getCertification'), guard('getCertification'), trainee, async (c) =>
      sendJson(c, await certificationOf(deps, c.get('principal'), c.req.valid('param').traineeId)),
    )
    .post(path('recordAssessment'), guard('recordAssessment'), trainee, body, ...jsonBody(recordAssessmentSchema), async (c) => {
      const { replayed, assessment } = await recordAssessment(deps, c.get('principal'), c.req.valid('param').traineeId, c.req.valid('json'), idempotencyKeyOf(c));
      // A retry under the same key is answered as the first request was (IETF idempotency draft).
      if (replayed) c.header('idempotent-replayed', 'true');
      return sendJson(c, assessment, 201);
    })
    .post(path('issueCertificate'), guard('issueCertificate'), trainee, async (c) =>
      sendJson(c, await issueCertificate(deps, c.get('principal'), c.req.valid('param').traineeId), 201),
    )
    .post(path('renewCertificate'), guard('renewCertificate'), trainee, async (c) =>
      sendJson(c, await renewCertificate(deps, c.get('principal'), c.req.valid('param').traineeId), 201),
    )
    .post(path('revokeCertificate'), guard('revokeCertificate'), trainee, body, ...jsonBody(revokeCertificateSchema), async (c) =>
      sendJson(c, await revokeCertificate(deps, c.get('principal'), c.req.valid('param').traineeId, c.req.valid('json'))),
    )
    .get(path('getRoster'), guard('getRoster'), pathParams(orgIdParamsSchema), async (c) => sendJson(c, await rosterOf(deps, c.get('principal'), c.req.valid('param').orgId)))
    .onError(onError)
    .notFound(notFound);
}
